/**
 * A classifier's output read as classes: one probability per class, and the class it picks.
 */

export { classProbabilities } from '../../shared/classProbabilities';

/** The index of the largest value, the first of equal ones; NaN never wins (all NaN gives 0). */
export function argMax(values: ArrayLike<number>): number {
  if (values.length === 0) throw new RangeError('argMax of no values: there is no index to give');
  let best = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // `>=` only for the first non-NaN value, so -Infinity can win over NaN; after it `>` keeps the first maximum.
    if (best < 0 ? v >= bestValue : v > bestValue) {
      best = i;
      bestValue = v;
    }
  }
  return best < 0 ? 0 : best;
}
