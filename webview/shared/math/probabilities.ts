/** A classifier's output read as a person reads it: each class's probability, the likeliest first. */

export { classProbabilities, formatPercent } from '../../../src/shared/classProbabilities';

/** The `k` likeliest classes, likeliest first (ties keep the class order). */
export function topClasses(probabilities: readonly number[], k: number): Array<{ index: number; probability: number }> {
  return probabilities
    .map((probability, index) => ({ index, probability: Number.isFinite(probability) ? probability : 0 }))
    .sort((a, b) => b.probability - a.probability || a.index - b.index)
    .slice(0, k);
}
