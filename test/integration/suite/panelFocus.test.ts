import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CheckResult, PredictResult, TrainResult } from '../../../src/shared/workerProtocol';
import { extensionApi, waitFor, workspaceFile, writeWorkspaceFile } from './testHelpers';

// A few epochs are enough: the test is about which file the commands pick, not about the model.
const QUICK_XOR = `name: focused
data: { dataset: xor }
model:
  - Dense: { units: 4, activation: tanh, input_shape: [2] }
  - Dense: { units: 1, activation: sigmoid }
compile: { optimizer: adam, loss: binary_crossentropy, metrics: [accuracy] }
fit: { epochs: 3, batch_size: 4 }
`;

describe('Commands from the palette while a training panel has focus', () => {
  // Before, the workspace's model files were offered in a quick pick: close it if one is left open.
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeQuickOpen'));

  it("act on the panel's model file (Validate, Predict), not on one the user must pick", async () => {
    const api = await extensionApi();
    const file = writeWorkspaceFile('focus/focused.nn.yaml', QUICK_XOR);
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
    assert.strictEqual(predicted?.runDir, trained.runDir);
    assert.strictEqual(predicted.predictions.length, 1);
  });
});
