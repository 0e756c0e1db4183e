import type { LayersModel, Tensor } from '@tensorflow/tfjs';
import type { Tf } from '../backend/tfTypes';
import type { DataSplit, LoadedData } from '../data/dataTypes';
import { encodeFeatures } from '../data';
import { featureSize } from '../data/sizes';
import { toProbabilities } from '../model/logits';

/** Samples per predict call: large enough to keep the backend busy, small enough to stay a few MB. */
const CHUNK = 1024;

/**
 * The model's outputs for every sample of a split, flat (count * outputs values), computed in chunks
 * so a 10,000-image test set never needs one 31 MB input tensor. Every tensor is disposed. The chunks
 * are encoded into one reused buffer and their outputs copied straight into the result: a new 3 MB
 * array per chunk left ten of them (31 MB) for the garbage collector, which freed them only after
 * they had raised the run's peak memory by about 25 MB (issue 13).
 */
export async function splitOutputs(tf: Tf, model: LayersModel, data: LoadedData, split: DataSplit): Promise<{ values: Float32Array; width: number }> {
  const buffer = new Float32Array(Math.min(CHUNK, split.count) * featureSize(data));
  let values = new Float32Array(0);
  let width = 0;
  for (let start = 0; start < split.count; start += CHUNK) {
    const end = Math.min(split.count, start + CHUNK);
    const indices = Int32Array.from({ length: end - start }, (_, i) => start + i);
    const features = encodeFeatures(data, split, indices, buffer);
    // Copied before the next chunk overwrites the buffer: on the cpu backend a tensor holds the array
    // it was made from, and the output of a model that only reshapes its input would be that array.
    const chunk = await predictFlat(tf, model, features, indices.length, data);
    if (start === 0) {
      width = chunk.length / indices.length;
      values = new Float32Array(split.count * width);
    }
    values.set(chunk, start * width);
  }
  return { values, width };
}

/**
 * The model's outputs for `count` encoded samples, flat: the one place outputs are read, so a logits
 * model (from_logits) gives probabilities here like any classifier.
 */
export async function predictFlat(tf: Tf, model: LayersModel, features: Float32Array, count: number, data: Pick<LoadedData, 'featureShape' | 'logits'>): Promise<Float32Array> {
  // One batch (predict's default of 32 a batch would make a 64x64 plane 128 calls), through apply
  // rather than predict: predict slices its batch out of the input even when it is all of it, and on
  // wasm that slice reads the whole input back into a new JS array (3 MB for 1,024 MNIST images)
  // left for the garbage collector; ten of them raised the MNIST run's peak memory by 10-20 MB
  // (issue 13). apply runs the same layers in inference mode on the same values: the same outputs.
  const output = tf.tidy(() => {
    const raw = model.apply(tf.tensor(features, [count, ...data.featureShape], 'float32'), { training: false }) as Tensor;
    return toProbabilities(tf, raw, data.logits);
  });
  try {
    return (await output.data()) as Float32Array;
  } finally {
    output.dispose();
  }
}
