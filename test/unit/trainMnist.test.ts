import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { readRunSummary } from '../../src/core/runs/runFolder';
import { examplesDir, tempDir, writeModelFile } from '../helpers/tempDir';
import type { TrainingEvent } from '../../src/shared/trainingEvents';

/** examples/mnist-mlp.nn.yaml on the first `limit` samples of each split. */
function mnistSubset(limit: number, extra = ''): string {
  const text = fs.readFileSync(path.join(examplesDir, 'mnist-mlp.nn.yaml'), 'utf8');
  return text.replace('  scale: 255', `  scale: 255\n  limit: ${limit}`) + extra;
}

// The full 60,000 reach about 97.6% in the example's 5 epochs (README); 20,000 and 3 keep the suite quick.
test('the MNIST MLP on 20,000 real MNIST images reaches over 94.5% test accuracy in 3 epochs', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'mnist.nn.yaml', mnistSubset(20000));
  const { summary, history } = await trainModelFile(file, { epochs: 3, seed: 1, runsRoot: path.join(dir, 'runs') });
  assert.equal(summary.status, 'completed');
  assert.equal(summary.evaluation?.samples, 10000);
  assert.ok((summary.evaluation?.metrics.accuracy ?? 0) > 0.945, `test accuracy ${summary.evaluation?.metrics.accuracy}`);
  assert.deepEqual(Object.keys(history).sort(), ['accuracy', 'loss', 'val_accuracy', 'val_loss']);
  assert.ok(history.val_accuracy[2] > 0.9);
  const predictions = summary.predictions ?? [];
  assert.equal(predictions.length, 12);
  assert.equal(predictions[0].expected, 7, 'the first MNIST test image is a 7');
  assert.equal(predictions[0].input, undefined, 'images are not echoed back');
  assert.equal(predictions[0].output.length, 10);
  assert.ok(predictions.filter((p) => p.label === p.expected).length >= 10);
});

test('cancelling stops within one batch, keeps the whole epochs so far and marks the run stopped', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'mnist.nn.yaml', mnistSubset(6000));
  const stop = new AbortController();
  let batchesAfterStop = 0;
  const seen: TrainingEvent[] = [];
  const outcome = await trainModelFile(file, {
    epochs: 5,
    runsRoot: path.join(dir, 'runs'),
    signal: stop.signal,
    onEvent: (event) => {
      seen.push(event);
      if (event.type !== 'batchEnd') return;
      if (stop.signal.aborted) batchesAfterStop += 1;
      else if (event.epoch === 2 && event.batch === 20) stop.abort();
    },
  });
  assert.equal(outcome.summary.status, 'stopped');
  assert.ok(batchesAfterStop <= 1, `${batchesAfterStop} batches ran after the stop`);
  assert.equal(outcome.summary.epochsCompleted, 1);
  assert.equal(outcome.history.loss.length, 1);
  assert.equal(seen.filter((e) => e.type === 'epochEnd').length, 1);
  const onDisk = readRunSummary(outcome.runDir);
  assert.equal(onDisk.status, 'stopped');
  assert.equal(onDisk.evaluation, undefined, 'a stopped run claims no evaluation');
  assert.equal(fs.readFileSync(path.join(outcome.runDir, 'history.jsonl'), 'utf8').trim().split('\n').length, 1);
});

test('early stopping ends training when the monitored metric stops improving', async () => {
  const dir = tempDir();
  // A learning rate this large makes val_loss worse at once, so patience 1 must stop early.
  const text = mnistSubset(2000).replace('optimizer: adam', 'optimizer: { sgd: { learning_rate: 5 } }').replace('  validation_split: 0.1', '  validation_split: 0.1\n  early_stopping: { monitor: val_loss, patience: 1 }');
  const file = writeModelFile(dir, 'mnist.nn.yaml', text);
  const { summary } = await trainModelFile(file, { epochs: 30, runsRoot: path.join(dir, 'runs') });
  assert.equal(summary.status, 'early_stopped');
  assert.ok(summary.epochsCompleted < 30);
  assert.ok(summary.evaluation, 'an early-stopped run is evaluated');
});

test('a stop asked for before training starts (while data loads) ends the run after at most one batch', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'mnist.nn.yaml', mnistSubset(6000));
  const stop = new AbortController();
  let batches = 0;
  const outcome = await trainModelFile(file, {
    epochs: 5,
    runsRoot: path.join(dir, 'runs'),
    signal: stop.signal,
    onEvent: (event) => {
      if (event.type === 'phase' && event.phase === 'loading-data') stop.abort();
      if (event.type === 'batchEnd') batches += 1;
    },
  });
  assert.equal(outcome.summary.status, 'stopped');
  assert.equal(outcome.summary.epochsCompleted, 0);
  assert.ok(batches <= 1, `${batches} batches ran`);
});
