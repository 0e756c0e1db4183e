/**
 * Keras' `from_logits=True`: the last layer outputs logits (no softmax or sigmoid), the loss applies
 * the activation itself in its numerically stable form, and whatever reads the outputs as
 * probabilities applies the activation first (toProbabilities), so a linear `Dense(10)` trains and
 * predicts like `Dense(10, activation='softmax')`.
 */
import type { Tensor } from '@tensorflow/tfjs';
import type { Tf } from '../backend/tfTypes';

/** The activation that turns a logits model's outputs into probabilities. */
export type LogitsActivation = 'softmax' | 'sigmoid';

/** The activation for logits under a tfjs loss id, or undefined when the outputs are probabilities already. */
export function logitsActivation(loss: string, fromLogits: boolean | undefined): LogitsActivation | undefined {
  if (!fromLogits) return undefined;
  return loss === 'binaryCrossentropy' ? 'sigmoid' : 'softmax';
}

/** Logits turned into probabilities; outputs that are probabilities already (no activation) as they are. */
export function toProbabilities(tf: Tf, output: Tensor, activation: LogitsActivation | undefined): Tensor {
  if (activation === undefined) return output;
  return activation === 'sigmoid' ? tf.sigmoid(output) : tf.softmax(output);
}

type LossFn = (yTrue: Tensor, yPred: Tensor) => Tensor;

/**
 * The crossentropy on logits, one value per sample as tfjs' own losses give: log-softmax (a
 * log-sum-exp) and `max(x, 0) - x * z + log(1 + exp(-|x|))` never take the log of a rounded-off 0.
 */
export function logitsLoss(tf: Tf, loss: string): LossFn {
  switch (loss) {
    case 'sparseCategoricalCrossentropy':
      return (yTrue, yPred) =>
        tf.tidy(() => {
          const classes = yPred.shape[yPred.shape.length - 1] ?? 1;
          const oneHot = tf.oneHot(tf.cast(tf.reshape(yTrue, [-1]), 'int32'), classes);
          return tf.neg(tf.sum(tf.mul(oneHot, tf.logSoftmax(yPred)), -1));
        });
    case 'categoricalCrossentropy':
      return (yTrue, yPred) => tf.tidy(() => tf.neg(tf.sum(tf.mul(yTrue, tf.logSoftmax(yPred)), -1)));
    case 'binaryCrossentropy':
      return (yTrue, yPred) =>
        tf.tidy(() => {
          const perValue = tf.add(tf.sub(tf.relu(yPred), tf.mul(yPred, yTrue)), tf.log1p(tf.exp(tf.neg(tf.abs(yPred)))));
          return tf.mean(perValue, -1);
        });
    default:
      throw new Error(`internal: from_logits is only valid for the crossentropy losses, not ${loss}`);
  }
}

/**
 * A metric of a logits model, measured on probabilities as it is on a softmax or sigmoid model: the
 * 0.5 threshold of binary accuracy, precision and recall means a probability, not a logit.
 */
export function onProbabilities(tf: Tf, metric: LossFn, activation: LogitsActivation): LossFn {
  return (yTrue, yPred) => tf.tidy(() => metric(yTrue, toProbabilities(tf, yPred, activation)));
}
