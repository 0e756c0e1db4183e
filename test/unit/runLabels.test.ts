/** How a run reads in the Runs view: its date, its one-line description and its tooltip. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headlineMetric, headlineText, runDateLabel, runDescription, runLabel, runShortDate, runTooltip } from '../../src/core/runs/runLabels';
import type { RunSummary } from '../../src/core/runs/runSummary';

function summary(fields: Partial<RunSummary> = {}): RunSummary {
  return { status: 'completed', name: 'xor', modelFile: '/w/xor.nn.yaml', startedAt: '2026-12-01T10:15:02.000Z', backend: 'wasm', backendReason: 'test', seed: 7, epochsPlanned: 5, epochsCompleted: 5, notes: [], ...fields };
}

test('the date label is the start in local time', () => {
  const startedAt = new Date(2026, 11, 1, 10, 15, 2).toISOString();
  assert.equal(runDateLabel({ startedAt }), '2026-12-01 10:15:02');
  assert.equal(runLabel('xor', { startedAt }), 'xor · 2026-12-01 10:15:02');
  assert.equal(runDateLabel({ startedAt: 'not a date' }), 'not a date');
});

test('the Runs view label is short: today, yesterday, the month and day, or the date in another year', () => {
  const now = new Date(2026, 11, 2, 9, 0, 0);
  const at = (...parts: [number, number, number, number, number, number]) => ({ startedAt: new Date(...parts).toISOString() });
  assert.equal(runShortDate(at(2026, 11, 2, 0, 31, 59), now), 'today 00:31:59');
  assert.equal(runShortDate(at(2026, 11, 1, 23, 5, 1), now), 'yesterday 23:05:01');
  assert.equal(runShortDate(at(2026, 10, 28, 10, 15, 2), now), 'Nov 28 10:15:02');
  assert.equal(runShortDate(at(2025, 11, 1, 10, 15, 2), now), '2025-12-01 10:15');
  // The first of a month: yesterday is in the month before.
  assert.equal(runShortDate(at(2026, 10, 30, 8, 0, 0), new Date(2026, 11, 1, 9, 0, 0)), 'yesterday 08:00:00');
});

test('a description is the status and the headline metric, or how far the run got', () => {
  const evaluation = { split: 'train' as const, samples: 4, metrics: { loss: 0.0123, accuracy: 1 } };
  assert.equal(runDescription(summary({ evaluation, finalMetrics: { loss: 0.02, accuracy: 0.75 } })), 'completed · accuracy 1.000');
  assert.equal(runDescription(summary({ status: 'early_stopped', finalMetrics: { loss: 0.1, accuracy: 0.95012, val_loss: 0.2, val_accuracy: 0.9 } })), 'early stopped · accuracy 0.950');
  assert.equal(runDescription(summary({ status: 'stopped', epochsCompleted: 2, finalMetrics: { loss: 0.3 } })), 'stopped · 2/5 epochs');
  assert.equal(runDescription(summary({ status: 'failed', error: 'out of memory' })), 'failed');
  assert.equal(runDescription(summary({ status: 'interrupted', epochsCompleted: 3 })), 'interrupted');
  assert.equal(runDescription(summary({ status: 'running', epochsCompleted: 2 })), 'running · epoch 3/5');
  assert.equal(runDescription(summary({ status: 'running', epochsCompleted: 5 })), 'running · epoch 5/5', 'evaluating after the last epoch');
  assert.equal(runDescription(summary({ finalMetrics: {} })), 'completed');
  assert.equal(runDescription(undefined), 'unreadable');
});

test('the headline is accuracy (test before training), else the first other metric, else the loss', () => {
  const test10k = { split: 'test' as const, samples: 10000, metrics: { loss: 0.1271, accuracy: 0.9762 } };
  assert.deepEqual(headlineMetric(summary({ evaluation: test10k, finalMetrics: { loss: 0.05, accuracy: 0.99 } })), { name: 'accuracy', value: 0.9762, on: 'test' });
  assert.deepEqual(headlineMetric(summary({ finalMetrics: { loss: 0.05, accuracy: 0.99, val_accuracy: 0.97 } })), { name: 'accuracy', value: 0.99, on: 'training' });
  assert.deepEqual(headlineMetric(summary({ evaluation: { split: 'test', samples: 20, metrics: { loss: 2.5, mae: 1.25 } } })), { name: 'mae', value: 1.25, on: 'test' });
  assert.deepEqual(headlineMetric(summary({ finalMetrics: { loss: 0.5, val_loss: 0.6 } })), { name: 'loss', value: 0.5, on: 'training' });
  assert.equal(headlineMetric(summary()), undefined);
  assert.equal(headlineText({ name: 'accuracy', value: 0.97619, on: 'test' }), 'accuracy 0.976');
  assert.equal(headlineText({ name: 'loss', value: 0.00001234, on: 'training' }), 'loss 1.23e-5');
});

test('the tooltip has backend, seed, epochs, duration, samples/s, every metric and the error', () => {
  const tip = runTooltip(
    summary({
      status: 'early_stopped',
      epochsCompleted: 12,
      epochsPlanned: 40,
      durationMs: 65_400,
      pausedMs: 5_000,
      samplesPerSecond: 12345.6,
      finalMetrics: { loss: 0.1, accuracy: 0.95, val_loss: 0.2, val_accuracy: 0.9 },
      evaluation: { split: 'test', samples: 10000, metrics: { loss: 0.12714, accuracy: 0.96231 } },
    }),
  );
  assert.equal(
    tip,
    [
      'xor: early stopped · accuracy 0.962',
      'Backend: wasm',
      'Seed: 7',
      'Epochs: 12/40',
      'Duration: 1m 5s (5s of it paused)',
      'Samples/s: 12,346',
      'Last epoch: accuracy 0.9500 · loss 0.1000 on training data',
      'Last epoch: val_accuracy 0.9000 · val_loss 0.2000 on validation data',
      'Evaluation: accuracy 0.9623 · loss 0.1271 on 10,000 test samples',
    ].join('\n'),
  );
  assert.equal(
    runTooltip(summary({ status: 'failed', epochsCompleted: 0, error: 'Input 1 has 3 values; the model takes 2' })),
    ['xor: failed', 'Backend: wasm', 'Seed: 7', 'Epochs: 0/5', 'Error: Input 1 has 3 values; the model takes 2'].join('\n'),
  );
});
