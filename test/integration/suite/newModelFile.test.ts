import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TrainResult } from '../../../src/shared/workerProtocol';
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

describe('New Model File names and columns', () => {
  // What the save dialog returns for what a user typed: its `nn.yaml` filter appends `.nn.yaml`
  // (or keeps a `.yaml` the default name left selected) to whatever is typed.
  const returned: Array<[string, string]> = [
    ['named/xor.nn.yaml.nn.yaml', 'xor'],
    ['named/my-mnist.yaml.nn.yaml', 'my-mnist'],
    ['named/flowers.nn.yaml.nn.yaml', 'flowers'],
    ['named/plain', 'plain'],
  ];
  for (const [target, stem] of returned) {
    it(`${target} becomes named/${stem}.nn.yaml with name ${stem}, panel and runs folder of that name`, async function () {
      const api = await extensionApi();
      const created = await vscode.commands.executeCommand<vscode.Uri>('nnTrainer.newModelFile', 'xor', workspaceFile(target));
      assert.strictEqual(created?.fsPath, workspaceFile(`named/${stem}.nn.yaml`).fsPath);
      assert.ok(!fs.existsSync(workspaceFile(target).fsPath) || target.endsWith(`${stem}.nn.yaml`), `${target} was written`);
      assert.match(fs.readFileSync(created.fsPath, 'utf8'), new RegExp(`^name: ${stem}$`, 'm'));
      await vscode.commands.executeCommand('nnTrainer.showPanel', created);
      assert.strictEqual(api.panels.panelFor(created.fsPath)?.title, `Training: ${stem}`);
      if (stem === 'flowers') {
        this.timeout(60_000);
        const result = await vscode.commands.executeCommand<TrainResult | undefined>('nnTrainer.train', created);
        assert.strictEqual(path.basename(path.dirname(result?.runDir ?? '')), stem);
      }
    });
  }

  it('offers a default name that no model file of the folder has (xor-2.nn.yaml beside xor.nn.yaml)', async function () {
    await extensionApi();
    const window = vscode.window as { showSaveDialog: typeof vscode.window.showSaveDialog };
    const original = window.showSaveDialog;
    let offered: vscode.Uri | undefined;
    // The extension shares this API object, so the stub stands in for the dialog: accept its default.
    window.showSaveDialog = async (options) => (offered = options?.defaultUri);
    try {
      if (vscode.window.showSaveDialog === original) this.skip();
      const created = await vscode.commands.executeCommand<vscode.Uri>('nnTrainer.newModelFile', 'xor');
      assert.strictEqual(path.basename(offered?.fsPath ?? ''), 'xor-2.nn.yaml');
      assert.strictEqual(created?.fsPath, workspaceFile('xor-2.nn.yaml').fsPath);
      assert.match(fs.readFileSync(created.fsPath, 'utf8'), /^name: xor-2$/m);
      assert.match(fs.readFileSync(workspaceFile('xor.nn.yaml').fsPath, 'utf8'), /^name: xor$/m);
    } finally {
      window.showSaveDialog = original;
    }
  });

  it('three new files with their panels add no column: the editors stay in one, the panels in another', async () => {
    const api = await extensionApi();
    // Earlier tests leave an editor column and a panel column (other tests still need their editors).
    const columnsBefore = vscode.window.tabGroups.all.length;
    const files: vscode.Uri[] = [];
    for (const name of ['first', 'second', 'third']) {
      const created = await vscode.commands.executeCommand<vscode.Uri>('nnTrainer.newModelFile', 'xor', workspaceFile(`columns/${name}.nn.yaml`));
      files.push(created);
      // Show Panel takes the focus, so the next file is created while a panel is the active editor.
      await vscode.commands.executeCommand('nnTrainer.showPanel', created);
      await waitFor(`the panel of ${name}`, () => api.panels.panelFor(created.fsPath)?.visible);
    }
    const columns = vscode.window.tabGroups.all.map((group) => group.tabs.map((tab) => tab.label));
    assert.ok(columns.length <= Math.max(2, columnsBefore), JSON.stringify(columns));
    const panelColumns = new Set(files.map((f) => api.panels.panelFor(f.fsPath)?.viewColumn));
    assert.strictEqual(panelColumns.size, 1, `the panels are in columns ${[...panelColumns]}`);
    const editorColumns = new Set(files.map((f) => vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.fsPath === f.fsPath))?.viewColumn));
    assert.strictEqual(editorColumns.size, 1, `the editors are in columns ${[...editorColumns]}`);
    assert.ok(!panelColumns.has([...editorColumns][0]), 'an editor shares the panels column');
  });
});
