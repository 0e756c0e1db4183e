import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { evaluateRun } from '../../src/core/session/savedRun';
import type { TrainingEvent } from '../../src/shared/trainingEvents';
import { examplesDir, tempDir, writeModelFile } from '../helpers/tempDir';

function assertFiniteEveryEpoch(history: Record<string, number[]>, keys: string[], epochs: number): void {
  for (const key of keys) {
    assert.equal(history[key]?.length, epochs, `${key}: ${JSON.stringify(history[key])}`);
    assert.ok(history[key].every(Number.isFinite), `${key}: ${JSON.stringify(history[key])}`);
  }
}

test('breast-cancer: precision and recall are finite in every epoch of the history, the events and history.jsonl', async () => {
  const events: TrainingEvent[] = [];
  const { runDir, history } = await trainModelFile(path.join(examplesDir, 'breast-cancer.nn.yaml'), {
    runsRoot: tempDir(),
    epochs: 3,
    onEvent: (e) => void events.push(e),
  });
  assertFiniteEveryEpoch(history, ['loss', 'accuracy', 'precision', 'recall'], 3);
  const epochEnds = events.filter((e) => e.type === 'epochEnd');
  assert.equal(epochEnds.length, 3);
  for (const e of epochEnds) for (const key of ['precision', 'recall']) assert.ok(Number.isFinite(e.metrics[key]), `${key} in ${JSON.stringify(e.metrics)}`);
  const batchEnd = events.find((e) => e.type === 'batchEnd');
  assert.ok(batchEnd && Number.isFinite(batchEnd.metrics.precision), `running precision in ${JSON.stringify(batchEnd)}`);
  const lines = fs.readFileSync(path.join(runDir, 'history.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  for (const line of lines) for (const key of ['precision', 'recall']) assert.equal(typeof line[key], 'number', `${key} in ${JSON.stringify(line)}`);
  // The saved model (whose training config now names these metrics) loads and evaluates them.
  const { evaluation } = await evaluateRun(runDir);
  for (const key of ['precision', 'recall']) assert.ok(Number.isFinite(evaluation.metrics[key]), `${key} in ${JSON.stringify(evaluation)}`);
});

test('metrics that share a tfjs function (accuracy, binary_accuracy) and validation metrics are finite in every epoch', async () => {
  const dir = tempDir();
  const file = writeModelFile(
    dir,
    'm.nn.yaml',
    `name: m
seed: 1
data:
  inline:
    x: [[0, 0], [0, 1], [1, 0], [1, 1], [0, 0], [0, 1], [1, 0], [1, 1], [0, 1], [1, 0]]
    y: [0, 1, 1, 0, 0, 1, 1, 0, 1, 1]
model:
  - Dense: { units: 4, activation: tanh }
  - Dense: { units: 1, activation: sigmoid }
compile:
  optimizer: adam
  loss: binary_crossentropy
  metrics: [accuracy, binary_accuracy, precision, recall]
fit:
  epochs: 2
  batch_size: 4
  validation_split: 0.2
`,
  );
  const { history } = await trainModelFile(file, { runsRoot: path.join(dir, 'runs') });
  assertFiniteEveryEpoch(history, ['loss', 'accuracy', 'binary_accuracy', 'precision', 'recall', 'val_loss', 'val_accuracy', 'val_binary_accuracy', 'val_precision', 'val_recall'], 2);
});
