import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { waitForFinishedRun } from '../helpers/finishedRun';
import { findRepoRoot } from '../vscodeServer/tools';
import { useWorkbenchSession } from '../vscodeServer/workbenchSession';
import { quickOpenFile, runFromPalette, waitForWebviewText, waitForWorkbench } from '../vscodeServer/workbench';
import { setWorkspaceSetting } from '../vscodeServer/workspace';

/**
 * The training panel in a real VS Code in a real browser: XOR trained with its curves, the panel
 * restored after a window reload with the same curves, MNIST interrupted by a reload (the restored
 * panel says so), in the dark, light and high-contrast themes. Screenshots: test-output/panel/workbench-*.
 */
const session = useWorkbenchSession('panelInWorkbench');
const shots = path.join(findRepoRoot(), 'test-output', 'panel');

const THEMES = { dark: 'Default Dark Modern', light: 'Default Light Modern', 'high-contrast': 'Default High Contrast' } as const;

test('the panel shows curves live and after a reload, and a reload during MNIST leaves it interrupted', { timeout: 10 * 60_000 }, async () => {
  const page = session.page();
  const workspace = session.workspace();
  fs.mkdirSync(shots, { recursive: true });
  const shot = (name: string) => page.screenshot({ path: path.join(shots, `workbench-${name}.png`) }).catch(() => undefined);
  try {
    await session.open();
    await quickOpenFile(page, 'xor.nn.yaml');
    await runFromPalette(page, 'Neural Network: Train Model', 60_000);
    const xor = await waitForFinishedRun(path.join(workspace, '.nn-runs', 'xor'), 3 * 60_000);
    assert.equal(xor.status, 'completed');
    const finished = await waitForWebviewText(page, /Completed[\s\S]*Curves[\s\S]*Model summary[\s\S]*dense \(Dense\)/, 30_000);
    assert.match(finished, /300\/300 epochs trained/);
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
  await page.waitForTimeout(2_500);
}
