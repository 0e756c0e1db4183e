/**
 * Float32 batches for tensors. Called once per training step, so these are plain loops over typed
 * arrays with one allocation (the output) per call.
 */
import { SpecError } from '../diagnostics';
import type { DataSplit, FeatureTransform, LoadedData } from './dataTypes';
import { flattenInto } from './nested';
import { inputProblem } from './inputProblem';
import { featureSize, product, targetSize } from './sizes';

/**
 * float32 batch of the samples at `indices` of `split`, transform applied: length indices.length*featureSize.
 * With `into` (at least that long) the values are written there and its first indices.length*featureSize
 * values returned as a view: a caller that encodes chunk after chunk reuses one buffer instead of
 * leaving a fresh multi-MB array per chunk for the garbage collector, which frees them too late to
 * keep them out of the peak memory.
 */
export function encodeFeatures(data: LoadedData, split: DataSplit, indices: ArrayLike<number>, into?: Float32Array): Float32Array {
  const width = featureSize(data);
  const n = indices.length;
  if (into && into.length < n * width) throw new RangeError(`encodeFeatures: ${n} samples of ${width} values do not fit in ${into.length}`);
  const out = into ? into.subarray(0, n * width) : new Float32Array(n * width);
  const src = split.features;
  const { scale, offset, factor } = data.transform;
  for (let i = 0; i < n; i++) {
    const base = checkedIndex(indices[i], split.count) * width;
    const o = i * width;
    // One branch per sample, none per value: the inner loops are what a batch costs.
    if (offset && factor) {
      for (let j = 0; j < width; j++) out[o + j] = (src[base + j] / scale - offset[j]) * factor[j];
    } else if (offset || factor) {
      for (let j = 0; j < width; j++) {
        out[o + j] = (src[base + j] / scale - (offset ? offset[j] : 0)) * (factor ? factor[j] : 1);
      }
    } else if (scale !== 1) {
      for (let j = 0; j < width; j++) out[o + j] = src[base + j] / scale;
    } else {
      for (let j = 0; j < width; j++) out[o + j] = src[base + j];
    }
  }
  return out;
}

/** float32 targets for those samples, one-hot expanded when targetKind is 'oneHot': length indices.length*targetSize. */
export function encodeTargets(data: LoadedData, split: DataSplit, indices: ArrayLike<number>): Float32Array {
  const n = indices.length;
  const width = targetSize(data);
  const out = new Float32Array(n * width);
  const targets = split.targets;
  for (let i = 0; i < n; i++) {
    const s = checkedIndex(indices[i], split.count);
    if (data.targetKind === 'oneHot') out[i * width + targets[s]] = 1;
    else if (data.targetKind === 'classIndex') out[i] = targets[s];
    else for (let j = 0; j < width; j++) out[i * width + j] = targets[s * width + j];
  }
  return out;
}

/** Encode raw prediction inputs from the model file (nested arrays) the same way as training features (transform applied). */
export function encodeInputs(data: LoadedData, inputs: unknown[]): Float32Array {
  const width = featureSize(data);
  const out = new Float32Array(inputs.length * width);
  const accepted = sampleShapes(data.featureShape);
  inputs.forEach((input, i) => {
    if (!accepted.some((shape) => flattenInto(input, shape, out, i * width))) {
      throw new SpecError(['predict', 'inputs', i], inputProblem(input, i, data));
    }
  });
  applyTransform(out, width, data.transform);
  return out;
}

/**
 * The shapes one raw sample may be written in: the data's, flat, without the trailing axes of 1 that
 * a channel axis adds (a 28x28 drawing for `reshape: [28, 28, 1]`), or (for one feature) a bare number.
 */
export function sampleShapes(featureShape: readonly number[]): number[][] {
  const width = product(featureShape);
  let squeezed = featureShape.length;
  while (squeezed > 1 && featureShape[squeezed - 1] === 1) squeezed--;
  const shapes = [[...featureShape], featureShape.slice(0, squeezed), [width], ...(width === 1 ? [[]] : [])];
  return shapes.filter((shape, i) => shapes.findIndex((other) => other.join() === shape.join()) === i);
}

/** Applies the feature transform in place to a float buffer of whole samples. */
function applyTransform(values: Float32Array, width: number, t: FeatureTransform): void {
  for (let k = 0; k < values.length; k++) {
    const j = k % width;
    values[k] = (values[k] / t.scale - (t.offset ? t.offset[j] : 0)) * (t.factor ? t.factor[j] : 1);
  }
}

function checkedIndex(s: number, count: number): number {
  if (!(s >= 0 && s < count && Number.isInteger(s))) throw new RangeError(`sample index ${s} is not in 0..${count - 1}`);
  return s;
}
