/** Weights saved at every epoch end: a stopped run keeps a usable model of its last finished epoch. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { evaluateRun, predictRunSamples } from '../../src/core/session/savedRun';
import { predictFromRun } from '../../src/core/session/predictFromRun';
import { RunInputError } from '../../src/core/session/runInputError';
import { readRunSummary } from '../../src/core/runs/runFolder';
import type { TrainingEvent } from '../../src/shared/trainingEvents';
import { examplesDir, tempDir } from '../helpers/tempDir';

const irisFile = path.join(examplesDir, 'iris.nn.yaml');
const inputs = [
  [5.1, 3.5, 1.4, 0.2],
  [6.7, 3.0, 5.2, 2.3],
  [5.9, 3.0, 4.2, 1.5],
];

/** Trains iris and stops it at `batch` of `epoch`. */
async function stoppedAt(epoch: number, batch: number) {
  const stop = new AbortController();
  const onEvent = (event: TrainingEvent) => {
    if (event.type === 'batchEnd' && event.epoch === epoch && event.batch === batch) stop.abort();
  };
  return trainModelFile(irisFile, { backend: 'cpu', runsRoot: tempDir(), epochs: 5, signal: stop.signal, onEvent });
}

test('a run stopped in its third epoch evaluates and predicts as the model of epoch 2 does', async () => {
  const stopped = await stoppedAt(3, 4);
  assert.equal(stopped.summary.status, 'stopped');
  assert.equal(stopped.summary.epochsCompleted, 2);
  assert.equal(stopped.summary.weightsEpoch, 2);
  assert.equal(readRunSummary(stopped.runDir).weightsEpoch, 2);
  // Only the weights and the topology: no temporary file is left behind.
  assert.deepEqual(readdirSync(stopped.runDir).filter((f) => f.endsWith('.tmp')), []);

  const twoEpochs = await trainModelFile(irisFile, { backend: 'cpu', runsRoot: tempDir(), epochs: 2 });
  assert.equal(twoEpochs.summary.weightsEpoch, 2);
  assert.deepEqual(await predictFromRun(stopped.runDir, inputs, 'cpu'), await predictFromRun(twoEpochs.runDir, inputs, 'cpu'));
  assert.deepEqual(await predictRunSamples(stopped.runDir, 'cpu'), await predictRunSamples(twoEpochs.runDir, 'cpu'));
  const { evaluation } = await evaluateRun(stopped.runDir, 'cpu');
  assert.deepEqual(evaluation, twoEpochs.summary.evaluation);
});

test('the first finished epoch is on disk while the run goes on', async () => {
  let seen: { model: boolean; weightsEpoch?: number } | undefined;
  let runDir = '';
  const onEvent = (event: TrainingEvent) => {
    if (event.type === 'runStarted') runDir = event.runDir;
    if (event.type === 'batchEnd' && event.epoch === 2 && event.batch === 1) {
      seen = { model: existsSync(path.join(runDir, 'model.json')), weightsEpoch: readRunSummary(runDir).weightsEpoch };
    }
  };
  await trainModelFile(irisFile, { backend: 'cpu', runsRoot: tempDir(), epochs: 2, onEvent });
  assert.deepEqual(seen, { model: true, weightsEpoch: 1 });
});

test('a run stopped before its first epoch ended has no model, and says so', async () => {
  const stopped = await stoppedAt(1, 2);
  assert.equal(stopped.summary.status, 'stopped');
  assert.equal(stopped.summary.weightsEpoch, undefined);
  assert.equal(existsSync(path.join(stopped.runDir, 'model.json')), false);
  const saysWhy = (err: unknown) => err instanceof RunInputError && /was stopped before its first epoch ended: it has no saved weights/.test(err.message);
  await assert.rejects(evaluateRun(stopped.runDir, 'cpu'), saysWhy);
  await assert.rejects(predictFromRun(stopped.runDir, inputs, 'cpu'), saysWhy);
});
