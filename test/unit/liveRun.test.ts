/** The host's one live state of a run: what the panel, the CodeLens and the notification render from. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PanelRun } from '../../src/shared/panelProtocol';
import type { BatchEndEvent } from '../../src/shared/trainingEvents';
import { applyBatch, applyEpochEnd, applyPause, etaSuffix, fractionOf, liveLine, newPace } from '../../src/host/training/liveRun';
import { batchX } from '../../src/core/runs/batchCurves';

const aRun = (): PanelRun => ({ modelFile: '/m/xor.nn.yaml', name: 'xor', status: 'running', history: [] });
const batch = (epoch: number, b: number, elapsedMs: number, loss: number): BatchEndEvent => ({
  type: 'batchEnd',
  epoch,
  epochs: 4,
  batch: b,
  batchesPerEpoch: 10,
  metrics: { loss },
  elapsedMs,
  points: [{ epoch, batch: b, metrics: { loss: loss + 0.01 } }],
});

test('a batch sets the progress with elapsed, ETA, samples/s and ms/step, and adds its points at x in epochs', () => {
  const run = aRun();
  const pace = newPace();
  pace.trainSamples = 320;
  const { progress, points } = applyBatch(run, pace, batch(1, 5, 1_000, 0.5));
  assert.deepEqual(points, [{ x: 0.5, metrics: { loss: 0.51 } }]);
  assert.equal(progress.elapsedMs, 1_000);
  // Half of one of four epochs in 1 s: 7 s to go.
  assert.equal(progress.etaMs, 7_000);
  assert.equal(progress.samplesPerSecond, 160);
  assert.equal(progress.msPerStep, 200);
  assert.deepEqual(run.curves, { x: [0.5], values: { loss: [0.51] } });
  assert.equal(liveLine(run), 'epoch 1/4 · loss 0.5000');
  assert.equal(etaSuffix(run), ' · ETA 7s');
  assert.equal(fractionOf(run), 0.125);
});

test('an epoch end adds its row and completes the progress, so the line and the table agree', () => {
  const run = aRun();
  const pace = newPace();
  applyBatch(run, pace, batch(1, 3, 300, 0.6));
  applyEpochEnd(run, pace, { type: 'epochEnd', epoch: 1, epochs: 4, metrics: { loss: 0.4 }, epochMs: 1_000 });
  assert.deepEqual(run.history, [{ epoch: 1, metrics: { loss: 0.4 } }]);
  assert.equal(run.current?.epoch, 1);
  assert.equal(run.current?.batch, 10);
  assert.equal(run.current?.etaMs, 3_000);
  // The next epoch's elapsed time adds to the finished ones.
  const { progress } = applyBatch(run, pace, batch(2, 5, 500, 0.3));
  assert.equal(progress.elapsedMs, 1_500);
  // An epoch end sent twice replaces its row.
  applyEpochEnd(run, pace, { type: 'epochEnd', epoch: 1, epochs: 4, metrics: { loss: 0.4 }, epochMs: 0 });
  assert.equal(run.history.length, 1);
});

test('paused: the line says so and gives no ETA; before the first batch it says starting; stopping wins', () => {
  const run = aRun();
  assert.equal(liveLine(run), 'starting…');
  applyBatch(run, newPace(), batch(2, 1, 1_000, 0.25));
  applyPause(run, true);
  assert.equal(liveLine(run), 'Paused · epoch 2/4 · loss 0.2500');
  assert.equal(etaSuffix(run), '');
  assert.equal(liveLine(run, true), 'stopping…');
  applyPause(run, false);
  assert.equal(liveLine(run), 'epoch 2/4 · loss 0.2500');
});

test('points of a replayed batch are not added twice', () => {
  const run = aRun();
  const pace = newPace();
  applyBatch(run, pace, batch(1, 5, 100, 0.5));
  applyBatch(run, pace, batch(1, 5, 100, 0.5));
  assert.equal(run.curves?.x.length, 1);
  assert.equal(batchX({ epoch: 3, batch: 10 }, 10), 3);
});
