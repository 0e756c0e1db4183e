/**
 * The host's side of the worker protocol, against the real worker bundle (dist/worker.js, built by
 * `npm test` before the tests): events in order, cancel within a batch, terminate when a worker does
 * not answer. workerJob.ts imports no vscode, so it runs here without VS Code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { WorkerEndedError, WorkerJobError, WorkerJobHandle } from '../../src/host/worker/workerJob';
import type { CheckResult, ParseResult, TrainResult } from '../../src/shared/workerProtocol';
import { SharedWorker } from '../../src/host/worker/sharedWorker';
import { readRunSummary } from '../../src/core/runs/runFolder';
import { examplesDir, repoRoot, tempDir, writeModelFile } from '../helpers/tempDir';

const workerScript = path.join(repoRoot, 'dist', 'worker.js');

test('a train job reports runStarted, every epoch end and a done with the run folder', async () => {
  const runsRoot = tempDir();
  const job = new WorkerJobHandle(workerScript, { kind: 'train', file: path.join(examplesDir, 'xor.nn.yaml'), backend: 'cpu', runsRoot, progressIntervalMs: 50 });
  const epochs: number[] = [];
  let started: string | undefined;
  job.onProgress = (event) => {
    if (event.type === 'runStarted') started = event.runDir;
  };
  job.onEpochEnd = (event) => epochs.push(event.epoch);
  const result = (await job.result) as TrainResult;
  assert.equal(result.status, 'completed');
  assert.equal(result.runDir, started);
  assert.deepEqual(epochs, Array.from({ length: 300 }, (_, i) => i + 1));
  assert.equal(result.evaluation?.metrics.accuracy, 1);
  assert.ok(job.finished);
});

test('cancel stops a long run after the current batch and keeps it, marked stopped', async () => {
  const runsRoot = tempDir();
  const job = new WorkerJobHandle(workerScript, { kind: 'train', file: path.join(examplesDir, 'mnist-mlp.nn.yaml'), backend: 'auto', runsRoot, progressIntervalMs: 50 });
  await new Promise<void>((resolve) => {
    job.onProgress = (event) => {
      if (event.type === 'batchEnd' && event.batch >= 20) resolve();
    };
  });
  const asked = performance.now();
  await job.cancel(10_000);
  const result = (await job.result) as TrainResult;
  assert.ok(performance.now() - asked < 5000, 'stopping took more than 5 s');
  assert.equal(result.status, 'stopped');
  assert.equal(readRunSummary(result.runDir).status, 'stopped');
});

test('a worker that does not answer cancel is terminated after the grace time', async () => {
  const dir = tempDir();
  const deaf = path.join(dir, 'deafWorker.js');
  // Stands in for a worker stuck in a long synchronous kernel: it never reads its messages again.
  writeFileSync(deaf, "require('worker_threads').parentPort.once('message', () => { const end = Date.now() + 60000; while (Date.now() < end) {} });");
  const job = new WorkerJobHandle(deaf, { kind: 'check', file: 'x.nn.yaml' });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const asked = performance.now();
  await job.cancel(300);
  await assert.rejects(job.result, WorkerEndedError);
  assert.ok(performance.now() - asked < 3000);
});

test('a broken model file comes back as an invalid-model-file error with located diagnostics', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'bad.nn.yaml', 'data: { dataset: xor }\nmodel:\n  - Dense: { units: 1, activation: sigmoidd }\n');
  const job = new WorkerJobHandle(workerScript, { kind: 'train', file, backend: 'cpu', progressIntervalMs: 50 });
  const err = await job.result.then(() => undefined, (e: unknown) => e);
  assert.ok(err instanceof WorkerJobError);
  assert.equal(err.error.kind, 'invalid-model-file');
  assert.ok(err.error.kind === 'invalid-model-file' && err.error.diagnostics.some((d) => d.range.start.line === 3));
});

test('a check job returns the diagnostics and the model size', async () => {
  const job = new WorkerJobHandle(workerScript, { kind: 'check', file: path.join(examplesDir, 'iris.nn.yaml') });
  const result = (await job.result) as CheckResult;
  assert.deepEqual(result.diagnostics, []);
  assert.deepEqual(result.size, { layers: 2, params: 4 * 8 + 8 + 8 * 3 + 3 });
});

test('the shared worker answers parse requests in order, warm after the first', async () => {
  const worker = new SharedWorker(workerScript);
  try {
    const text = 'data: { dataset: xor }\nmodel:\n  - Dense: { units: 1, activation: sigmoidd }\ncompile: { optimizer: adam, loss: binary_crossentropy }\n';
    const [bad, good] = (await Promise.all([
      worker.request({ kind: 'parse', file: 'bad.nn.yaml', text }, 30_000),
      worker.request({ kind: 'parse', file: 'xor.nn.yaml', text: text.replace('sigmoidd', 'sigmoid') }, 30_000),
    ])) as ParseResult[];
    assert.equal(bad.file, 'bad.nn.yaml');
    assert.deepEqual(bad.diagnostics.map((d) => d.range.start.line), [3]);
    assert.equal(bad.layers, undefined);
    assert.deepEqual(good.diagnostics, []);
    assert.equal(good.layers, 1);
  } finally {
    worker.dispose();
  }
});

test('a shared worker that hangs is replaced: the late request fails, the next one is answered', async () => {
  const dir = tempDir();
  // Hangs on its first job only, like a worker stuck in a long kernel; a fresh one answers normally.
  const flaky = path.join(dir, 'flakyWorker.js');
  const marker = path.join(dir, 'hung-once');
  writeFileSync(
    flaky,
    `const fs = require('fs'); const { parentPort } = require('worker_threads');
     parentPort.on('message', (m) => {
       if (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); for (;;) {} }
       parentPort.postMessage({ type: 'done', id: m.id, result: { kind: 'parse', file: m.job.file, diagnostics: [] } });
     });`,
  );
  const worker = new SharedWorker(flaky);
  try {
    await assert.rejects(worker.request({ kind: 'parse', file: 'a.nn.yaml', text: '' }, 500), WorkerEndedError);
    const answer = (await worker.request({ kind: 'parse', file: 'b.nn.yaml', text: '' }, 5000)) as ParseResult;
    assert.equal(answer.file, 'b.nn.yaml');
  } finally {
    worker.dispose();
  }
});
