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
 * `99.9%`, one decimal; `100%` only when it is 100% and `<0.1%` rather than `0.0%`: the same text as
 * the host's notifications and the CLI (src/core/predictionResult.ts `percent`, which the page may not import).
 */
export function formatPercent(p: number): string {
  if (typeof p !== 'number' || !Number.isFinite(p)) return 'NaN';
  const shown = (p * 100).toFixed(1);
  if (shown === '100.0') return p >= 1 ? '100%' : '99.9%';
  if (shown === '0.0' && p > 0) return '<0.1%';
  return `${shown}%`;
}
