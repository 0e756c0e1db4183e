/** batches.jsonl: every batch's own metrics, written an epoch at a time, read back whatever state the file is in. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { readBatchLog } from '../../src/core/runs/batchLog';
import { BATCHES_FILE } from '../../src/core/runs/runSummary';
import type { BatchEndEvent, BatchPoint, TrainingEvent } from '../../src/shared/trainingEvents';
import { examplesDir, tempDir } from '../helpers/tempDir';

const irisFile = path.join(examplesDir, 'iris.nn.yaml');

test('a run writes one line per batch, an epoch at a time, with each batch\'s own metrics', async () => {
  const batches: BatchEndEvent[] = [];
  let runDir = '';
  const linesSeen: Record<string, number> = {};
  const lineCount = () => readBatchLog(runDir).length;
  const onEvent = (event: TrainingEvent) => {
    if (event.type === 'runStarted') runDir = event.runDir;
    if (event.type === 'batchEnd') {
      batches.push(event);
      if (event.batch === 4) linesSeen[`epoch ${event.epoch} batch 4`] = lineCount();
    }
  };
  const outcome = await trainModelFile(irisFile, { backend: 'cpu', runsRoot: tempDir(), epochs: 3, onEvent });

  const points = readBatchLog(outcome.runDir);
  assert.equal(points.length, 3 * 8);
  assert.deepEqual(points.map((p) => `${p.epoch}.${p.batch}`), batches.map((b) => `${b.epoch}.${b.batch}`));
  assert.deepEqual(points, batches.flatMap((b) => b.points ?? []));
  assert.deepEqual(Object.keys(points[0].metrics), ['loss', 'accuracy']);
  assert.deepEqual(JSON.parse(readFileSync(path.join(outcome.runDir, BATCHES_FILE), 'utf8').split('\n')[0]), { epoch: 1, batch: 1, ...points[0].metrics });
  // Written in whole epochs (the first at its end, then at most once a second), not batch by batch.
  assert.equal(linesSeen['epoch 1 batch 4'], 0);
  assert.equal(linesSeen['epoch 2 batch 4'], 8);
  assert.ok([8, 16].includes(linesSeen['epoch 3 batch 4']));

  // A batch's own loss, not the running mean: weighted by batch size (7 of 16, then 8), they average to the epoch's mean.
  const epoch3 = points.filter((p) => p.epoch === 3);
  const sizes = [16, 16, 16, 16, 16, 16, 16, 8];
  const mean = epoch3.reduce((sum, p, i) => sum + p.metrics.loss * sizes[i], 0) / 120;
  assert.ok(Math.abs(mean - batches.at(-1)!.metrics.loss) < 1e-5);
  assert.notEqual(epoch3[1].metrics.loss, batches[17].metrics.loss);
});

test('a stopped run keeps the batches of its unfinished epoch', async () => {
  const stop = new AbortController();
  const onEvent = (event: TrainingEvent) => {
    if (event.type === 'batchEnd' && event.epoch === 2 && event.batch === 3) stop.abort();
  };
  const outcome = await trainModelFile(irisFile, { backend: 'cpu', runsRoot: tempDir(), epochs: 3, signal: stop.signal, onEvent });
  assert.equal(outcome.summary.status, 'stopped');
  assert.deepEqual(readBatchLog(outcome.runDir).map((p) => `${p.epoch}.${p.batch}`).slice(-4), ['1.8', '2.1', '2.2', '2.3']);
});

test('reading tolerates a missing file and a half-written last line', () => {
  const dir = tempDir();
  assert.deepEqual(readBatchLog(dir), []);
  const file = path.join(dir, BATCHES_FILE);
  appendFileSync(file, '{"epoch":1,"batch":1,"loss":0.69,"accuracy":0.5}\n{"epoch":1,"batch":2,"loss":null}\n{"epoch":1,"ba');
  const points: BatchPoint[] = readBatchLog(dir);
  assert.equal(points.length, 2);
  assert.deepEqual(points[0], { epoch: 1, batch: 1, metrics: { loss: 0.69, accuracy: 0.5 } });
  assert.ok(Number.isNaN(points[1].metrics.loss), 'a diverged loss written as null reads as NaN');
});
