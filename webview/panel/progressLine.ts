import type { PanelProgress } from '../../src/shared/panelProtocol';

import { formatCount as count, formatDuration as duration } from '../shared/format';

/** `Epoch 3/10 · batch 120/1,688 · 12s elapsed · ETA 40s · 10,234 samples/s · 3.1 ms/step`, or `Paused · …`. */
export function progressLine(progress: PanelProgress, epochs: number | undefined, paused: boolean): string {
  const parts = [`Epoch ${progress.epoch}${epochs ? `/${epochs}` : ''}`, `batch ${count(progress.batch)}/${count(progress.batchesPerEpoch)}`];
  if (progress.elapsedMs !== undefined) parts.push(`${duration(progress.elapsedMs)} elapsed`);
  if (progress.etaMs !== undefined && !paused) parts.push(`ETA ${duration(progress.etaMs)}`);
  if (progress.samplesPerSecond !== undefined) parts.push(`${count(progress.samplesPerSecond)} samples/s`);
  if (progress.msPerStep !== undefined) parts.push(`${progress.msPerStep < 10 ? progress.msPerStep.toFixed(1) : count(progress.msPerStep)} ms/step`);
  return (paused ? 'Paused · ' : '') + parts.join(' · ');
}
