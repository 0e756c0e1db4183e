import type { LoadedData } from '../data/dataTypes';
import { featureSize } from '../data/sizes';
import type { ModelInputs } from '../../shared/insightTypes';
import { inkMaximum } from './grayImage';

/** More features than this make a `Try it` form too long to use; such models get no feature list. */
export const MAX_FORM_FEATURES = 20;

/** What the model takes as input, from its training data: feature names and ranges, or the image size. */
export function modelInputsOf(data: LoadedData): ModelInputs {
  const task = taskOf(data);
  const classNames = task === 'regression' ? undefined : classNamesOf(data);
  const base: ModelInputs = { featureShape: data.featureShape, task, ...(classNames ? { classNames } : {}) };
  const image = imageSizeOf(data);
  if (image) {
    const maxValue = inkMaximum(data.train.features);
    const style = image.width === 28 && image.height === 28 ? 'mnist' : image.width === 8 && image.height === 8 ? 'digits' : undefined;
    return { ...base, image: { ...image, maxValue, ...(style ? { style } : {}) } };
  }
  const width = featureSize(data);
  if (data.featureShape.length !== 1 || width > MAX_FORM_FEATURES) return base;
  return { ...base, features: featureRanges(data, width) };
}

/** `binary` for two classes, `multiclass` for more, `regression` for values. */
export function taskOf(data: Pick<LoadedData, 'numClasses'>): ModelInputs['task'] {
  if (data.numClasses === undefined) return 'regression';
  return data.numClasses === 2 ? 'binary' : 'multiclass';
}

/** The data's class names, or the indices as names where it has none (XOR's 0 and 1). */
export function classNamesOf(data: Pick<LoadedData, 'numClasses' | 'classNames'>): string[] {
  const k = data.numClasses ?? 0;
  return Array.from({ length: k }, (_, i) => data.classNames?.[i] ?? String(i));
}

/**
 * The width and height of grayscale image samples: `[h, w]`, `[h, w, 1]`, or a flat square marked
 * as images (sklearn's digits are 64 values of an 8x8 picture). Undefined for anything else.
 */
export function imageSizeOf(data: Pick<LoadedData, 'featureShape' | 'isImage'>): { width: number; height: number } | undefined {
  const shape = data.featureShape;
  if (shape.length === 2 || (shape.length === 3 && shape[2] === 1)) return { height: shape[0], width: shape[1] };
  if (shape.length === 1 && data.isImage) {
    const side = Math.round(Math.sqrt(shape[0]));
    if (side * side === shape[0]) return { width: side, height: side };
  }
  return undefined;
}

function featureRanges(data: LoadedData, width: number): NonNullable<ModelInputs['features']> {
  const min = new Array<number>(width).fill(Infinity);
  const max = new Array<number>(width).fill(-Infinity);
  const values = data.train.features;
  for (let i = 0; i < data.train.count; i++) {
    for (let j = 0; j < width; j++) {
      const v = values[i * width + j];
      if (v < min[j]) min[j] = v;
      if (v > max[j]) max[j] = v;
    }
  }
  return Array.from({ length: width }, (_, j) => ({
    name: data.featureNames?.[j] ?? `x${j + 1}`,
    // Float32 storage: 5.7 rather than 5.699999809265137.
    min: Number.isFinite(min[j]) ? Number(min[j].toPrecision(7)) : 0,
    max: Number.isFinite(max[j]) ? Number(max[j].toPrecision(7)) : 0,
  }));
}
