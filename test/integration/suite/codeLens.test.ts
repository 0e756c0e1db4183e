import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi, waitFor, workspaceFile } from './testHelpers';

async function lensTitles(uri: vscode.Uri): Promise<Array<{ title: string; line: number; command: string }>> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.filter((l) => l.command).map((l) => ({ title: l.command!.title, line: l.range.start.line, command: l.command!.command }));
}

describe('CodeLens on model files', () => {
  it('shows Train, Evaluate, Predict and Show Panel above the file', async () => {
    await extensionApi();
    const uri = workspaceFile('xor.nn.yaml');
    await vscode.window.showTextDocument(uri);
    const lenses = await waitFor('the action lenses', async () => {
      const found = await lensTitles(uri);
      return found.some((l) => l.command === 'nnTrainer.train') && found;
    });
    const top = lenses.filter((l) => l.line === 0).map((l) => l.command);
    assert.deepStrictEqual(top, ['nnTrainer.train', 'nnTrainer.evaluate', 'nnTrainer.predict', 'nnTrainer.showPanel']);
  });

  it('shows the layer and parameter count above `model:` (MNIST MLP: 101,770 params)', async () => {
    await extensionApi();
    const uri = workspaceFile('mnist-mlp.nn.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const modelLine = doc.getText().split('\n').findIndex((line) => line.startsWith('model:'));
    const summary = await waitFor('the summary lens with the parameter count', async () => (await lensTitles(uri)).find((l) => l.title.includes('params')), 60_000);
    assert.strictEqual(summary.title, '3 layers · 101,770 params');
    assert.strictEqual(summary.line, modelLine);
  });

  it('gives no lenses to other YAML files', async () => {
    const uri = workspaceFile('not-a-model.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('model: []\n'));
    await vscode.window.showTextDocument(uri);
    assert.deepStrictEqual(await lensTitles(uri), []);
  });
});
