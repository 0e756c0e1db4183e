import type { Tensor } from '@tensorflow/tfjs';
import type { MetricSpec } from '../spec/modelSpec';
import type { Tf } from '../backend/tfTypes';
import { onProbabilities, type LogitsActivation } from './logits';

type MetricFn = (yTrue: Tensor, yPred: Tensor) => Tensor;

/**
 * The tfjs metric function for a metric of the model file. Functions rather than strings because
 * tfjs' string table lacks several (recall, sparseCategoricalAccuracy, meanSquaredError). A logits
 * model's metrics are measured on its probabilities.
 */
export function metricFunction(tf: Tf, metric: MetricSpec, logits?: LogitsActivation): MetricFn {
  const fn = logits ? onProbabilities(tf, tfjsMetricFunction(tf, metric), logits) : tfjsMetricFunction(tf, metric);
  // tfjs names a metric (its log key in fit, its entry in metricsNames) after the function's name; a
  // wrapper below would otherwise be called '' and its epoch values read as missing.
  return fn.name ? fn : Object.defineProperty(fn, 'name', { value: metric.tfjsName });
}

function tfjsMetricFunction(tf: Tf, metric: MetricSpec): MetricFn {
  const m = tf.metrics;
  switch (metric.tfjsName) {
    case 'binaryAccuracy':
      return m.binaryAccuracy;
    case 'categoricalAccuracy':
      return m.categoricalAccuracy;
    case 'sparseCategoricalAccuracy':
      return m.sparseCategoricalAccuracy;
    // tfjs counts a positive only where the prediction is exactly 1; Keras thresholds at 0.5.
    case 'precision':
      return (yTrue, yPred) => tf.tidy(() => m.precision(yTrue, tf.cast(tf.greater(yPred, 0.5), 'float32')));
    case 'recall':
      return (yTrue, yPred) => tf.tidy(() => m.recall(yTrue, tf.cast(tf.greater(yPred, 0.5), 'float32')));
    case 'meanSquaredError':
      return m.meanSquaredError;
    case 'meanAbsoluteError':
      return m.meanAbsoluteError;
    case 'meanAbsolutePercentageError':
      return m.meanAbsolutePercentageError;
    case 'cosineProximity':
      return m.cosineProximity;
    case 'r2Score':
      return m.r2Score;
    case 'binaryCrossentropy':
      return m.binaryCrossentropy;
    case 'categoricalCrossentropy':
      return m.categoricalCrossentropy;
    case 'sparseCategoricalCrossentropy':
      // Not exported as a metric by tfjs: the categorical one over one-hot class indices is the same.
      return (yTrue, yPred) =>
        tf.tidy(() => m.categoricalCrossentropy(tf.oneHot(tf.cast(tf.reshape(yTrue, [-1]), 'int32'), yPred.shape[yPred.shape.length - 1]), yPred));
    default:
      throw new Error(`no tfjs function for metric ${metric.tfjsName}`);
  }
}
