import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { openBrowser, workbenchUrl, HeadlessBrowser } from '../vscodeServer/browser';
import { startCodeServer, CodeServer } from '../vscodeServer/codeServer';
import { findRepoRoot } from '../vscodeServer/tools';
import { waitForFinishedRun } from '../helpers/finishedRun';
import { copyExamplesWorkspace, removeWorkspace } from '../vscodeServer/workspace';
import { quickOpenFile, runFromPalette, tabTitles, waitForWebviewText, waitForWorkbench, watchNotifications } from '../vscodeServer/workbench';

/**
 * A person's first run, in a real VS Code (code-server) in a real browser: open xor.nn.yaml, F1,
 * "Neural Network: Train Model", wait. The run folder on disk is the hard evidence; the notification
 * and the panel tab are what the person sees.
 */
const root = findRepoRoot();
const screenshots = path.join(root, 'test-output', 'e2e');
let server: CodeServer | undefined;
let browser: HeadlessBrowser | undefined;
let workspace = '';

before(async () => {
  fs.mkdirSync(screenshots, { recursive: true });
  workspace = copyExamplesWorkspace(root);
  server = await startCodeServer({ installExtensionFrom: root });
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (workspace) removeWorkspace(workspace);
});

test('Train Model from the command palette trains xor.nn.yaml to completion', { timeout: 5 * 60_000 }, async () => {
  const page = browser!.page;
  const shot = (name: string) => page.screenshot({ path: path.join(screenshots, `trainFromPalette-${name}.png`) }).catch(() => undefined);
  try {
    await page.goto(workbenchUrl(server!.origin, workspace));
    await waitForWorkbench(page);
    await quickOpenFile(page, 'xor.nn.yaml');
    await shot('1-opened');

    const seen = watchNotifications(page);
    await runFromPalette(page, 'Neural Network: Train Model', 60_000);
    const summary = await waitForFinishedRun(path.join(workspace, '.nn-runs', 'xor'), 3 * 60_000);
    await shot('2-trained');

    assert.equal(summary.status, 'completed', JSON.stringify(summary));
    // The notification follows the summary by a moment; it may also be gone already, so the
    // watcher remembers every text it saw.
    const notification = await seen.waitFor((text) => /accuracy/i.test(text), 30_000);
    assert.ok(notification, `no notification mentioning accuracy; saw: ${JSON.stringify(seen.texts())}`);
    const tabs = await tabTitles(page);
    assert.ok(tabs.some((tab) => tab.includes('Training: xor')), `no "Training: xor" panel tab; tabs: ${JSON.stringify(tabs)}`);
    // The panel itself, not just its tab: the finished run with its epochs and evaluation.
    const panelText = await waitForWebviewText(page, /Completed[\s\S]*Epochs[\s\S]*300[\s\S]*Evaluation/, 30_000);
    assert.match(panelText, /Backend: (wasm|cpu|node)/);
    seen.stop();
    await shot('3-done');
  } catch (error) {
    await shot('failure');
    throw error;
  }
});
