import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type * as tfTypes from '@tensorflow/tfjs';
import { createKerasAdadelta } from '../../src/core/model/kerasAdadelta';
import { selectBackend } from '../../src/core/backend/selectBackend';

test('Adadelta takes Keras steps: the first is sqrt(eps) / sqrt((1 - rho) g^2 + eps) * g, not lr * g', async () => {
  const { tf } = await selectBackend('cpu', { layerTypes: [] });
  const w = tf.variable(tf.scalar(0));
  const optimizer = createKerasAdadelta(tf, 1, 0.95, 1e-7);
  const values: number[] = [];
  for (let i = 0; i < 3; i++) {
    optimizer.minimize(() => tf.square(tf.sub(w, 5)) as tfTypes.Scalar);
    values.push(w.dataSync()[0]);
  }
  // Hand-computed: g = -10, acc_grad = 0.05 * 100 = 5, delta = sqrt(1e-7) / sqrt(5 + 1e-7) * -10.
  const firstStep = (Math.sqrt(1e-7) / Math.sqrt(5 + 1e-7)) * 10;
  assert.ok(Math.abs(values[0] - firstStep) < 1e-6, `first value ${values[0]}, expected ${firstStep}`);
  assert.ok(values[1] > values[0] && values[2] > values[1] && values[2] < 5, `moves steadily towards 5: ${values}`);
  optimizer.dispose();
});
