import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { waitForFinishedRun } from '../helpers/finishedRun';
import { useWorkbenchSession } from '../vscodeServer/workbenchSession';
import { clickCodeLens, clickNotificationButton, codeLensTexts, quickOpenFile } from '../vscodeServer/workbench';

/**
 * Training started from the CodeLens and stopped from the progress notification's Cancel button, as
 * a person does it: the live lens shows the epoch and loss, and the run ends marked `stopped`.
 */
const session = useWorkbenchSession('stopFromNotification');

test('Train from the CodeLens on MNIST, then Cancel in the notification: the run stops, marked stopped', { timeout: 5 * 60_000 }, async () => {
  const page = session.page();
  const shot = session.screenshot;
  try {
    await session.open();
    await quickOpenFile(page, 'mnist-mlp.nn.yaml');
    await clickCodeLens(page, /Train/, 60_000);

    // While it trains the lens turns into Stop and the live progress line.
    const deadline = Date.now() + 120_000;
    let lenses: string[] = [];
    while (!lenses.some((l) => /^epoch \d+\/5 · loss \d/.test(l)) && Date.now() < deadline) {
      await page.waitForTimeout(250);
      lenses = await codeLensTexts(page);
    }
    await shot('1-training');
    assert.ok(lenses.some((l) => /Stop/.test(l)), `no Stop lens: ${JSON.stringify(lenses)}`);
    assert.ok(lenses.some((l) => /^epoch \d+\/5 · loss \d/.test(l)), `no live progress lens: ${JSON.stringify(lenses)}`);

    await clickNotificationButton(page, /epoch \d+\/5/, 'Cancel');
    const summary = await waitForFinishedRun(path.join(session.workspace(), '.nn-runs', 'mnist-mlp'), 30_000);
    await shot('2-stopped');
    assert.equal(summary.status, 'stopped');
    assert.ok(summary.epochsCompleted < 5);
  } catch (error) {
    await shot('failure');
    throw error;
  }
});
