/** `fit.early_stopping.restore_best_weights`, and patience counted as Keras counts it. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import type { LayersModel, Scalar } from '@tensorflow/tfjs';
import { EarlyStopping } from '../../src/core/train/earlyStopping';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { loadModelAndData } from '../../src/core/session/loadModelAndData';
import { selectBackend } from '../../src/core/backend/selectBackend';
import { compileModel } from '../../src/core/model/buildModel';
import { loadLayersModelFromDir } from '../../src/core/runs/modelFiles';
import { readRunSummary } from '../../src/core/runs/runFolder';
import { sliceSplit } from '../../src/core/data';
import { batchDataset } from '../../src/core/train/batchDatasets';
import { validationSampleCount } from '../../src/core/train/fitModel';
import { evaluateRun } from '../../src/core/session/savedRun';
import { restoredWeightsText } from '../../src/core/resultText';
import { parseModelText } from '../../src/core/modelFile';
import { tempDir, writeModelFile } from '../helpers/tempDir';

/** Overfits 300 MNIST images at once: val_loss is lowest at epoch 4 and rises after it (seed 3). */
const OVERFITTING = (earlyStopping: string, epochs = 30) => `name: rb
seed: 3
data:
  dataset: mnist
  scale: 255
  limit: 600
model:
  - Flatten: { input_shape: [28, 28] }
  - Dense: { units: 64, activation: relu }
  - Dense: { units: 10, activation: softmax }
compile:
  optimizer: { adam: { learning_rate: 0.01 } }
  loss: sparse_categorical_crossentropy
  metrics: [accuracy]
fit:
  epochs: ${epochs}
  validation_split: 0.5
  early_stopping: ${earlyStopping}
`;

const argMin = (values: readonly number[]) => values.reduce((best, v, i) => (v < values[best] ? i : best), 0);

/** The saved model's loss on the run's validation data, measured again from its files. */
async function savedValidationLoss(runDir: string): Promise<number> {
  const summary = readRunSummary(runDir);
  const loaded = await loadModelAndData(path.join(runDir, path.basename(summary.modelFile)), summary.seed, path.dirname(summary.modelFile));
  const { tf } = await selectBackend('cpu', { layerTypes: [] });
  const model: LayersModel = await loadLayersModelFromDir(tf, runDir);
  compileModel(tf, model, loaded.spec);
  const { data, spec } = loaded;
  const trainCount = data.train.count - validationSampleCount(data.train.count, spec.fit.validationSplit);
  const validation = sliceSplit(data, data.train, trainCount, data.train.count);
  const result = await model.evaluateDataset(batchDataset(tf, data, validation, spec.fit.batchSize, { shuffle: false, random: Math.random }) as never, {});
  const loss = (await ((Array.isArray(result) ? result[0] : result) as Scalar).data())[0];
  model.dispose();
  return loss;
}

test('early stopping stops after `patience` epochs without improvement, as Keras (0 and 1 both at the first)', () => {
  const stopsAt = (values: number[], patience: number, minDelta = 0) => {
    const stopper = new EarlyStopping({ monitor: 'loss', patience, minDelta });
    const epoch = values.findIndex((loss, i) => stopper.shouldStop({ loss }, i + 1));
    return { stoppedAt: epoch < 0 ? undefined : epoch + 1, best: stopper.bestEpoch };
  };
  const losses = [1, 0.9, 0.95, 0.96, 0.97, 0.98];
  assert.deepEqual(stopsAt(losses, 3), { stoppedAt: 5, best: 2 });
  assert.deepEqual(stopsAt(losses, 1), { stoppedAt: 3, best: 2 });
  assert.deepEqual(stopsAt(losses, 0), { stoppedAt: 3, best: 2 });
  assert.deepEqual(stopsAt(losses, 10), { stoppedAt: undefined, best: 2 });
  // 0.9 is not better than 1 by min_delta 0.2.
  assert.deepEqual(stopsAt([1, 0.9, 0.85], 2, 0.2), { stoppedAt: 3, best: 1 });
  const accuracy = new EarlyStopping({ monitor: 'val_accuracy', patience: 1, minDelta: 0 });
  [0.5, 0.7, 0.6].forEach((v, i) => accuracy.shouldStop({ val_accuracy: v }, i + 1));
  assert.equal(accuracy.bestEpoch, 2, 'accuracy improves upwards');
});

