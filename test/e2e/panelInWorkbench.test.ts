import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { waitForFinishedRun } from '../helpers/finishedRun';
import { findRepoRoot } from '../vscodeServer/tools';
import { useWorkbenchSession } from '../vscodeServer/workbenchSession';
import { clickCodeLens, clickNotificationButton, codeLensTexts, notificationTexts, quickOpenFile, runFromPalette, tabTitles, waitForWebviewText, waitForWorkbench, watchNotifications } from '../vscodeServer/workbench';
import { setWorkspaceSetting } from '../vscodeServer/workspace';
import { trainingViewFrame, waitForTrainingViewText, waitForTreeRow } from '../vscodeServer/sidebarDriver';

/**
 * The training panel, the sidebar dashboard and the CodeLens in one real VS Code in a real browser (one
 * session: a code-server start is the slow part). A person's first Train from the palette (XOR, with
 * its notification, panel tab and curves), the panel restored after a window reload with the same
 * curves, MNIST interrupted by a reload (the restored panel says so); the sidebar during MNIST, Stop
 * from its Training view, two XOR runs compared; MNIST from the CodeLens cancelled in the
 * notification; digits' panel with its image samples, Only mistakes and the digit pad. Dark, light and high-contrast themes. Screenshots: test-output/panel/workbench-*,
 * test-output/sidebar/, test-output/e2e/panelInWorkbench-*.
 */
const session = useWorkbenchSession('panelInWorkbench');
const shots = path.join(findRepoRoot(), 'test-output', 'panel');
const sidebarShots = path.join(findRepoRoot(), 'test-output', 'sidebar');

const THEMES = { dark: 'Default Dark Modern', light: 'Default Light Modern', 'high-contrast': 'Default High Contrast' } as const;

test('Train Model from the palette trains xor.nn.yaml; the panel shows curves live and after a reload, and a reload during MNIST leaves it interrupted', { timeout: 10 * 60_000 }, async () => {
  const page = session.page();
  const workspace = session.workspace();
  fs.mkdirSync(shots, { recursive: true });
  const shot = (name: string) => page.screenshot({ path: path.join(shots, `workbench-${name}.png`) }).catch(() => undefined);
  try {
    await session.open();
    // A person's first run: open xor.nn.yaml, F1, "Neural Network: Train Model", wait.
    await quickOpenFile(page, 'xor.nn.yaml');
    const seen = watchNotifications(page);
    await runFromPalette(page, 'Neural Network: Train Model', 60_000);
    const xor = await waitForFinishedRun(path.join(workspace, '.nn-runs', 'xor'), 3 * 60_000);
    assert.equal(xor.status, 'completed');
    // The notification follows the summary by a moment, and may be gone already: the watcher remembers it.
    const notification = await seen.waitFor((text) => /accuracy/i.test(text), 30_000);
    seen.stop();
    assert.ok(notification, `no notification mentioning accuracy; saw: ${JSON.stringify(seen.texts())}`);
    const tabs = await tabTitles(page);
    assert.ok(tabs.some((tab) => tab.includes('Training: xor')), `no "Training: xor" panel tab; tabs: ${JSON.stringify(tabs)}`);
    // What it learned follows the curves: the boundary, the evaluation and its matrix, then how (weights, layers).
    const finished = await waitForWebviewText(
      page,
      /Completed[\s\S]*300\/300 epochs trained[\s\S]*Curves[\s\S]*Decision boundary[\s\S]*Evaluation[\s\S]*Confusion matrix[\s\S]*Predictions[\s\S]*Try it[\s\S]*Weights[\s\S]*Model summary[\s\S]*dense \(Dense\)[\s\S]*Epochs/,
      30_000,
    );
    assert.match(finished, /Backend: (wasm|cpu|node)/);
    assert.equal(await chartCount(page), 2, 'a loss and an accuracy chart');
    for (const [name, theme] of Object.entries(THEMES)) {
      await setTheme(page, workspace, theme);
      await shot(`xor-done-${name}`);
    }
    await setTheme(page, workspace, THEMES.dark);

    // A reload restores the panel, which gets the same curves from the run folder.
    await page.reload();
    await waitForWorkbench(page);
    await waitForWebviewText(page, /Completed[\s\S]*Curves/, 60_000);
    assert.equal(await chartCount(page), 2, 'the restored panel draws the curves again');
    await shot('xor-restored-dark');

    // MNIST, interrupted by a reload while it trains.
    await quickOpenFile(page, 'mnist-mlp.nn.yaml');
    await runFromPalette(page, 'Neural Network: Train Model', 60_000);
    await waitForWebviewText(page, /Training[\s\S]*Epoch 1\/5 · batch [\d,]+\/1,688[\s\S]*samples\/s/, 3 * 60_000);
    await page.waitForTimeout(3_000);
    await shot('mnist-training-dark');
    await setTheme(page, workspace, THEMES.light);
    await shot('mnist-training-light');
    await setTheme(page, workspace, THEMES['high-contrast']);
    await shot('mnist-training-high-contrast');
    await setTheme(page, workspace, THEMES.dark);
    await page.reload();
    await waitForWorkbench(page);
    const interrupted = await waitForWebviewText(page, /Interrupted/, 90_000);
    assert.doesNotMatch(interrupted, /Starting…/);
    const runs = path.join(workspace, '.nn-runs', 'mnist-mlp');
    const summary = await waitForFinishedRun(runs, 30_000);
    assert.equal(summary.status, 'interrupted');
    await shot('mnist-interrupted-dark');
    await setTheme(page, workspace, THEMES.light);
    await shot('mnist-interrupted-light');
  } catch (error) {
    await shot('failure');
    throw error;
  }
});

