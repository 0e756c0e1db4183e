// The training panel's real bundle (dist/webview/panel.js, built by `npm run build`) in headless
// chromium, under the CSP the extension gives it, driven with the messages the host sends.
import { after, afterEach, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { formatNumber } from '../../src/core/metricFormat';
import { repoRoot } from '../helpers/tempDir';
import { PanelPage, launchChromium, startPanelServer, type PanelServer } from './panelPage';
import { aPrediction, aRun, aRunningRun, epochMetrics } from './panelRuns';

const screenshots = path.join(repoRoot, 'test-output', 'panel');
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

describe('training panel webview', () => {
  let server: PanelServer;
  let browser: Browser;
  let panel: PanelPage;

  before(async () => {
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist/webview/panel.js')), 'dist/webview/panel.js is missing: run `npm run build` first');
    [server, browser] = await Promise.all([startPanelServer(), launchChromium()]);
    panel = await PanelPage.create(await browser.newContext({ viewport: { width: 900, height: 800 } }), server);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Every test starts from a newly opened panel. */
  async function openPanel(): Promise<PanelPage> {
    await panel.load();
    return panel;
  }

  // No test may trip the CSP or throw in the page.
  afterEach(async () => assert.deepEqual(await panel.problems(), []));

  test('says ready, then shows the snapshot it is sent', async () => {
    const page = await openPanel();
    assert.deepEqual(await page.posted(), [{ type: 'ready' }]);
    assert.equal(await page.text('.waiting'), 'Waiting for the extension…');

    await page.send({ type: 'snapshot', run: aRun({ backend: 'wasm' }) });
    assert.equal(await page.text('h1'), 'iris');
    assert.equal(await page.text('[role=status]'), 'Not trained yet');
    assert.equal(await page.text('.file'), '/work/models/iris.nn.yaml');
    assert.match(await page.text('.facts'), /Backend: wasm/);
    assert.equal(await page.page.locator('.waiting').isVisible(), false);
  });

  test('appends one row per epoch, metric columns in the order they come, values as Keras prints them', async () => {
    const page = await openPanel();
    await page.send({ type: 'snapshot', run: aRunningRun() });
    assert.equal(await page.text('.history'), 'No epoch has finished yet.');

    await page.send({ type: 'epochEnd', epoch: 1, metrics: epochMetrics(1) });
    // Marks the first row, to show that the next epoch appends instead of rebuilding the table.
    await page.page.evaluate(() => document.querySelector('.history vscode-table-row')?.setAttribute('data-seen', ''));
    await page.send({ type: 'epochEnd', epoch: 2, metrics: { loss: 1.23456e-5, accuracy: 0.98765, val_loss: 12345.678, val_accuracy: 1 } });

    assert.deepEqual(await page.headers('.history'), ['epoch', 'loss', 'accuracy', 'val_loss', 'val_accuracy']);
    assert.deepEqual(await page.rows('.history'), [
      ['1', '0.5000', '0.6000', '0.6000', '0.5500'],
      ['2', '1.2346e-5', '0.9877', '1.2346e+4', '1.0000'],
    ]);
    assert.equal(await page.page.locator('.history vscode-table-row[data-seen]').count(), 1);
    // Screen readers get a table whose header cells name the columns.
    assert.equal(await page.page.getByRole('table', { name: 'Metrics per epoch' }).getByRole('columnheader', { name: 'val_loss', exact: true }).count(), 1);

    // The same epoch sent again (a snapshot's queue replayed) replaces its row.
    await page.send({ type: 'epochEnd', epoch: 2, metrics: { loss: 0.1, accuracy: 0.9, val_loss: 0.2, val_accuracy: 0.8 } });
    assert.deepEqual((await page.rows('.history')).map((row) => row[0]), ['1', '2']);
  });

  test('formats numbers exactly as the CLI does, and a diverged loss as NaN', async () => {
    const page = await openPanel();
    const values = [0, 1, 0.5, 2 / 3, 1e-5, 0.00012345, 9999.99999, 12345.678, -0.25, NaN];
    const metrics = Object.fromEntries(values.map((v, i) => [`m${i}`, v]));
    // Sent as JSON, as VS Code sends messages: NaN arrives as null.
    await page.send({ type: 'snapshot', run: aRunningRun({ history: [{ epoch: 1, metrics }] }) });
    assert.deepEqual((await page.rows('.history'))[0].slice(1), values.map(formatNumber));
  });

  test('shows the running batch: epoch, batch, progress and running metrics', async () => {
    const page = await openPanel();
    await page.send({ type: 'snapshot', run: aRun() });
    await page.send({ type: 'batch', epoch: 2, epochs: 5, batch: 7, batchesPerEpoch: 20, metrics: { loss: 0.31234, accuracy: 0.875 } });

    assert.equal(await page.text('.progress-text'), 'Epoch 2/5 · batch 7/20');
    assert.equal(await page.text('.metrics'), 'loss: 0.3123 - accuracy: 0.8750');
    assert.equal(await page.text('[role=status]'), 'Training');
    const bar = page.page.locator('vscode-progress-bar');
    assert.equal(await bar.getAttribute('value'), '7');
    assert.equal(await bar.getAttribute('max'), '20');
    assert.equal(await bar.isVisible(), true);

    await page.send({ type: 'batch', epoch: 2, epochs: 5, batch: 8, batchesPerEpoch: 20, metrics: { loss: 0.3, accuracy: 0.88 } });
    assert.equal(await page.text('.progress-text'), 'Epoch 2/5 · batch 8/20');
  });

  test('when finished, shows the evaluation and predictions with right and wrong marked', async () => {
    const page = await openPanel();
    await page.send({ type: 'snapshot', run: aRunningRun({ history: [1, 2, 3].map((epoch) => ({ epoch, metrics: epochMetrics(epoch) })) }) });
    const predictions = [aPrediction('setosa', 'setosa'), aPrediction('virginica', 'versicolor'), { output: [0.25, 0.5] }];
    await page.send({ type: 'finished', status: 'completed', evaluation: { split: 'test', samples: 1234, metrics: { loss: 0.1234567, accuracy: 0.96667 } }, predictions });

    assert.equal(await page.text('[role=status]'), 'Completed');
    assert.equal(await page.page.locator('vscode-progress-bar').isVisible(), false);
    assert.match(await page.text('.evaluation'), /On the test split, 1,234 samples\./);
    assert.deepEqual(await page.headers('.evaluation'), ['loss', 'accuracy']);
    assert.deepEqual(await page.rows('.evaluation'), [['0.1235', '0.9667']]);

    assert.deepEqual(await page.headers('.predictions'), ['#', 'input', 'output', 'label', 'expected', 'result']);
    assert.deepEqual(await page.rows('.predictions'), [
      ['1', '[5.1,3.5,1.4,0.2]', '0.912, 0.065, 0.022', 'setosa', 'setosa', '✓'],
      ['2', '[5.1,3.5,1.4,0.2]', '0.912, 0.065, 0.022', 'virginica', 'versicolor', '✗'],
      ['3', '', '0.250, 0.500', '', '', ''],
    ]);
    assert.equal(await page.page.locator('.predictions vscode-table-cell.right').getAttribute('aria-label'), 'right');
    assert.equal(await page.page.locator('.predictions vscode-table-cell.wrong').getAttribute('aria-label'), 'wrong');
    assert.equal(await page.text('.predictions .summary'), '1 of 2 right.');
  });

  test('caps the predictions shown and says so', async () => {
    const page = await openPanel();
    const predictions = Array.from({ length: 60 }, (_, i) => ({ output: [i / 60], label: i % 2, expected: 1 }));
    await page.send({ type: 'snapshot', run: aRun({ status: 'completed', predictions }) });
    assert.equal((await page.rows('.predictions')).length, 50);
    assert.equal(await page.text('.predictions .note'), 'Showing the first 50 of 60 predictions.');
  });

  test('buttons post commands, and only those the run allows are enabled', async () => {
    const page = await openPanel();
    await page.send({ type: 'snapshot', run: aRunningRun() });
    const button = (command: string) => page.page.locator(`vscode-button[data-command=${command}]`);
    assert.equal(await button('train').getAttribute('disabled'), '');
    assert.equal(await button('evaluate').getAttribute('disabled'), '');
    assert.equal(await page.page.getByRole('button', { name: 'Train', disabled: true }).count(), 1);

    await button('stop').click();
    await button('train').click({ force: true });
    await page.page.locator('.file').click();
    assert.deepEqual((await page.posted()).slice(1), [
      { type: 'command', command: 'stop' },
      { type: 'command', command: 'openModelFile' },
    ]);

    await page.send({ type: 'finished', status: 'stopped' });
    assert.equal(await button('stop').getAttribute('disabled'), '');
    assert.equal(await button('train').getAttribute('disabled'), null);
    await button('revealRunFolder').click();
    assert.deepEqual((await page.posted()).at(-1), { type: 'command', command: 'revealRunFolder' });
  });

  test('keeps the run in its state, so a reloaded page shows it before any message', async () => {
    const page = await openPanel();
    await page.send({ type: 'snapshot', run: aRunningRun() });
    for (const epoch of [1, 2]) await page.send({ type: 'epochEnd', epoch, metrics: epochMetrics(epoch) });
    await page.send({ type: 'batch', epoch: 3, epochs: 3, batch: 1, batchesPerEpoch: 4, metrics: { loss: 0.2 } });

    const state = await page.state();
    assert.deepEqual(state?.run.history.map((row) => row.epoch), [1, 2]);
    assert.equal(state?.run.current?.batch, 1);

    await page.page.reload();
    assert.deepEqual(await page.posted(), [{ type: 'ready' }]);
    assert.equal(await page.text('h1'), 'iris');
    assert.deepEqual((await page.rows('.history')).map((row) => row[0]), ['1', '2']);
    assert.equal(await page.text('.progress-text'), 'Epoch 3/3 · batch 1/4');
  });

  test('shows text from the data as text, never as HTML', async () => {
    const page = await openPanel();
    const run = aRun({ name: HOSTILE, modelFile: `/tmp/${HOSTILE}.nn.yaml`, backend: HOSTILE, status: 'failed', error: `Error: ${HOSTILE}` });
    await page.send({ type: 'snapshot', run });
    await page.send({ type: 'epochEnd', epoch: 1, metrics: { [HOSTILE]: 1 } });
    await page.send({ type: 'predictions', predictions: [{ output: [1], label: HOSTILE, expected: HOSTILE }] });

    assert.equal(await page.text('h1'), HOSTILE);
    assert.equal(await page.text('.error'), `Error: ${HOSTILE}`);
    assert.equal(await page.text('.file'), `/tmp/${HOSTILE}.nn.yaml`);
    assert.deepEqual(await page.headers('.history'), ['epoch', HOSTILE]);
    assert.deepEqual((await page.rows('.predictions'))[0], ['1', '1.000', HOSTILE, HOSTILE, '✓']);
    assert.equal(await page.page.locator('img').count(), 0);
    assert.equal(await page.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  });

  test('runs under the CSP the extension gives it', async () => {
    const page = await openPanel();
    const csp = await page.page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
    assert.match(csp ?? '', /^default-src 'none'; script-src 'nonce-[\w-]+'; style-src http:\/\/127\.0\.0\.1:\d+;/);
    // An inline style is refused and reported, so the other tests' "no problems" means something.
    await page.page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await page.page.waitForTimeout(50);
    const problems = await page.problems();
    assert.ok(problems.includes('CSP blocked style-src-attr: inline'), problems.join('\n'));
  });

  test('ignores messages it does not know', async () => {
    const page = await openPanel();
    await page.send({ type: 'snapshot', run: aRun() });
    await page.page.evaluate(() => window.postMessage({ type: 'fromTheFuture' }, '*'));
    await page.page.evaluate(() => window.postMessage('not an object', '*'));
    await page.send({ type: 'epochEnd', epoch: 1, metrics: { loss: 1 } });
    assert.equal(await page.text('h1'), 'iris');
    assert.equal((await page.rows('.history')).length, 1);
  });

  test('renders in dark, light and high-contrast themes (screenshots in test-output/panel)', async () => {
    const page = await openPanel();
    fs.mkdirSync(screenshots, { recursive: true });
    const history = [1, 2, 3].map((epoch) => ({ epoch, metrics: epochMetrics(epoch) }));
    const predictions = [aPrediction('setosa', 'setosa'), aPrediction('virginica', 'versicolor'), aPrediction('versicolor', 'versicolor')];
    await page.send({ type: 'snapshot', run: aRunningRun({ epochs: 5, history }) });
    await page.send({ type: 'batch', epoch: 4, epochs: 5, batch: 12, batchesPerEpoch: 20, metrics: epochMetrics(4) });
    await page.applyTheme('dark');
    await page.page.screenshot({ path: path.join(screenshots, 'running-dark.png'), fullPage: true });

    await page.send({ type: 'finished', status: 'completed', evaluation: { split: 'test', samples: 30, metrics: { loss: 0.0734, accuracy: 0.9667 } }, predictions });
    for (const theme of ['dark', 'light', 'high-contrast'] as const) {
      await page.applyTheme(theme);
      await page.page.screenshot({ path: path.join(screenshots, `finished-${theme}.png`), fullPage: true });
      assert.ok(fs.statSync(path.join(screenshots, `finished-${theme}.png`)).size > 0);
    }

    await page.send({ type: 'snapshot', run: aRun({ status: 'failed', backend: 'wasm', history, error: 'Error: the loss became NaN in epoch 4. Try a lower learning rate.' }) });
    await page.applyTheme('light');
    await page.page.screenshot({ path: path.join(screenshots, 'failed-light.png'), fullPage: true });
  });
});
