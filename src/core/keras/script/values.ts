import type { Expr, Stmt } from './pythonAst';

/** Where the samples of a data value come from. */
export type DataOrigin =
  | { kind: 'builtin'; name: 'mnist' | 'iris' | 'digits' | 'breast_cancer' }
  | { kind: 'csv'; path: string }
  | { kind: 'inline'; value: unknown[] }
  /** A name the script never defines (seed 001's `train_x`): the model file gets a placeholder. */
  | { kind: 'undefined'; name: string; from: number };

/**
 * An array of the script as the importer follows it: its origin and what was done to it, in the
 * model file's terms (features or label, split, scale, normalize, reshape, one-hot).
 */
export interface DataValue {
  origin: DataOrigin;
  /** `whole`: a data frame, a loaded array or a scikit-learn bunch not yet split into features and label. */
  part: 'x' | 'y' | 'whole';
  split: 'train' | 'test' | 'all';
  /** CSV feature columns: names, a Python slice string (`0:8`, `:-1`), or columns dropped from the frame. */
  features?: string[] | number[] | string | { drop: string[] };
  label?: string | number;
  scale?: number;
  normalize?: 'standard' | 'minmax';
  reshape?: number[];
  oneHot?: boolean;
  testSplit?: number;
  /** `X_test[:5]`: the first N samples (of a training split: the format's `limit`). */
  count?: number;
  /** The x and y of a `mnist.load_data()` part or a `return_X_y` result, before they are unpacked. */
  from: number;
}

export interface LayerValue {
  /** `{ Dense: { units: 4 } }`, or `'Flatten'` without options. */
  layer: Record<string, Record<string, unknown>>;
  from: number;
}

export interface ModelState {
  layers: Array<Record<string, unknown> | string>;
  name?: string;
  /** The shape of an `Input(shape=...)` or `InputLayer` written first, for the next layer. */
  pendingInputShape?: unknown;
  /** A `Rescaling(1./N)` before the first layer: the data is divided by N. */
  scale?: number;
  from: number;
  compiled?: { optimizer?: unknown; loss?: unknown; metrics?: string[]; from: number };
  fit?: { options: Record<string, unknown>; x?: Value; y?: Value; from: number };
  predict?: Record<string, unknown>;
}

export type Value =
  | { kind: 'qualified'; path: string }
  | { kind: 'literal'; value: unknown }
  | { kind: 'model'; model: ModelState }
  | { kind: 'layer'; layer: LayerValue }
  | { kind: 'input'; shape: unknown }
  /** `Rescaling(1./255)`: the data's `scale` when it comes before the first layer. */
  | { kind: 'rescaling'; divisor: number; inputShape?: unknown }
  | { kind: 'optimizer'; value: unknown }
  | { kind: 'loss'; value: unknown }
  | { kind: 'metric'; value: string }
  | { kind: 'earlyStopping'; options: Record<string, unknown> }
  | { kind: 'regularizer'; value: unknown }
  | { kind: 'initializer'; value: string }
  | { kind: 'scaler'; normalize: 'standard' | 'minmax' }
  /** scikit-learn's LabelEncoder (class names to 0..K-1 in sorted order, as the format reads them) or OneHotEncoder. */
  | { kind: 'labelEncoder'; oneHot: boolean }
  | { kind: 'data'; data: DataValue }
  | { kind: 'tuple'; items: Value[] }
  /** `X.shape[1]` and the like: a size the data gives, so a layer's input shape can be left out. */
  | { kind: 'dataShape' }
  | { kind: 'history' }
  | { kind: 'function'; params: string[]; defaults: Record<string, unknown>; body: Stmt[]; from: number; used: boolean }
  | { kind: 'unknown'; expr?: Expr };

export const UNKNOWN: Value = { kind: 'unknown' };
