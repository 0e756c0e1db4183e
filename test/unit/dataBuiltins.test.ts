import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinDataDir, encodeFeatures, encodeTargets, loadData, type DataSplit } from '../../src/core/data';

const options = { baseDir: '.', loss: 'sparseCategoricalCrossentropy' };

function classCounts(split: DataSplit, numClasses: number): number[] {
  const counts = new Array<number>(numClasses).fill(0);
  for (const c of split.targets) counts[c]++;
  return counts;
}

test('the data folder is found by walking up', () => {
  const dir = builtinDataDir();
  assert.ok(fs.existsSync(path.join(dir, 'iris.csv')));
  assert.ok(fs.existsSync(path.join(dir, 'digits.csv')));
  assert.ok(fs.existsSync(path.join(dir, 'README.md')));
  assert.throws(() => builtinDataDir(path.parse(process.cwd()).root), /built-in data sets/);
});

test('iris: 3 species, fixed stratified 120/30 split', async () => {
  const data = await loadData({ source: { kind: 'dataset', name: 'iris' } }, options);
  assert.deepEqual(data.classNames, ['setosa', 'versicolor', 'virginica']);
  assert.equal(data.numClasses, 3);
  assert.deepEqual(data.featureShape, [4]);
  assert.equal(data.isImage, false);
  assert.equal(data.train.count, 120);
  assert.equal(data.test?.count, 30);
  assert.deepEqual(classCounts(data.train, 3), [40, 40, 40]);
  assert.deepEqual(classCounts(data.test!, 3), [10, 10, 10]);
  assert.equal(data.description, 'iris (120 train / 30 test)');
  // The split does not depend on the loader options' seed.
  const again = await loadData({ source: { kind: 'dataset', name: 'iris' }, testSplit: 0.5 }, { ...options, seed: 99 });
  assert.deepEqual(Array.from(again.test!.features), Array.from(data.test!.features));
  assert.ok(again.notes.some((n) => n.startsWith('test_split ignored')));
  // Shuffled: the first training samples are not all setosa (the file is sorted by species).
  assert.ok(new Set(data.train.targets.subarray(0, 20)).size > 1);
});

test('digits: 64 byte features, 10 classes, stratified 80/20', async () => {
  const data = await loadData({ source: { kind: 'dataset', name: 'digits' } }, { ...options, loss: 'categoricalCrossentropy' });
  assert.deepEqual(data.featureShape, [64]);
  assert.ok(data.train.features instanceof Uint8Array);
  assert.equal(data.isImage, true);
  assert.deepEqual(data.classNames, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  assert.equal(data.train.count + data.test!.count, 1797);
  assert.equal(data.test!.count, 359);
  const train = classCounts(data.train, 10);
  const test = classCounts(data.test!, 10);
  for (let c = 0; c < 10; c++) {
    const share = test[c] / (train[c] + test[c]);
    assert.ok(Math.abs(share - 0.2) < 0.02, `class ${c}: ${share}`);
  }
  assert.equal(Math.max(...data.train.features), 16);
  assert.equal(data.targetKind, 'oneHot');
  assert.equal(encodeTargets(data, data.train, [0, 1, 2]).length, 30);
});

test('xor: 4 samples, 2 classes, no test split', async () => {
  const data = await loadData({ source: { kind: 'dataset', name: 'xor' } }, { ...options, loss: 'binaryCrossentropy' });
  assert.equal(data.train.count, 4);
  assert.equal(data.test, undefined);
  assert.equal(data.numClasses, 2);
  assert.deepEqual(Array.from(encodeFeatures(data, data.train, [0, 1, 2, 3])), [0, 0, 0, 1, 1, 0, 1, 1]);
  assert.deepEqual(Array.from(encodeTargets(data, data.train, [0, 1, 2, 3])), [0, 1, 1, 0]);
  assert.deepEqual(data.targetShape, [1]);
  assert.equal(data.description, 'xor (4 samples)');
});

test('binary loss on three classes is blamed on the loss', async () => {
  await assert.rejects(
    loadData({ source: { kind: 'dataset', name: 'iris' } }, { ...options, loss: 'binaryCrossentropy' }),
    (err: Error & { path?: unknown }) => {
      assert.deepEqual(err.path, ['compile', 'loss']);
      assert.match(err.message, /binary_crossentropy needs 2 classes, but the labels have 3/);
      return true;
    },
  );
});

test('one_hot: true forces and one_hot: false forbids one-hot rows', async () => {
  const forced = await loadData({ source: { kind: 'dataset', name: 'xor' }, oneHot: true }, { ...options, loss: 'meanSquaredError' });
  assert.equal(forced.targetKind, 'oneHot');
  assert.deepEqual(Array.from(encodeTargets(forced, forced.train, [1])), [0, 1]);
  const kept = await loadData({ source: { kind: 'dataset', name: 'iris' }, oneHot: false }, { ...options, loss: 'categoricalCrossentropy' });
  assert.equal(kept.targetKind, 'classIndex');
  assert.deepEqual(kept.targetShape, [1]);
});
