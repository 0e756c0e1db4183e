import type { BatchEndEvent } from '../../shared/trainingEvents';
import { formatDuration, formatNumber } from '../../core/metricFormat';

/** `epoch 3/10 · loss 0.1234`, the short live line of the CodeLens. */
export function shortProgress(batch: Pick<BatchEndEvent, 'epoch' | 'epochs' | 'metrics'>): string {
  const loss = batch.metrics.loss;
  return `epoch ${batch.epoch}/${batch.epochs}` + (loss === undefined ? '' : ` · loss ${formatNumber(loss)}`);
}

/** Fraction of the whole training done after this batch, 0..1. */
export function fractionDone(batch: BatchEndEvent): number {
  return Math.min(1, (batch.epoch - 1 + batch.batch / batch.batchesPerEpoch) / batch.epochs);
}

/** Remaining time from the time spent so far, once there is enough to extrapolate from. */
export function etaText(batch: BatchEndEvent, elapsedMs: number): string {
  const done = fractionDone(batch);
  if (done <= 0 || elapsedMs < 500) return '';
  return ` · ETA ${formatDuration((elapsedMs * (1 - done)) / done)}`;
}
