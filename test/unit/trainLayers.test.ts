import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { tempDir, writeModelFile } from '../helpers/tempDir';

/** A model file on the first 300 digits (8x8 images) with the given layers, trained for 2 epochs. */
function digitsModel(layers: string, loss = 'sparse_categorical_crossentropy'): string {
  return `name: layers
seed: 5
data:
  dataset: digits
  scale: 16
  limit: 300
model:
${layers}
compile:
  optimizer: { rmsprop: { learning_rate: 0.01 } }
  loss: ${loss}
  metrics: [accuracy]
fit:
  epochs: 2
  batch_size: 32
`;
}

async function train(text: string, backend?: 'cpu' | 'wasm') {
  const dir = tempDir();
  const file = writeModelFile(dir, 'm.nn.yaml', text);
  return trainModelFile(file, { runsRoot: path.join(dir, 'runs'), backend });
}

const CONV_LAYERS = `  - Reshape: { target_shape: [8, 8, 1], input_shape: [64] }
  - Conv2D: { filters: 8, kernel_size: 3, padding: same, activation: relu, kernel_regularizer: { l2: 0.001 } }
  - MaxPooling2D: { pool_size: 2 }
  - AveragePooling2D: { pool_size: 2 }
  - Flatten
  - BatchNormalization
  - Dense: { units: 16, kernel_initializer: he_normal }
  - Activation: { activation: relu }
  - Dropout: { rate: 0.1 }
  - Dense: { units: 10, activation: softmax }`;

test('convolution, pooling, batch normalization, activation and dropout layers train on wasm (auto)', async () => {
  const { summary, history } = await train(digitsModel(CONV_LAYERS));
  assert.equal(summary.status, 'completed');
  assert.equal(summary.backend, 'wasm');
  assert.match(summary.backendReason, /wasm \(SIMD\) runs every layer/);
  assert.equal(history.loss.length, 2);
  assert.ok(history.loss.every(Number.isFinite));
});

test('a Conv2D model gives the same loss curve on wasm as on cpu (the composed filter gradient)', async () => {
  const text = digitsModel(CONV_LAYERS.replace('  - Dropout: { rate: 0.1 }\n', ''));
  const wasm = await train(text, 'wasm');
  const cpu = await train(text, 'cpu');
  assert.equal(wasm.summary.backend, 'wasm');
  assert.equal(cpu.summary.backend, 'cpu');
  for (let epoch = 0; epoch < 2; epoch++) {
    const [a, b] = [wasm.history.loss[epoch], cpu.history.loss[epoch]];
    assert.ok(Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b)), `epoch ${epoch + 1}: wasm ${a} vs cpu ${b}`);
  }
});

/** The MNIST CNN of issue 13 (Conv2D 32 3x3 relu, MaxPooling2D 2x2, Dense 64, Dense 10, adam, batch 64) on 128 images (cpu takes seconds a step). */
const MNIST_CNN = `name: mnist-cnn
seed: 3
data:
  dataset: mnist
  scale: 255
  limit: 128
  reshape: [28, 28, 1]
model:
  - Conv2D: { filters: 32, kernel_size: 3, activation: relu, input_shape: [28, 28, 1] }
  - MaxPooling2D: { pool_size: 2 }
  - Flatten
  - Dense: { units: 64, activation: relu }
  - Dense: { units: 10, activation: softmax }
compile:
  optimizer: adam
  loss: sparse_categorical_crossentropy
fit:
  epochs: 2
  batch_size: 64
`;

// Ties in all-zero windows after the relu do not reach the weights (the relu's gradient at 0 is 0), so
// this curve alone would not tell the stock MaxPoolGrad's tie-breaking from cpu's: wasmMaxPoolGrad.test.ts does.
test('the MNIST CNN gives the same loss curve on wasm as on cpu (composed filter gradient and MaxPoolGrad)', async () => {
  const wasm = await train(MNIST_CNN, 'wasm');
  const cpu = await train(MNIST_CNN, 'cpu');
  assert.equal(wasm.summary.backend, 'wasm');
  assert.equal(cpu.summary.backend, 'cpu');
  assert.equal(wasm.history.loss.length, 2);
  for (let epoch = 0; epoch < 2; epoch++) {
    const [a, b] = [wasm.history.loss[epoch], cpu.history.loss[epoch]];
    assert.ok(Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b)), `epoch ${epoch + 1}: wasm ${a} vs cpu ${b}`);
  }
});

for (const rnn of ['SimpleRNN', 'LSTM', 'GRU']) {
  test(`${rnn} trains on the digits read as 8 rows of 8 pixels`, async () => {
    const { summary, history } = await train(
      digitsModel(`  - Reshape: { target_shape: [8, 8], input_shape: [64] }
  - ${rnn}: { units: 16 }
  - Dense: { units: 10, activation: softmax }`),
    );
    assert.equal(summary.status, 'completed');
    assert.ok(history.loss[1] < history.loss[0], `loss ${history.loss}`);
  });
}

const EMBEDDING_MODEL = `name: emb
seed: 2
data:
  inline:
    x: [[1, 2, 3], [3, 2, 1], [1, 1, 2], [3, 3, 2], [2, 1, 1], [2, 3, 3]]
    y: [0, 1, 0, 1, 0, 1]
model:
  - Embedding: { input_dim: 4, output_dim: 4, input_length: 3 }
  - Flatten
  - Dense: { units: 1, activation: sigmoid }
compile:
  optimizer: { adam: { learning_rate: 0.1 } }
  loss: binary_crossentropy
  metrics: [accuracy]
fit:
  epochs: 30
  batch_size: 6
`;

test('Embedding trains on integer sequences on wasm, with the same loss curve as on cpu', async () => {
  const { summary, history } = await train(EMBEDDING_MODEL);
  assert.equal(summary.backend, 'wasm');
  assert.equal(history.accuracy.at(-1), 1);
  const cpu = await train(EMBEDDING_MODEL, 'cpu');
  for (let epoch = 0; epoch < history.loss.length; epoch++) {
    assert.ok(Math.abs(history.loss[epoch] - cpu.history.loss[epoch]) <= 1e-4, `epoch ${epoch + 1}: wasm ${history.loss[epoch]} vs cpu ${cpu.history.loss[epoch]}`);
  }
});

test('every optimizer trains a regression with mse and mae metrics', async () => {
  for (const optimizer of ['sgd: { learning_rate: 0.05, momentum: 0.9, nesterov: true }', 'adam: {}', 'rmsprop: {}', 'adagrad: { learning_rate: 0.1 }', 'adadelta: { learning_rate: 1 }', 'adamax: {}']) {
    const { history } = await train(`name: reg
seed: 1
data:
  inline:
    x: [[0], [1], [2], [3], [4], [5], [6], [7]]
    y: [[1], [3], [5], [7], [9], [11], [13], [15]]
  normalize: standard
model:
  - Dense: { units: 1 }
compile:
  optimizer: { ${optimizer} }
  loss: mse
  metrics: [mae]
fit:
  epochs: 20
  batch_size: 8
`);
    assert.ok(history.loss[19] < history.loss[0], `${optimizer}: loss ${history.loss[0]} -> ${history.loss[19]}`);
    assert.equal(history.mae.length, 20);
  }
});