test('the sidebar: a live MNIST card stopped from the Training view, the models and runs listed', { timeout: 10 * 60_000 }, async () => {
  const page = session.page();
  const workspace = session.workspace();
  fs.mkdirSync(sidebarShots, { recursive: true });
  const shot = async (name: string) => {
    await page.screenshot({ path: path.join(sidebarShots, `${name}.png`) }).catch(() => undefined);
    await page.locator('#workbench\\.parts\\.sidebar').screenshot({ path: path.join(sidebarShots, `${name}-sidebar.png`) }).catch(() => undefined);
  };
  try {
    await runFromPalette(page, 'View: Show Neural Network');
    await waitForTreeRow(page, 'Models', /mnist-mlp\.nn\.yaml/);
    await waitForTreeRow(page, 'Runs', /interrupted/, 30_000);

    await quickOpenFile(page, 'mnist-mlp.nn.yaml');
    await runFromPalette(page, 'Neural Network: Train Model', 60_000);
    await waitForTrainingViewText(page, /mnist-mlp[\s\S]*Training[\s\S]*Epoch 1\/5 · batch [\d,]+\/1,688[\s\S]*samples\/s/, 3 * 60_000);
    await waitForTreeRow(page, 'Models', /epoch 1\/5/);
    await page.waitForTimeout(4_000);
    await shot('mnist-training-dark');
    await setTheme(page, workspace, THEMES.light);
    await shot('mnist-training-light');
    await setTheme(page, workspace, THEMES.dark);

    // Stop, clicked in the Training view's card.
    const frame = await trainingViewFrame(page);
    await frame.locator('.run-card vscode-button[data-command="stop"]').click();
    const stopped = await waitForStatus(path.join(workspace, '.nn-runs', 'mnist-mlp'), 'stopped', 60_000);
    assert.equal(stopped, 'stopped');
    await waitForTrainingViewText(page, /Nothing is training[\s\S]*Latest run[\s\S]*mnist-mlp[\s\S]*stopped/i, 30_000);
    await waitForTreeRow(page, 'Runs', /stopped · \d\/5 epochs/);
    await shot('idle-dark');

    // Compare Runs is proven in the real VS Code by the integration suite (the comparison's data) and
    // in a real browser by the comparison page's own tests (test-output/compare/).
  } catch (error) {
    await shot('failure');
    throw error;
  }
});

test('Train from the CodeLens on MNIST, then Cancel in the notification: the run stops, marked stopped', { timeout: 5 * 60_000 }, async () => {
  const page = session.page();
  const runs = path.join(session.workspace(), '.nn-runs', 'mnist-mlp');
  const stoppedBefore = runsWithStatus(runs, 'stopped');
  try {
    await quickOpenFile(page, 'mnist-mlp.nn.yaml');
    await clickCodeLens(page, /Train/, 60_000);
    // While it trains the lens turns into Stop and the live progress line.
    const deadline = Date.now() + 180_000;
    let lenses: string[] = [];
    while (!lenses.some((l) => /^epoch \d+\/5 · loss \d/.test(l)) && Date.now() < deadline) {
      await page.waitForTimeout(250);
      lenses = await codeLensTexts(page);
    }
    await session.screenshot('stopFromNotification-1-training');
    assert.ok(lenses.some((l) => /Stop/.test(l)), `no Stop lens: ${JSON.stringify(lenses)}; notifications: ${JSON.stringify(await notificationTexts(page))}`);
    assert.ok(lenses.some((l) => /^epoch \d+\/5 · loss \d/.test(l)), `no live progress lens: ${JSON.stringify(lenses)}`);
    await clickNotificationButton(page, /epoch \d+\/5/, 'Cancel');
    await waitForStatusCount(runs, 'stopped', stoppedBefore + 1, 30_000);
    await session.screenshot('stopFromNotification-2-stopped');
  } catch (error) {
    await session.screenshot('stopFromNotification-failure');
    throw error;
  }
});

