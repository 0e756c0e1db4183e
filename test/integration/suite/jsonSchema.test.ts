import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi, waitFor, writeWorkspaceFile } from './testHelpers';

// *.nn.json gets the same completion and hover as *.nn.yaml from this extension's own providers (the
// schema's vocabulary, computed in the validation worker), not from a jsonValidation contribution.
describe('Completion and hover for *.nn.json', () => {
  it('completes the top-level keys of a model file', async () => {
    await extensionApi();
    const uri = writeWorkspaceFile('schema-completion.nn.json', '{\n  \n}\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const labels = await waitFor('schema completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(1, 2));
      const found = (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label).replace(/"/g, ''));
      return found.includes('model') && found;
    }, 60_000);
    for (const key of ['data', 'model', 'compile', 'fit', 'predict']) assert.ok(labels.includes(key), `no completion for ${key}: ${labels.join(', ')}`);
  });

  it('hovers a key with its description', async () => {
    const uri = writeWorkspaceFile('schema-hover.nn.json', '{\n  "seed": 1\n}\n');
    await vscode.window.showTextDocument(uri);
    const text = await waitFor('a schema hover', async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(1, 4))) ?? [];
      const joined = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return /Random seed/.test(joined) && joined;
    }, 60_000);
    assert.match(text, /reproducible/);
  });
});
