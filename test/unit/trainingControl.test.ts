/** Pause, resume and step of a real training run (iris: 8 batches an epoch), and Stop while paused. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { TrainingControl } from '../../src/core/train/trainingControl';
import type { TrainingEvent } from '../../src/shared/trainingEvents';
import { examplesDir, tempDir } from '../helpers/tempDir';

const irisFile = path.join(examplesDir, 'iris.nn.yaml');
const EPOCHS = 4;
const BATCHES = 8;

/** Records a run's events and lets a test wait for one of them. */
class EventLog {
  readonly events: TrainingEvent[] = [];
  private waiters: Array<{ match: (e: TrainingEvent) => boolean; resolve: () => void }> = [];

  readonly onEvent = (event: TrainingEvent) => {
    this.events.push(event);
    for (const waiter of this.waiters.filter((w) => w.match(event))) waiter.resolve();
    this.waiters = this.waiters.filter((w) => !w.match(event));
  };

  next(match: (e: TrainingEvent) => boolean): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** `b2.3` for batch 3 of epoch 2, `e2` for the end of epoch 2, `pause`/`go` at epoch.batch: the run's shape at a glance. */
  since(index: number): string[] {
    return this.events.slice(index).flatMap((e) => {
      if (e.type === 'batchEnd') return [`b${e.epoch}.${e.batch}`];
      if (e.type === 'epochEnd') return [`e${e.epoch}`];
      if (e.type === 'pauseChanged') return [`${e.paused ? 'pause' : 'go'}@${e.epoch}.${e.batch}`];
      return [];
    });
  }
}

const paused = (e: TrainingEvent) => e.type === 'pauseChanged' && e.paused;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a paused run holds, then resumes to the same history as a run never paused', async () => {
  const straight = await trainModelFile(irisFile, { backend: 'cpu', runsRoot: tempDir(), epochs: EPOCHS });

  const control = new TrainingControl();
  const log = new EventLog();
  const onEvent = (event: TrainingEvent) => {
    log.onEvent(event);
    if (event.type === 'batchEnd' && event.epoch === 2 && event.batch === 3) control.pause();
  };
  const run = trainModelFile(irisFile, { backend: 'cpu', runsRoot: tempDir(), epochs: EPOCHS, control, onEvent });
  await log.next(paused);
  assert.ok(control.paused);
  const heldAt = log.events.length;
  await sleep(1000);
  assert.deepEqual(log.since(heldAt), [], 'no batch while paused');
  control.resume();
  const resumed = await run;

  assert.deepEqual(log.since(heldAt - 2).slice(0, 4), ['b2.3', 'pause@2.3', 'go@2.3', 'b2.4']);
  assert.deepEqual(resumed.history, straight.history);
  assert.equal(resumed.summary.status, 'completed');
  assert.ok((resumed.summary.pausedMs ?? 0) > 950, `pausedMs ${resumed.summary.pausedMs}`);
  // The time held is no part of the epoch's elapsed time, nor of samples/s.
  const after = log.events.find((e) => e.type === 'batchEnd' && e.epoch === 2 && e.batch === 4);
  assert.ok(after?.type === 'batchEnd' && after.elapsedMs < 900, `elapsedMs ${after?.type === 'batchEnd' ? after.elapsedMs : '?'} counts the pause`);
  const epoch2 = log.events.find((e) => e.type === 'epochEnd' && e.epoch === 2);
  assert.ok(epoch2?.type === 'epochEnd' && epoch2.epochMs < 900);
});

test('step while running holds at the end of the epoch; step from a hold runs exactly one epoch and holds again', async () => {
  const control = new TrainingControl();
  const log = new EventLog();
  const onEvent = (event: TrainingEvent) => {
    log.onEvent(event);
    if (event.type === 'batchEnd' && event.epoch === 1 && event.batch === 2) control.step();
  };
  const run = trainModelFile(irisFile, { backend: 'cpu', runsRoot: tempDir(), epochs: EPOCHS, control, onEvent });
  await log.next(paused);
  assert.deepEqual(log.since(0).slice(-3), [`b1.${BATCHES}`, 'e1', `pause@1.${BATCHES}`]);

  const before = log.events.length;
  const heldAgain = log.next(paused);
  control.step();
  await heldAgain;
  await sleep(300);
  const epoch2 = Array.from({ length: BATCHES }, (_, i) => `b2.${i + 1}`);
  assert.deepEqual(log.since(before), [`go@1.${BATCHES}`, ...epoch2, 'e2', `pause@2.${BATCHES}`]);
  assert.ok(control.paused);

  control.resume();
  const outcome = await run;
  assert.equal(outcome.summary.status, 'completed');
  assert.equal(outcome.summary.epochsCompleted, EPOCHS);
});

test('Stop while paused ends the run promptly, stopped, with its finished epochs', async () => {
  const control = new TrainingControl();
  const stop = new AbortController();
  const log = new EventLog();
  const onEvent = (event: TrainingEvent) => {
    log.onEvent(event);
    if (event.type === 'batchEnd' && event.epoch === 2 && event.batch === 5) control.pause();
  };
  const run = trainModelFile(irisFile, { backend: 'cpu', runsRoot: tempDir(), epochs: EPOCHS, control, signal: stop.signal, onEvent });
  await log.next(paused);
  await sleep(200);
  const asked = performance.now();
  stop.abort();
  const outcome = await run;
  const took = performance.now() - asked;
  assert.ok(took < 1000, `stopping a paused run took ${Math.round(took)} ms`);
  assert.equal(outcome.summary.status, 'stopped');
  assert.equal(outcome.summary.epochsCompleted, 1);
  assert.deepEqual(log.since(0).filter((e) => e.startsWith('pause') || e.startsWith('go')), ['pause@2.5', 'go@2.5']);
});
