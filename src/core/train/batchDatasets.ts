import type { TensorContainer, data as tfdata } from '@tensorflow/tfjs';
import type { LoadedData, DataSplit } from '../data/dataTypes';
import { encodeFeatures, encodeTargets } from '../data';
import type { Tf } from '../backend/tfTypes';
import { shuffleInPlace } from '../random';

/**
 * A tf.data dataset that converts the split to float32 one batch at a time, in an order reshuffled
 * every epoch by `random` when `shuffle` is on. Only the current batch is ever a tensor, which is
 * what keeps MNIST training far below the memory of one 188 MB float32 copy.
 */
export function batchDataset(
  tf: Tf,
  data: LoadedData,
  split: DataSplit,
  batchSize: number,
  options: { shuffle: boolean; random: () => number },
): tfdata.Dataset<TensorContainer> {
  const order = Int32Array.from({ length: split.count }, (_, i) => i);
  const generator = function* (): Iterator<TensorContainer> {
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
  return tf.data.generator(generator);
}

/** Number of batches an epoch of `count` samples takes. */
export function batchCount(count: number, batchSize: number): number {
  return Math.ceil(count / batchSize);
}
