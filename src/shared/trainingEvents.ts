/**
 * What a training run reports while it goes. The core emits these; the CLI prints them and the
 * extension's worker forwards them to the host. Plain data only: this module imports only plain result types.
 */
import type { DecisionBoundary, ModelInputs, WeightsSnapshot } from './insightTypes';
import type { ModelSummaryTable } from './runResults';

/** Metric name -> value, e.g. { loss: 0.31, accuracy: 0.91, val_loss: 0.28, val_accuracy: 0.92 }. */
export type MetricValues = Record<string, number>;

export interface RunStartedEvent {
  type: 'runStarted';
  runDir: string;
  backend: string;
  backendReason: string;
  epochs: number;
  batchesPerEpoch: number;
  trainSamples: number;
  validationSamples: number;
  seed: number;
  notes: string[];
  /** Keras' model.summary() of the built model. */
  modelSummary?: ModelSummaryTable;
  /** What the model takes as input (for the panel's `Try it` and `Draw a digit`). */
  inputs?: ModelInputs;
}

export interface BatchEndEvent {
  type: 'batchEnd';
  /** 1-based epoch number, of `epochs`. */
  epoch: number;
  epochs: number;
  /** 1-based batch count within the epoch. */
  batch: number;
  batchesPerEpoch: number;
  /** Running averages over the epoch so far, as Keras' progress bar shows them. */
  metrics: MetricValues;
  /** Time spent training this epoch so far; time paused does not count. */
  elapsedMs: number;
  /**
   * Each batch's own values, oldest first. The core sends this batch's point; the worker, which drops
   * batch events to spare the host, sends the points of the dropped ones with the next event it sends.
   */
  points?: BatchPoint[];
}

/** One batch's own loss and metrics (what tfjs reports for that batch alone, not a running mean). */
export interface BatchPoint {
  /** 1-based epoch number. */
  epoch: number;
  /** 1-based batch number within the epoch. */
  batch: number;
  metrics: MetricValues;
}

export interface EpochEndEvent {
  type: 'epochEnd';
  /** 1-based epoch number. */
  epoch: number;
  epochs: number;
  metrics: MetricValues;
  epochMs: number;
}

export interface PhaseEvent {
  type: 'phase';
  phase: 'loading-data' | 'building' | 'training' | 'evaluating' | 'predicting' | 'saving';
}

/** Training was held (Pause, or Step reaching an epoch end) or goes on again (Resume, Step, Stop). */
export interface PauseChangedEvent {
  type: 'pauseChanged';
  paused: boolean;
  /** Where training is held: the 1-based epoch and the batches done in it (all of them at an epoch end). */
  epoch: number;
  batch: number;
}

/**
 * After an epoch end: the decision boundary drawn again and the weights read again. Not after every
 * epoch: their cost is kept to a small share of the training time (see InsightSchedule).
 */
export interface InsightsEvent {
  type: 'insights';
  epoch: number;
  boundary?: DecisionBoundary;
  weights?: WeightsSnapshot;
}

export type TrainingEvent = InsightsEvent | RunStartedEvent | BatchEndEvent | EpochEndEvent | PhaseEvent | PauseChangedEvent;
