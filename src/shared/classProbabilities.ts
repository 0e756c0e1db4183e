/**
 * A classifier's output as a person reads it, the same in the worker, the host, the CLI and the page:
 * one probability per class and the percentage text.
 */

/** One probability per class: one sigmoid output p becomes `[1 - p, p]`; softmax outputs are already one per class. */
export function classProbabilities(output: ArrayLike<number>): number[] {
  if (output.length === 1) return [1 - output[0], output[0]];
  return Array.from(output);
}

/** `99.9%`, one decimal; `100%` only when it is 100%, and `<0.1%` rather than `0.0%`. */
export function formatPercent(p: number): string {
  if (typeof p !== 'number' || !Number.isFinite(p)) return 'NaN';
  const shown = (p * 100).toFixed(1);
  if (shown === '100.0') return p >= 1 ? '100%' : '99.9%';
  if (shown === '0.0' && p > 0) return '<0.1%';
  return `${shown}%`;
}
