import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TrainResult } from '../../../src/shared/workerProtocol';
import { extensionApi, writeWorkspaceFile } from './testHelpers';
import { DIVERGING_MODEL } from '../../helpers/divergingModel';


describe('A training that diverges, in the real VS Code', () => {
  it('ends failed, says where and what to try, and the panel shows it; the next Train works', async () => {
    const api = await extensionApi();
    const file = writeWorkspaceFile('faults/diverges.nn.yaml', DIVERGING_MODEL);
    const result = await vscode.commands.executeCommand<TrainResult | undefined>('nnTrainer.train', file);
    assert.strictEqual(result, undefined, 'a failed training returns no result');
    const shown = api.panels.snapshotFor(file.fsPath);
    assert.strictEqual(shown.status, 'failed');
    assert.match(shown.error ?? '', /^the loss became (NaN|Infinity) at epoch \d+, batch \d+ of 4: training stopped there/);
    assert.strictEqual(shown.evaluation, undefined);
    // The host goes on: the same file, fixed, trains.
    writeWorkspaceFile('faults/diverges.nn.yaml', DIVERGING_MODEL.replace('learning_rate: 10', 'learning_rate: 0.0001').replace('epochs: 50', 'epochs: 2'));
    const fixed = await vscode.commands.executeCommand<TrainResult | undefined>('nnTrainer.train', file);
    assert.strictEqual(fixed?.status, 'completed');
  });
});
