import type { NestedNumbers } from '../../shared/runResults';

export type ParsedPredictInput = { input: NestedNumbers | undefined } | { error: string };

/**
 * Reads what a user types into Predict's input box: empty (use the model file's `predict` section),
 * a JSON number list for one sample or a list of samples (`[0, 1]`, `[[0, 0], [1, 1]]`), or plain
 * comma-separated numbers for one sample (`5.1, 3.5, 1.4, 0.2`). Pure, so it is unit-tested.
 */
export function parsePredictInput(text: string): ParsedPredictInput {
  const trimmed = text.trim();
  if (trimmed === '') return { input: undefined };
  const json = trimmed.startsWith('[') ? trimmed : `[${trimmed}]`;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { error: 'Write numbers as a JSON list, e.g. [0, 1] for one sample or [[0, 0], [1, 1]] for two.' };
  }
  if (!isNestedNumbers(value)) return { error: 'Only numbers and lists of numbers can be inputs, e.g. [5.1, 3.5, 1.4, 0.2].' };
  if (Array.isArray(value) && value.length === 0) return { error: 'The list is empty: give at least one number, e.g. [0, 1].' };
  return { input: value };
}

function isNestedNumbers(value: unknown): value is NestedNumbers {
  return (typeof value === 'number' && Number.isFinite(value)) || (Array.isArray(value) && value.every(isNestedNumbers));
}
