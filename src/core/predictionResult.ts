import type { Prediction } from '../shared/runResults';
import { formatNumber } from './metricFormat';
import { classProbabilities, formatPercent } from '../shared/classProbabilities';

/**
 * What a prediction says, as a person reads it: `7 · 99.9%` (the class and the model's confidence in
 * it), `malignant · 96.4%` for a binary model (the confidence of the class it chose, not a bare
 * 0.036), the value itself for regression.
 */
export function predictionResult(p: Prediction): string {
  if (p.label === undefined) return p.output.length === 1 ? formatNumber(p.output[0]) : `[${p.output.map(formatNumber).join(', ')}]`;
  return `${p.label} · ${formatPercent(Math.max(...classProbabilities(p.output)))}`;
}

/** `[0, 1] → 1 · 99.9%`, or `7 · 99.9%` for an image, whose input is too big to print. */
export function predictionLine(p: Prediction): string {
  const input = p.input === undefined ? '' : `${JSON.stringify(p.input).replace(/,/g, ', ')} → `;
  const expected = p.expected === undefined ? '' : ` (expected ${Array.isArray(p.expected) ? `[${p.expected.map(formatNumber).join(', ')}]` : String(p.expected)})`;
  return `${input}${predictionResult(p)}${expected}`;
}

