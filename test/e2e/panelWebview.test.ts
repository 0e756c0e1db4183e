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
import { aPrediction, aRun, aRunningRun, epochMetrics, IRIS_SUMMARY, learningCurves } from './panelRuns';

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

  test('adds one row per epoch, newest first, metric columns in the order they come, values as Keras prints them', async () => {
    const page = await openPanel();
    await page.send({ type: 'snapshot', run: aRunningRun() });
    // The table is folded away under its heading until the user opens it.
    assert.equal(await page.page.locator('details.epochs').getAttribute('open'), null);
    await page.page.locator('details.epochs > summary').click();
    assert.equal(await page.text('.history'), 'No epoch has finished yet.');

    await page.send({ type: 'epochEnd', epoch: 1, metrics: epochMetrics(1) });
    // Marks the first row, to show that the next epoch is added instead of the table being rebuilt.
    await page.page.evaluate(() => document.querySelector('.history vscode-table-row')?.setAttribute('data-seen', ''));
    await page.send({ type: 'epochEnd', epoch: 2, metrics: { loss: 1.23456e-5, accuracy: 0.98765, val_loss: 12345.678, val_accuracy: 1 } });

    assert.deepEqual(await page.headers('.history'), ['epoch', 'loss', 'accuracy', 'val_loss', 'val_accuracy']);
    assert.deepEqual(await page.rows('.history'), [
      ['2', '1.2346e-5', '0.9877', '1.2346e+4', '1.0000'],
      ['1', '0.5000', '0.6000', '0.6000', '0.5500'],
    ]);
    assert.equal(await page.page.locator('.history vscode-table-row[data-seen]').count(), 1);
    // Screen readers get a table whose header cells name the columns.
    assert.equal(await page.page.getByRole('table', { name: 'Metrics per epoch' }).getByRole('columnheader', { name: 'val_loss', exact: true }).count(), 1);

    // The same epoch sent again (a snapshot's queue replayed) replaces its row.
    await page.send({ type: 'epochEnd', epoch: 2, metrics: { loss: 0.1, accuracy: 0.9, val_loss: 0.2, val_accuracy: 0.8 } });
    assert.deepEqual((await page.rows('.history')).map((row) => row[0]), ['2', '1']);
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
    await page.send({ type: 'batch', epochs: 5, progress: { epoch: 2, batch: 7, batchesPerEpoch: 20, metrics: { loss: 0.31234, accuracy: 0.875 } } });

    assert.equal(await page.text('.progress-text'), 'Epoch 2/5 · batch 7/20');
    assert.equal(await page.text('.metrics'), 'loss: 0.3123 - accuracy: 0.8750');
    assert.equal(await page.text('[role=status]'), 'Training');
    const bar = page.page.locator('vscode-progress-bar');
    assert.equal(await bar.getAttribute('value'), '7');
    assert.equal(await bar.getAttribute('max'), '20');
    assert.equal(await bar.isVisible(), true);

    await page.send({ type: 'batch', epochs: 5, progress: { epoch: 2, batch: 8, batchesPerEpoch: 20, metrics: { loss: 0.3, accuracy: 0.88 } } });
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

    // A class and its confidence, not a row of raw probabilities; those are on hover.
    assert.deepEqual(await page.headers('.predictions'), ['#', 'input', 'prediction', 'expected', 'result']);
    assert.deepEqual(await page.rows('.predictions'), [
      ['1', '[5.1,3.5,1.4,0.2]', 'setosa · 91.2%', 'setosa', '✓'],
      ['2', '[5.1,3.5,1.4,0.2]', 'virginica · 91.2%', 'versicolor', '✗'],
      ['3', '', '0.250, 0.500', '', ''],
    ]);
    assert.equal(await page.page.locator('.predictions vscode-table-cell', { hasText: 'setosa · 91.2%' }).getAttribute('title'), 'output 0.912, 0.065, 0.022');
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
    await page.send({ type: 'batch', epochs: 3, progress: { epoch: 3, batch: 1, batchesPerEpoch: 4, metrics: { loss: 0.2 } } });

    // The state is saved once per animation frame.
    await page.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const state = await page.state();
    assert.deepEqual(state?.run.history.map((row) => row.epoch), [1, 2]);
    assert.equal(state?.run.current?.batch, 1);

    await page.page.reload();
    assert.deepEqual(await page.posted(), [{ type: 'ready' }]);
    assert.equal(await page.text('h1'), 'iris');
    assert.deepEqual((await page.rows('.history')).map((row) => row[0]), ['2', '1']);
    assert.equal(await page.text('.progress-text'), 'Epoch 3/3 · batch 1/4');
  });

  test('shows text from the data as text, never as HTML', async () => {
    const page = await openPanel();
    // The file's predict samples come with the run (the host's `predictions` message is gone).
    const predictions = [{ output: [1], label: HOSTILE, expected: HOSTILE }];
    const run = aRun({ name: HOSTILE, modelFile: `/tmp/${HOSTILE}.nn.yaml`, backend: HOSTILE, status: 'failed', error: `Error: ${HOSTILE}`, predictions });
    await page.send({ type: 'snapshot', run });
    await page.send({ type: 'epochEnd', epoch: 1, metrics: { [HOSTILE]: 1 } });

    assert.equal(await page.text('h1'), HOSTILE);
    assert.equal(await page.text('.error'), `Error: ${HOSTILE}`);
    assert.equal(await page.text('.file'), `/tmp/${HOSTILE}.nn.yaml`);
    assert.deepEqual(await page.headers('.history'), ['epoch', HOSTILE]);
    assert.deepEqual((await page.rows('.predictions'))[0], ['1', `${HOSTILE} · 100%`, HOSTILE, '✓']);
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

  test('applies bundled updates in order, as the host sends what arrives within a few milliseconds', async () => {
    const page = await openPanel();
    await page.send({ type: 'snapshot', run: aRunningRun() });
    await page.send({
      type: 'updates',
      messages: [
        { type: 'epochEnd', epoch: 1, metrics: epochMetrics(1) },
        { type: 'batch', epochs: 3, progress: { epoch: 2, batch: 4, batchesPerEpoch: 4, metrics: { loss: 0.4 } }, points: [{ x: 2, metrics: { loss: 0.4 } }] },
        { type: 'epochEnd', epoch: 2, metrics: epochMetrics(2) },
      ],
    });
    assert.deepEqual((await page.rows('.history')).map((row) => row[0]), ['2', '1']);
    assert.equal(await page.text('.progress-text'), 'Epoch 2/3 · batch 4/4');
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

  test('draws the Curves: one chart per metric, loss first, with its val_ series, smoothing and log scale', async () => {
    const page = await openPanel();
    const history = [1, 2, 3].map((epoch) => ({ epoch, metrics: epochMetrics(epoch) }));
    // 100,000 batch points, as 60 epochs of MNIST at batch 32 would give.
    const curves = learningCurves(50, 2_000);
    await page.send({ type: 'snapshot', run: aRunningRun({ epochs: 50, history, curves, modelSummary: IRIS_SUMMARY }) });
    await page.page.locator('figure.chart canvas').first().waitFor();
    assert.equal(await page.text('#curves-heading'), 'Curves');
    assert.deepEqual(await page.page.locator('figure.chart').evaluateAll((els) => els.map((e) => e.getAttribute('data-metric'))), ['loss', 'accuracy']);
    const legend = await page.page.locator('figure.chart[data-metric=loss] .u-legend').innerText();
    for (const label of ['loss', 'loss · smoothed', 'loss · epoch', 'val_loss']) assert.ok(legend.includes(label), legend);
    assert.equal(await page.page.locator('input.smoothing').inputValue(), '0.6');
    assert.equal(await page.text('.smoothing-value'), '0.600');
    const canvas = page.page.locator('figure.chart[data-metric=loss] canvas');
    assert.ok(((await canvas.boundingBox())?.width ?? 0) > 200, 'the chart has room');

    // More points arrive: appended, not replacing, and duplicates after the last x are ignored.
    const last = curves.x[curves.x.length - 1];
    await page.send({ type: 'batch', epochs: 50, progress: { epoch: 51, batch: 1, batchesPerEpoch: 2_000, metrics: { loss: 0.1 } }, points: [{ x: last, metrics: { loss: 9 } }, { x: last + 0.0005, metrics: { loss: 0.1, accuracy: 0.97 } }] });
    await page.page.waitForTimeout(100);
    const saved = (await page.state())?.run.curves;
    assert.ok(saved && saved.x.length < 5_000, `the saved state keeps the curves thinned: ${saved?.x.length} points`);
    assert.equal(saved.values.loss.at(-1), 0.1, 'the newest point is there, the replayed one was ignored');

    await page.page.locator('input.smoothing').fill('0.9');
    await page.page.locator('#log-scale').check();
    assert.equal(await page.text('.smoothing-value'), '0.900');
    assert.deepEqual((await page.stateWhen((state) => state?.charts?.logScale === true && state.charts.smoothing === 0.9))?.charts, { smoothing: 0.9, logScale: true });
    assert.deepEqual(await page.problems(), []);

    assert.deepEqual(await page.headers('.model-summary'), ['Layer (type)', 'Output Shape', 'Param #']);
    assert.deepEqual(await page.rows('.model-summary'), [['dense (Dense)', '(None, 16)', '80'], ['dense_1 (Dense)', '(None, 3)', '51']]);
    assert.match(await page.text('.model-summary .totals'), /Total params: 131/);

    await page.page.locator('figure.chart[data-metric=loss] vscode-button').click();
    const download = (await page.posted()).at(-1) as { type: string; fileName: string; content: string };
    assert.equal(download.type, 'download');
    assert.equal(download.fileName, 'iris-loss.png');
    assert.match(download.content, /^data:image\/png;base64,/);
  });

  test('renders in dark, light and high-contrast themes (screenshots in test-output/panel)', async () => {
    const page = await openPanel();
    fs.mkdirSync(screenshots, { recursive: true });
    const history = [1, 2, 3].map((epoch) => ({ epoch, metrics: epochMetrics(epoch) }));
    const predictions = [aPrediction('setosa', 'setosa'), aPrediction('virginica', 'versicolor'), aPrediction('versicolor', 'versicolor')];
    const curves = learningCurves(3, 20);
    await page.send({ type: 'snapshot', run: aRunningRun({ epochs: 5, history, curves, modelSummary: IRIS_SUMMARY }) });
    await page.send({
      type: 'batch',
      epochs: 5,
      progress: { epoch: 4, batch: 12, batchesPerEpoch: 20, metrics: epochMetrics(4), elapsedMs: 12_400, etaMs: 5_100, samplesPerSecond: 3_456, msPerStep: 2.7 },
      points: learningCurves(4, 20).x.slice(60, 72).map((x) => ({ x, metrics: { loss: 0.3, accuracy: 0.85 } })),
    });
    await page.page.locator('figure.chart canvas').first().waitFor();
    for (const theme of ['dark', 'light', 'high-contrast'] as const) {
      await page.applyTheme(theme);
      await page.page.screenshot({ path: path.join(screenshots, `running-${theme}.png`), fullPage: true });
    }

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
