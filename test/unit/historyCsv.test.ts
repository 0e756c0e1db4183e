/** The panel's `Download CSV` of the per-epoch history (issue 8). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PanelRun } from '../../src/shared/panelProtocol';
import { historyCsv } from '../../webview/panel/historyCsv';

const rows = (text: string) => text.trimEnd().split('\n').map((line) => line.split(','));

test('the header has epoch first, then the Keras names in the order they came, val_ columns included', () => {
  const history: PanelRun['history'] = [
    { epoch: 1, metrics: { loss: 0.7, accuracy: 0.5, val_loss: 0.8, val_accuracy: 0.4 } },
    { epoch: 2, metrics: { loss: 0.6, accuracy: 0.6, val_loss: 0.7, val_accuracy: 0.5 } },
  ];
  const csv = historyCsv(history);
  assert.equal(csv.split('\n')[0], 'epoch,loss,accuracy,val_loss,val_accuracy');
  assert.deepEqual(rows(csv).slice(1), [
    ['1', '0.7', '0.5', '0.8', '0.4'],
    ['2', '0.6', '0.6', '0.7', '0.5'],
  ]);
  assert.ok(csv.endsWith('\n'));
});

test('one row per epoch, in the history order', () => {
  const history: PanelRun['history'] = Array.from({ length: 300 }, (_, i) => ({ epoch: i + 1, metrics: { loss: 1 / (i + 1) } }));
  const table = rows(historyCsv(history));
  assert.equal(table.length, 301);
  assert.deepEqual(table.slice(1).map((row) => Number(row[0])), history.map((row) => row.epoch));
});

test('numbers keep full precision and are never locale-formatted', () => {
  const csv = historyCsv([{ epoch: 1234, metrics: { loss: 0.123456789012345, samples: 1234567.5, tiny: 1e-12 } }]);
  assert.deepEqual(rows(csv)[1], ['1234', '0.123456789012345', '1234567.5', '1e-12']);
  assert.ok(!csv.includes('1,234'));
});

test('a value missing from an epoch is an empty cell; a column first seen later is still in the header', () => {
  const history: PanelRun['history'] = [
    { epoch: 1, metrics: { loss: 0.9 } },
    { epoch: 2, metrics: { loss: 0.8, val_loss: 0.85 } },
  ];
  assert.deepEqual(rows(historyCsv(history)), [
    ['epoch', 'loss', 'val_loss'],
    ['1', '0.9', ''],
    ['2', '0.8', '0.85'],
  ]);
});

test('an empty history is just the header', () => {
  assert.equal(historyCsv([]), 'epoch\n');
});
