import type { PanelCurves } from '../../shared/panelProtocol';
import { withPoints } from '../../shared/panelCurves';
import type { BatchPoint } from '../../shared/trainingEvents';

/** The x of a batch point in epochs: batch 50 of 100 in epoch 2 is 1.5. */
export function batchX(point: Pick<BatchPoint, 'epoch' | 'batch'>, batchesPerEpoch: number): number {
  return point.epoch - 1 + point.batch / Math.max(1, batchesPerEpoch);
}

/**
 * A run folder's batch log as curves, x in epochs, as the training panel and the comparison draw
 * them; batches per epoch are read off the log itself. None for a run without batches.
 */
export function curvesOf(points: readonly BatchPoint[]): PanelCurves | undefined {
  if (points.length === 0) return undefined;
  const lastEpoch = points[points.length - 1].epoch;
  // A whole epoch tells how many batches one has; a run stopped in its first epoch has only that one.
  const whole = points.filter((p) => p.epoch < lastEpoch);
  let batchesPerEpoch = 0;
  // A loop, not Math.max(...spread): a long MNIST log has more points than a call takes arguments.
  for (const p of whole.length > 0 ? whole : points) batchesPerEpoch = Math.max(batchesPerEpoch, p.batch);
  return withPoints(undefined, points.map((p) => ({ x: batchX(p, batchesPerEpoch), metrics: p.metrics })));
}
