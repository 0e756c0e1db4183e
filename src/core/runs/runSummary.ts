import type { MetricValues } from '../../shared/trainingEvents';
import type { Evaluation, Prediction, RunStatus } from '../../shared/runResults';

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
  finalMetrics?: MetricValues;
  evaluation?: Evaluation;
  predictions?: Prediction[];
  /** Class names of the data, for showing predictions. */
  classNames?: string[];
  notes: string[];
  durationMs?: number;
  samplesPerSecond?: number;
  error?: string;
}

export const SUMMARY_FILE = 'summary.json';
export const HISTORY_FILE = 'history.jsonl';
export const MODEL_JSON = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';
