import type { PanelCurves } from '../../src/shared/panelProtocol';
import { pick, thinIndices } from '../shared/math/thinning';

/** Points kept per metric in the saved state: enough for the same picture, far less than 100,000. */
const SAVED_POINTS = 2_000;

/** The curves as the saved state keeps them: thinned the way the charts draw them. */
export function thinnedCurves(curves: PanelCurves | undefined): PanelCurves | undefined {
  if (!curves) return undefined;
  const columns = Object.values(curves.values);
  const kept = thinIndices(curves.x, columns, SAVED_POINTS / 2);
  if (kept.length === curves.x.length) return curves;
  return { x: pick(curves.x, kept), values: Object.fromEntries(Object.entries(curves.values).map(([name, column]) => [name, pick(column, kept)])) };
}
