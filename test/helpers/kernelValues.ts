import * as assert from 'node:assert/strict';
import { mulberry32 } from '../../src/core/random';

/** `n` seeded values in [-1, 1): the same inputs for both backends a kernel is compared on. */
export function randomValues(n: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  return Float32Array.from({ length: n }, () => random() * 2 - 1);
}

/** The largest absolute difference between two equally long results. */
export function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(Number(a[i]) - Number(b[i])));
  return max;
}
