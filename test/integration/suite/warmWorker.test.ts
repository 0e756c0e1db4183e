import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TrainResult } from '../../../src/shared/workerProtocol';
import { extensionApi, waitFor, workspaceFile } from './testHelpers';

describe('The warm training worker', () => {
  it('opening a model file prepares a spare, and Train runs in it to its first batch', async () => {
    const api = await extensionApi();
    const xor = workspaceFile('xor.nn.yaml');
    await vscode.window.showTextDocument(xor);
    await waitFor('a spare training worker', () => api.spare.ready);
    await api.spare.whenWarm();
    const started = api.spare.started;
    const sent = Date.now();
    let firstBatchMs: number | undefined;
    const watching = api.activeRuns.onDidChange((modelFile) => {
      if (firstBatchMs === undefined && api.activeRuns.get(modelFile)?.panelRun.current) firstBatchMs = Date.now() - sent;
    });
    try {
      const training = vscode.commands.executeCommand<TrainResult | undefined>('nnTrainer.train', xor);
      // The spare was taken, not left waiting beside a fresh worker.
      await waitFor('the run', () => api.activeRuns.get(xor.fsPath));
      assert.strictEqual(api.spare.ready, false);
      const result = await training;
      assert.strictEqual(result?.status, 'completed');
      assert.ok(firstBatchMs !== undefined, 'no batch event reached the host');
      // A figure for the log, not an assertion: the bench measures it side by side.
      console.log(`      Train to first batch with the warm worker: ${firstBatchMs} ms`);
      // The run's end prepares the next spare (the file is still open).
      await waitFor('the next spare', () => api.spare.started > started && api.spare.ready);
    } finally {
      watching.dispose();
    }
  });
});
