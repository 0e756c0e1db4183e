// The run comparison's real bundle (dist/webview/compare.js, built by `npm run build`) in headless
// chromium, under the CSP the extension gives it, driven with the message the host sends.
import { after, afterEach, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import type { CompareData, CompareState, CompareToHostMessage, HostToCompareMessage } from '../../src/shared/compareProtocol';
import { formatNumber } from '../../src/core/metricFormat';
import { repoRoot } from '../helpers/tempDir';
import { PanelPage, launchChromium, startPanelServer, type PanelServer } from './panelPage';
import { aComparison, anXorRun, metricsOf, settingsOf, threeMnistRuns, twoXorRuns, xorSettings } from './compareRuns';

type ComparePage = PanelPage<HostToCompareMessage, CompareToHostMessage, CompareState>;

const screenshots = path.join(repoRoot, 'test-output', 'compare');
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

describe('run comparison webview', () => {
  let server: PanelServer;
  let browser: Browser;
  let compare: ComparePage;

  before(async () => {
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist/webview/compare.js')), 'dist/webview/compare.js is missing: run `npm run build` first');
    [server, browser] = await Promise.all([startPanelServer('compare'), launchChromium()]);
    compare = await PanelPage.create<HostToCompareMessage, CompareToHostMessage, CompareState>(await browser.newContext({ viewport: { width: 1000, height: 800 } }), server);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Every test starts from a newly opened comparison panel, in the dark theme. */
  async function openComparison(data?: CompareData): Promise<ComparePage> {
    await compare.load();
    await compare.applyTheme('dark');
    if (data) {
      await compare.send({ type: 'show', data });
      await compare.page.locator('figure.chart canvas').first().waitFor();
    }
    return compare;
  }

  /** The state is saved once per animation frame. */
  const nextFrames = (page: ComparePage) => page.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

  // No test may trip the CSP or throw in the page.
  afterEach(async () => assert.deepEqual(await compare.problems(), []));

  test('says ready, then shows the comparison it is sent: title, and each run with its colour, label and status', async () => {
    const page = await openComparison();
    assert.deepEqual(await page.posted(), [{ type: 'ready' }]);
    assert.equal(await page.text('.waiting'), 'Waiting for the extension…');

    const data = threeMnistRuns();
    await page.send({ type: 'show', data });
    assert.equal(await page.text('h1'), 'Compare: 3 runs');
    assert.equal(await page.page.title(), 'Compare: 3 runs');
    assert.equal(await page.page.locator('.waiting').isVisible(), false);
    assert.equal(await page.page.getByRole('list', { name: 'Runs compared' }).getByRole('listitem').count(), 3);
    assert.deepEqual(await page.page.locator('.run-list .run-label').allTextContents(), data.runs.map((r) => r.label));
    assert.deepEqual(await page.page.locator('.run-list .status').allTextContents(), ['Completed', 'Completed', 'Stopped']);
    // Each swatch is the run's chart colour from the theme, in run order.
    const swatches = await page.page.locator('.run-list .swatch').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    assert.deepEqual(swatches, ['rgb(55, 148, 255)', 'rgb(209, 134, 22)', 'rgb(137, 209, 133)']);
    assert.deepEqual(
      await page.page.getByRole('heading', { level: 2 }).allTextContents(),
      ['Curves', 'Settings that differ', 'Metrics'],
    );
  });

  test('a run label, in the list or the metrics table, asks the host to open that run', async () => {
    const page = await openComparison(twoXorRuns());
    await page.page.locator('.run-list .run-label').nth(1).click();
    await page.page.locator('.metrics-compared .run-label').first().click();
    assert.deepEqual((await page.posted()).slice(1), [
      { type: 'openRun', runDir: '/work/models/.nn-runs/xor/20261201-101802' },
      { type: 'openRun', runDir: '/work/models/.nn-runs/xor/20261201-101502' },
    ]);
  });

  test('draws one chart per shared metric, loss first, one series per run (plus val_), each run in its own colour', async () => {
    const data = threeMnistRuns();
    // A metric only one run has is no shared metric: it gets no chart.
    data.runs[0].history = data.runs[0].history.map((row) => ({ ...row, metrics: { precision: 0.9, ...row.metrics } }));
    const page = await openComparison(data);
    assert.deepEqual(await page.page.locator('figure.chart').evaluateAll((els) => els.map((e) => e.getAttribute('data-metric'))), ['loss', 'accuracy']);

    const legend = (metric: string) => page.page.locator(`figure.chart[data-metric=${metric}] .u-legend tr.u-series`).evaluateAll((rows) => rows.slice(1).map((r) => r.querySelector('.u-label')?.textContent ?? ''));
    // Batch points raw and smoothed, then the validation values per epoch, for every run.
    const names = ['14:02:00', '14:11:00', '14:20:00'];
    assert.deepEqual(await legend('loss'), names.flatMap((n) => [n, `${n} · smoothed`, `${n} · val_loss`]));
    assert.deepEqual(await legend('accuracy'), names.flatMap((n) => [n, `${n} · smoothed`, `${n} · val_accuracy`]));
    // The legend's markers are the runs' colours.
    const markers = await page.page.locator('figure.chart[data-metric=loss] .u-legend tr.u-series .u-marker').evaluateAll((els) => els.slice(1).map((e) => getComputedStyle(e).borderColor));
    assert.deepEqual([markers[1], markers[4], markers[7]], ['rgb(55, 148, 255)', 'rgb(209, 134, 22)', 'rgb(137, 209, 133)']);
    const canvas = page.page.locator('figure.chart[data-metric=loss] canvas');
    assert.ok(((await canvas.boundingBox())?.width ?? 0) > 300, 'the chart has room');

    // A run without a batch log is drawn per epoch.
    const xor = twoXorRuns();
    delete xor.runs[1].curves;
    await page.send({ type: 'show', data: xor });
    await nextFrames(page);
    assert.deepEqual(await legend('loss'), ['10:15:02', '10:15:02 · smoothed', '10:18:02']);
  });

  test('the Smoothing control is the training panel’s, and its value is kept', async () => {
    const page = await openComparison(twoXorRuns());
    const slider = page.page.getByRole('slider', { name: 'Smoothing' });
    assert.equal(await slider.inputValue(), '0.6');
    assert.equal(await page.text('.smoothing-value'), '0.600');
    await slider.fill('0.9');
    assert.equal(await page.text('.smoothing-value'), '0.900');
    await nextFrames(page);
    assert.equal((await page.state())?.smoothing, 0.9);
  });

  test('Settings that differ: only the seed of two XOR runs; Show all settings shows every one, those that differ marked', async () => {
    const page = await openComparison(twoXorRuns());
    assert.deepEqual(await page.headers('.settings'), ['setting', '10:15:02', '10:18:02']);
    assert.equal(await page.page.locator('.settings vscode-table-header-cell .swatch').count(), 2);
    assert.deepEqual(await page.rows('.settings'), [['seed', '1', '2']]);
    assert.equal(await page.text('.settings-note'), '1 of 17 settings differ.');

    await page.page.getByLabel('Show all settings').check();
    const rows = await page.rows('.settings');
    assert.equal(rows.length, 17);
    assert.deepEqual(rows[0], ['layers[0]', 'Dense', 'Dense']);
    assert.deepEqual(await page.page.locator('.settings vscode-table-row.differs').evaluateAll((els) => els.map((e) => e.firstElementChild?.textContent)), ['seed']);
    assert.equal(await page.page.locator('.settings vscode-table-row.differs vscode-table-cell.key').getAttribute('aria-label'), 'seed, differs');
    await nextFrames(page);
    assert.equal((await page.state())?.showAll, true);

    await page.page.getByLabel('Show all settings').uncheck();
    assert.deepEqual(await page.rows('.settings'), [['seed', '1', '2']]);
  });

  test('says so plainly when no setting differs, and marks a setting one run does not set', async () => {
    const runs = [anXorRun(0, 1, 70), anXorRun(1, 1, 70)];
    const page = await openComparison(aComparison(runs, settingsOf([xorSettings(1), xorSettings(1)])));
    assert.equal(await page.text('.settings-note'), 'All 17 settings are the same in every run.');
    assert.equal(await page.page.locator('.settings vscode-table').count(), 0);

    const withEarlyStop = [...xorSettings(1), ['early_stopping.patience', '10'] as [string, string]];
    await page.send({ type: 'show', data: aComparison(runs, settingsOf([withEarlyStop, xorSettings(1)])) });
    assert.deepEqual(await page.rows('.settings'), [['early_stopping.patience', '10', '—']]);
    assert.equal(await page.page.locator('.settings vscode-table-cell.unset').getAttribute('aria-label'), 'not set');
  });

  test('metrics: each run’s final and best value, the best of each column highlighted (lowest loss, highest accuracy)', async () => {
    const data = threeMnistRuns();
    const page = await openComparison(data);
    const headings = page.page.locator('.metrics-compared').getByRole('columnheader');
    assert.deepEqual(await headings.evaluateAll((cells) => cells.map((c) => c.querySelector('button')?.getAttribute('aria-label') ?? c.textContent)), [
      'run',
      'final loss',
      'best loss',
      'final accuracy',
      'best accuracy',
      'final val_loss',
      'best val_loss',
      'final val_accuracy',
      'best val_accuracy',
    ]);
    const rows = await page.rows('.metrics-compared');
    assert.deepEqual(rows.map((r) => r[0]), ['14:02:00', '14:11:00', '14:20:00']);
    const loss = data.metrics.find((m) => m.name === 'loss');
    assert.deepEqual(rows.map((r) => r[1]), loss?.final.map((v) => formatNumber(v ?? NaN)));

    // Per column, the cells marked best: their run's row index.
    const best = await page.page.locator('.metrics-compared vscode-table-body vscode-table-row').evaluateAll((rowEls) => {
      const marked: number[][] = [];
      rowEls.forEach((row, r) => [...row.children].forEach((cell, c) => cell.classList.contains('best') && (marked[c] ??= []).push(r)));
      return marked;
    });
    const expected = (name: string, which: 'final' | 'best') => {
      const metric = data.metrics.find((m) => m.name === name);
      const values = (metric?.[which] ?? []).map((v) => v ?? NaN);
      const target = metric?.lowerIsBetter ? Math.min(...values) : Math.max(...values);
      return [values.indexOf(target)];
    };
    assert.deepEqual(best.slice(1), ['loss', 'accuracy', 'val_loss', 'val_accuracy'].flatMap((n) => [expected(n, 'final'), expected(n, 'best')]));
    // The fixture's highest learning rate fits the training data best, the first run generalizes best.
    assert.deepEqual(best.slice(1, 5), [[1], [1], [1], [1]]);
    assert.deepEqual(best.slice(5), [[0], [0], [0], [0]]);
    // Screen readers hear which value is best.
    const label = await page.page.locator('.metrics-compared vscode-table-row[data-run="1"] vscode-table-cell.best').first().getAttribute('aria-label');
    assert.equal(label, `${formatNumber(loss?.final[1] ?? NaN)}, best`);
  });

  test('sorts the runs by a metric column, the other way on a second click, and keeps the sort', async () => {
    const data = threeMnistRuns();
    const page = await openComparison(data);
    const order = async () => (await page.rows('.metrics-compared')).map((r) => r[0]);
    const finalLoss = page.page.getByRole('columnheader', { name: 'final loss' });
    assert.equal(await finalLoss.getAttribute('aria-sort'), 'none');

    await finalLoss.getByRole('button').click();
    const byLoss = [...data.runs.keys()].sort((a, b) => (data.metrics[0].final[a] ?? 0) - (data.metrics[0].final[b] ?? 0)).map((i) => data.runs[i].label.slice('mnist-mlp · 2026-12-02 '.length));
    assert.deepEqual(await order(), byLoss);
    assert.equal(await finalLoss.getAttribute('aria-sort'), 'ascending');

    await finalLoss.getByRole('button').click();
    assert.deepEqual(await order(), [...byLoss].reverse());
    assert.equal(await finalLoss.getAttribute('aria-sort'), 'descending');

    // Accuracy sorts best first too: highest first.
    const bestAccuracy = page.page.getByRole('columnheader', { name: 'best accuracy' });
    await bestAccuracy.getByRole('button').click();
    assert.equal(await bestAccuracy.getAttribute('aria-sort'), 'descending');
    assert.equal(await finalLoss.getAttribute('aria-sort'), 'none');
    await nextFrames(page);
    assert.deepEqual((await page.state())?.sort, { metric: 'accuracy', which: 'best', descending: true });

    // The best cells stay on their runs whatever the order.
    assert.equal(await page.page.locator('.metrics-compared vscode-table-row[data-run="1"] vscode-table-cell.best').count(), 4);
  });

  test('hovering a run’s line highlights that run in every chart and in the run list', async () => {
    const page = await openComparison(twoXorRuns());
    await nextFrames(page);
    // At epoch 100 the first run has solved XOR (loss near 0) while the second is still near ln 2:
    // sweep the cursor down the loss chart there until it is over one of the runs' lines.
    const over = page.page.locator('figure.chart[data-metric=loss] .u-over');
    const box = await over.boundingBox();
    assert.ok(box);
    const x = box.x + (box.width * (100 - 1)) / (300 - 1);
    let focused: string | null = null;
    for (let y = box.y + 2; y < box.y + box.height && focused === null; y += 3) {
      await page.page.mouse.move(x, y);
      focused = await page.page.locator('figure.chart[data-metric=loss]').getAttribute('data-focused-run');
    }
    assert.equal(focused, '1', 'the higher line at epoch 100 is the second run');

    // In the other chart the second run's strong line is the only one at full opacity.
    const opacities = (metric: string) =>
      page.page.locator(`figure.chart[data-metric=${metric}] .u-legend tr.u-series`).evaluateAll((rows) => rows.slice(1).map((r) => `${r.querySelector('.u-label')?.textContent}=${(r as HTMLElement).style.opacity || '1'}`));
    assert.deepEqual(await opacities('accuracy'), ['10:15:02=0.35', '10:15:02 · smoothed=0.35', '10:18:02=0.35', '10:18:02 · smoothed=1']);
    assert.equal(await page.page.locator('figure.chart[data-metric=accuracy]').getAttribute('data-focused-run'), '1');
    assert.deepEqual(await page.page.locator('.run-list li.focused').evaluateAll((els) => els.map((e) => e.getAttribute('data-run'))), ['1']);

    // Leaving the chart highlights nothing.
    await page.page.mouse.move(1, 1);
    assert.deepEqual(await opacities('accuracy'), ['10:15:02=1', '10:15:02 · smoothed=1', '10:18:02=1', '10:18:02 · smoothed=1']);
    assert.equal(await page.page.locator('.run-list li.focused').count(), 0);

    // Hovering a run in the list highlights it in the charts.
    await page.page.locator('.run-list li').first().hover();
    assert.deepEqual(await opacities('loss'), ['10:15:02=0.35', '10:15:02 · smoothed=1', '10:18:02=0.35', '10:18:02 · smoothed=0.35']);
  });

  test('keeps the comparison in its state, so a reloaded page shows it before any message', async () => {
    const page = await openComparison(threeMnistRuns());
    await page.page.getByLabel('Show all settings').check();
    await page.page.getByRole('slider', { name: 'Smoothing' }).fill('0.95');
    await page.page.getByRole('columnheader', { name: 'final val_loss' }).getByRole('button').click();
    await nextFrames(page);
    const state = await page.state();
    const x = state?.data.runs[0].curves?.x;
    assert.ok(x && x.length < 5_000, `the saved state keeps the curves thinned: ${x?.length} points`);

    await page.page.reload();
    assert.deepEqual(await page.posted(), [{ type: 'ready' }]);
    assert.equal(await page.text('h1'), 'Compare: 3 runs');
    await page.page.locator('figure.chart canvas').first().waitFor();
    assert.equal((await page.rows('.settings')).length, 22);
    assert.equal(await page.page.getByLabel('Show all settings').isChecked(), true);
    assert.equal(await page.text('.smoothing-value'), '0.950');
    assert.equal(await page.page.getByRole('columnheader', { name: 'final val_loss' }).getAttribute('aria-sort'), 'ascending');
    // The host's comparison arriving after the reload keeps the user's choices.
    await page.send({ type: 'show', data: threeMnistRuns() });
    assert.equal((await page.rows('.settings')).length, 22);
  });

  test('shows text from the data as text, never as HTML', async () => {
    const run = { ...anXorRun(0, 1, 70), label: HOSTILE, modelName: HOSTILE };
    run.history = run.history.map((row) => ({ ...row, metrics: { ...row.metrics, [HOSTILE]: 0.5 } }));
    const other = { ...anXorRun(1, 2, 90), history: run.history };
    const data: CompareData = { title: `Compare: ${HOSTILE}`, runs: [run, other], settings: settingsOf([[[HOSTILE, HOSTILE]], [[HOSTILE, 'x']]]), metrics: metricsOf([run, other]) };
    const page = await openComparison(data);
    assert.equal(await page.text('h1'), `Compare: ${HOSTILE}`);
    assert.equal(await page.text('.run-list .run-label'), HOSTILE);
    assert.deepEqual(await page.rows('.settings'), [[HOSTILE, HOSTILE, 'x']]);
    assert.equal(await page.page.getByRole('columnheader', { name: `final ${HOSTILE}` }).count(), 1);
    assert.ok(await page.page.locator(`figure.chart[data-metric="${HOSTILE.replace(/"/g, '\\"')}"]`).count(), 'the metric has its chart, named as it is');
    assert.equal(await page.page.locator('img').count(), 0);
    assert.equal(await page.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  });

  test('runs under the CSP the extension gives it', async () => {
    const page = await openComparison(threeMnistRuns());
    const csp = await page.page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
    assert.match(csp ?? '', /^default-src 'none'; script-src 'nonce-[\w-]+'; style-src http:\/\/127\.0\.0\.1:\d+;/);
    assert.deepEqual(await page.problems(), []);
    // An inline style is refused and reported, so the other tests' "no problems" means something.
    await page.page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await page.page.waitForTimeout(50);
    const problems = await page.problems();
    assert.ok(problems.includes('CSP blocked style-src-attr: inline'), problems.join('\n'));
  });

  test('ignores messages it does not know', async () => {
    const page = await openComparison(twoXorRuns());
    await page.page.evaluate(() => window.postMessage({ type: 'fromTheFuture' }, '*'));
    await page.page.evaluate(() => window.postMessage({ type: 'show', data: { title: 'no runs' } }, '*'));
    await page.page.evaluate(() => window.postMessage('not an object', '*'));
    await nextFrames(page);
    assert.match(await page.text('h1'), /^Compare: xor/);
  });

  test('fits a narrow panel: the tables scroll sideways in their box, the page does not', async () => {
    const page = await openComparison(threeMnistRuns());
    await page.page.setViewportSize({ width: 420, height: 900 });
    try {
      await nextFrames(page);
      const widths = await page.page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        window: window.innerWidth,
        tables: [...document.querySelectorAll('.table-scroll')].map((b) => b.scrollWidth > b.clientWidth),
        chart: document.querySelector('figure.chart')?.getBoundingClientRect().right ?? 0,
      }));
      assert.ok(widths.page <= widths.window, `the page is ${widths.page}px wide in a ${widths.window}px window`);
      assert.deepEqual(widths.tables, [true, true]);
      assert.ok(widths.chart <= widths.window);
      fs.mkdirSync(screenshots, { recursive: true });
      await page.page.screenshot({ path: path.join(screenshots, 'mnist-narrow-dark.png'), fullPage: true });
    } finally {
      await page.page.setViewportSize({ width: 1000, height: 800 });
    }
  });

  test('renders in dark, light and high-contrast themes (screenshots in test-output/compare)', async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    for (const [name, data] of [['xor', twoXorRuns()], ['mnist', threeMnistRuns()]] as const) {
      const page = await openComparison(data);
      for (const theme of ['dark', 'light', 'high-contrast'] as const) {
        await page.applyTheme(theme);
        await nextFrames(page);
        const file = path.join(screenshots, `${name}-${theme}.png`);
        await page.page.screenshot({ path: file, fullPage: true });
        assert.ok(fs.statSync(file).size > 0);
      }
    }
    await compare.page.getByLabel('Show all settings').check();
    await compare.page.getByRole('columnheader', { name: 'best val_accuracy' }).getByRole('button').click();
    await compare.applyTheme('light');
    await nextFrames(compare);
    // The cursor over the second run's loss line near the end, the legends showing each value there.
    await compare.page.locator('section.curves').scrollIntoViewIfNeeded();
    const over = await compare.page.locator('figure.chart[data-metric=loss] .u-over').boundingBox();
    assert.ok(over);
    for (let y = over.y + 2; y < over.y + over.height; y += 2) {
      await compare.page.mouse.move(over.x + over.width * 0.9, y);
      if ((await compare.page.locator('figure.chart[data-metric=loss]').getAttribute('data-focused-run')) === '1') break;
    }
    // A full-page screenshot resizes the page, which moves uPlot's cursor away: the charts alone.
    await compare.page.locator('section.curves').screenshot({ path: path.join(screenshots, 'mnist-hover-light.png') });
    await compare.page.mouse.move(1, 1);
    await compare.page.screenshot({ path: path.join(screenshots, 'mnist-all-settings-light.png'), fullPage: true });
  });
});
