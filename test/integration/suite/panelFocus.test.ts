import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CheckResult, PredictResult, TrainResult } from '../../../src/shared/workerProtocol';
import { extensionApi, waitFor, workspaceFile } from './testHelpers';

describe('Commands from the palette while a training panel has focus', () => {
  // Before, the workspace's model files were offered in a quick pick: close it if one is left open.
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeQuickOpen'));

  it("act on the panel's model file (Validate, Predict), not on one the user must pick", async () => {
    const api = await extensionApi();
    const file = await vscode.commands.executeCommand<vscode.Uri>('nnTrainer.newModelFile', 'xor', workspaceFile('focus/focused.nn.yaml'));
    const trained = await vscode.commands.executeCommand<TrainResult | undefined>('nnTrainer.train', file);
    assert.strictEqual(trained?.status, 'completed');

    // Another model file's editor beside, then Show Panel focuses the panel. activeTextEditor keeps
    // naming that editor, which is not what the user is looking at.
    await vscode.window.showTextDocument(workspaceFile('iris.nn.yaml'), { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('nnTrainer.showPanel', file);
    await waitFor('the focused panel', () => api.panels.panelFor(file.fsPath)?.active);
    assert.strictEqual(api.panels.activeModelFile(), file.fsPath);

    const checked = await vscode.commands.executeCommand<CheckResult | undefined>('nnTrainer.validate');
    assert.strictEqual(checked?.file, file.fsPath);
    const predicted = await vscode.commands.executeCommand<PredictResult | undefined>('nnTrainer.predict', undefined, { runDir: trained.runDir, input: '[0, 1]' });
    assert.deepStrictEqual(predicted?.predictions.map((p) => p.label), [1]);
  });
});
