// What the training panel shows about what a model learned (the real bundle in headless chromium,
// under the extension's CSP): evaluation, confusion matrix, predictions, the draw pad, Try it, the
// decision boundary and the weights, driven with the messages the host sends.
import { after, afterEach, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import type { PanelPredictRequest, PanelRun } from '../../src/shared/panelProtocol';
import { repoRoot } from '../helpers/tempDir';
import { PanelPage, launchChromium, startPanelServer, type PanelServer } from './panelPage';
import { breastCancerRun, digitsRun, irisCommandPrediction, irisRun, mnistRun, regressionRun, weightsOf, xorBoundary, xorRun } from './insightFixtures';

const screenshots = path.join(repoRoot, 'test-output', 'panel');

describe('training panel: what the model learned', () => {
  let server: PanelServer;
  let browser: Browser;
  let panel: PanelPage;

  before(async () => {
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist/webview/panel.js')), 'dist/webview/panel.js is missing: run `npm run build` first');
    [server, browser] = await Promise.all([startPanelServer(), launchChromium()]);
    panel = await PanelPage.create(await browser.newContext({ viewport: { width: 1000, height: 900 } }), server);
    fs.mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  // No test may trip the CSP or throw in the page.
  afterEach(async () => assert.deepEqual(await panel.problems(), []));

  async function open(run: PanelRun): Promise<PanelPage> {
    await panel.load();
    await panel.send({ type: 'snapshot', run });
    return panel;
  }

  /** The visible sections' headings, in the page's order. */
  const headings = (page: PanelPage) => page.page.locator('h2:visible').allInnerTexts();
  const section = (key: string) => `section[data-section=${key}]`;

  async function predictRequests(page: PanelPage, count = 1): Promise<PanelPredictRequest[]> {
    await page.page.waitForFunction((n) => (window as unknown as { __posted: Array<{ type: string }> }).__posted.filter((m) => m.type === 'predict').length >= n, count);
    return (await page.posted()).filter((m): m is PanelPredictRequest => m.type === 'predict');
  }

  async function screenshot(page: PanelPage, name: string, themes: Array<'dark' | 'light' | 'high-contrast'> = ['dark', 'light']): Promise<void> {
    for (const theme of themes) {
      await page.applyTheme(theme);
      // The canvases redraw on the theme change (a MutationObserver, then a frame).
      await page.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const file = path.join(screenshots, `insights-${name}-${theme}.png`);
      await page.page.screenshot({ path: file, fullPage: true });
      assert.ok(fs.statSync(file).size > 0);
    }
  }

  test('a trained classifier shows its sections in order; what does not apply is absent', async () => {
    const page = await open(irisRun());
    assert.deepEqual(await headings(page), ['Progress', 'Curves', 'Evaluation', 'Confusion matrix', 'Predictions', 'Try it', 'Weights', 'Model summary', 'Epochs']);
    // Iris has four features and no pictures: no pad; two inputs it has not: no boundary.
    assert.equal(await page.page.locator(section('draw')).isVisible(), false);
    assert.equal(await page.page.locator(section('boundary')).isVisible(), false);
    assert.match(await page.text(section('evaluation')), /On the test split, 30 samples\./);
    assert.deepEqual(await page.headers('.evaluation'), ['loss', 'accuracy']);
  });

  test('the confusion matrix: class names head its rows and columns, its counts sum to the split, with scikit-learn\'s report', async () => {
    const page = await open(irisRun());
    const matrix = await page.page.evaluate(() => {
      const table = document.querySelector('table.confusion');
      return {
        columns: [...(table?.querySelectorAll('thead tr.names-row th:not(.corner)') ?? [])].map((th) => th.textContent),
        rows: [...(table?.querySelectorAll('tbody th') ?? [])].map((th) => th.textContent),
        counts: [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))),
      };
    });
    assert.deepEqual(matrix.columns, ['setosa', 'versicolor', 'virginica']);
    assert.deepEqual(matrix.rows, ['setosa', 'versicolor', 'virginica']);
    assert.deepEqual(matrix.counts, [[10, 0, 0], [0, 9, 1], [0, 1, 9]]);
    assert.equal(matrix.counts.flat().reduce((a, b) => a + b, 0), 30);
    assert.match(await page.text(`${section('confusion')} .note`), /On the 30 samples of the test split/);
    // Cells are shaded by count: the most right answers fully, a cell without any not at all, each mistake.
    const shades = await page.page.locator('td.cell').evaluateAll((cells) => cells.map((c) => Number((c as HTMLElement).style.getPropertyValue('--shade'))));
    assert.deepEqual(shades.slice(0, 3), [1, 0, 0]);
    assert.ok(shades[4] > 0.9 && shades[4] < 1, 'nine right answers, nearly as strong as ten');
    assert.ok(shades[5] > 0 && shades[7] === shades[5], 'the two mistakes alike');

    const report = await page.page.locator('table.report tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    assert.deepEqual(report, [
      ['setosa', '1.00', '1.00', '1.00', '10'],
      ['versicolor', '0.90', '0.90', '0.90', '10'],
      ['virginica', '0.90', '0.90', '0.90', '10'],
      ['accuracy', '', '', '0.93', '30'],
      ['macro avg', '0.93', '0.93', '0.93', '30'],
      ['weighted avg', '0.93', '0.93', '0.93', '30'],
    ]);
    await screenshot(page, 'iris', ['dark', 'light', 'high-contrast']);
  });

  test('clicking a cell filters the predictions to its samples; clicking it again, or Show all, shows every sample', async () => {
    const page = await open(irisRun());
    const shownRows = () => page.page.locator(`${section('predictions')} table.samples tbody tr:visible`);
    assert.equal(await shownRows().count(), 30);
    const cell = page.page.getByRole('button', { name: '1 of true versicolor predicted as virginica' });
    await cell.click();
    assert.equal(await cell.getAttribute('aria-pressed'), 'true');
    assert.equal(await shownRows().count(), 1);
    assert.equal(await shownRows().locator('td').nth(3).innerText(), 'versicolor');
    assert.match(await shownRows().locator('td.sample-top').innerText(), /^virginica · \d+\.\d%$/);
    assert.match(await page.text('.filter-note'), /Only true versicolor predicted as virginica \(1 in the whole split\)\./);
    await cell.click();
    assert.equal(await shownRows().count(), 30);

    // The diagonal: the right answers of one class. Keyboard: arrows move between cells, Enter picks one.
    await page.page.getByRole('button', { name: '10 of true setosa predicted as setosa' }).focus();
    await page.page.keyboard.press('ArrowDown');
    await page.page.keyboard.press('ArrowRight');
    await page.page.keyboard.press('Enter');
    assert.equal(await page.page.getByRole('button', { name: '9 of true versicolor predicted as versicolor' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await shownRows().count(), 9);
    await page.page.locator('.filter-row vscode-button').click();
    assert.equal(await shownRows().count(), 30);
    assert.equal(await page.page.locator('.filter-row').isVisible(), false);
  });

  test('predictions read as a person reads them: mistakes first, the top class and its confidence, bars with class names; Only mistakes filters', async () => {
    const page = await open(irisRun());
    const rows = page.page.locator(`${section('predictions')} table.samples tbody tr`);
    assert.deepEqual(await page.page.locator(`${section('predictions')} table.samples thead th`).allInnerTexts(), ['#', 'input', 'prediction', 'true', '', 'probabilities']);
    // The fixture has its mistakes at samples 15 and 24: the page puts them first.
    assert.deepEqual(await rows.evaluateAll((trs) => trs.slice(0, 3).map((tr) => [tr.getAttribute('data-result'), tr.children[0].textContent])), [['wrong', '15'], ['wrong', '24'], ['right', '1']]);
    const first = rows.first();
    assert.match(await first.locator('td.sample-top').innerText(), /^virginica · \d{2}\.\d%$/);
    assert.equal(await first.locator('td.mark').innerText(), '✗');
    assert.equal(await first.locator('td.mark').getAttribute('aria-label'), 'wrong');
    assert.equal(await first.locator('td.input').innerText(), '6.5, 2.8, 4.6, 1.5');
    assert.match((await first.locator('td.input').getAttribute('title')) ?? '', /^sepal_length = 6\.5\nsepal_width = 2\.8/);
    // Bars named by class, the exact value on hover and read out as the list's label.
    assert.deepEqual(await first.locator('.probs li .prob-name').allInnerTexts(), ['setosa', 'versicolor', 'virginica']);
    const titles = await first.locator('.probs li').evaluateAll((lis) => lis.map((li) => li.getAttribute('title') ?? ''));
    assert.ok(titles.every((t) => /^(setosa|versicolor|virginica) (\d+\.\d|<0\.1)%$/.test(t)), titles.join(' | '));
    assert.match((await first.locator('.probs').getAttribute('aria-label')) ?? '', /^Probabilities: virginica \d/);
    assert.match(await page.text('.gallery-summary'), /Showing 30 of the 30 samples of the test split, mistakes first: 2 wrong here\./);

    await page.page.getByLabel('Only mistakes').check();
    assert.equal(await rows.locator('visible=true').count(), 2);
    assert.deepEqual(await rows.locator('visible=true').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-result'))), ['wrong', 'wrong']);
    await page.page.getByLabel('Only mistakes').uncheck();
    assert.equal(await rows.locator('visible=true').count(), 30);
  });

  test('a binary model names its class with its probability: `malignant · 96.4%`, not a bare 0.036', async () => {
    const page = await open(breastCancerRun());
    assert.deepEqual(await headings(page), ['Progress', 'Curves', 'Evaluation', 'Confusion matrix', 'Predictions', 'Weights', 'Epochs']);
    const first = page.page.locator(`${section('predictions')} table.samples tbody tr[data-result=right]`).first();
    assert.equal(await first.locator('td.sample-top').innerText(), 'malignant · 96.4%');
    assert.deepEqual(await first.locator('.probs li').evaluateAll((lis) => lis.map((li) => li.getAttribute('title'))), ['benign 3.6%', 'malignant 96.4%']);
    assert.deepEqual(await page.page.locator('table.confusion tr.names-row th:not(.corner)').allInnerTexts(), ['benign', 'malignant']);
    assert.equal(await page.page.locator(section('predictions')).getByText('0.036').count(), 0);
    // Its 30 features are too many for a form.
    assert.equal(await page.page.locator(section('try')).isVisible(), false);
    await screenshot(page, 'breast-cancer');
  });

  test('image samples are pictures in a grid, with their labels; the pad posts the drawing and shows the top 3 of the answer', async () => {
    const page = await open(digitsRun());
    assert.deepEqual(await headings(page), ['Progress', 'Curves', 'Evaluation', 'Confusion matrix', 'Predictions', 'Draw a digit', 'Weights', 'Epochs']);
    const cards = page.page.locator('.sample-grid > li.sample-card');
    assert.equal(await cards.count(), 40);
    assert.equal(await cards.locator('canvas.gray-image').count(), 40);
    assert.deepEqual(await cards.first().locator('canvas').evaluate((c: HTMLCanvasElement) => [c.width, c.height, c.style.width]), [8, 8, '56px']);
    assert.equal(await cards.first().getAttribute('data-result'), 'wrong');
    assert.match(await cards.first().locator('.sample-top').innerText(), /^8 · \d+\.\d%$/);
    assert.match(await cards.first().locator('.sample-truth').innerText(), /✗ true 5/);
    // The picture is the sample: digits[0] is a 0 with ink in the middle columns of its top row.
    const zero = page.page.locator('.sample-card[data-index="0"] canvas');
    const topRow = await zero.evaluate((c: HTMLCanvasElement) => [...c.getContext('2d')!.getImageData(0, 0, 8, 1).data].filter((_, i) => i % 4 === 0));
    assert.ok(topRow[3] !== topRow[0], `ink and no ink differ: ${topRow}`);

    const pad = page.page.locator('canvas.digit-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    assert.ok(box);
    await page.page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.2);
    await page.page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.2 + i * 0.06), { steps: 2 });
    await page.page.mouse.up();
    const [request] = await predictRequests(page);
    assert.equal(request.source, 'draw');
    assert.equal(request.input.length, 64);
    assert.ok(request.input.every((v) => v >= 0 && v <= 16), 'the data\'s own units: digits go to 16');
    assert.ok(Math.max(...request.input) > 8, 'a stroke is ink');
    assert.equal(await page.text('.pad-status'), 'Predicting…');

    const output = [0.01, 0.71, 0.02, 0.01, 0.15, 0.01, 0.01, 0.06, 0.01, 0.01];
    const requests = await predictRequests(page);
    const latest = requests[requests.length - 1];
    await page.send({ type: 'livePrediction', source: 'draw', answer: { requestId: latest.requestId, prediction: { output, label: '1' } } });
    const top = await page.page.locator('.top-classes li').evaluateAll((lis) => lis.map((li) => [...li.children].map((c) => c.textContent).filter(Boolean).join(' ')));
    assert.deepEqual(top, ['1 71.0%', '4 15.0%', '7 6.0%']);
    assert.equal(await page.text('.pad-status'), 'The model reads 1 (71.0%).');
    // What the model sees: the 8x8 drawing, a vertical stroke in the middle columns.
    const preview = await page.page.locator('canvas.digit-preview').evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
    assert.deepEqual(preview, [8, 8]);

    // Another message re-renders the panel: the strokes stay.
    await page.send({ type: 'insights', weights: weightsOf([{ name: 'dense', inputs: 64, units: 64 }], 41) });
    const inked = () => pad.evaluate((c: HTMLCanvasElement) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0));
    assert.equal(await inked(), true);
    await screenshot(page, 'digits');

    await page.page.locator(`${section('draw')} vscode-button`).click();
    assert.equal(await inked(), false);
    assert.equal(await page.text('.pad-status'), 'Draw a digit in the box.');
    assert.equal(await page.page.locator('.top-classes li').count(), 0);
  });

  test('MNIST: 100 samples as 28x28 pictures, `7 · 99.9%`; the pad sends 784 values up to 255, one request in flight, the latest wins', async () => {
    const page = await open(mnistRun());
    const cards = page.page.locator('.sample-grid > li.sample-card');
    assert.equal(await cards.count(), 100);
    assert.deepEqual(await cards.locator('canvas').first().evaluate((c: HTMLCanvasElement) => [c.width, c.height]), [28, 28]);
    // The first test image, a 7, after the four mistakes.
    const seven = page.page.locator('.sample-card[data-index="0"]');
    assert.equal(await seven.locator('.sample-top').innerText(), '7 · 99.9%');
    assert.match(await seven.locator('.sample-truth').innerText(), /✓ true 7/);
    assert.deepEqual(await cards.evaluateAll((lis) => lis.slice(0, 5).map((li) => li.getAttribute('data-result'))), ['wrong', 'wrong', 'wrong', 'wrong', 'right']);
    // Ten classes: a column each, labelled by digit.
    assert.deepEqual(await seven.locator('.probs-columns .prob-name').allInnerTexts(), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

    const pad = page.page.locator('canvas.digit-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    assert.ok(box);
    const at = (x: number, y: number) => page.page.mouse.move(box.x + box.width * x, box.y + box.height * y);
    await at(0.3, 0.3);
    await page.page.mouse.down();
    await at(0.7, 0.3);
    const [first] = await predictRequests(page);
    assert.equal(first.input.length, 784);
    assert.ok(Math.max(...first.input) > 200 && Math.max(...first.input) <= 255);
    // While the first is answered, the drawing goes on: nothing more is sent.
    await at(0.5, 0.8);
    await at(0.45, 0.85);
    await page.page.mouse.up();
    await page.page.waitForTimeout(100);
    assert.equal((await predictRequests(page)).length, 1);

    // The answer comes: it is shown, and the latest drawing goes out once.
    await page.send({ type: 'livePrediction', source: 'draw', answer: { requestId: first.requestId, prediction: { output: [0, 0, 0, 0, 0, 0, 0, 0.93, 0.02, 0.05], label: '7' } } });
    const requests = await predictRequests(page, 2);
    assert.equal(requests.length, 2);
    assert.ok(requests[1].requestId > first.requestId);
    assert.notDeepEqual(requests[1].input, first.input);
    assert.equal(await page.text('.pad-status'), 'The model reads 7 (93.0%).');
    // An answer to a request that is not the latest is ignored.
    await page.send({ type: 'livePrediction', source: 'draw', answer: { requestId: first.requestId - 5, prediction: { output: [0, 0.99, 0, 0, 0, 0, 0, 0.01, 0, 0], label: '1' } } });
    assert.equal(await page.text('.pad-status'), 'The model reads 7 (93.0%).');
    await page.send({ type: 'livePrediction', source: 'draw', answer: { requestId: requests[1].requestId, prediction: { output: [0, 0, 0, 0, 0, 0, 0, 0.98, 0.01, 0.01], label: '7' } } });
    assert.equal(await page.text('.pad-status'), 'The model reads 7 (98.0%).');
    await page.page.waitForTimeout(100);
    assert.equal((await predictRequests(page)).length, 2, 'nothing changed since: nothing more is sent');
    await screenshot(page, 'mnist');
  });

  test('Try it: one input per feature with its range, predicting on change through the worker; the answer shows and is kept with its input', async () => {
    const page = await open(irisRun());
    const form = page.page.locator(section('try'));
    assert.deepEqual(await form.locator('.try-field label').allInnerTexts(), ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    assert.deepEqual(await form.locator('.try-hint').allInnerTexts(), ['4.3 – 7.9', '2 – 4.4', '1 – 6.9', '0.1 – 2.5']);
    assert.deepEqual(await form.locator('input[type=number]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)), ['6.1', '3.2', '3.95', '1.3']);
    assert.equal((await page.posted()).filter((m) => m.type === 'predict').length, 0, 'nothing is sent before the user changes a value');

    await page.page.getByLabel('petal_length', { exact: true }).fill('5.5');
    const [request] = await predictRequests(page);
    assert.deepEqual(request, { type: 'predict', requestId: request.requestId, source: 'tryIt', input: [6.1, 3.2, 5.5, 1.3] });
    // As the host answers: the live answer, then the made prediction it keeps for the run.
    const prediction = { input: [6.1, 3.2, 5.5, 1.3], output: [0.004, 0.213, 0.783], label: 'virginica' };
    await page.send({ type: 'livePrediction', source: 'tryIt', answer: { requestId: request.requestId, prediction } });
    await page.send({ type: 'predictionMade', made: { source: 'tryIt', inputText: JSON.stringify(request.input), predictions: [prediction], at: Date.now() } });
    assert.equal(await form.locator('.try-top').innerText(), 'virginica · 78.3%');
    assert.deepEqual(await form.locator('.probs li').evaluateAll((lis) => lis.map((li) => li.getAttribute('title'))), ['setosa 0.4%', 'versicolor 21.3%', 'virginica 78.3%']);
    // Kept under the predictions with its input and its source.
    const made = page.page.locator(`${section('predictions')} .made-item`).first();
    assert.equal(await made.locator('.made-source').innerText(), 'Try it');
    assert.equal(await made.locator('.made-input').innerText(), '[6.1,3.2,5.5,1.3]');
    assert.equal(await made.locator('.sample-top').innerText(), 'virginica · 78.3%');

    // The slider moves the value too, and sends it.
    await page.page.getByLabel('petal_width (slider)').fill('2');
    assert.equal(await page.page.getByLabel('petal_width', { exact: true }).inputValue(), '2');
    await page.send({ type: 'livePrediction', source: 'tryIt', answer: { requestId: (await predictRequests(page))[0].requestId + 1, prediction } });
    assert.deepEqual((await predictRequests(page, 2))[1].input, [6.1, 3.2, 5.5, 2]);
    await screenshot(page, 'iris-try-it');
    // An empty field sends nothing.
    await page.page.getByLabel('petal_length', { exact: true }).fill('');
    assert.equal(await form.locator('.try-result').innerText(), 'Every feature needs a number.');
    assert.equal(await page.page.getByLabel('petal_length', { exact: true }).getAttribute('aria-invalid'), 'true');

    // A reloaded panel's form holds what it last predicted on.
    await page.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.page.reload();
    assert.deepEqual(await form.locator('input[type=number]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)), ['6.1', '3.2', '5.5', '1.3']);
    assert.equal(await form.locator('.try-top').innerText(), 'virginica · 78.3%');
  });

  test('names from the data (classes, features, layers) show as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const run = irisRun();
    const insights = run.insights!;
    const names = [hostile, 'versicolor', 'virginica'];
    await open({
      ...run,
      classNames: names,
      insights: {
        ...insights,
        inputs: { ...insights.inputs, classNames: names, features: insights.inputs.features!.map((f, i) => (i === 0 ? { ...f, name: hostile } : f)) },
        evaluation: { ...insights.evaluation!, report: { ...insights.evaluation!.report!, classNames: names } },
        weights: { epoch: 1, layers: [{ ...insights.weights!.layers[0], name: hostile }] },
        boundary: { ...xorBoundary(3), x: { name: hostile, min: 0, max: 1 }, classNames: [hostile, '1'] },
      },
    });
    assert.equal(await panel.page.locator('table.confusion tr.names-row th').nth(1).innerText(), hostile);
    assert.equal(await panel.page.locator(`${section('try')} .try-field label`).first().innerText(), hostile);
    assert.equal(await panel.page.locator('.layer-name').innerText(), hostile);
    assert.equal(await panel.page.locator('.x-name').innerText(), hostile);
    assert.equal(await panel.page.locator('img').count(), 0);
    assert.equal(await panel.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  });

  test('made predictions are listed newest first with their input, and survive a reload', async () => {
    const page = await open(irisRun());
    await page.send({ type: 'predictionMade', made: irisCommandPrediction() });
    await page.send({ type: 'predictionMade', made: { source: 'command', inputText: "the file's predict samples", at: Date.UTC(2025, 0, 1, 12, 31), predictions: [{ input: [5.1, 3.5, 1.4, 0.2], output: [0.98, 0.015, 0.005], label: 'setosa', expected: 'setosa' }, { input: [6.7, 3, 5.2, 2.3], output: [0.001, 0.04, 0.959], label: 'virginica', expected: 'virginica' }] } });
    const items = () => page.page.locator(`${section('predictions')} .made-item`);
    assert.equal(await page.page.locator(`${section('predictions')} h3`).filter({ hasText: 'Your predictions' }).count(), 1);
    assert.equal(await items().count(), 2);
    assert.equal(await items().nth(0).locator('.made-input').innerText(), "the file's predict samples");
    assert.deepEqual(await items().nth(0).locator('.sample-top').allInnerTexts(), ['setosa · 98.0%', 'virginica · 95.9%']);
    assert.equal(await items().nth(1).locator('.made-source').innerText(), 'Predict command');
    assert.equal(await items().nth(1).locator('.made-input').innerText(), '[6.1, 2.8, 4.7, 1.2]');
    assert.equal(await items().nth(1).locator('.sample-top').innerText(), 'versicolor · 94.1%');

    await page.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.page.reload();
    assert.equal(await items().count(), 2);
    assert.equal(await items().nth(1).locator('.sample-top').innerText(), 'versicolor · 94.1%');
    // The rest of the insights come back with the state too.
    assert.deepEqual(await page.page.locator('table.confusion tbody th').allInnerTexts(), ['setosa', 'versicolor', 'virginica']);
  });

  test('regression: metrics with the predicted-against-true scatter; no confusion matrix; samples by error', async () => {
    const page = await open(regressionRun());
    assert.deepEqual(await headings(page), ['Progress', 'Curves', 'Evaluation', 'Predictions', 'Try it', 'Weights', 'Epochs']);
    assert.deepEqual(await page.headers('.evaluation'), ['loss', 'mae']);
    const scatter = page.page.locator(`${section('evaluation')} canvas.plot-canvas`);
    assert.match((await scatter.getAttribute('aria-label')) ?? '', /^Predicted against true price for 101 samples$/);
    const blue = await scatter.evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dots = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i + 2] > data[i] + 60) dots++;
      return dots;
    });
    assert.ok(blue > 200, `the dots are drawn (${blue} blue pixels)`);
    assert.deepEqual(await page.page.locator(`${section('predictions')} table.samples thead th`).allInnerTexts(), ['#', 'input', 'predicted', 'true', 'error']);
    const errors = (await page.page.locator(`${section('predictions')} table.samples tbody tr td:last-child`).allInnerTexts()).map(Number);
    assert.deepEqual(errors, [...errors].sort((a, b) => b - a), 'the biggest errors first');
    assert.equal(await page.page.getByLabel('Only mistakes').isVisible(), false);

    await page.page.getByLabel('rooms', { exact: true }).fill('7');
    const [request] = await predictRequests(page);
    await page.send({ type: 'livePrediction', source: 'tryIt', answer: { requestId: request.requestId, prediction: { input: request.input, output: [36.512], label: undefined } } });
    assert.equal(await page.text(`${section('try')} .try-top`), '36.51');
    await screenshot(page, 'regression');
  });

  test('decision boundary: the model\'s output over the plane as a heatmap with the points, redrawn at each epoch end while training', async () => {
    const page = await open(xorRun(30));
    assert.deepEqual(await headings(page), ['Progress', 'Curves', 'Decision boundary', 'Weights', 'Epochs']);
    const canvas = page.page.locator(`${section('boundary')} canvas.plot-canvas`);
    /** The canvas' colour at a point of the plane (x1, x2 from -0.5 to 1.5). */
    const colorAt = (x1: number, x2: number) =>
      canvas.evaluate(
        (c: HTMLCanvasElement, [x, y]) => [...c.getContext('2d')!.getImageData(Math.floor(((x + 0.5) / 2) * c.width), Math.floor(((1.5 - y) / 2) * c.height), 1, 1).data],
        [x1, x2],
      );
    const dark = await colorAt(-0.3, -0.3);
    const other = await colorAt(1.3, -0.3);
    const middle = await colorAt(0.5, 0.5);
    // (0, 0) is class 0 (orange), (1, 0) class 1 (blue), the middle undecided (the background).
    assert.notDeepEqual(dark, other);
    assert.ok(dark[0] > dark[2] && other[2] > other[0], `orange where the output is low, blue where high: ${dark} / ${other}`);
    assert.ok(Math.abs(middle[0] - middle[2]) < 40, `the middle fades to the background: ${middle}`);
    assert.match(await page.text('.boundary-caption'), /After epoch 30: the colour is the probability of 1; dots are training points \(4\)\./);
    assert.deepEqual(await page.page.locator(`${section('boundary')} .x-ticks .plot-tick`).allInnerTexts(), ['-0.5', '0', '0.5', '1', '1.5']);
    await screenshot(page, 'xor-epoch-30', ['dark']);

    // The next epoch end brings a sharper boundary: the picture is redrawn.
    const before = await colorAt(-0.2, 0.2);
    await page.send({ type: 'insights', boundary: xorBoundary(280) });
    const after = await colorAt(-0.2, 0.2);
    assert.notDeepEqual(after, before);
    assert.match(await page.text('.boundary-caption'), /After epoch 280/);
    // A batch message does not redraw it (the canvas would flicker): its pixels stay as they are.
    await canvas.evaluate((c: HTMLCanvasElement) => {
      const context = c.getContext('2d')!;
      context.fillStyle = '#000000';
      context.fillRect(0, 0, 2, 2);
    });
    await page.send({ type: 'batch', epochs: 300, progress: { epoch: 281, batch: 1, batchesPerEpoch: 1, metrics: { loss: 0.05 } } });
    assert.deepEqual(await colorAt(-0.5, 1.5), [0, 0, 0, 255]);

    await page.send({ type: 'finished', status: 'completed', evaluation: { split: 'train', samples: 4, metrics: { loss: 0.02, accuracy: 1 } }, weightsEpoch: 300 });
    assert.match(await page.text(section('evaluation')), /On the training data \(there is no test split\), 4 samples\./);
    assert.ok((await headings(page)).includes('Try it'), 'a trained model with two features gets a form');
    await screenshot(page, 'xor', ['dark', 'light', 'high-contrast']);
  });

  test('weights: a histogram of each layer\'s kernel and bias with their statistics; a layer holding NaN is marked', async () => {
    const page = await open(xorRun(30, { insights: { inputs: { featureShape: [2], task: 'binary' }, weights: weightsOf([{ name: 'dense', inputs: 2, units: 16 }, { name: 'dense_1', inputs: 16, units: 1 }], 30, 'dense_1') } }));
    const layers = page.page.locator(`${section('weights')} figure.weights-layer`);
    assert.deepEqual(await layers.evaluateAll((figs) => figs.map((f) => f.getAttribute('data-layer'))), ['dense', 'dense_1']);
    assert.match(await layers.first().locator('figcaption').innerText(), /dense\s*\(Dense\)/);
    const kernel = layers.first().locator('[data-weight=kernel]');
    assert.equal(await kernel.locator('.weight-shape').innerText(), '[2, 16]');
    assert.match(await kernel.locator('.weight-stats').innerText(), /^min -?\d[\d.]* · max \d[\d.]*\nmean -?[\d.e-]+ · std [\d.]+\n32 values · 0 zeros · 0 NaN\/Infinity$/);
    assert.match(await layers.first().locator('[data-weight=bias] .weight-stats').innerText(), /16 values · 2 zeros · 0 NaN\/Infinity$/);
    assert.equal(await layers.first().locator('.nan-mark').isVisible(), false);
    assert.equal(await layers.nth(1).locator('.nan-mark').isVisible(), true);
    assert.match(await layers.nth(1).locator('[data-weight=kernel] .weight-stats').innerText(), /4 NaN\/Infinity$/);
    assert.match(await page.text(`${section('weights')} .note`), /At the end of epoch 30\. A layer holds NaN or Infinity/);
    const bars = await kernel.locator('canvas').evaluate((c: HTMLCanvasElement) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.filter((_, i) => i % 4 === 3 && _ > 0).length);
    assert.ok(bars > 100, `the histogram is drawn (${bars} pixels)`);

    // The next epoch end: the same cards, their numbers updated in place.
    await layers.first().evaluate((f) => f.setAttribute('data-seen', ''));
    await page.send({ type: 'insights', weights: weightsOf([{ name: 'dense', inputs: 2, units: 16 }, { name: 'dense_1', inputs: 16, units: 1 }], 31) });
    assert.equal(await page.page.locator('figure.weights-layer[data-seen]').count(), 1);
    assert.equal(await layers.nth(1).locator('.nan-mark').isVisible(), false);
    assert.match(await page.text(`${section('weights')} .note`), /^At the end of epoch 31\.$/);
  });

  test('a stopped run with saved weights has a trained model; one stopped before an epoch ended has none', async () => {
    const page = await open(digitsRun({ status: 'stopped', weightsEpoch: 3 }));
    assert.ok((await headings(page)).includes('Draw a digit'));
    await page.send({ type: 'snapshot', run: digitsRun({ status: 'stopped', weightsEpoch: 0 }) });
    assert.equal((await headings(page)).includes('Draw a digit'), false);
    await page.send({ type: 'snapshot', run: digitsRun({ status: 'running', insights: { inputs: digitsRun().insights!.inputs } }) });
    assert.deepEqual(await headings(page), ['Progress', 'Curves', 'Evaluation', 'Epochs']);
  });
});
