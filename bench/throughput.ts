import type { Tf } from '../src/core/backend/tfTypes';
import { fitModel } from '../src/core/train/fitModel';
import { mulberry32 } from '../src/core/random';
import { loadData } from '../src/core/data';
import type { ModelSpec } from '../src/core/spec/modelSpec';
import { compiledModel, loadMnist, mnistMlpSpec } from './mnistMlp';

/** Samples per second of one epoch of the MNIST MLP over `samples` samples, after a short warm-up. */
export async function timeMnistTraining(tf: Tf, batchSize: number, samples: number): Promise<number> {
  const spec = mnistMlpSpec(batchSize, samples);
  const data = await loadMnist(spec);
  const model = compiledModel(tf, spec, data);
  const run = (epochs: number) => fitModel({ tf, model, spec, data, epochs, random: mulberry32(1) });
  // The first batches compile wasm code and warm the JIT; they are not what training costs.
  await fitModel({ tf, model, spec: { ...spec, fit: { ...spec.fit } }, data: { ...data, train: { ...data.train, count: Math.min(512, data.train.count) } }, epochs: 1, random: mulberry32(1) });
  const result = await run(1);
  model.dispose();
  return result.samplesPerSecond;
}

/** examples/xor.nn.yaml's network as a spec. */
export function xorSpec(): ModelSpec {
  return {
    name: 'bench-xor',
    data: { source: { kind: 'dataset', name: 'xor' } },
    model: [
      { type: 'Dense', config: { units: 16, activation: 'relu', inputShape: [2] } },
      { type: 'Dense', config: { units: 1, activation: 'sigmoid' } },
    ],
    compile: { optimizer: { name: 'adam', options: { learningRate: 0.05 } }, loss: 'binaryCrossentropy', metrics: [{ label: 'accuracy', tfjsName: 'binaryAccuracy' }] },
    fit: { epochs: 300, batchSize: 4, shuffle: true },
  };
}

/** Milliseconds to train examples/xor.nn.yaml's network for its 300 epochs. */
export async function timeXor(tf: Tf): Promise<number> {
  const spec = xorSpec();
  const data = await loadData(spec.data, { baseDir: process.cwd(), loss: spec.compile.loss });
  const model = compiledModel(tf, spec, data);
  const start = performance.now();
  await fitModel({ tf, model, spec, data, epochs: spec.fit.epochs, random: mulberry32(1) });
  const ms = performance.now() - start;
  model.dispose();
  return ms;
}
