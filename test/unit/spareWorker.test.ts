/**
 * The spare training worker against the real worker bundle (dist/worker.js): a job in a warmed worker
 * trains exactly as one in a fresh worker, a spare serves one job, and one left unused is ended.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { WorkerJobHandle } from '../../src/host/worker/workerJob';
import { SpareWorker } from '../../src/host/worker/spareWorker';
import type { TrainJob, TrainResult } from '../../src/shared/workerProtocol';
import { examplesDir, repoRoot, tempDir } from '../helpers/tempDir';

const workerScript = path.join(repoRoot, 'dist', 'worker.js');
const xorJob = (): TrainJob => ({ kind: 'train', file: path.join(examplesDir, 'xor.nn.yaml'), backend: 'cpu', runsRoot: tempDir(), epochs: 20, progressIntervalMs: 50 });

test('a job in a warmed spare trains to the same result as one in a fresh worker', async () => {
  const spare = new SpareWorker(workerScript);
  spare.prepare('cpu');
  assert.equal(spare.take(), undefined, 'not handed over while it warms up');
  await spare.whenWarm();
  const warmWorker = spare.take();
  assert.ok(warmWorker);
  const warm = (await new WorkerJobHandle(warmWorker, xorJob()).result) as TrainResult;
  const cold = (await new WorkerJobHandle(workerScript, xorJob()).result) as TrainResult;
  assert.equal(warm.status, 'completed');
  assert.equal(warm.epochsCompleted, 20);
  assert.deepEqual(warm.finalMetrics, cold.finalMetrics);
  assert.deepEqual(warm.evaluation, cold.evaluation);
  spare.dispose();
});

test('a spare warmed for wasm still runs a cpu job: the job selects its own backend', async () => {
  const spare = new SpareWorker(workerScript);
  spare.prepare('wasm');
  await spare.whenWarm();
  const result = (await new WorkerJobHandle(spare.take()!, xorJob()).result) as TrainResult;
  assert.equal(result.status, 'completed');
  spare.dispose();
});

test('a spare is handed over once, and prepare starts a new one only when none waits', async () => {
  const spare = new SpareWorker(workerScript);
  spare.prepare('auto');
  spare.prepare('auto');
  assert.equal(spare.started, 1);
  await spare.whenWarm();
  const worker = spare.take();
  assert.ok(worker);
  assert.equal(spare.take(), undefined);
  void worker.terminate();
  spare.prepare('auto');
  assert.equal(spare.started, 2);
  spare.dispose();
  assert.equal(spare.ready, false);
});

test('a spare left unused past its idle time is ended', async () => {
  const spare = new SpareWorker(workerScript, 50);
  spare.prepare('cpu');
  const worker = (spare as unknown as { spare: { worker: import('worker_threads').Worker } }).spare.worker;
  // Ended means the worker thread exits, which is the memory coming back.
  await new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  assert.equal(spare.ready, false);
  assert.equal(spare.take(), undefined);
});
