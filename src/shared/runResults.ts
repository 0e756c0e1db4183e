/**
 * What a finished run holds, as plain data: written to summary.json by the core, sent by the worker
 * to the host and by the host to the panel.
 */
import type { MetricValues } from './trainingEvents';

/** A number or nested lists of numbers: one sample's input as a model file or a user writes it. */
export type NestedNumbers = number | NestedNumbers[];

/**
 * How a run ended. Only `completed` and `early_stopped` runs hold a fully trained model; `stopped`
 * (cancelled) and `interrupted` (its process died while it trained) ones keep the weights of their last
 * finished epoch, if any.
 */
export type RunStatus = 'running' | 'completed' | 'early_stopped' | 'stopped' | 'interrupted' | 'failed';

export interface Evaluation {
  /** `test` when the data has a test split, else `train` (as seed 002 evaluates on its training data). */
  split: 'test' | 'train';
  samples: number;
  metrics: MetricValues;
}

export interface Prediction {
  /** The input as given, omitted for images (MNIST, digits). */
  input?: NestedNumbers;
  /** The model's raw output for this sample. */
  output: number[];
  /** The predicted class (its name when the data has class names), for classification. */
  label?: string | number;
  /** The true label or target, for samples taken from the data. */
  expected?: string | number | number[];
}

/** Backends a user can ask for; `auto` picks the fastest one that can run the model. */
export const BACKEND_CHOICES = ['auto', 'node', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** Keras' model.summary() as data: layers named as Keras names them, output shapes as `(None, 128)`. */
export interface ModelSummaryTable {
  layers: Array<{ name: string; type: string; outputShape: string; params: number }>;
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
}
