/** A classifier's output read as a person reads it: each class's probability, the likeliest first. */

/** Each class's probability from the model's output: one sigmoid output p is `[1 - p, p]`. */
export function classProbabilities(output: readonly number[]): number[] {
  if (output.length === 1) {
    const p = output[0];
    return [1 - p, p];
  }
  return [...output];
}

/** The `k` likeliest classes, likeliest first (ties keep the class order). */
export function topClasses(probabilities: readonly number[], k: number): Array<{ index: number; probability: number }> {
  return probabilities
    .map((probability, index) => ({ index, probability: Number.isFinite(probability) ? probability : 0 }))
    .sort((a, b) => b.probability - a.probability || a.index - b.index)
    .slice(0, k);
}

/**
 * `99.9%`, one decimal. Near-certain and near-impossible values say so instead of rounding to a
 * certainty the model did not give: `>99.9%`, `<0.1%`.
 */
export function formatPercent(p: number): string {
  if (typeof p !== 'number' || !Number.isFinite(p)) return '—';
  if (p >= 1) return '100%';
  if (p <= 0) return '0%';
  if (p >= 0.9995) return '>99.9%';
  if (p < 0.0005) return '<0.1%';
  return `${(p * 100).toFixed(1)}%`;
}
