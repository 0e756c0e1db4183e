import type { LayersModel, Tensor } from '@tensorflow/tfjs';
import type { Tf } from '../backend/tfTypes';
import type { DataSplit, LoadedData } from '../data/dataTypes';
import { encodeFeatures } from '../data';
import { toProbabilities } from '../model/logits';

/** Samples per predict call: large enough to keep the backend busy, small enough to stay a few MB. */
const CHUNK = 1024;

/**
 * The model's outputs for every sample of a split, flat (count * outputs values), computed in chunks
 * so a 10,000-image test set never needs one 31 MB input tensor. Every tensor is disposed.
 */
export async function splitOutputs(tf: Tf, model: LayersModel, data: LoadedData, split: DataSplit): Promise<{ values: Float32Array; width: number }> {
  const parts: Float32Array[] = [];
  let width = 0;
  for (let start = 0; start < split.count; start += CHUNK) {
    const end = Math.min(split.count, start + CHUNK);
    const indices = Int32Array.from({ length: end - start }, (_, i) => start + i);
    const features = encodeFeatures(data, split, indices);
    const values = await predictFlat(tf, model, features, indices.length, data);
    width = values.length / indices.length;
    parts.push(values);
  }
  const values = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    values.set(part, offset);
    offset += part.length;
  }
  return { values, width };
}

/**
 * The model's outputs for `count` encoded samples, flat: the one place outputs are read, so a logits
 * model (from_logits) gives probabilities here like any classifier.
 */
export async function predictFlat(tf: Tf, model: LayersModel, features: Float32Array, count: number, data: Pick<LoadedData, 'featureShape' | 'logits'>): Promise<Float32Array> {
  // One batch: predict's default of 32 a batch would make a 64x64 plane 128 calls.
  const output = tf.tidy(() => {
    const raw = model.predict(tf.tensor(features, [count, ...data.featureShape], 'float32'), { batchSize: Math.max(1, count) }) as Tensor;
    return toProbabilities(tf, raw, data.logits);
  });
  try {
    return (await output.data()) as Float32Array;
  } finally {
    output.dispose();
  }
}
