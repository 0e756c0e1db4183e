import type { PanelCurves } from './panelProtocol';
import { pick, thinIndices } from './thinning';

/** Points kept per metric in a page's saved state: enough for the same picture, far less than 100,000. */
export const SAVED_POINTS = 2_000;

/**
 * The curves thinned the way the charts draw them (each bucket's lowest and highest point, every NaN),
 * to about `maxPoints` per metric: for saved state, and for a comparison sent to its page.
 */
export function thinnedCurves(curves: PanelCurves | undefined, maxPoints = SAVED_POINTS): PanelCurves | undefined {
  if (!curves) return undefined;
  const columns = Object.values(curves.values);
  const kept = thinIndices(curves.x, columns, maxPoints / 2);
  if (kept.length === curves.x.length) return curves;
  return { x: pick(curves.x, kept), values: Object.fromEntries(Object.entries(curves.values).map(([name, column]) => [name, pick(column, kept)])) };
}
