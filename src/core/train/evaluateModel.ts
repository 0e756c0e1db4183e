import type { LayersModel, Scalar } from '@tensorflow/tfjs';
import type { LoadedData } from '../data/dataTypes';
import type { ModelSpec } from '../spec/modelSpec';
import type { Tf } from '../backend/tfTypes';
import { batchDataset } from './batchDatasets';
import { metricLabels } from './fitModel';
import type { Evaluation } from '../../shared/runResults';

export type { Evaluation };

/** Loss and metrics on the test split when there is one, else on the training data. */
export async function evaluateModel(tf: Tf, model: LayersModel, spec: ModelSpec, data: LoadedData): Promise<Evaluation> {
  const split = data.test ?? data.train;
  const dataset = batchDataset(tf, data, split, spec.fit.batchSize, { shuffle: false, random: Math.random });
  const result = await model.evaluateDataset(dataset as Parameters<LayersModel['evaluateDataset']>[0], {});
  const scalars = (Array.isArray(result) ? result : [result]) as Scalar[];
  const values = await Promise.all(scalars.map(async (s) => (await s.data())[0]));
  tf.dispose(scalars);
  const labels = metricLabels(model, spec);
  return { split: data.test ? 'test' : 'train', samples: split.count, metrics: Object.fromEntries(labels.map((l, i) => [l, values[i]])) };
}
