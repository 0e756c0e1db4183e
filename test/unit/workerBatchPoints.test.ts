/**
 * The worker's side of the live curves and pause/step, against the real worker bundle (dist/worker.js,
 * built before the tests): throttled batch events still deliver every batch point once, in order,
 * each epoch end after its points; pause, step, resume and cancel messages drive a train job.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { isWorkerToHostMessage, type HostToWorkerMessage, type TrainResult, type WorkerToHostMessage } from '../../src/shared/workerProtocol';
import { readBatchLog } from '../../src/core/runs/batchLog';
import { examplesDir, repoRoot, tempDir } from '../helpers/tempDir';

const workerScript = path.join(repoRoot, 'dist', 'worker.js');
const irisFile = path.join(examplesDir, 'iris.nn.yaml');
const BATCHES = 8;

/** A worker running one train job of iris: its messages so far, and a way to wait for the next that matches. */
class TrainJobInWorker {
  readonly messages: WorkerToHostMessage[] = [];
  readonly result: Promise<TrainResult>;
  private readonly worker = new Worker(workerScript);
  private waiters: Array<{ match: (m: WorkerToHostMessage) => boolean; resolve: () => void }> = [];

  constructor(epochs: number, progressIntervalMs: number) {
    this.result = new Promise((resolve, reject) => {
      this.worker.on('message', (message: unknown) => {
        if (!isWorkerToHostMessage(message)) return;
        this.messages.push(message);
        for (const waiter of this.waiters.filter((w) => w.match(message))) waiter.resolve();
        this.waiters = this.waiters.filter((w) => !w.match(message));
        if (message.type === 'done') resolve(message.result as TrainResult);
        if (message.type === 'error') reject(new Error(message.error.message));
      });
      this.worker.on('error', reject);
    }).finally(() => void this.worker.terminate()) as Promise<TrainResult>;
    this.send({ type: 'start', id: 1, job: { kind: 'train', file: irisFile, backend: 'cpu', runsRoot: tempDir(), epochs, progressIntervalMs } });
  }

  send(message: HostToWorkerMessage): void {
    this.worker.postMessage(message);
  }

  next(match: (m: WorkerToHostMessage) => boolean): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** The messages as `b2.3+4` (a batch event for 2.3 carrying 4 points), `e2` and `pause@2.8`/`go@2.8`. */
  shape(): string[] {
    return this.messages.flatMap((m) => {
      if (m.type === 'epochEnd') return [`e${m.event.epoch}`];
      if (m.type !== 'progress') return [];
      const e = m.event;
      if (e.type === 'batchEnd') return [`b${e.epoch}.${e.batch}+${e.points?.length ?? 0}`];
      if (e.type === 'pauseChanged') return [`${e.paused ? 'pause' : 'go'}@${e.epoch}.${e.batch}`];
      return [];
    });
  }

  /** Every batch point the host was sent, in the order it was sent. */
  points(): string[] {
    return this.messages.flatMap((m) => (m.type === 'progress' && m.event.type === 'batchEnd' ? (m.event.points ?? []).map((p) => `${p.epoch}.${p.batch}`) : []));
  }
}

const allBatches = (epochs: number) => Array.from({ length: epochs * BATCHES }, (_, i) => `${Math.floor(i / BATCHES) + 1}.${(i % BATCHES) + 1}`);

test('throttled batch events deliver every batch point once, in order, and each epoch end after its points', async () => {
  const job = new TrainJobInWorker(6, 1000);
  const result = await job.result;
  assert.equal(result.status, 'completed');
  assert.deepEqual(job.points(), allBatches(6));
  const shape = job.shape();
  assert.ok(shape.filter((s) => s.startsWith('b')).length < 6 * BATCHES, `nothing was throttled: ${shape.join(' ')}`);
  for (let epoch = 1; epoch <= 6; epoch++) {
    // The event before each epoch end is the epoch's last batch, carrying what was held back.
    assert.match(shape[shape.indexOf(`e${epoch}`) - 1], new RegExp(`^b${epoch}\\.${BATCHES}\\+[1-9]`));
  }
  // What the host was sent is what the run folder keeps.
  assert.deepEqual(readBatchLog(result.runDir).map((p) => `${p.epoch}.${p.batch}`), allBatches(6));
  const sent = job.messages.flatMap((m) => (m.type === 'progress' && m.event.type === 'batchEnd' ? (m.event.points ?? []) : []));
  assert.deepEqual(sent, readBatchLog(result.runDir));
});

test('pause, step, resume and cancel messages hold and release a train job; its last points arrive before done', async () => {
  const job = new TrainJobInWorker(50, 1000);
  const pausedEvent = (m: WorkerToHostMessage) => m.type === 'progress' && m.event.type === 'pauseChanged' && m.event.paused;
  await job.next((m) => m.type === 'progress' && m.event.type === 'batchEnd' && m.event.epoch === 1);
  job.send({ type: 'pause', id: 1 });
  await job.next(pausedEvent);
  const held = job.shape();
  // The batch it holds at (or, if the pause came in its last batch, the end of that epoch) has been sent, with every point before it.
  const at = held.at(-1)!.replace('pause@', '');
  assert.ok(held.filter((s) => s.startsWith('b')).at(-1)!.startsWith(`b${at}+`));
  assert.equal(job.points().at(-1), at);
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.equal(job.shape().length, held.length, 'nothing while paused');

  const heldAgain = job.next(pausedEvent);
  job.send({ type: 'step', id: 1 });
  await heldAgain;
  const [heldEpoch, heldBatch] = at.split('.').map(Number);
  const epoch = heldBatch === BATCHES ? heldEpoch + 1 : heldEpoch;
  assert.deepEqual(job.shape().slice(held.length).filter((s) => !s.startsWith('b')), [`go@${at}`, `e${epoch}`, `pause@${epoch}.${BATCHES}`]);

  job.send({ type: 'resume', id: 1 });
  await job.next((m) => m.type === 'progress' && m.event.type === 'batchEnd' && m.event.epoch >= epoch + 2);
  job.send({ type: 'cancel', id: 1 });
  const result = await job.result;
  assert.equal(result.status, 'stopped');
  const saved = readBatchLog(result.runDir).map((p) => `${p.epoch}.${p.batch}`);
  assert.deepEqual(job.points(), saved);
  assert.deepEqual(saved, allBatches(50).slice(0, saved.length));
  assert.ok(job.messages.at(-1)?.type === 'done');
});
