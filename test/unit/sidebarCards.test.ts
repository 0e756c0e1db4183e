/** The sidebar's cards are built from the host's one live state of each run. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bucketMeans, sidebarCard } from '../../src/host/sidebar/sidebarCards';
import type { PanelRun } from '../../src/shared/panelProtocol';

const run = (fields: Partial<PanelRun> = {}): PanelRun => ({ modelFile: '/w/mnist.nn.yaml', name: 'mnist', status: 'running', history: [], epochs: 5, ...fields });

test('a card says where the run is, its pace and its running metrics as the progress line does', () => {
  const card = sidebarCard({ stopping: false, panelRun: run({ current: { epoch: 2, batch: 844, batchesPerEpoch: 1688, metrics: { loss: 0.26031, accuracy: 0.9253 }, etaMs: 36_000, samplesPerSecond: 4123 } }) });
  assert.equal(card.status, 'Training');
  assert.equal(card.fraction, 0.3);
  assert.equal(card.metricsText, 'loss 0.2603 · accuracy 0.9253');
  assert.equal(card.etaMs, 36_000);
});

test('the status: Starting before the first batch, Paused with no ETA, Stopping once asked to stop', () => {
  assert.equal(sidebarCard({ stopping: false, panelRun: run() }).status, 'Starting');
  const paused = sidebarCard({ stopping: false, panelRun: run({ paused: true, current: { epoch: 1, batch: 1, batchesPerEpoch: 2, metrics: {}, etaMs: 5 } }) });
  assert.deepEqual([paused.status, paused.etaMs], ['Paused', undefined]);
  assert.equal(sidebarCard({ stopping: true, panelRun: run({ paused: true }) }).status, 'Stopping');
});

test('mini curves: loss then accuracy, batches reduced to bucket means, val_ lines per epoch', () => {
  const x = Array.from({ length: 2400 }, (_, i) => (i + 1) / 1688);
  const loss = x.map((_, i) => (i % 2 === 0 ? 1 : 3));
  const card = sidebarCard({ stopping: false, panelRun: run({ curves: { x, values: { loss, accuracy: x.map(() => 0.5) } }, history: [{ epoch: 1, metrics: { loss: 2, val_loss: 2.5, accuracy: 0.5 } }] }) });
  assert.deepEqual(card.charts.map((c) => [c.metric, c.series.map((s) => `${s.label}:${s.x.length}`)]), [['loss', ['loss:200', 'val_loss:1']], ['accuracy', ['accuracy:200']]]);
  // Each bucket of 12 alternating batches averages to 2, at the bucket's last x.
  assert.ok(card.charts[0].series[0].y.every((v) => v === 2));
  assert.equal(card.charts[0].series[0].x[199], x[2399]);
});

test('bucket means skip nulls and non-finite values, and leave short series whole', () => {
  const means = bucketMeans({ x: [1, 2, 3, 4], values: {} }, [1, null, Number.NaN, 3], 4);
  assert.deepEqual(means, { x: [1, 2, 3, 4], y: [1, null, Number.NaN, 3] });
  assert.deepEqual(bucketMeans({ x: [1, 2, 3, 4, 5, 6], values: {} }, [1, null, 3, Number.POSITIVE_INFINITY, null, null], 3), { x: [2, 4, 6], y: [1, 3, null] });
});
