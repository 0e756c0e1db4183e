// The training panel's real bundle in headless chromium, showing runs trained for real: XOR, iris,
// digits, MNIST (one epoch) and breast cancer, each read back by the host's own panelRunOf. The pad's
// and the form's `predict` requests are answered by the core's real predictFromRun, as the host's
// prediction worker answers them. Screenshots in dark and light go to test-output/panel/.
import { after, afterEach, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Locator } from 'playwright-core';
import type { PanelPredictRequest, PanelRun, PanelToHostMessage } from '../../src/shared/panelProtocol';
import { predictFromRun } from '../../src/core/session/predictFromRun';
import { repoRoot } from '../helpers/tempDir';
import { PanelPage, launchChromium, startPanelServer, type PanelServer } from './panelPage';
import { trainedPanelRun } from './trainedRuns';

const screenshots = path.join(repoRoot, 'test-output', 'panel');
const THEMES = ['dark', 'light', 'high-contrast'] as const;

describe('the panel after real trainings: what each model learned', () => {
  let server: PanelServer;
  let browser: Browser;
  let panel: PanelPage;
  const runs: Record<string, PanelRun> = {};

  before(async () => {
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist/webview/panel.js')), 'dist/webview/panel.js is missing: run `npm run build` first');
    fs.mkdirSync(screenshots, { recursive: true });
    [server, browser] = await Promise.all([startPanelServer(), launchChromium()]);
    panel = await PanelPage.create(await browser.newContext({ viewport: { width: 1000, height: 900 } }), server);
    // One after the other: two trainings at once would only share the two cores.
    runs.xor = await trainedPanelRun('xor.nn.yaml');
    runs.iris = await trainedPanelRun('iris.nn.yaml');
    runs.digits = await trainedPanelRun('digits.nn.yaml');
    runs.breastCancer = await trainedPanelRun('breast-cancer.nn.yaml');
    runs.mnist = await trainedPanelRun('mnist-mlp.nn.yaml', 1);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => assert.deepEqual(await panel.problems(), []));

  /** A newly opened panel showing `run`. */
  async function show(run: PanelRun): Promise<PanelPage> {
    await panel.load();
    await panel.send({ type: 'snapshot', run });
    return panel;
  }

  /** The section under the h2 that says exactly `title`. */
  function section(title: string): Locator {
    return panel.page.locator('section', { has: panel.page.locator('h2', { hasText: new RegExp(`^${title}$`) }) });
  }

  async function visibleHeadings(): Promise<string[]> {
    return panel.page.evaluate(() => [...document.querySelectorAll('h2')].filter((h) => (h as HTMLElement).offsetParent !== null).map((h) => h.textContent ?? ''));
  }

  /** Answers every `predict` the page has posted and not yet been answered, with the run's real model. */
  async function answerPredictions(run: PanelRun, answered: Set<number>): Promise<PanelPredictRequest[]> {
    const asked = (await panel.posted()).filter((m: PanelToHostMessage): m is PanelPredictRequest => m.type === 'predict' && !answered.has(m.requestId));
    for (const request of asked) {
      answered.add(request.requestId);
      const [prediction] = await predictFromRun(run.runDir!, request.input);
      await panel.send({ type: 'livePrediction', source: request.source, answer: { requestId: request.requestId, prediction } });
    }
    return asked;
  }

  /** Waits for the page to ask, answers, and returns what it asked. */
  async function answerNext(run: PanelRun, answered: Set<number>): Promise<PanelPredictRequest> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const asked = await answerPredictions(run, answered);
      if (asked.length) return asked[asked.length - 1];
      assert.ok(Date.now() < deadline, 'the page never asked for a prediction');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** A stroke like a 7 on the pad's canvas, with the mouse. */
  async function drawSeven(): Promise<void> {
    const pad = section('Draw a digit').locator('canvas.digit-pad');
    // The mouse reaches only what is on screen.
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    assert.ok(box, 'no pad to draw on');
    const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
    const mouse = panel.page.mouse;
    await mouse.move(...at(0.25, 0.2));
    await mouse.down();
    for (const [fx, fy] of [[0.45, 0.2], [0.75, 0.2], [0.62, 0.5], [0.5, 0.8]]) await mouse.move(...at(fx, fy), { steps: 8 });
    await mouse.up();
  }

  /** The whole page, and each of `sections` alone (a page of ten sections is too tall to look at whole). */
  async function screenshot(name: string, sections: Record<string, string>): Promise<void> {
    for (const theme of THEMES) {
      await panel.applyTheme(theme);
      // Canvases redraw on the theme's change; give them a frame.
      await panel.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await panel.page.screenshot({ path: path.join(screenshots, `trained-${name}-${theme}.png`), fullPage: true });
      for (const [file, title] of Object.entries(sections)) {
        await section(title).screenshot({ path: path.join(screenshots, `trained-${name}-${file}-${theme}.png`) });
      }
    }
  }

  test('XOR: the decision boundary, a two-input Try it, and no digit pad', async () => {
    await show(runs.xor);
    const headings = await visibleHeadings();
    for (const title of ['Decision boundary', 'Evaluation', 'Confusion matrix', 'Predictions', 'Try it', 'Weights']) assert.ok(headings.includes(title), `${title} in ${headings.join(', ')}`);
    assert.ok(!headings.includes('Draw a digit'));
    assert.equal(await section('Decision boundary').locator('canvas').count() > 0, true);
    await screenshot('xor', { boundary: 'Decision boundary', matrix: 'Confusion matrix', weights: 'Weights', 'try-it': 'Try it' });
  });

  test('iris: the confusion matrix names the species, and Try it predicts through the real model', async () => {
    await show(runs.iris);
    const matrix = await section('Confusion matrix').innerText();
    for (const name of ['setosa', 'versicolor', 'virginica']) assert.match(matrix, new RegExp(name));
    const inputs = section('Try it').locator('input[type=number]');
    assert.equal(await inputs.count(), 4);
    const answered = new Set<number>();
    await panel.page.getByLabel('petal_length', { exact: true }).fill('5.5');
    const request = await answerNext(runs.iris, answered);
    assert.equal(request.input.length, 4);
    assert.equal(request.input[2], 5.5);
    await panel.page.waitForFunction(() => /setosa|versicolor|virginica/.test(document.querySelector('[data-section="try"]')?.textContent ?? ''));
    assert.ok(!(await visibleHeadings()).includes('Decision boundary'), 'four inputs: no plane');
    await screenshot('iris', { evaluation: 'Evaluation', matrix: 'Confusion matrix', predictions: 'Predictions', 'try-it': 'Try it' });
  });

  test('digits: the samples are images, and a drawn digit is predicted by the model', async () => {
    await show(runs.digits);
    assert.ok((await section('Predictions').locator('canvas').count()) >= 10, 'the samples are drawn as images');
    const answered = new Set<number>();
    await drawSeven();
    const request = await answerNext(runs.digits, answered);
    assert.equal(request.input.length, 64);
    assert.ok(Math.max(...request.input) <= 16 && Math.max(...request.input) > 4, `pixel values in the data's 0..16: ${Math.max(...request.input)}`);
    await panel.page.waitForFunction(() => /The model reads \d/.test(document.querySelector('.pad-status')?.textContent ?? ''));
    await screenshot('digits', { predictions: 'Predictions', draw: 'Draw a digit', matrix: 'Confusion matrix' });
  });

  test('MNIST: a 28x28 pad drawn on, predicted live, with the image grid of the test split', async () => {
    await show(runs.mnist);
    assert.ok((await section('Predictions').locator('canvas').count()) >= 10);
    const answered = new Set<number>();
    await drawSeven();
    const request = await answerNext(runs.mnist, answered);
    assert.equal(request.input.length, 784);
    assert.ok(Math.max(...request.input) <= 255 && Math.max(...request.input) > 100);
    // Answers keep coming while the stroke's last requests arrive; answer what is left, then look.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await answerPredictions(runs.mnist, answered);
    await screenshot('mnist', { predictions: 'Predictions', draw: 'Draw a digit', weights: 'Weights' });
  });

  test('breast cancer: binary predictions say the class and its confidence, benign and malignant', async () => {
    await show(runs.breastCancer);
    const matrix = await section('Confusion matrix').innerText();
    assert.match(matrix, /benign/);
    assert.match(matrix, /malignant/);
    assert.match(await section('Predictions').innerText(), /(benign|malignant) · \d+(\.\d)?%/);
    await screenshot('breast-cancer', { matrix: 'Confusion matrix', predictions: 'Predictions' });
  });
});
