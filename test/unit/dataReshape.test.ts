/** `data: { reshape: [28, 28, 1] }`: every sample reshaped, as `x_train.reshape(-1, 28, 28, 1)`. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { loadData } from '../../src/core/data';
import { checkModelFile } from '../../src/core/session/checkModelFile';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { predictFromRun } from '../../src/core/session/predictFromRun';
import { readInsights } from '../../src/core/runs/insightsFile';
import { formatDiagnostic } from '../../src/core/diagnostics';
import { parseModelText } from '../../src/core/modelFile';
import { tempDir, writeModelFile } from '../helpers/tempDir';

// The Keras MNIST convnet's data preparation and first layer, on a few images.
const CONVNET = `name: convnet
seed: 1
data:
  dataset: mnist
  scale: 255
  reshape: [28, 28, 1]
  limit: 300
model:
  - Conv2D: { filters: 4, kernel_size: [3, 3], activation: relu, input_shape: [28, 28, 1] }
  - MaxPooling2D: { pool_size: [2, 2] }
  - Flatten
  - Dense: { units: 10, activation: softmax }
compile:
  optimizer: adam
  loss: sparse_categorical_crossentropy
  metrics: [accuracy]
fit:
  epochs: 2
  batch_size: 32
predict:
  samples: 3
`;

test('reshape gives every sample the new shape and keeps the values in order', async () => {
  const flat = await loadData({ source: { kind: 'dataset', name: 'digits' }, limit: 5 }, { baseDir: '.', loss: 'sparseCategoricalCrossentropy' });
  const shaped = await loadData({ source: { kind: 'dataset', name: 'digits' }, limit: 5, reshape: [8, 8, 1] }, { baseDir: '.', loss: 'sparseCategoricalCrossentropy' });
  assert.deepEqual(flat.featureShape, [64]);
  assert.deepEqual(shaped.featureShape, [8, 8, 1]);
  assert.deepEqual(Array.from(shaped.train.features), Array.from(flat.train.features));
});

test('reshape normalizes from the file, and must be a list of positive sizes', () => {
  const parsed = parseModelText(CONVNET, 'c.nn.yaml');
  assert.deepEqual(parsed.spec?.data.reshape, [28, 28, 1]);
  const bad = parseModelText(CONVNET.replace('reshape: [28, 28, 1]', 'reshape: [-1, 28, 28, 1]'), 'c.nn.yaml').diagnostics.map(formatDiagnostic);
  assert.equal(bad.length, 1);
  assert.match(bad[0], /^c\.nn\.yaml:6:13: error: /);
});

test('a reshape that holds another number of values is a located error saying both shapes', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'c.nn.yaml', CONVNET.replace('reshape: [28, 28, 1]', 'reshape: [28, 28, 3]'));
  const diagnostics = (await checkModelFile(file)).map(formatDiagnostic);
  assert.deepEqual(diagnostics, [
    `${file}:6:12: error: reshape [28, 28, 3] holds 2,352 values, but each sample of mnist (300 train / 300 test) has shape [28, 28], 784 values: the shapes must hold the same number of values (e.g. [28, 28, 1])`,
  ]);
});

test('Conv2D with input_shape [28, 28, 1] on MNIST reshaped to [28, 28, 1] validates, trains and predicts', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'convnet.nn.yaml', CONVNET);
  assert.deepEqual((await checkModelFile(file)).map(formatDiagnostic), []);
  const { summary, runDir } = await trainModelFile(file, { runsRoot: path.join(dir, 'runs') });
  assert.equal(summary.status, 'completed');
  assert.ok((summary.evaluation?.metrics.accuracy ?? 0) > 0.4, `accuracy ${summary.evaluation?.metrics.accuracy}`);
  assert.equal(summary.predictions?.length, 3);
  // The panel still sees 28x28 pictures, and a drawn digit (28x28) is reshaped like the training data.
  const image = readInsights(runDir)?.inputs.image;
  assert.deepEqual([image?.width, image?.height], [28, 28]);
  const digit = Array.from({ length: 28 }, (_, r) => Array.from({ length: 28 }, (_, c) => (c === 14 && r > 4 && r < 24 ? 255 : 0)));
  const [drawn] = await predictFromRun(runDir, digit, 'cpu');
  assert.equal(drawn.output.length, 10);
});
