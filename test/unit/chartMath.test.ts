/** The chart math the panel, the sidebar and the comparison share: TensorBoard's smoothing and thinning. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { smooth } from '../../webview/shared/math/smoothing';
import { pick, thinIndices } from '../../src/shared/thinning';

const close = (actual: Array<number | null>, expected: Array<number | null>) => {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => {
    const e = expected[i];
    if (e === null || Number.isNaN(e)) assert.ok(a === e || (Number.isNaN(a) && Number.isNaN(e)), `${i}: ${a} vs ${e}`);
    else assert.ok(Math.abs((a as number) - e) < 1e-9, `${i}: ${a} vs ${e}`);
  });
};

test('smoothing is TensorBoard\'s debiased EMA, computed by hand', () => {
  // w = 0.5: last = 0.5, 1.25, 2.125; debiased by 1 - 0.5^n = 0.5, 0.75, 0.875.
  close(smooth([1, 2, 3], 0.5), [1, 1.25 / 0.75, 2.125 / 0.875]);
  // w = 0.6 on [2, 0]: last = 0.8 -> 2; then 0.48 -> 0.48 / 0.64 = 0.75.
  close(smooth([2, 0], 0.6), [2, 0.75]);
  close(smooth([4, 8], 0), [4, 8]);
});

test('a constant series is returned unchanged; NaN and Infinity pass through without advancing n', () => {
  close(smooth([0.3, 0.3, 0.3, 0.3], 0.9), [0.3, 0.3, 0.3, 0.3]);
  close(smooth([5, NaN, 5], 0.99), [5, NaN, 5]);
  // [1, NaN, 3] at 0.5: the NaN is kept, and 3 is the second point (n = 2): 1.75 / 0.75.
  close(smooth([1, NaN, 3], 0.5), [1, NaN, 1.75 / 0.75]);
  const withInfinity = smooth([1, Infinity, 3], 0.5);
  assert.equal(withInfinity[1], Infinity);
  close([withInfinity[2]], [1.75 / 0.75]);
  close(smooth([null, 2, 4], 0.5), [null, 2, (0.5 + 2) / 0.75]);
});

test('thinning keeps the ends, every bucket\'s extremes and every non-finite point, in order', () => {
  const n = 100_000;
  const x = Array.from({ length: n }, (_, i) => i / 1000);
  const y = x.map((v, i) => (i === 54_321 ? 50 : i === 77_777 ? NaN : Math.sin(v)));
  const kept = thinIndices(x, [y], 500);
  assert.ok(kept.length <= 2 * 500 + 3, `${kept.length} points drawn`);
  assert.equal(kept[0], 0);
  assert.equal(kept[kept.length - 1], n - 1);
  assert.ok(kept.includes(54_321), 'the spike is drawn');
  assert.ok(kept.includes(77_777), 'the NaN is drawn');
  assert.deepEqual([...kept].sort((a, b) => a - b), kept);
  assert.equal(Math.max(...pick(y, kept).filter(Number.isFinite)), 50);
  assert.equal(y.length, n, 'the data itself is untouched');
  assert.deepEqual(thinIndices([0, 1, 2], [[1, 2, 3]], 500), [0, 1, 2], 'short series are drawn whole');
});
