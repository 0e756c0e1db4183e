/**
 * The one live state of a training run in the host, and the reducer that applies the worker's events
 * to it. The panel (through messages it applies the same way), the CodeLens, the progress notification
 * and the sidebar all render from this state, so they never disagree by more than one throttle
 * interval. No vscode import: the unit tests drive it with plain events.
 */
import type { PanelBatchPoint, PanelProgress, PanelRun } from '../../shared/panelProtocol';
import type { BatchEndEvent, EpochEndEvent } from '../../shared/trainingEvents';
import { batchX } from '../../core/runs/batchCurves';
import { formatDuration, formatNumber } from '../../core/metricFormat';
import { withPoints } from '../../shared/panelCurves';

/** What the pace of a run is computed from, kept beside its PanelRun. */
export interface LivePace {
  /** Training samples per epoch (without validation samples). */
  trainSamples?: number;
  /** Training time of the finished epochs, pauses excluded. */
  finishedEpochsMs: number;
}

export function newPace(): LivePace {
  return { finishedEpochsMs: 0 };
}

/** Applies a batch event; returns what the panel needs to mirror it. */
export function applyBatch(run: PanelRun, pace: LivePace, event: BatchEndEvent): { progress: PanelProgress; points: PanelBatchPoint[] } {
  const progress = progressOf(event, pace);
  const points = (event.points ?? []).map((p) => ({ x: batchX(p, event.batchesPerEpoch), metrics: p.metrics }));
  run.status = 'running';
  run.epochs = event.epochs;
  run.current = progress;
  run.curves = withPoints(run.curves, points);
  return { progress, points };
}

/** Applies an epoch end: the history grows and the progress says the epoch is whole. */
export function applyEpochEnd(run: PanelRun, pace: LivePace, event: EpochEndEvent): void {
  pace.finishedEpochsMs += event.epochMs;
  run.history = [...run.history.filter((h) => h.epoch !== event.epoch), { epoch: event.epoch, metrics: event.metrics }];
  run.epochs = event.epochs;
  const batches = run.current?.batchesPerEpoch ?? 1;
  const elapsedMs = pace.finishedEpochsMs;
  const done = event.epoch / Math.max(1, event.epochs);
  run.current = {
    epoch: event.epoch,
    batch: batches,
    batchesPerEpoch: batches,
    metrics: run.current?.metrics ?? event.metrics,
    elapsedMs,
    etaMs: done > 0 ? (elapsedMs * (1 - done)) / done : undefined,
    samplesPerSecond: run.current?.samplesPerSecond,
    msPerStep: run.current?.msPerStep,
  };
}

export function applyPause(run: PanelRun, paused: boolean): void {
  run.paused = paused;
}

function progressOf(event: BatchEndEvent, pace: LivePace): PanelProgress {
  const elapsedMs = pace.finishedEpochsMs + event.elapsedMs;
  const done = Math.min(1, (event.epoch - 1 + event.batch / event.batchesPerEpoch) / event.epochs);
  const samplesThisEpoch = pace.trainSamples !== undefined ? (pace.trainSamples * event.batch) / event.batchesPerEpoch : undefined;
  return {
    epoch: event.epoch,
    batch: event.batch,
    batchesPerEpoch: event.batchesPerEpoch,
    metrics: event.metrics,
    elapsedMs,
    // Too early to extrapolate from less than half a second.
    etaMs: done > 0 && elapsedMs >= 500 ? (elapsedMs * (1 - done)) / done : undefined,
    samplesPerSecond: samplesThisEpoch !== undefined && event.elapsedMs > 0 ? (samplesThisEpoch / event.elapsedMs) * 1000 : undefined,
    msPerStep: event.batch > 0 ? event.elapsedMs / event.batch : undefined,
  };
}

/** `epoch 3/10 · loss 0.1234`, `Paused · epoch 3/10 · loss 0.1234`, or `starting…`: the lens's and notification's line. */
export function liveLine(run: PanelRun, stopping = false): string {
  if (stopping) return 'stopping…';
  const current = run.current;
  if (!current) return run.paused ? 'Paused' : 'starting…';
  const loss = current.metrics.loss;
  const line = `epoch ${current.epoch}/${run.epochs ?? '?'}` + (loss === undefined ? '' : ` · loss ${formatNumber(loss)}`);
  return run.paused ? `Paused · ${line}` : line;
}

/** ` · ETA 12s`, or nothing while there is too little to extrapolate from. */
export function etaSuffix(run: PanelRun): string {
  const eta = run.current?.etaMs;
  return eta === undefined || run.paused ? '' : ` · ETA ${formatDuration(eta)}`;
}

/** Fraction of the whole training done, 0..1. */
export function fractionOf(run: PanelRun): number {
  const c = run.current;
  if (!c || !run.epochs) return 0;
  return Math.min(1, (c.epoch - 1 + c.batch / c.batchesPerEpoch) / run.epochs);
}
