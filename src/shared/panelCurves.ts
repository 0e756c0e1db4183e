/**
 * How batch points join a run's curves, part of the panel protocol: the host keeps its live state and
 * the page mirrors it with this same function, so both hold the same columns.
 */
import type { PanelBatchPoint, PanelCurves } from './panelProtocol';

/**
 * The curves with new batch points appended. Points at or before the last x are already there (a
 * batch replayed after a snapshot that held it), so appending is idempotent like the rest.
 */
export function withPoints(curves: PanelCurves | undefined, points: readonly PanelBatchPoint[]): PanelCurves | undefined {
  const last = curves?.x[curves.x.length - 1] ?? -Infinity;
  const fresh = points.filter((p) => p.x > last);
  if (fresh.length === 0) return curves;
  const x = [...(curves?.x ?? [])];
  const values: Record<string, Array<number | null>> = {};
  for (const [name, column] of Object.entries(curves?.values ?? {})) values[name] = [...column];
  for (const point of fresh) {
    const index = x.length;
    x.push(point.x);
    for (const [name, value] of Object.entries(point.metrics)) {
      const column = (values[name] ??= new Array<number | null>(index).fill(null));
      column.push(value === null || !Number.isFinite(value) ? null : value);
    }
    for (const column of Object.values(values)) while (column.length <= index) column.push(null);
  }
  return { x, values };
}
