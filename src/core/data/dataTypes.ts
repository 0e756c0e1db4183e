/**
 * In-memory datasets. Features stay in their compact source form (MNIST as bytes) and are turned
 * into float32 tensors one batch at a time, so a 60,000-image set costs 47 MB, not 188 MB.
 */
import type { LogitsActivation } from '../model/logits';

/** One split (train or test) of a dataset, sample-major. */
export interface DataSplit {
  readonly count: number;
  /** count * product(featureShape) values, sample after sample. */
  readonly features: Uint8Array | Float32Array;
  /**
   * For classification: count class indices (0..numClasses-1).
   * For regression / multi-output targets: count * product(targetShape) values.
   */
  readonly targets: Int32Array | Float32Array;
}

/** Per-feature transform applied while converting a batch to float32: (x / scale - offset) * factor. */
export interface FeatureTransform {
  /** Divide raw values by this first (1 when not set). */
  scale: number;
  /** Per-feature offset (length = product(featureShape)), or undefined for none. */
  offset?: Float32Array;
  /** Per-feature multiplier, or undefined for none. */
  factor?: Float32Array;
}

export type TargetKind =
  /** Class indices; batches give int-valued float32 of shape [n] or [n,1] (sparse losses, binary). */
  | 'classIndex'
  /** Class indices stored, batches give one-hot float32 of shape [n, numClasses]. */
  | 'oneHot'
  /** Continuous targets of targetShape, given as they are. */
  | 'values';

/** A loaded, preprocessed dataset ready for batching. */
export interface LoadedData {
  /** Human name for reports, e.g. `mnist (60,000 train / 10,000 test)`. */
  description: string;
  featureShape: number[];
  /** The features' names when the data has them (CSV columns, iris' measurements), for messages. */
  featureNames?: string[];
  /** Per-sample target shape as the model's output sees it: [1], [numClasses], [k]. */
  targetShape: number[];
  targetKind: TargetKind;
  /** Set for classification data. */
  numClasses?: number;
  /** Display names of the classes (CSV string labels, iris species, digits '0'..'9'). */
  classNames?: string[];
  /** True when features are images (MNIST, digits): predictions then omit the input. */
  isImage: boolean;
  /**
   * Set when the model outputs logits (a loss with `from_logits: true`): the activation that turns
   * its outputs into probabilities wherever they are read as such (model/logits.ts).
   */
  logits?: LogitsActivation;
  train: DataSplit;
  /** Absent when the data has no test split; evaluation then uses the training data. */
  test?: DataSplit;
  transform: FeatureTransform;
  /** Things done for the user worth telling them, e.g. "labels one-hot encoded for categorical_crossentropy". */
  notes: string[];
}
