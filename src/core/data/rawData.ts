/**
 * What the sources (CSV, inline, built-ins) hand to loadData before the loss decides how the model
 * sees the labels and before splitting and limiting.
 */
import type { SpecPath } from '../diagnostics';

/** Labels as read from the source. */
export type RawLabels =
  /** Named classes (strings in a file, a built-in's classes): one index per sample. */
  | { kind: 'classes'; indices: Int32Array; classNames: string[] }
  /** One number per sample: class indices or regression values, depending on the loss. */
  | { kind: 'numbers'; values: Float64Array }
  /** A nested array per sample (one-hot rows, multi-output regression). */
  | { kind: 'vectors'; values: Float32Array; shape: number[] };

/** A CSV file or inline data set: every sample, in file order. */
export interface RawTable {
  /** Display name: file base name or `inline data`. */
  name: string;
  featureShape: number[];
  /** The features' names (a CSV header's), when the source has them. */
  featureNames?: string[];
  isImage: boolean;
  count: number;
  features: Float32Array;
  labels: RawLabels;
  /** Spec path to blame for label problems (`['data','label']`, `['data','inline','y']`). */
  labelPath: SpecPath;
  /** The labels' name in messages: the CSV column (`diagnosis`, `column 31`) or `y`. */
  labelName?: string;
}

/** One split of a built-in data set: class indices as targets. */
export interface LabelledSet {
  count: number;
  features: Uint8Array | Float32Array;
  targets: Int32Array;
}

/** A built-in data set with its own train/test split and fixed class names. */
export interface BuiltinData {
  name: string;
  featureShape: number[];
  featureNames?: string[];
  isImage: boolean;
  classNames: string[];
  train: LabelledSet;
  test?: LabelledSet;
}
