import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { LayersModel, Tensor } from '@tensorflow/tfjs';
import { selectBackend } from '../../src/core/backend/selectBackend';
import type { BackendName } from '../../src/core/backend/backendNames';
import { buildCheckedModel, loadModelAndData, type LoadedModelFile } from '../../src/core/session/loadModelAndData';
import { encodeFeatures, featureSize } from '../../src/core/data';
import type { DataSplit } from '../../src/core/data/dataTypes';
import { splitOutputs } from '../../src/core/insights/modelOutputs';
import { tempDir, writeModelFile } from '../helpers/tempDir';
import { maxDifference } from '../helpers/kernelValues';

// Issue 13: the evaluation's outputs are computed in chunks of 1,024 encoded into one reused buffer,
// and run through model.apply rather than model.predict. These tests hold them to what one predict
// over the whole split gave before: 2,500 real MNIST test images make two whole chunks and a part.
const MNIST_WITH_DROPOUT = `name: chunked
data:
  dataset: mnist
  scale: 255
  limit: 2500
model:
  - Flatten: { input_shape: [28, 28] }
  - Dense: { units: 64, activation: relu }
  - Dropout: { rate: 0.5 }
  - Dense: { units: 10, activation: softmax }
compile:
  optimizer: adam
  loss: sparse_categorical_crossentropy
  metrics: [accuracy]
fit:
  epochs: 1
  batch_size: 32
`;

let loaded: Promise<LoadedModelFile> | undefined;
function mnistSubset(): Promise<LoadedModelFile> {
  loaded ??= loadModelAndData(writeModelFile(tempDir(), 'chunked.nn.yaml', MNIST_WITH_DROPOUT));
  return loaded;
}

const all = (split: DataSplit) => Int32Array.from({ length: split.count }, (_, i) => i);

/** What splitOutputs computed before: one predict over the whole split, as one float32 tensor. */
async function wholeSetPredict(model: LayersModel, loadedFile: LoadedModelFile, tf: Awaited<ReturnType<typeof selectBackend>>['tf']): Promise<Float32Array> {
  const { data } = loadedFile;
  const split = data.test!;
  const output = tf.tidy(() => model.predict(tf.tensor(encodeFeatures(data, split, all(split)), [split.count, ...data.featureShape]), { batchSize: split.count }) as Tensor);
  try {
    return (await output.data()) as Float32Array;
  } finally {
    output.dispose();
  }
}

for (const backend of ['wasm', 'cpu'] as BackendName[]) {
  test(`${backend}: the test split's outputs in reused-buffer chunks through apply equal one whole-set predict (2,500 MNIST images, with Dropout) to 1e-6`, async () => {
    const file = await mnistSubset();
    const { tf } = await selectBackend(backend, { layerTypes: ['Flatten', 'Dense', 'Dropout'] });
    const model = await buildCheckedModel(tf, file);
    try {
      const split = file.data.test!;
      assert.equal(split.count, 2500);
      const before = tf.memory().numTensors;
      const { values, width } = await splitOutputs(tf, model, file.data, split);
      assert.equal(tf.memory().numTensors, before, 'every tensor is disposed');
      assert.equal(width, 10);
      const expected = await wholeSetPredict(model, file, tf);
      const difference = maxDifference(values, expected);
      assert.ok(difference <= 1e-6, `largest difference ${difference}`);
      // Dropout stays off (inference mode): each row is a softmax, and the same again.
      assert.ok(Math.abs(values.subarray(0, 10).reduce((a, b) => a + b, 0) - 1) < 1e-5);
      assert.equal(maxDifference((await splitOutputs(tf, model, file.data, split)).values, values), 0);
    } finally {
      model.dispose();
    }
  });
}

test('cpu: a model whose output is its reshaped input keeps every chunk, though the cpu backend shares the reused buffer with it', async () => {
  const { data } = await mnistSubset();
  const { tf } = await selectBackend('cpu', { layerTypes: ['Flatten'] });
  const model = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [28, 28] })] });
  try {
    const split = data.test!;
    const { values, width } = await splitOutputs(tf, model, data, split);
    assert.equal(width, 784);
    assert.equal(maxDifference(values, encodeFeatures(data, split, all(split))), 0);
  } finally {
    model.dispose();
  }
});

test('encodeFeatures into a buffer writes the same values as into a new array, as a view of that buffer', async () => {
  const { data } = await mnistSubset();
  const width = featureSize(data);
  const indices = [5, 0, 2499, 17];
  const buffer = new Float32Array(8 * width).fill(-1);
  const into = encodeFeatures(data, data.test!, indices, buffer);
  assert.equal(into.buffer, buffer.buffer);
  assert.equal(into.length, indices.length * width);
  assert.deepEqual(into, encodeFeatures(data, data.test!, indices));
  assert.equal(buffer[indices.length * width], -1, 'nothing is written past the samples');
  assert.throws(() => encodeFeatures(data, data.test!, indices, new Float32Array(3 * width)), RangeError);
});
