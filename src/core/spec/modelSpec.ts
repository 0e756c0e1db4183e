/**
 * The normalized model definition: what a `*.nn.yaml` / `*.nn.json` file means after parsing and
 * validation. Keras snake_case and tfjs camelCase spellings in the file both end up as the tfjs
 * camelCase names here, so the trainer can hand them to TensorFlow.js directly.
 */

import type { NestedNumbers } from '../../shared/runResults';

export type { NestedNumbers };

export type BuiltinDatasetName = 'xor' | 'mnist' | 'iris' | 'digits';

export type DataSource =
  | { kind: 'inline'; x: NestedNumbers[]; y?: Array<NestedNumbers | string> }
  | { kind: 'dataset'; name: BuiltinDatasetName }
  | {
      kind: 'csv';
      /** As written in the file: relative to the model file's folder unless absolute. */
      path: string;
      /** Column name or 0-based index of the label (negative counts from the end); default: the last column. */
      label?: string | number;
      /**
       * Columns used as features, as written: names, indices and Python slices (`"0:8"`, `":-1"`),
       * or one slice; default: every column but the label. Resolved against the header in csvColumns.ts.
       */
      features?: string | Array<string | number>;
    };

export interface DataSpec {
  source: DataSource;
  /** Fraction of a CSV or inline set held out as the test split (built-ins keep their own). */
  testSplit?: number;
  /** Divide every feature by this number (Keras tutorials' `X / 255.0`). */
  scale?: number;
  /** Per-feature normalization fitted on the training split. */
  normalize?: 'standard' | 'minmax';
  /** Force (true) or forbid (false) one-hot labels; by default chosen from the loss. */
  oneHot?: boolean;
  /** Use only the first N samples of each split. */
  limit?: number;
  /** The shape every sample is reshaped to (`x.reshape(-1, 28, 28, 1)`), same element count. */
  reshape?: number[];
}

export type LayerType =
  | 'Dense'
  | 'Flatten'
  | 'Dropout'
  | 'Activation'
  | 'BatchNormalization'
  | 'Reshape'
  | 'Conv2D'
  | 'MaxPooling2D'
  | 'AveragePooling2D'
  | 'SimpleRNN'
  | 'LSTM'
  | 'GRU'
  | 'Embedding';

/** A regularizer with its factors, e.g. `{ l2: 0.01 }` or `{ l1: 0.01, l2: 0.01 }`. */
export interface RegularizerSpec {
  l1?: number;
  l2?: number;
}

export interface LayerSpec {
  type: LayerType;
  /**
   * The layer's tfjs config with camelCase keys and tfjs identifier values (`inputShape`, `units`,
   * `activation: 'relu'`, `kernelInitializer: 'glorotUniform'`). `inputDim` on a non-Embedding
   * layer is already turned into `inputShape: [inputDim]`. Regularizer keys hold RegularizerSpec.
   */
  config: Record<string, unknown>;
}

export type OptimizerName = 'sgd' | 'adam' | 'rmsprop' | 'adagrad' | 'adadelta' | 'adamax';

export interface OptimizerSpec {
  name: OptimizerName;
  /** camelCase options: learningRate, momentum, nesterov, beta1, beta2, epsilon, rho, decay, centered, initialAccumulatorValue. */
  options: Record<string, number | boolean>;
}

/** tfjs loss identifiers (camelCase), e.g. `binaryCrossentropy`, `meanSquaredError`. */
export type LossName = string;

export interface MetricSpec {
  /** As the user wrote it, used for history keys and reports: `accuracy`, `mse`, `precision`. */
  label: string;
  /** The tfjs metric identifier: `accuracy`, `binaryAccuracy`, `meanSquaredError`, `precision`... */
  tfjsName: string;
}

export interface CompileSpec {
  optimizer: OptimizerSpec;
  loss: LossName;
  /**
   * Keras `from_logits=True`: the model outputs logits, trained with the logits form of the
   * crossentropy; whatever reads outputs as probabilities applies softmax (sigmoid for binary) first.
   */
  fromLogits?: boolean;
  metrics: MetricSpec[];
}

export interface EarlyStoppingSpec {
  /** `loss`, `val_loss`, or a metric label with an optional `val_` prefix. */
  monitor: string;
  patience: number;
  minDelta: number;
  /** Keras `restore_best_weights`: end training with the weights of the best monitored epoch. */
  restoreBestWeights?: boolean;
}

export interface FitSpec {
  epochs: number;
  batchSize: number;
  validationSplit?: number;
  shuffle: boolean;
  earlyStopping?: EarlyStoppingSpec;
}

export type PredictSpec =
  | { kind: 'inputs'; inputs: NestedNumbers[] }
  | { kind: 'samples'; samples: number };

export interface ModelSpec {
  name: string;
  seed?: number;
  data: DataSpec;
  model: LayerSpec[];
  compile: CompileSpec;
  fit: FitSpec;
  predict?: PredictSpec;
}
