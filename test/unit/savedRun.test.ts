/** Evaluate and Predict on a run folder, and finding a model file's runs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { evaluateRun, predictRunSamples } from '../../src/core/session/savedRun';
import { RunInputError } from '../../src/core/session/runInputError';
import { runsOfModelFile, runsWithModel } from '../../src/core/runs/runList';
import { readHistory } from '../../src/core/runs/runHistory';
import { markRunStopped } from '../../src/core/runs/stoppedRun';
import { examplesDir, tempDir } from '../helpers/tempDir';

test('a saved run evaluates to the metrics it had when training ended, reading its CSV beside the original file', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'breast-cancer.nn.yaml');
  copyFileSync(path.join(examplesDir, 'breast-cancer.nn.yaml'), file);
  copyFileSync(path.join(examplesDir, 'breast-cancer.csv'), path.join(dir, 'breast-cancer.csv'));
  // Runs elsewhere: the relative `csv:` must still resolve against the model file's folder.
  const runsRoot = path.join(tempDir(), 'runs');
  const { runDir, summary } = await trainModelFile(file, { backend: 'cpu', runsRoot, epochs: 3 });
  // Editing the file afterwards must not change what the run evaluates on.
  writeFileSync(file, readFileSync(file, 'utf8').replace('seed: 3', 'seed: 4'));
  const { evaluation } = await evaluateRun(runDir, 'cpu');
  assert.equal(evaluation.split, 'test');
  assert.equal(evaluation.samples, summary.evaluation?.samples);
  for (const [name, value] of Object.entries(summary.evaluation!.metrics)) assert.ok(Math.abs(evaluation.metrics[name] - value) < 1e-5, name);
});

test('predicting from a run without input runs the file\'s predict section', async () => {
  const runsRoot = tempDir();
  const { runDir } = await trainModelFile(path.join(examplesDir, 'xor.nn.yaml'), { backend: 'cpu', runsRoot });
  const { predictions } = await predictRunSamples(runDir, 'cpu');
  assert.deepEqual(predictions.map((p) => p.label), [0, 1, 1, 0]);
});

test('a folder without a trained model is a RunInputError that says what to do', async () => {
  await assert.rejects(evaluateRun(tempDir(), 'cpu'), (err: unknown) => err instanceof RunInputError && /train the model file first/.test(err.message));
});

test('run folders of a model file are listed newest first, and a terminated run can be marked stopped', async () => {
  const runsRoot = tempDir();
  const xor = path.join(examplesDir, 'xor.nn.yaml');
  const first = await trainModelFile(xor, { backend: 'cpu', runsRoot, epochs: 2 });
  const second = await trainModelFile(xor, { backend: 'cpu', runsRoot, epochs: 3 });
  await trainModelFile(path.join(examplesDir, 'iris.nn.yaml'), { backend: 'cpu', runsRoot, epochs: 1 });
  assert.deepEqual(runsOfModelFile(xor, runsRoot).map((r) => r.dir), [second.runDir, first.runDir]);
  assert.equal(runsWithModel(xor, runsRoot).length, 2);
  assert.deepEqual(readHistory(second.runDir).map((h) => h.epoch), [1, 2, 3]);

  // As a worker terminated mid-run leaves it: status still `running`.
  const summaryFile = path.join(second.runDir, 'summary.json');
  writeFileSync(summaryFile, JSON.stringify({ ...JSON.parse(readFileSync(summaryFile, 'utf8')), status: 'running' }));
  assert.equal(runsWithModel(xor, runsRoot).length, 1, 'a running run has no model to use yet');
  markRunStopped(second.runDir, 'terminated');
  const marked = JSON.parse(readFileSync(summaryFile, 'utf8'));
  assert.equal(marked.status, 'stopped');
  assert.equal(marked.epochsCompleted, 3);
});
