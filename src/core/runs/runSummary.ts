import type { MetricValues } from '../../shared/trainingEvents';
import type { Evaluation, ModelSummaryTable, Prediction, RunStatus } from '../../shared/runResults';
import type { RestoredWeights } from '../train/fitModel';

export type { RunStatus };

/** summary.json of a run folder. */
export interface RunSummary {
  status: RunStatus;
  name: string;
  modelFile: string;
  startedAt: string;
  finishedAt?: string;
  backend: string;
  backendReason: string;
  seed: number;
  epochsPlanned: number;
  epochsCompleted: number;
  /**
   * The epoch whose weights model.json and weights.bin hold, so a stopped or interrupted run keeps a
   * usable model: kept at every epoch end, written at the first, then at most once a second and when
   * training ends.
   */
  weightsEpoch?: number;
  /**
   * Set when `restore_best_weights` gave the model an earlier epoch's weights than its last: that
   * epoch (also weightsEpoch) and its monitored value. The saved model, evaluation and predictions use them.
   */
  restoredWeights?: RestoredWeights;
  finalMetrics?: MetricValues;
  evaluation?: Evaluation;
  predictions?: Prediction[];
  /** Class names of the data, for showing predictions. */
  classNames?: string[];
  notes: string[];
  /** Keras' model.summary() of the model trained. */
  modelSummary?: ModelSummaryTable;
  /** Wall-clock time from start to end, pauses included (pausedMs says how much of it was held). */
  durationMs?: number;
  pausedMs?: number;
  samplesPerSecond?: number;
  error?: string;
  /** The process that trains the run and its host, so a reader can tell a run whose process died (`interrupted`). */
  pid?: number;
  hostname?: string;
}

export const SUMMARY_FILE = 'summary.json';
export const HISTORY_FILE = 'history.jsonl';
export const BATCHES_FILE = 'batches.jsonl';
export const MODEL_JSON = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';
