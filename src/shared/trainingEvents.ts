/**
 * What a training run reports while it goes. The core emits these; the CLI prints them and the
 * extension's worker forwards them to the host. Plain data only: this module imports nothing.
 */

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
  elapsedMs: number;
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

export type TrainingEvent = RunStartedEvent | BatchEndEvent | EpochEndEvent | PhaseEvent;
