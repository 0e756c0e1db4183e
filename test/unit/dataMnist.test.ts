import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { encodeFeatures, encodeTargets, featureSize, loadData, targetSize, type LoadedData } from '../../src/core/data';
import { parseIdx } from '../../src/core/data/idx';
import { loadMnist } from '../../src/core/data/mnistIdx';

const mnist = { kind: 'dataset', name: 'mnist' } as const;

test('MNIST loads 60,000 / 10,000 samples as bytes with the known first labels', async () => {
  const data = await loadData({ source: mnist }, { baseDir: '.', loss: 'sparseCategoricalCrossentropy' });
  assert.equal(data.train.count, 60000);
  assert.equal(data.test?.count, 10000);
  assert.deepEqual(data.featureShape, [28, 28]);
  assert.ok(data.train.features instanceof Uint8Array, 'features stay bytes');
  assert.equal(data.train.features.length, 60000 * 784);
  assert.ok(data.train.targets instanceof Int32Array);
  assert.equal(data.train.targets[0], 5);
  assert.equal(data.test?.targets[0], 7);
  assert.deepEqual(data.classNames, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  assert.equal(data.isImage, true);
  assert.equal(data.targetKind, 'classIndex');
  assert.deepEqual(data.targetShape, [1]);
  assert.equal(data.description, 'mnist (60,000 train / 10,000 test)');
});

test('MNIST batches: scale 255 gives [0,1] floats, categorical loss gives one-hot rows', async () => {
  const data = await loadData({ source: mnist, scale: 255 }, { baseDir: '.', loss: 'categoricalCrossentropy' });
  const indices = Array.from({ length: 32 }, (_, i) => i * 7);
  const x = encodeFeatures(data, data.train, indices);
  assert.equal(x.length, 32 * 784);
  assert.equal(featureSize(data), 784);
  let max = 0;
  for (const v of x) {
    assert.ok(v >= 0 && v <= 1);
    max = Math.max(max, v);
  }
  assert.equal(max, 1, 'some pixel is 255');
  assert.equal(x[300], data.train.features[300] / 255);

  assert.equal(data.targetKind, 'oneHot');
  assert.deepEqual(data.targetShape, [10]);
  assert.equal(targetSize(data), 10);
  assert.ok(data.notes.includes('labels one-hot encoded for categorical_crossentropy (10 classes)'));
  const y = encodeTargets(data, data.train, [0, 1]);
  assert.equal(y.length, 20);
  assert.deepEqual(Array.from(y.subarray(0, 10)), [0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
  assert.equal(y.subarray(10).reduce((a, b) => a + b, 0), 1);
});

test('MNIST limit cuts each split without copying', async () => {
  const data: LoadedData = await loadData({ source: mnist, limit: 1000 }, { baseDir: '.', loss: 'meanSquaredError' });
  assert.equal(data.train.count, 1000);
  assert.equal(data.test?.count, 1000);
  assert.equal(data.train.features.length, 1000 * 784);
  assert.equal(data.train.features.buffer.byteLength > 1000 * 784, true, 'a view into the file buffer');
  assert.ok(data.notes.some((n) => n.includes('first 1,000 of 60,000 training samples')));
  // A regression loss keeps the class index as the value.
  assert.equal(data.targetKind, 'classIndex');
  assert.deepEqual(Array.from(encodeTargets(data, data.train, [0])), [5]);
});

test('encodeFeatures of a 32-image batch is fast', async () => {
  const data = await loadData({ source: mnist, scale: 255 }, { baseDir: '.', loss: 'categoricalCrossentropy' });
  const indices = Int32Array.from({ length: 32 }, (_, i) => i);
  for (let i = 0; i < 50; i++) encodeFeatures(data, data.train, indices);
  const start = process.hrtime.bigint();
  const rounds = 500;
  for (let i = 0; i < rounds; i++) encodeFeatures(data, data.train, indices);
  const perBatchMs = Number(process.hrtime.bigint() - start) / 1e6 / rounds;
  // About 0.05 ms here; a generous bound that still catches per-value allocations.
  assert.ok(perBatchMs < 2, `${perBatchMs} ms per batch`);
});

test('IDX headers are checked', () => {
  const good = Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 3, 7, 8, 9]);
  assert.deepEqual(parseIdx(good, 1, 'x').dims, [3]);
  assert.deepEqual(Array.from(parseIdx(good, 1, 'x').data), [7, 8, 9]);
  assert.throws(() => parseIdx(Uint8Array.from([1, 0, 8, 1, 0, 0, 0, 0]), 1, 'bad'), /bad is not a valid IDX file: bad magic/);
  assert.throws(() => parseIdx(Uint8Array.from([0, 0, 0x0d, 1, 0, 0, 0, 0]), 1, 'f'), /element type 0xd/);
  assert.throws(() => parseIdx(good, 3, 'f'), /1 dimensions, expected 3/);
  assert.throws(() => parseIdx(good.subarray(0, 10), 1, 'f'), /header says 3 = 3 bytes of data, the file holds 2/);
});

test('a corrupt MNIST file is reported by name', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mnist-'));
  for (const name of ['train-images-idx3-ubyte', 't10k-images-idx3-ubyte']) {
    fs.writeFileSync(path.join(dir, name), Uint8Array.from([0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4]));
  }
  for (const name of ['train-labels-idx1-ubyte', 't10k-labels-idx1-ubyte']) {
    fs.writeFileSync(path.join(dir, name), Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 1, 3]));
  }
  await assert.rejects(loadMnist(dir), /images-idx3-ubyte: images are 2x2, expected 28x28/);
});
