import type { NestedNumbers } from '../core/spec/modelSpec';
import type { Prediction } from '../core/train/predictions';
import { formatNumber } from '../core/metricFormat';

/**
 * One prediction as a line a person reads: `[0, 1] -> 1 (0.9998)`, the input, the predicted class
 * and the model's confidence in it; `sample 3 -> 7 (0.9990)` for images, too big to print; the
 * value itself for regression. `expected 7 ✓` follows for samples taken from the data.
 */
export function formatPrediction(p: Prediction, index: number): string {
  const input = p.input !== undefined ? formatInput(p.input) : `sample ${index + 1}`;
  const result = p.label !== undefined ? `${p.label} (${confidence(p.output).toFixed(4)})` : formatValues(p.output);
  return `${input} -> ${result}${expectedText(p)}`;
}

/** The probability of the predicted class: one sigmoid output is that of class 1, so class 0 gets 1 - p. */
function confidence(output: readonly number[]): number {
  return output.length === 1 ? Math.max(output[0], 1 - output[0]) : Math.max(...output);
}

function formatInput(input: NestedNumbers): string {
  return Array.isArray(input) ? `[${input.map(formatInput).join(', ')}]` : String(input);
}

function formatValues(values: readonly number[]): string {
  return values.length === 1 ? formatNumber(values[0]) : `[${values.map(formatNumber).join(', ')}]`;
}

function expectedText(p: Prediction): string {
  const { expected, label } = p;
  if (expected === undefined) return '';
  if (label !== undefined) return `, expected ${String(expected)} ${String(expected) === String(label) ? '✓' : '✗'}`;
  return `, expected ${typeof expected === 'string' ? expected : formatValues(typeof expected === 'number' ? [expected] : expected)}`;
}
