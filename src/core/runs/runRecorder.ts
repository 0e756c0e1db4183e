import type { LayersModel } from '@tensorflow/tfjs';
import type { BatchPoint, TrainingEvent } from '../../shared/trainingEvents';
import type { Tf } from '../backend/tfTypes';
import { EpochWeights } from './epochWeights';
import type { RunFolder } from './runFolder';
import type { RunSummary } from './runSummary';
import { RunFolderError } from './runFolder';

/**
 * At most one write of the weights, batches and summary a second. An XOR epoch takes about 5 ms and
 * those writes 1–3 ms, so writing them at every epoch end would slow XOR by a third or more; an MNIST
 * epoch takes many seconds, so it is still written at every epoch end.
 */
const WRITE_INTERVAL_MS = 1000;

/**
 * Keeps a run folder current while it trains, from the training events: each epoch's history line as
 * it ends; the batches' points, the last finished epoch's weights and the summary saying how many
 * epochs finished and which one the weights are from, written at the first epoch end, then at most
 * once a second, on a pause, and when training ends however it ends (`flush`). A process that dies
 * loses at most the last second of training. The summary object is the run's own, updated in place,
 * so the final summary keeps these fields.
 */
export class RunRecorder {
  private pending: BatchPoint[] = [];
  private readonly weights: EpochWeights;
  private lastWrite = -Infinity;

  constructor(
    private readonly run: RunFolder,
    private readonly summary: RunSummary,
    tf: Tf,
    model: LayersModel,
  ) {
    this.weights = new EpochWeights(tf, model, run.dir);
  }

  get dir(): string {
    return this.run.dir;
  }

  async record(event: TrainingEvent): Promise<void> {
    try {
      await this.recordEvent(event);
    } catch (err) {
      throw asFolderError(this.run.dir, err);
    }
  }

  private async recordEvent(event: TrainingEvent): Promise<void> {
    if (event.type === 'batchEnd') this.pending.push(...(event.points ?? []));
    // A paused run may be left paused for long, or closed: what it has done belongs on disk.
    else if (event.type === 'pauseChanged' && event.paused) await this.flush();
    else if (event.type === 'epochEnd') {
      this.run.appendEpoch(event.epoch, event.metrics);
      this.summary.epochsCompleted = event.epoch;
      this.weights.keep(event.epoch);
      if (performance.now() - this.lastWrite >= WRITE_INTERVAL_MS) await this.flush();
    }
  }

  /** Writes the batches, weights and summary not written yet. */
  async flush(): Promise<void> {
    try {
      await this.write();
    } catch (err) {
      throw asFolderError(this.run.dir, err);
    }
  }

  private async write(): Promise<void> {
    this.lastWrite = performance.now();
    this.run.appendBatches(this.pending);
    this.pending = [];
    const weightsEpoch = await this.weights.write();
    if (weightsEpoch !== undefined) this.summary.weightsEpoch = weightsEpoch;
    this.run.writeSummary(this.summary);
  }

  /** Lets go of the kept weights; after the last flush. */
  dispose(): void {
    this.weights.dispose();
  }
}

/** A write that failed mid-run (the disk filled, the folder went read-only) as the worded folder error. */
function asFolderError(dir: string, err: unknown): unknown {
  return typeof (err as { code?: unknown } | undefined)?.code === 'string' ? new RunFolderError(dir, err) : err;
}
