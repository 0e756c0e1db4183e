/**
 * What a model learned, as the worker computes it and the panel draws it: the evaluation's confusion
 * matrix and samples, the decision boundary, the weights' histograms, and what the model takes as
 * input. Plain data only; the page never runs a model or loops over a data set.
 */

/** Counts of values in equal-width bins, with the statistics tfjs-vis' `show.layer` gives. */
export interface Histogram {
  /** Smallest and largest finite value (both 0 when there is none). */
  min: number;
  max: number;
  /** Equal-width bins from `min` to `max`; the last bin holds `max` too. Empty when no value is finite. */
  counts: number[];
  /** Over the finite values (0 when there is none). */
  mean: number;
  std: number;
  /** Every value, finite or not. */
  count: number;
  zeros: number;
  /** NaN, Infinity and -Infinity. */
  nonFinite: number;
}

export interface WeightHistogram extends Histogram {
  shape: number[];
}

/** One layer's weights; layers without weights (Flatten, Dropout) are left out. */
export interface LayerWeights {
  /** Keras' name, as the model summary gives it: `dense`, `dense_1`. */
  name: string;
  /** The layer's class: `Dense`. */
  type: string;
  kernel?: WeightHistogram;
  bias?: WeightHistogram;
}

export interface WeightsSnapshot {
  /** The epoch at whose end they were read. */
  epoch: number;
  layers: LayerWeights[];
}

/** One axis of the decision boundary's plane, in the data's own units (before normalization). */
export interface PlaneAxis {
  name: string;
  min: number;
  max: number;
}

/**
 * The model's output over the plane of its two input features, as the TensorFlow Playground draws it.
 * `values` holds `rows * columns` cells row by row, row 0 at `y.min` (the bottom of the picture), each
 * cell the output at the cell's centre.
 */
export interface DecisionBoundary {
  epoch: number;
  x: PlaneAxis;
  y: PlaneAxis;
  columns: number;
  rows: number;
  /**
   * `binary`: each value is the probability of class 1 (one sigmoid output, or two softmax outputs);
   * `classes`: each value is the predicted class index, its probability in `confidence`;
   * `value`: the regression output, within `range`.
   */
  kind: 'binary' | 'classes' | 'value';
  values: number[];
  confidence?: number[];
  range?: [number, number];
  /** Up to 500 training points in the data's own units, each with its class index (or target value). */
  points: { x: number[]; y: number[]; target: number[] };
  classNames?: string[];
}

/** Precision, recall and F1 of one class (or their averages), as scikit-learn's classification_report. */
export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** Samples whose true class this is (for the averages: all samples). */
  support: number;
}

export interface ClassificationReport {
  classNames: string[];
  /** `confusion[t][p]`: samples of true class t predicted as class p. */
  confusion: number[][];
  perClass: ClassMetrics[];
  accuracy: number;
  macro: ClassMetrics;
  weighted: ClassMetrics;
}

/** A grayscale image: `width * height` bytes, row by row, 0 = no ink, 255 = full ink, as base64. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: string;
}

/** One sample of the evaluation split through the trained model. */
export interface SampleResult {
  /** Its position in the evaluation split (0-based). */
  index: number;
  /** Classification: the true and the predicted class index, and each class's probability. */
  trueClass?: number;
  predictedClass?: number;
  /** One per class; for one sigmoid output `[1 - p, p]`. */
  probabilities?: number[];
  /** Regression: the outputs and the true targets. */
  output?: number[];
  expected?: number[];
  /** Tabular data: the features in the data's own units. */
  input?: number[];
  /** Image data: the sample as a picture. */
  image?: GrayImage;
}

/** The whole evaluation split through the trained model, summed up for a person to read. */
export interface EvaluationInsights {
  split: 'test' | 'train';
  /** Samples in the split. */
  samples: number;
  /** Classification only. */
  report?: ClassificationReport;
  /** At most 100 samples, mistakes first, with samples of as many cells of the matrix as fit. */
  gallery: SampleResult[];
  /** Regression: predicted against true values of the first output, at most 2,000 samples. */
  scatter?: { name: string; predicted: number[]; actual: number[] };
}

/** What the model takes as input, for the `Try it` form, the `Draw a digit` pad and Predict's input box. */
export interface ModelInputs {
  featureShape: number[];
  task: 'binary' | 'multiclass' | 'regression';
  classNames?: string[];
  /** Tabular data: each feature's name (CSV column, `x1`, `x2` …) and its range in the training data. */
  features?: Array<{ name: string; min: number; max: number }>;
  /**
   * Grayscale images: their size and the raw value of full ink (255 for MNIST, 16 for digits).
   * `style` says how a drawing is made to look like the training images, when it can be.
   */
  image?: { width: number; height: number; maxValue: number; style?: 'mnist' | 'digits' };
}

/** What the worker found about a run: written to the run folder's insights.json, shown by the panel. */
export interface RunInsights {
  inputs: ModelInputs;
  evaluation?: EvaluationInsights;
  /** Models with exactly two numeric inputs. */
  boundary?: DecisionBoundary;
  weights?: WeightsSnapshot;
}
