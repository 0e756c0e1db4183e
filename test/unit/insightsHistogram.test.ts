/** Histograms of weights: bins, the statistics tfjs-vis prints, and what happens to NaN and constants. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { histogram } from '../../src/core/insights/histogram';
import { mulberry32 } from '../../src/core/random';

function close(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not ${expected}`);
}

test('equal-width bins from min to max; a value on an edge opens the next bin, and max is in the last', () => {
  // Edges 0, 1, 2, 3, 4: [0,1) [1,2) [2,3) [3,4].
  assert.deepEqual(histogram([0, 1, 2, 3, 4], 4).counts, [1, 1, 1, 2]);
  assert.deepEqual(histogram([0, 0.999, 1, 3.5, 4, 4], 4).counts, [2, 1, 0, 3]);
  // Edges 0.1 apart over [0, 1]: each tenth opens its bin, 1 joins 0.9 in the last.
  const tenths = Array.from({ length: 11 }, (_, i) => i / 10);
  assert.deepEqual(histogram(tenths, 10).counts, [1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
  assert.equal(histogram(tenths).counts.length, 30, 'thirty bins unless told');
});

test('every value lands between the edges a reader computes, min + (max - min) * k / bins', () => {
  const random = mulberry32(11);
  const edge = (k: number, bins: number) => (k === bins ? 0.14 : -0.06 + ((0.14 - -0.06) * k) / bins);
  for (const bins of [3, 7, 17, 30, 64]) {
    const values = Array.from({ length: 5000 }, () => -0.06 + random() * 0.2);
    // The values exactly on the edges, where rounding would put some one bin off; min and max among them.
    for (let k = 0; k <= bins; k++) values.push(edge(k, bins));
    const h = histogram(values, bins);
    assert.equal(h.min, -0.06);
    assert.equal(h.max, 0.14);
    const expected = new Array<number>(bins).fill(0);
    for (const v of values) {
      let k = 0;
      while (k < bins - 1 && v >= edge(k + 1, bins)) k++;
      expected[k]++;
    }
    assert.deepEqual(h.counts, expected, `${bins} bins`);
  }
});

test('min, max, mean and population std, as numpy and tfjs-vis give them', () => {
  const h = histogram([1, 2, 3, 4], 3);
  assert.equal(h.min, 1);
  assert.equal(h.max, 4);
  assert.equal(h.mean, 2.5);
  close(h.std, Math.sqrt(1.25), 1e-15, 'std'); // numpy.std([1,2,3,4]) = 1.118033988749895
  assert.equal(h.count, 4);
  assert.equal(h.zeros, 0);
  assert.equal(h.nonFinite, 0);
});

test('std stays accurate far from zero, where a sum of squares would lose it', () => {
  const h = histogram([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4]);
  close(h.mean, 1e9 + 2.5, 1e-6, 'mean');
  close(h.std, Math.sqrt(1.25), 1e-6, 'std');
});

test('NaN and ±Infinity are counted apart and left out of everything else; -0 is a zero', () => {
  const h = histogram([NaN, 1, Infinity, -Infinity, 3, 0, -0], 2);
  assert.equal(h.count, 7);
  assert.equal(h.nonFinite, 3);
  assert.equal(h.zeros, 2);
  assert.equal(h.min, 0);
  assert.equal(h.max, 3);
  assert.equal(h.mean, 1);
  close(h.std, Math.sqrt(1.5), 1e-15, 'std'); // deviations -1, -1, 0, 2
  assert.deepEqual(h.counts, [3, 1]);
});

test('equal finite values: one bin holding them all, so a bias of zeros draws one bar', () => {
  assert.deepEqual(histogram(new Float32Array(8)), { min: 0, max: 0, counts: [8], mean: 0, std: 0, count: 8, zeros: 8, nonFinite: 0 });
  assert.deepEqual(histogram([0.1, NaN, 0.1, 0.1]), { min: 0.1, max: 0.1, counts: [3], mean: 0.1, std: 0, count: 4, zeros: 0, nonFinite: 1 });
});

test('no finite value: no bins and zero statistics', () => {
  assert.deepEqual(histogram([]), { min: 0, max: 0, counts: [], mean: 0, std: 0, count: 0, zeros: 0, nonFinite: 0 });
  assert.deepEqual(histogram([NaN, Infinity, -Infinity]), { min: 0, max: 0, counts: [], mean: 0, std: 0, count: 3, zeros: 0, nonFinite: 3 });
});

test('a kernel of 200,000 float32 weights takes a few milliseconds', () => {
  const random = mulberry32(3);
  const values = new Float32Array(200_000);
  for (let i = 0; i < values.length; i++) values[i] = (random() + random() + random() - 1.5) * 0.1;
  values[5] = NaN;
  values[6] = 0;
  histogram(values); // warm up
  const started = performance.now();
  const h = histogram(values);
  const elapsed = performance.now() - started;
  assert.equal(h.counts.reduce((a, b) => a + b, 0), 199_999);
  assert.equal(h.nonFinite, 1);
  assert.ok(h.zeros >= 1);
  let sum = 0;
  for (const v of values) if (!Number.isNaN(v)) sum += v;
  close(h.mean, sum / 199_999, 1e-12, 'mean');
  close(h.std, 0.05, 0.001, 'std'); // three uniforms of variance 1/12, times 0.1
  // Typically 1-3 ms; the bound only catches a slow path (the machine may be busy).
  assert.ok(elapsed < 100, `${elapsed.toFixed(1)} ms`);
});

test('doubles near the largest finite number still give bins and a finite std', () => {
  const h = histogram(Float64Array.from([-1e308, 0, 1e308, 1e308]), 2);
  assert.deepEqual(h.counts, [1, 3]);
  assert.equal(h.min, -1e308);
  assert.equal(h.max, 1e308);
  close(h.mean, 0.25e308, 1e293, 'mean');
  assert.ok(Number.isFinite(h.std) && h.std > 0.8e308 && h.std < 0.9e308, `std ${h.std}`); // sqrt(0.6875)e308
});

test('bins must be a whole number of at least one', () => {
  assert.throws(() => histogram([1, 2], 0), { name: 'RangeError', message: /bins must be an integer >= 1, not 0/ });
  assert.throws(() => histogram([1, 2], 2.5), RangeError);
});
