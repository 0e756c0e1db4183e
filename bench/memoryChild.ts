import type { Tensor } from '@tensorflow/tfjs';
import { selectBackend } from '../src/core/backend/selectBackend';
import { fitModel } from '../src/core/train/fitModel';
import { mulberry32 } from '../src/core/random';
import { encodeFeatures, encodeTargets } from '../src/core/data';
import { compiledModel, loadMnist, mnistMlpSpec } from './mnistMlp';

export type MemoryMode = 'bytes-per-batch' | 'float32-tensor';

/**
 * One epoch of full MNIST in this process, then its peak RSS. `bytes-per-batch` is how the trainer
 * works; `float32-tensor` is the usual tfjs way (the whole set as one tensor, then model.fit).
 */
export async function runMemoryChild(mode: MemoryMode): Promise<void> {
  const { tf } = await selectBackend('wasm', { layerTypes: ['Dense'] });
  const spec = mnistMlpSpec(128);
  const data = await loadMnist(spec);
  const model = compiledModel(tf, spec, data);
  if (mode === 'bytes-per-batch') {
    await fitModel({ tf, model, spec, data, epochs: 1, random: mulberry32(1) });
  } else {
    const all = Int32Array.from({ length: data.train.count }, (_, i) => i);
    const xs: Tensor = tf.tensor(encodeFeatures(data, data.train, all), [data.train.count, ...data.featureShape]);
    const ys: Tensor = tf.tensor(encodeTargets(data, data.train, all), [data.train.count, ...data.targetShape]);
    await model.fit(xs, ys, { batchSize: 128, epochs: 1, shuffle: true, verbose: 0 });
  }
  console.log(`peakRssMb=${(process.resourceUsage().maxRSS / 1024).toFixed(1)}`);
}
