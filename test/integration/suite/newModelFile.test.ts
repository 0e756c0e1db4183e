import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi, waitFor, workspaceFile } from './testHelpers';

describe('New Model File', () => {
  for (const template of ['xor', 'mnist-mlp', 'iris']) {
    it(`creates a valid ${template} model file from its template and opens it`, async () => {
      await extensionApi();
      const target = workspaceFile(`new/${template}-copy.nn.yaml`);
      const created = await vscode.commands.executeCommand<vscode.Uri>('nnTrainer.newModelFile', template, target);
      assert.strictEqual(created?.fsPath, target.fsPath);
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, target.fsPath);
      const result = await vscode.commands.executeCommand<{ diagnostics: unknown[]; size?: { layers: number } }>('nnTrainer.validate', target);
      assert.deepStrictEqual(result?.diagnostics, []);
      assert.ok(result?.size && result.size.layers >= 2);
    });
  }

  it('the CSV template reads the CSV beside it', async () => {
    const target = workspaceFile('csv-template.nn.yaml');
    await vscode.commands.executeCommand('nnTrainer.newModelFile', 'csv-classification', target);
    const text = (await vscode.workspace.openTextDocument(target)).getText();
    assert.match(text, /csv: breast-cancer\.csv/);
    await waitFor('the check of the new file', async () => {
      const result = await vscode.commands.executeCommand<{ diagnostics: unknown[] }>('nnTrainer.validate', target);
      return result?.diagnostics.length === 0;
    });
  });
});
