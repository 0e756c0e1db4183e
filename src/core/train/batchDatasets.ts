import type { Tensor, TensorContainer, data as tfdata } from '@tensorflow/tfjs';
import type { LoadedData, DataSplit } from '../data/dataTypes';
import { encodeFeatures, encodeTargets } from '../data';
import type { Tf } from '../backend/tfTypes';
import { shuffleInPlace } from '../random';

/** One batch as float32 tensors; whoever takes it disposes both. */
export interface BatchTensors {
  xs: Tensor;
  ys: Tensor;
}

/**
 * The split as float32 batches, converted one at a time: each call of the returned function is one
 * epoch, in an order reshuffled by `random` (from the previous epoch's) when `shuffle` is on. Only the
 * current batch is ever a tensor, which is what keeps MNIST training far below the memory of one
 * 188 MB float32 copy.
 */
export function epochBatches(
  tf: Tf,
  data: LoadedData,
  split: DataSplit,
  batchSize: number,
  options: { shuffle: boolean; random: () => number },
): () => Generator<BatchTensors> {
  const order = Int32Array.from({ length: split.count }, (_, i) => i);
  return function* () {
    if (options.shuffle) shuffleInPlace(order, options.random);
    for (let start = 0; start < split.count; start += batchSize) {
      const indices = order.subarray(start, Math.min(start + batchSize, split.count));
      const n = indices.length;
      yield {
        xs: tf.tensor(encodeFeatures(data, split, indices), [n, ...data.featureShape], 'float32'),
        ys: tf.tensor(encodeTargets(data, split, indices), [n, ...data.targetShape], 'float32'),
      };
    }
  };
}

/** The same batches as a tf.data dataset (one epoch per iteration), for fitDataset and evaluateDataset. */
export function batchDataset(
  tf: Tf,
  data: LoadedData,
  split: DataSplit,
  batchSize: number,
  options: { shuffle: boolean; random: () => number },
): tfdata.Dataset<TensorContainer> {
  return tf.data.generator(epochBatches(tf, data, split, batchSize, options) as () => Iterator<TensorContainer>);
}

/** Number of batches an epoch of `count` samples takes. */
export function batchCount(count: number, batchSize: number): number {
  return Math.ceil(count / batchSize);
}
