/** The panel page's reducer of host messages: what the page shows after each message (issue 8). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HostToPanelMessage, PanelProgress, PanelRun } from '../../src/shared/panelProtocol';
import { applyMessage } from '../../webview/shared/runState';

const aRun = (over: Partial<PanelRun> = {}): PanelRun => ({ modelFile: '/m/xor.nn.yaml', name: 'xor', status: 'running', epochs: 3, history: [], ...over });
const progress = (epoch: number, batch: number, loss: number): PanelProgress => ({ epoch, batch, batchesPerEpoch: 4, metrics: { loss } });
const batch = (epoch: number, b: number, loss: number, xs: number[] = []): HostToPanelMessage => ({
  type: 'batch',
  epochs: 3,
  progress: progress(epoch, b, loss),
  points: xs.map((x) => ({ x, metrics: { loss: x * 10 } })),
});
const epochEnd = (epoch: number, loss: number): HostToPanelMessage => ({ type: 'epochEnd', epoch, metrics: { loss } });
const apply = (run: PanelRun | undefined, ...messages: HostToPanelMessage[]) => messages.reduce((state, m) => applyMessage(state, m), run);

test('a snapshot replaces whatever the page showed', () => {
  const old = aRun({ name: 'old', history: [{ epoch: 1, metrics: { loss: 1 } }], paused: true });
  const fresh = aRun({ name: 'mnist', status: 'completed', history: [] });
  assert.deepEqual(applyMessage(old, { type: 'snapshot', run: fresh }), fresh);
  assert.deepEqual(applyMessage(undefined, { type: 'snapshot', run: fresh }), fresh);
});

test('updates before any snapshot show nothing', () => {
  assert.equal(applyMessage(undefined, batch(1, 1, 0.5, [0.25])), undefined);
  assert.equal(applyMessage(undefined, epochEnd(1, 0.5)), undefined);
});

test('a started run: a batch sets running, the epoch count and the progress line', () => {
  const shown = applyMessage(aRun({ status: 'idle', epochs: undefined }), batch(1, 2, 0.7));
  assert.equal(shown?.status, 'running');
  assert.equal(shown?.epochs, 3);
  assert.deepEqual(shown?.current, progress(1, 2, 0.7));
});

test('batch points append to the curves, and points already held are not added twice', () => {
  const shown = apply(aRun(), batch(1, 1, 0.5, [0.25]), batch(1, 2, 0.4, [0.5]));
  assert.deepEqual(shown?.curves, { x: [0.25, 0.5], values: { loss: [2.5, 5] } });
  // A snapshot already holding 0.25 and 0.5, then the same batch replayed with one new point.
  const replayed = apply(shown, batch(1, 3, 0.3, [0.5, 0.75]));
  assert.deepEqual(replayed?.curves, { x: [0.25, 0.5, 0.75], values: { loss: [2.5, 5, 7.5] } });
  // A batch with no points keeps the curves as they were.
  assert.deepEqual(apply(replayed, batch(1, 4, 0.2))?.curves, replayed?.curves);
});

test('epoch ends add history rows in order; a resent epoch replaces its row', () => {
  const shown = apply(aRun(), batch(1, 3, 0.5), epochEnd(1, 0.5), epochEnd(2, 0.3), epochEnd(3, 0.1));
  assert.deepEqual(shown?.history, [
    { epoch: 1, metrics: { loss: 0.5 } },
    { epoch: 2, metrics: { loss: 0.3 } },
    { epoch: 3, metrics: { loss: 0.1 } },
  ]);
  const resent = apply(shown, epochEnd(3, 0.09));
  assert.equal(resent?.history.length, 3);
  assert.deepEqual(resent?.history.at(-1), { epoch: 3, metrics: { loss: 0.09 } });
});

test('at an epoch end the progress line says the epoch is whole', () => {
  const shown = apply(aRun(), batch(1, 2, 0.5), epochEnd(1, 0.45));
  assert.equal(shown?.current?.epoch, 1);
  assert.equal(shown?.current?.batch, 4);
});

test('pause and resume set the paused flag; the status stays running', () => {
  const paused = apply(aRun(), batch(1, 1, 0.5), { type: 'paused', paused: true });
  assert.equal(paused?.paused, true);
  assert.equal(paused?.status, 'running');
  const resumed = apply(paused, { type: 'paused', paused: false });
  assert.equal(resumed?.paused, false);
  assert.equal(resumed?.status, 'running');
});

test('a bundled updates message applies its messages in order', () => {
  const bundled = applyMessage(aRun(), {
    type: 'updates',
    messages: [batch(1, 4, 0.5, [1]), epochEnd(1, 0.5), batch(2, 4, 0.3, [2]), epochEnd(2, 0.3), { type: 'paused', paused: true }],
  });
  const oneByOne = apply(aRun(), batch(1, 4, 0.5, [1]), epochEnd(1, 0.5), batch(2, 4, 0.3, [2]), epochEnd(2, 0.3), { type: 'paused', paused: true });
  assert.deepEqual(bundled, oneByOne);
  assert.deepEqual(bundled?.history.map((row) => row.epoch), [1, 2]);
  assert.deepEqual(bundled?.curves?.x, [1, 2]);
  assert.equal(bundled?.paused, true);
  // A snapshot inside a bundle replaces what came before it.
  const fresh = aRun({ name: 'other', history: [] });
  assert.deepEqual(applyMessage(aRun(), { type: 'updates', messages: [epochEnd(1, 0.5), { type: 'snapshot', run: fresh }] }), fresh);
});

for (const status of ['completed', 'failed', 'stopped', 'interrupted'] as const) {
  test(`a run that ends ${status} shows it, not paused, with no progress line, keeping its history`, () => {
    const shown = apply(aRun(), batch(1, 2, 0.5), epochEnd(1, 0.5), { type: 'paused', paused: true }, { type: 'finished', status, weightsEpoch: 1 });
    assert.equal(shown?.status, status);
    assert.equal(shown?.paused, false);
    assert.equal(shown?.current, undefined);
    assert.equal(shown?.weightsEpoch, 1);
    assert.deepEqual(shown?.history, [{ epoch: 1, metrics: { loss: 0.5 } }]);
  });
}

test('a failed run shows its error; a finish without weights keeps the epoch already saved', () => {
  const shown = apply(aRun({ weightsEpoch: 2 }), { type: 'finished', status: 'failed', error: 'loss became NaN at epoch 3' });
  assert.equal(shown?.error, 'loss became NaN at epoch 3');
  assert.equal(shown?.weightsEpoch, 2);
});

test('a message from a newer host keeps what is shown', () => {
  const run = aRun({ history: [{ epoch: 1, metrics: { loss: 1 } }] });
  assert.deepEqual(applyMessage(run, { type: 'fromTheFuture' } as unknown as HostToPanelMessage), run);
});
