import type { NamedTensorMap, Optimizer, Variable, serialization } from '@tensorflow/tfjs';
import type { Tf } from '../backend/tfTypes';

type NamedTensor = Extract<Parameters<Optimizer['applyGradients']>[0], unknown[]>[number];

/**
 * Adadelta as Keras computes it. tfjs 4.22's AdadeltaOptimizer scales the step by the accumulated
 * gradient from BEFORE this step, so its first step is `learning_rate * gradient` (with
 * learning_rate 1 a weight jumps by the whole gradient and oscillates). Keras uses the updated
 * accumulator: delta = sqrt(acc_update + eps) / sqrt(acc_grad_new + eps) * g.
 */
export function createKerasAdadelta(tf: Tf, learningRate: number, rho: number, epsilon: number): InstanceType<Tf['Optimizer']> {
  class KerasAdadelta extends tf.Optimizer {
    static get className(): string {
      return 'KerasAdadelta';
    }

    private readonly accumulators = new Map<string, { grad: Variable; update: Variable }>();

    override applyGradients(variableGradients: NamedTensorMap | NamedTensor[]): void {
      const pairs = Array.isArray(variableGradients) ? variableGradients.map((g) => [g.name, g.tensor] as const) : Object.entries(variableGradients);
      for (const [name, gradient] of pairs) {
        if (!gradient) continue;
        const value = tf.engine().registeredVariables[name];
        let acc = this.accumulators.get(name);
        if (!acc) {
          acc = tf.tidy(() => ({ grad: tf.zerosLike(value).variable(false), update: tf.zerosLike(value).variable(false) }));
          this.accumulators.set(name, acc);
        }
        const { grad, update } = acc;
        tf.tidy(() => {
          const newGrad = tf.add(tf.mul(grad, rho), tf.mul(tf.square(gradient), 1 - rho));
          const delta = tf.mul(tf.div(tf.sqrt(tf.add(update, epsilon)), tf.sqrt(tf.add(newGrad, epsilon))), gradient);
          grad.assign(newGrad);
          update.assign(tf.add(tf.mul(update, rho), tf.mul(tf.square(delta), 1 - rho)));
          value.assign(tf.sub(value, tf.mul(delta, learningRate)));
        });
      }
      this.incrementIterations();
    }

    override dispose(): void {
      for (const { grad, update } of this.accumulators.values()) tf.dispose([grad, update]);
      this.accumulators.clear();
    }

    override getConfig(): serialization.ConfigDict {
      return { learningRate, rho, epsilon };
    }
  }
  return new KerasAdadelta();
}
