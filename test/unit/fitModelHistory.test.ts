/**
 * The trainer's epoch loop (fitModel: fitDataset with its callbacks, per-batch running means, pauses,
 * validation keys under the file's metric names) against a plain tfjs fitDataset over the same
 * batches: the same loss, metric and validation curves and final weights on the cpu backend. It is
 * the reference every change to the loop must keep (issue 13: equal results, to 1e-5).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { LayersModel } from '@tensorflow/tfjs';
import { selectBackend } from '../../src/core/backend/selectBackend';
import { buildCheckedModel, loadModelAndData } from '../../src/core/session/loadModelAndData';
import { fitModel, validationSampleCount } from '../../src/core/train/fitModel';
import { compileModel } from '../../src/core/model/buildModel';
import { batchDataset } from '../../src/core/train/batchDatasets';
import { sliceSplit } from '../../src/core/data';
import { mulberry32 } from '../../src/core/random';
import { tempDir, writeModelFile } from '../helpers/tempDir';
import { maxDifference } from '../helpers/kernelValues';

/** 600 MNIST images, a kernel regularizer (its penalty is part of the loss), two metrics, validation and a last batch of another size. */
const MODEL = `name: loop
seed: 11
data:
  dataset: mnist
  scale: 255
  limit: 700
model:
  - Flatten: { input_shape: [28, 28] }
  - Dense: { units: 32, activation: relu, kernel_regularizer: { l2: 0.001 } }
  - Dense: { units: 10, activation: softmax }
compile:
  optimizer: { adam: { learning_rate: 0.005 } }
  loss: categorical_crossentropy
  metrics: [accuracy, categorical_crossentropy]
fit:
  epochs: 4
  batch_size: 50
  validation_split: 0.2
`;

const TOLERANCE = 1e-5;

async function twoModels() {
  const { tf } = await selectBackend('cpu', { layerTypes: ['Dense'] });
  const loaded = await loadModelAndData(writeModelFile(tempDir(), 'loop.nn.yaml', MODEL));
  const ours = await buildCheckedModel(tf, loaded);
  const plain = await buildCheckedModel(tf, loaded);
  plain.setWeights(ours.getWeights());
  compileModel(tf, ours, loaded.spec);
  compileModel(tf, plain, loaded.spec);
  return { tf, loaded, ours, plain };
}

function weightsDifference(a: LayersModel, b: LayersModel): number {
  const [wa, wb] = [a.getWeights(), b.getWeights()];
  assert.equal(wa.length, wb.length);
  return Math.max(...wa.map((w, i) => maxDifference(w.dataSync(), wb[i].dataSync())));
}

test('the trainer reports the same loss, metric and validation curves and ends with the same weights as a plain tfjs fitDataset (cpu, 1e-5)', async () => {
  const { tf, loaded, ours, plain } = await twoModels();
  const { spec, data } = loaded;
  const epochs = spec.fit.epochs;
  const fit = await fitModel({ tf, model: ours, spec, data, epochs, random: mulberry32(42) });

  // The plain path: the same shuffled batches (same random, same last validation_split held out).
  const trainCount = data.train.count - validationSampleCount(data.train.count, spec.fit.validationSplit);
  const random = mulberry32(42);
  const history = await plain.fitDataset(batchDataset(tf, data, sliceSplit(data, data.train, 0, trainCount), spec.fit.batchSize, { shuffle: true, random }), {
    epochs,
    verbose: 0,
    validationData: batchDataset(tf, data, sliceSplit(data, data.train, trainCount, data.train.count), spec.fit.batchSize, { shuffle: false, random }),
  });

  assert.equal(fit.status, 'completed');
  assert.deepEqual(Object.keys(fit.history), ['loss', 'accuracy', 'categorical_crossentropy', 'val_loss', 'val_accuracy', 'val_categorical_crossentropy']);
  // tfjs' own keys: acc for accuracy, the loss-named metric under its function's name.
  const plainKeys: Record<string, string> = {};
  for (const [i, name] of plain.metricsNames.entries()) {
    const label = Object.keys(fit.history)[i];
    plainKeys[label] = name;
    plainKeys[`val_${label}`] = `val_${name}`;
  }
  for (const [label, values] of Object.entries(fit.history)) {
    const reference = history.history[plainKeys[label]] as number[];
    assert.equal(values.length, epochs, label);
    for (let epoch = 0; epoch < epochs; epoch++) {
      const difference = Math.abs(values[epoch] - reference[epoch]);
      assert.ok(difference <= TOLERANCE, `${label} at epoch ${epoch + 1}: ${values[epoch]} vs fitDataset's ${reference[epoch]} (differs by ${difference})`);
    }
  }
  // The regularizer's penalty is in the loss: it is above the crossentropy metric of the same batches.
  assert.ok(fit.history.loss.every((loss, i) => loss > fit.history.categorical_crossentropy[i]));
  // A run that learns, or equal curves would prove nothing.
  assert.ok(fit.history.loss[epochs - 1] < fit.history.loss[0] * 0.7, `loss ${fit.history.loss.join(', ')}`);
  const difference = weightsDifference(ours, plain);
  assert.ok(difference <= TOLERANCE, `final weights differ by ${difference}`);
  ours.dispose();
  plain.dispose();
});