test('digits trained from the palette: the panel draws the test samples as images, Only mistakes filters them, and a digit drawn on the pad is predicted', { timeout: 6 * 60_000 }, async () => {
  const page = session.page();
  const workspace = session.workspace();
  const shot = (name: string) => page.screenshot({ path: path.join(shots, `workbench-digits-${name}.png`) }).catch(() => undefined);
  try {
    await quickOpenFile(page, 'digits.nn.yaml');
    await runFromPalette(page, 'Neural Network: Train Model', 60_000);
    const run = await waitForFinishedRun(path.join(workspace, '.nn-runs', 'digits'), 4 * 60_000);
    assert.match(run.status, /^(completed|early_stopped)$/);
    await waitForWebviewText(page, /digits[\s\S]*Confusion matrix[\s\S]*Predictions[\s\S]*Draw a digit/, 60_000);
    const frame = await panelFrame(page, 'digits');
    const cards = frame.locator('[data-section="predictions"] .sample-card');
    assert.equal(await cards.count(), 100, 'a hundred samples of the test split');
    assert.equal(await frame.locator('[data-section="predictions"] .sample-card canvas').count(), 100, 'each drawn as an image');
    const wrong = await frame.locator('[data-section="predictions"] .sample-card[data-result="wrong"]').count();
    assert.ok(wrong > 0 && wrong < 100, `${wrong} mistakes among the samples`);
    await frame.locator('label[for="only-mistakes"]').click();
    await frame.waitForFunction((n) => document.querySelectorAll('[data-section="predictions"] .sample-card:not([hidden])').length === n, wrong, { timeout: 10_000 });
    assert.equal(await frame.locator('[data-section="predictions"] .sample-card:not([hidden])[data-result="right"]').count(), 0, 'only mistakes are left');
    await shot('only-mistakes');

    // A 1 drawn with synthesized pointer events, as a mouse would.
    const pad = frame.locator('canvas.digit-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    assert.ok(box, 'no pad to draw on');
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.85, { steps: 12 });
    await page.mouse.up();
    await frame.waitForFunction(() => /The model reads \d \(\d+(\.\d)?%\)/.test(document.querySelector('.pad-status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    assert.equal(await frame.locator('.top-classes li').count(), 3, 'the top 3 classes');
    await shot('drawn');
  } catch (error) {
    await shot('failure');
    throw error;
  }
});

/** The training panel's webview frame showing the model of that name. */
async function panelFrame(page: Page, name: string): Promise<Frame> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const shown = await frame.evaluate('document.querySelector("#panel h1")?.textContent ?? ""').catch(() => '');
      if (shown === name) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no training panel of ${name}`);
}

/** Waits until a run under `runsDir` has this status; returns it. */
async function waitForStatus(runsDir: string, status: string, timeoutMs: number): Promise<string> {
  await waitForStatusCount(runsDir, status, 1, timeoutMs);
  return status;
}

/** Waits until `count` runs under `runsDir` have this status. */
async function waitForStatusCount(runsDir: string, status: string, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (runsWithStatus(runsDir, status) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`fewer than ${count} ${status} runs in ${runsDir} within ${timeoutMs / 1000} s`);
}

/** How many runs under `runsDir` have this status now. */
function runsWithStatus(runsDir: string, status: string): number {
  return (fs.existsSync(runsDir) ? fs.readdirSync(runsDir) : []).filter((run) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(runsDir, run, 'summary.json'), 'utf8')).status === status;
    } catch {
      return false;
    }
  }).length;
}

/** The charts drawn in the panel's webview frame. */
async function chartCount(page: Page): Promise<number> {
  for (let attempt = 0; attempt < 40; attempt++) {
    for (const frame of page.frames()) {
      const count = await frame.evaluate('document.querySelector("#panel") ? document.querySelectorAll("figure.chart canvas").length : -1').catch(() => -1);
      if (typeof count === 'number' && count > 0) return count;
    }
    await page.waitForTimeout(250);
  }
  return 0;
}

/** Switches the theme through the workspace settings, as a user's settings.json would, and lets it paint. */
async function setTheme(page: Page, workspace: string, theme: string): Promise<void> {
  setWorkspaceSetting(workspace, 'workbench.colorTheme', theme);
  // The workbench carries the theme's kind as a class once it has read the settings file, which on a
  // busy machine takes seconds; then the webviews get the new colours and repaint.
  const kind = /High Contrast/.test(theme) ? 'hc-black' : /Light/.test(theme) ? 'vs' : 'vs-dark';
  await page.waitForFunction((k) => document.querySelector('.monaco-workbench')?.classList.contains(k) === true, kind, { timeout: 30_000 }).catch(() => undefined);
  await page.waitForTimeout(2_000);
}
