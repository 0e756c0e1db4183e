import type { LayersModel } from '@tensorflow/tfjs';
import type { Tf } from '../src/core/backend/tfTypes';
import type { ModelSpec } from '../src/core/spec/modelSpec';
import { loadData, type LoadedData } from '../src/core/data';
import { buildModel, compileModel } from '../src/core/model/buildModel';

/** examples/mnist-mlp.nn.yaml as a spec, with the batch size and sample count a measurement needs. */
export function mnistMlpSpec(batchSize: number, limit?: number): ModelSpec {
  return {
    name: 'bench-mnist-mlp',
    data: { source: { kind: 'dataset', name: 'mnist' }, scale: 255, limit },
    model: [
      { type: 'Flatten', config: { inputShape: [28, 28] } },
      { type: 'Dense', config: { units: 128, activation: 'relu' } },
      { type: 'Dense', config: { units: 10, activation: 'softmax' } },
    ],
    compile: { optimizer: { name: 'adam', options: {} }, loss: 'sparseCategoricalCrossentropy', metrics: [{ label: 'accuracy', tfjsName: 'sparseCategoricalAccuracy' }] },
    fit: { epochs: 1, batchSize, shuffle: true },
  };
}

export async function loadMnist(spec: ModelSpec): Promise<LoadedData> {
  return loadData(spec.data, { baseDir: process.cwd(), loss: spec.compile.loss });
}

export function compiledModel(tf: Tf, spec: ModelSpec, data: LoadedData): LayersModel {
  const model = buildModel(tf, spec, data.featureShape);
  compileModel(tf, model, spec);
  return model;
}
