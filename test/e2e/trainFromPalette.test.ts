import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { waitForFinishedRun } from '../helpers/finishedRun';
import { useWorkbenchSession } from '../vscodeServer/workbenchSession';
import { quickOpenFile, runFromPalette, tabTitles, waitForWebviewText, watchNotifications } from '../vscodeServer/workbench';

/**
 * A person's first run, in a real VS Code (code-server) in a real browser: open xor.nn.yaml, F1,
 * "Neural Network: Train Model", wait. The run folder on disk is the hard evidence; the notification
 * and the panel tab are what the person sees.
 */
const session = useWorkbenchSession('trainFromPalette');

test('Train Model from the command palette trains xor.nn.yaml to completion', { timeout: 5 * 60_000 }, async () => {
  const page = session.page();
  const shot = session.screenshot;
  try {
    await session.open();
    await quickOpenFile(page, 'xor.nn.yaml');
    await shot('1-opened');

    const seen = watchNotifications(page);
    await runFromPalette(page, 'Neural Network: Train Model', 60_000);
    const summary = await waitForFinishedRun(path.join(session.workspace(), '.nn-runs', 'xor'), 3 * 60_000);
    await shot('2-trained');

    assert.equal(summary.status, 'completed', JSON.stringify(summary));
    // The notification follows the summary by a moment; it may also be gone already, so the
    // watcher remembers every text it saw.
    const notification = await seen.waitFor((text) => /accuracy/i.test(text), 30_000);
    assert.ok(notification, `no notification mentioning accuracy; saw: ${JSON.stringify(seen.texts())}`);
    const tabs = await tabTitles(page);
    assert.ok(tabs.some((tab) => tab.includes('Training: xor')), `no "Training: xor" panel tab; tabs: ${JSON.stringify(tabs)}`);
    // The panel itself, not just its tab: the finished run with its epochs and evaluation.
    const panelText = await waitForWebviewText(page, /Completed[\s\S]*300\/300 epochs trained[\s\S]*Epochs[\s\S]*Evaluation/, 30_000);
    assert.match(panelText, /Backend: (wasm|cpu|node)/);
    seen.stop();
    await shot('3-done');
  } catch (error) {
    await shot('failure');
    throw error;
  }
});
