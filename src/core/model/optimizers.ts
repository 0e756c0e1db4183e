import type { Optimizer } from '@tensorflow/tfjs';
import type { OptimizerSpec } from '../spec/modelSpec';
import type { Tf } from '../backend/tfTypes';
import { createKerasAdadelta } from './kerasAdadelta';

/** Keras' defaults, so a file that names only the optimizer trains as the same Keras code would. */
const KERAS_DEFAULTS = {
  sgd: { learningRate: 0.01, momentum: 0, nesterov: false },
  adam: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  rmsprop: { learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7, centered: false },
  adagrad: { learningRate: 0.001, initialAccumulatorValue: 0.1 },
  adadelta: { learningRate: 0.001, rho: 0.95, epsilon: 1e-7 },
  adamax: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, decay: 0 },
} as const;

/** Creates the tfjs optimizer a compile section asks for. */
export function createOptimizer(tf: Tf, spec: OptimizerSpec): Optimizer {
  const num = (key: string, fallback: number): number => {
    const v = spec.options[key];
    return typeof v === 'number' ? v : fallback;
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const v = spec.options[key];
    return typeof v === 'boolean' ? v : fallback;
  };
  switch (spec.name) {
    case 'sgd': {
      const d = KERAS_DEFAULTS.sgd;
      const momentum = num('momentum', d.momentum);
      // tfjs splits Keras' SGD(momentum=...) into two optimizers.
      return momentum > 0
        ? tf.train.momentum(num('learningRate', d.learningRate), momentum, bool('nesterov', d.nesterov))
        : tf.train.sgd(num('learningRate', d.learningRate));
    }
    case 'adam': {
      const d = KERAS_DEFAULTS.adam;
      return tf.train.adam(num('learningRate', d.learningRate), num('beta1', d.beta1), num('beta2', d.beta2), num('epsilon', d.epsilon));
    }
    case 'rmsprop': {
      const d = KERAS_DEFAULTS.rmsprop;
      // tfjs calls Keras' `rho` "decay".
      return tf.train.rmsprop(
        num('learningRate', d.learningRate),
        num('rho', num('decay', d.rho)),
        num('momentum', d.momentum),
        num('epsilon', d.epsilon),
        bool('centered', d.centered),
      );
    }
    case 'adagrad': {
      const d = KERAS_DEFAULTS.adagrad;
      return tf.train.adagrad(num('learningRate', d.learningRate), num('initialAccumulatorValue', d.initialAccumulatorValue));
    }
    case 'adadelta': {
      const d = KERAS_DEFAULTS.adadelta;
      return createKerasAdadelta(tf, num('learningRate', d.learningRate), num('rho', d.rho), num('epsilon', d.epsilon));
    }
    case 'adamax': {
      const d = KERAS_DEFAULTS.adamax;
      return tf.train.adamax(num('learningRate', d.learningRate), num('beta1', d.beta1), num('beta2', d.beta2), num('epsilon', d.epsilon), num('decay', d.decay));
    }
  }
}
