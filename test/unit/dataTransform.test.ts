import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SpecError } from '../../src/core/diagnostics';
import { encodeFeatures, encodeTargets, loadData, sliceSplit } from '../../src/core/data';
import { splitIndices } from '../../src/core/data/splits';

const iris = { kind: 'dataset', name: 'iris' } as const;
const options = { baseDir: '.', loss: 'sparseCategoricalCrossentropy' };

function columnStats(values: Float32Array, width: number, column: number): { mean: number; std: number; min: number; max: number } {
  const n = values.length / width;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i * width + column];
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (values[i * width + column] - mean) ** 2;
  return { mean, std: Math.sqrt(sq / n), min, max };
}

const all = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

test('normalize: standard gives mean 0 / std 1 on the training split', async () => {
  const data = await loadData({ source: iris, normalize: 'standard' }, options);
  const x = encodeFeatures(data, data.train, all(data.train.count));
  for (let j = 0; j < 4; j++) {
    const { mean, std } = columnStats(x, 4, j);
    assert.ok(Math.abs(mean) < 1e-5, `feature ${j} mean ${mean}`);
    assert.ok(Math.abs(std - 1) < 1e-5, `feature ${j} std ${std}`);
  }
  assert.ok(data.notes.some((n) => n.includes('statistics of the 120 training samples')));
  // The test split uses the training statistics, so it is only close to 0/1.
  const t = encodeFeatures(data, data.test!, all(data.test!.count));
  assert.ok(Math.abs(columnStats(t, 4, 0).mean) < 0.5);
});

test('normalize: minmax after scale, constant features stay finite', async () => {
  const data = await loadData({ source: { kind: 'dataset', name: 'digits' }, scale: 16, normalize: 'minmax' }, options);
  const x = encodeFeatures(data, data.train, all(data.train.count));
  for (let j = 0; j < 64; j++) {
    const { min, max } = columnStats(x, 64, j);
    assert.ok(Number.isFinite(min) && Number.isFinite(max));
    assert.ok(min >= -1e-6 && max <= 1 + 1e-6, `feature ${j}: ${min}..${max}`);
  }
  // Pixel 0 is 0 in every digit: range 0 -> factor 1, values stay 0.
  assert.equal(columnStats(x, 64, 0).max, 0);
  const std = await loadData({ source: { kind: 'dataset', name: 'digits' }, normalize: 'standard' }, options);
  assert.equal(std.transform.factor?.[0], 1);
});

test('scale is checked', async () => {
  await assert.rejects(loadData({ source: iris, scale: 0 }, options), (e: unknown) => e instanceof SpecError && e.path.join('.') === 'data.scale');
  await assert.rejects(loadData({ source: iris, limit: 0 }, options), (e: unknown) => e instanceof SpecError && e.path.join('.') === 'data.limit');
  await assert.rejects(
    loadData({ source: { kind: 'inline', x: [1, 2], y: [1, 2] }, testSplit: 1.5 }, options),
    (e: unknown) => e instanceof SpecError && e.path.join('.') === 'data.test_split',
  );
});

test('limit takes the first N of each built-in split', async () => {
  const data = await loadData({ source: iris, limit: 10 }, options);
  assert.equal(data.train.count, 10);
  assert.equal(data.test?.count, 10);
  const full = await loadData({ source: iris }, options);
  assert.deepEqual(Array.from(data.train.features), Array.from(full.train.features.subarray(0, 40)));
});

test('sliceSplit is a view of samples [start, end)', async () => {
  const data = await loadData({ source: iris }, { ...options, loss: 'categoricalCrossentropy' });
  const tail = sliceSplit(data, data.train, 100, 120);
  assert.equal(tail.count, 20);
  assert.equal(tail.features.buffer, data.train.features.buffer);
  assert.deepEqual(Array.from(encodeFeatures(data, tail, [0])), Array.from(encodeFeatures(data, data.train, [100])));
  assert.deepEqual(Array.from(encodeTargets(data, tail, [19])), Array.from(encodeTargets(data, data.train, [119])));
  assert.throws(() => sliceSplit(data, data.train, 100, 121), RangeError);
  assert.throws(() => encodeFeatures(data, tail, [20]), RangeError);

  const values = await loadData({ source: { kind: 'inline', x: [1, 2, 3], y: [[1, 2], [3, 4], [5, 6]] } }, { ...options, loss: 'meanSquaredError' });
  const last = sliceSplit(values, values.train, 2, 3);
  assert.deepEqual(Array.from(encodeTargets(values, last, [0])), [5, 6]);
});

test('splitIndices: stratified shares by largest remainder, a partition of all samples', () => {
  const classes = Int32Array.from([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
  const { train, test: held } = splitIndices(10, 0.3, classes, 2, 1);
  assert.equal(held.length, 3);
  assert.deepEqual([...train, ...held].sort((a, b) => a - b), all(10));
  assert.deepEqual([...held].map((i) => classes[i]).sort(), [0, 0, 1]);
  assert.equal(splitIndices(3, 0.01, undefined, 0, 1).test.length, 1, 'at least one test sample');
  assert.equal(splitIndices(3, 0.99, undefined, 0, 1).train.length, 1, 'at least one training sample');
});