test('restore_best_weights normalizes, and is off unless written true', () => {
  const fitOf = (early: string) => parseModelText(OVERFITTING(early), 'rb.nn.yaml').spec?.fit.earlyStopping;
  assert.deepEqual(fitOf('{ monitor: val_loss, patience: 3, min_delta: 0.001, restore_best_weights: true }'), { monitor: 'val_loss', patience: 3, minDelta: 0.001, restoreBestWeights: true });
  assert.deepEqual(fitOf('{ monitor: val_loss, restoreBestWeights: true }')?.restoreBestWeights, true);
  assert.equal(fitOf('{ monitor: val_loss, restore_best_weights: false }')?.restoreBestWeights, undefined);
  assert.equal(fitOf('true')?.restoreBestWeights, undefined);
  const typo = parseModelText(OVERFITTING('{ monitor: val_loss, restore_best_weight: true }'), 'rb.nn.yaml').diagnostics;
  assert.match(typo[0]?.message ?? '', /unknown key `restore_best_weight` in early_stopping\. Did you mean `restore_best_weights`\?/);
});

test('restore_best_weights: an early-stopped run keeps, saves, evaluates and predicts with the best epoch\'s weights, and says which', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'rb.nn.yaml', OVERFITTING('{ monitor: val_loss, patience: 3, min_delta: 0.001, restore_best_weights: true }'));
  const { summary, history, runDir } = await trainModelFile(file, { runsRoot: path.join(dir, 'runs') });
  assert.equal(summary.status, 'early_stopped');
  const best = argMin(history.val_loss) + 1;
  assert.ok(best < summary.epochsCompleted, `the best epoch ${best} is before the last ${summary.epochsCompleted}`);
  assert.equal(summary.epochsCompleted, best + 3, 'stopped after 3 epochs without improvement');
  assert.deepEqual(summary.restoredWeights, { epoch: best, monitor: 'val_loss', value: history.val_loss[best - 1] });
  assert.equal(summary.weightsEpoch, best);
  assert.deepEqual(readRunSummary(runDir).restoredWeights, summary.restoredWeights, 'summary.json says it too');
  assert.equal(
    restoredWeightsText(summary.restoredWeights!, summary.epochsCompleted),
    `Restored the weights of epoch ${best} of ${summary.epochsCompleted}, the best val_loss (${history.val_loss[best - 1].toFixed(4)}) (restore_best_weights).`,
  );
  // The saved model is the best epoch's: its validation loss is that epoch's, not the last one's.
  const saved = await savedValidationLoss(runDir);
  assert.ok(Math.abs(saved - history.val_loss[best - 1]) < 1e-4, `saved model's val_loss ${saved}, best ${history.val_loss[best - 1]}, last ${history.val_loss[history.val_loss.length - 1]}`);
  // The evaluation at the end of training was of the same model as the saved one.
  const { evaluation } = await evaluateRun(runDir, 'cpu');
  assert.ok(Math.abs(evaluation.metrics.loss - summary.evaluation!.metrics.loss) < 1e-4);
});

test('without restore_best_weights the last epoch\'s weights are kept; with it, a run that ends without stopping early gets the best too (Keras 3)', async () => {
  const dir = tempDir();
  const last = await trainModelFile(writeModelFile(dir, 'a.nn.yaml', OVERFITTING('{ monitor: val_loss, patience: 3, min_delta: 0.001 }')), { runsRoot: path.join(dir, 'runs') });
  assert.equal(last.summary.status, 'early_stopped');
  assert.equal(last.summary.restoredWeights, undefined);
  assert.equal(last.summary.weightsEpoch, last.summary.epochsCompleted);
  const saved = await savedValidationLoss(last.runDir);
  assert.ok(Math.abs(saved - last.history.val_loss[last.history.val_loss.length - 1]) < 1e-4);

  // 7 epochs with patience 10 never stop early; the weights of the best of them are restored at the end.
  const full = await trainModelFile(writeModelFile(dir, 'b.nn.yaml', OVERFITTING('{ monitor: val_loss, patience: 10, restore_best_weights: true }', 7)), { runsRoot: path.join(dir, 'runs') });
  assert.equal(full.summary.status, 'completed');
  const best = argMin(full.history.val_loss) + 1;
  assert.ok(best < 7);
  assert.equal(full.summary.restoredWeights?.epoch, best);
  assert.equal(full.summary.weightsEpoch, best);
});
