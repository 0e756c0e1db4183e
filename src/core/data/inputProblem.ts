/**
 * Why a raw prediction input does not fit the model, in the reader's terms: inputs counted from 1,
 * values counted rather than shapes printed, the features named where the data names them.
 */
import type { LoadedData } from './dataTypes';
import { nestedShape } from './nested';
import { product } from './sizes';

type InputData = Pick<LoadedData, 'featureShape' | 'featureNames' | 'isImage'>;

/** More names than this are shortened to the first few and the last. */
const MAX_NAMES = 6;

/** `input 1 has 3 values; the model takes 2 (x1, x2)` for the input at 0-based `index`. */
export function inputProblem(input: unknown, index: number, data: InputData): string {
  const which = `input ${index + 1}`;
  const takes = `the model takes ${modelInputText(data)}`;
  const shape = nestedShape(input);
  if (!shape) return `${which} is not a number or a list of numbers; ${takes}`;
  // The right number of values in the right nesting: only a ragged row or a non-number is left.
  if (product(shape) === product(data.featureShape) && (shape.length <= 1 || shape.join() === data.featureShape.join())) {
    return `${which} has rows of different lengths or a value that is not a finite number; ${takes}`;
  }
  return `${which} ${givenText(shape)}; ${takes}`;
}

/** `2 (x1, x2)`, `4 (sepal_length, sepal_width, petal_length, petal_width)`, `an image of 28 × 28 pixels (784 values)`. */
export function modelInputText(data: InputData): string {
  const { featureShape } = data;
  const size = product(featureShape);
  if (featureShape.length > 1) return data.isImage ? `an image of ${dims(featureShape)} pixels (${values(size)})` : `a list of ${dims(featureShape)} (${values(size)})`;
  if (data.isImage) return `${values(size)} (the pixels of an image)`;
  return `${size} (${nameList(data.featureNames, size)})`;
}

function givenText(shape: readonly number[]): string {
  if (shape.length === 0) return 'is one number';
  if (shape.length === 1) return `has ${values(shape[0])}`;
  return `is a list of ${dims(shape)} (${values(product(shape))})`;
}

function nameList(names: readonly string[] | undefined, size: number): string {
  const all = names?.length === size ? names : Array.from({ length: size }, (_, i) => `x${i + 1}`);
  return all.length <= MAX_NAMES ? all.join(', ') : [...all.slice(0, MAX_NAMES - 2), '…', all[all.length - 1]].join(', ');
}

function dims(shape: readonly number[]): string {
  return shape.join(' × ');
}

function values(n: number): string {
  return `${n.toLocaleString('en-US')} value${n === 1 ? '' : 's'}`;
}
