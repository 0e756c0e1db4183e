import type { Optimizer, Variable } from '@tensorflow/tfjs';
import type { Tf } from '../src/core/backend/tfTypes';

/**
 * A candidate of issue 13, measured by section 11 and not in the product: tfjs' Adam update done once
 * over all the weights laid end to end (one concat of the gradients, the same element-wise
 * arithmetic in the same order, one split), instead of a dozen small kernels per weight. Element by
 * element it computes exactly what tf.train.adam does, so the two train to the same weights.
 */
export function flatAdam(tf: Tf, learningRate: number, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7): Optimizer {
  class FlatAdam extends tf.AdamOptimizer {
    private m?: Variable;
    private v?: Variable;
    private accBeta1Flat?: Variable;
    private accBeta2Flat?: Variable;

    override applyGradients(variableGradients: Parameters<Optimizer['applyGradients']>[0]): void {
      const names = Array.isArray(variableGradients) ? variableGradients.map((g) => g.name) : Object.keys(variableGradients);
      const gradients = names.map((name, i) => (Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name]));
      const weights = names.map((name) => tf.engine().registeredVariables[name]);
      const sizes = weights.map((w) => w.size);
      const total = sizes.reduce((a, b) => a + b, 0);
      this.m ??= tf.variable(tf.zeros([total]), false);
      this.v ??= tf.variable(tf.zeros([total]), false);
      this.accBeta1Flat ??= tf.variable(tf.scalar(beta1), false);
      this.accBeta2Flat ??= tf.variable(tf.scalar(beta2), false);
      const [m, v, acc1, acc2] = [this.m, this.v, this.accBeta1Flat, this.accBeta2Flat];
      tf.tidy(() => {
        const g = tf.concat(gradients.map((t) => tf.reshape(t, [-1])));
        const newM = tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1));
        const newV = tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2));
        const step = tf.mul(tf.div(tf.div(newM, tf.sub(1, acc1)), tf.add(tf.sqrt(tf.div(newV, tf.sub(1, acc2))), epsilon)), -learningRate);
        m.assign(newM);
        v.assign(newV);
        tf.split(step, sizes).forEach((part, i) => weights[i].assign(tf.add(tf.reshape(part, weights[i].shape), weights[i])));
        acc1.assign(tf.mul(acc1, beta1));
        acc2.assign(tf.mul(acc2, beta2));
      });
      this.incrementIterations();
    }

    override dispose(): void {
      super.dispose();
      tf.dispose([this.m, this.v, this.accBeta1Flat, this.accBeta2Flat].filter((t): t is Variable => t !== undefined));
    }
  }
  return new FlatAdam(learningRate, beta1, beta2, epsilon);
}
