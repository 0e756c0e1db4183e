import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi, waitFor, workspaceFile, writeWorkspaceFile } from './testHelpers';

const BROKEN = `name: broken
data:
  inline:
    x: [[0, 0], [0, 1], [1, 0], [1, 1]]
    y: [[0], [1], [1], [0]]
model:
  - Dense: { units: 8, activation: relux, input_shape: [2] }
  - Dense: { units: 1, activation: sigmoid }
compile:
  optimizer: adam
  loss: binary_crossentropy
fit:
  epochs: 3
`;

function errorsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'nn-trainer');
}

describe('Diagnostics of model files', () => {
  it('a broken model file gets a diagnostic at the exact range of the bad value, on open', async () => {
    await extensionApi();
    const uri = writeWorkspaceFile('broken.nn.yaml', BROKEN);
    await vscode.window.showTextDocument(uri);
    const [diagnostic] = await waitFor('a diagnostic for relux', () => {
      const found = errorsOf(uri);
      return found.length > 0 && found;
    });
    // Line 7, the `relux` value (0-based line 6, column of "relux").
    const line = BROKEN.split('\n')[6];
    assert.strictEqual(diagnostic.range.start.line, 6);
    assert.strictEqual(diagnostic.range.start.character, line.indexOf('relux'));
    assert.strictEqual(diagnostic.range.end.character, line.indexOf('relux') + 'relux'.length);
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /relux/);
    assert.match(diagnostic.message, /Did you mean `relu`/);
  });

  it('updates as the user types: fixing the value clears it, breaking another line reports that line', async () => {
    const uri = workspaceFile('broken.nn.yaml');
    const editor = await vscode.window.showTextDocument(uri);
    const doc = editor.document;
    const fixAt = doc.getText().indexOf('relux');
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(fixAt), doc.positionAt(fixAt + 5)), 'relu'));
    await waitFor('the diagnostic to clear', () => errorsOf(uri).length === 0);
    const unitsAt = doc.getText().indexOf('units: 1,');
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(unitsAt + 7), doc.positionAt(unitsAt + 8)), '-1'));
    const [diagnostic] = await waitFor('a diagnostic for units: -1', () => {
      const found = errorsOf(uri);
      return found.length > 0 && found;
    });
    assert.strictEqual(diagnostic.range.start.line, 7);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('problems found with the data (a CSV column that does not exist) show on save', async () => {
    await extensionApi();
    const uri = writeWorkspaceFile(
      'csv-column.nn.yaml',
      `name: csv-column
data:
  csv: breast-cancer.csv
  label: diagnosys
model:
  - Dense: { units: 1, activation: sigmoid }
compile:
  optimizer: adam
  loss: binary_crossentropy
`,
    );
    await vscode.window.showTextDocument(uri);
    const [diagnostic] = await waitFor('the unknown-column diagnostic', () => {
      const found = errorsOf(uri);
      return found.length > 0 && found;
    }, 60_000);
    assert.strictEqual(diagnostic.range.start.line, 3);
    assert.match(diagnostic.message, /diagnosis/, 'the message should suggest the real column');
  });

  it('Train on a broken file starts no run and writes no run folder', async () => {
    const uri = writeWorkspaceFile('broken-train.nn.yaml', BROKEN.replace('name: broken', 'name: broken-train'));
    const result = await vscode.commands.executeCommand('nnTrainer.train', uri);
    assert.strictEqual(result, undefined);
    const runs = vscode.Uri.joinPath(uri, '..', '.nn-runs', 'broken-train');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(runs)), 'a run folder was written for an invalid file');
    assert.ok(errorsOf(uri).length > 0);
  });
});
