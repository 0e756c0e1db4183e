import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TrainResult } from '../../../src/shared/workerProtocol';
import { extensionApi, waitFor, workspaceFile } from './testHelpers';

/** Cycles measured, after a few that warm the host up (its first trainings load code and fill caches). */
const CYCLES = 100;
const WARM_UP = 5;

describe('Train and Stop, again and again, in one extension host', () => {
  it(`${CYCLES} train/stop cycles leave no worker behind and grow the host's memory by under 10%`, async function () {
    this.timeout(15 * 60_000);
    const api = await extensionApi();
    const xor = workspaceFile('xor.nn.yaml');
    const cycle = async () => {
      const training = vscode.commands.executeCommand<TrainResult | undefined>('nnTrainer.train', xor);
      // Stopped once the run exists (its worker loaded TensorFlow.js and started training).
      await waitFor('the run to start', () => api.activeRuns.get(xor.fsPath)?.panelRun.runDir, 60_000);
      await vscode.commands.executeCommand('nnTrainer.stop', xor);
      const result = await training;
      assert.ok(result && (result.status === 'stopped' || result.status === 'completed'), `a cycle ended ${result?.status}`);
    };
    for (let i = 0; i < WARM_UP; i++) await cycle();
    const before = process.memoryUsage().rss;
    const started = Date.now();
    for (let i = 0; i < CYCLES; i++) await cycle();
    // A worker's exit comes a moment after its job's end.
    await waitFor('every worker to exit', () => api.workersRunning() === 0, 10_000);
    const after = process.memoryUsage().rss;
    const growth = (after - before) / before;
    console.log(
      `      ${CYCLES} train/stop cycles in ${((Date.now() - started) / 1000).toFixed(0)} s: host RSS ${(before / 2 ** 20).toFixed(0)} MB -> ${(after / 2 ** 20).toFixed(0)} MB ` +
        `(${(growth * 100).toFixed(1)}%), workers left ${api.workersRunning()}`,
    );
    assert.strictEqual(api.workersRunning(), 0);
    assert.ok(growth < 0.1, `the host's RSS grew by ${(growth * 100).toFixed(1)}%`);
  });
});
