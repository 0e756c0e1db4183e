import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SpecError } from '../../src/core/diagnostics';
import { encodeFeatures, encodeInputs, encodeTargets, loadData, type LoadedData } from '../../src/core/data';
import type { DataSpec, NestedNumbers } from '../../src/core/spec/modelSpec';

function inline(
  x: NestedNumbers[],
  y: Array<NestedNumbers | string> | undefined,
  loss = 'binaryCrossentropy',
  more: Partial<DataSpec> = {},
): Promise<LoadedData> {
  return loadData({ source: { kind: 'inline', x, y }, ...more }, { baseDir: '.', loss });
}

async function rejectsAt(promise: Promise<unknown>, specPath: Array<string | number>, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof SpecError, `not a SpecError: ${String(err)}`);
    assert.deepEqual(err.path, specPath);
    assert.match(err.message, pattern);
    return true;
  });
}

const xorX = [[0, 0], [0, 1], [1, 0], [1, 1]];

test('inline XOR with numbers or Keras-style [[0],[1]] targets', async () => {
  for (const y of [[0, 1, 1, 0], [[0], [1], [1], [0]]]) {
    const data = await inline(xorX, y);
    assert.deepEqual(data.featureShape, [2]);
    assert.equal(data.targetKind, 'classIndex');
    assert.deepEqual(data.targetShape, [1]);
    assert.deepEqual(Array.from(encodeTargets(data, data.train, [0, 1, 2, 3])), [0, 1, 1, 0]);
    assert.equal(data.description, 'inline data (4 samples, 2 classes)');
  }
});

test('nested samples keep their shape; scalar samples are shape [1]', async () => {
  const images = await inline([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], [0.5, 1.5], 'meanSquaredError');
  assert.deepEqual(images.featureShape, [2, 2]);
  assert.deepEqual(Array.from(encodeFeatures(images, images.train, [1])), [5, 6, 7, 8]);
  assert.equal(images.targetKind, 'values');
  const scalars = await inline([1, 2, 3], [2, 4, 6], 'meanSquaredError');
  assert.deepEqual(scalars.featureShape, [1]);
  assert.deepEqual(Array.from(encodeInputs(scalars, [4, [5]])), [4, 5]);
});

test('shape mismatches point at the sample', async () => {
  await rejectsAt(inline([[0, 0], [0, 1, 2], [1, 1]], [0, 1, 0]), ['data', 'inline', 'x', 1], /sample 1 has shape \[3\], but sample 0 has shape \[2\]/);
  await rejectsAt(inline([[0, 0], [0, 'a' as unknown as number]], [0, 1]), ['data', 'inline', 'x', 1], /sample 1 is ragged or holds something/);
  await rejectsAt(inline([[0, 0], 3], [0, 1]), ['data', 'inline', 'x', 1], /has shape a number, but sample 0 has shape \[2\]/);
  await rejectsAt(inline([], []), ['data', 'inline', 'x'], /no samples/);
  await rejectsAt(inline(xorX, [0, 1, 1]), ['data', 'inline', 'y'], /y has 3 targets, but x has 4 samples/);
  await rejectsAt(inline(xorX, [[0], [1], [1, 0], [0]]), ['data', 'inline', 'y', 2], /y\[2\] has shape \[2\], but y\[0\] has shape \[1\]/);
  await rejectsAt(inline(xorX, ['a', 'b', 1, 'a']), ['data', 'inline', 'y', 2], /not a class name/);
  await rejectsAt(inline(xorX, undefined), ['data', 'inline'], /needs y/);
});

test('string targets, one-hot targets and test_split', async () => {
  const x = Array.from({ length: 20 }, (_, i) => [i]);
  const names = x.map((_, i) => (i % 2 ? 'odd' : 'even'));
  const data = await inline(x, names, 'sparseCategoricalCrossentropy', { testSplit: 0.25 });
  assert.deepEqual(data.classNames, ['even', 'odd']);
  assert.equal(data.test?.count, 5);
  assert.equal(data.train.count, 15);

  const oneHotY = x.map((_, i) => (i % 2 ? [0, 1] : [1, 0]));
  const asValues = await inline(x, oneHotY, 'categoricalCrossentropy');
  assert.equal(asValues.targetKind, 'values');
  assert.deepEqual(asValues.targetShape, [2]);
  assert.equal(asValues.numClasses, 2);
  assert.deepEqual(Array.from(encodeTargets(asValues, asValues.train, [1])), [0, 1]);
  const asIndices = await inline(x, oneHotY, 'sparseCategoricalCrossentropy');
  assert.equal(asIndices.targetKind, 'classIndex');
  assert.deepEqual(Array.from(encodeTargets(asIndices, asIndices.train, [0, 1])), [1 - 1, 1]);

  const multi = await inline(xorX, [[1, 2], [3, 4], [5, 6], [7, 8]], 'meanSquaredError');
  assert.deepEqual(multi.targetShape, [2]);
  assert.equal(multi.numClasses, undefined);
  assert.deepEqual(Array.from(encodeTargets(multi, multi.train, [3, 0])), [7, 8, 1, 2]);
});

test('encodeInputs applies the training transform and checks shapes', async () => {
  const data = await inline([[0, 10], [2, 30]], [0, 1], 'binaryCrossentropy', { normalize: 'minmax' });
  assert.deepEqual(Array.from(encodeInputs(data, [[1, 20], [2, 30]])), [0.5, 0.5, 1, 1]);
  assert.throws(
    () => encodeInputs(data, [[1, 2], [1, 2, 3]]),
    (err: unknown) => err instanceof SpecError && err.path.join('.') === 'predict.inputs.1' && /^input 2 has 3 values; the model takes 2 \(x1, x2\)$/.test(err.message),
  );
  const images = await inline([[[1, 2], [3, 4]]], [1], 'meanSquaredError', { scale: 2 });
  assert.deepEqual(Array.from(encodeInputs(images, [[[2, 4], [6, 8]], [2, 2, 2, 2]])), [1, 2, 3, 4, 1, 1, 1, 1], 'nested or flat');
});
