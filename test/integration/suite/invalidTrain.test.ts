import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { extensionApi, waitFor, writeWorkspaceFile } from './testHelpers';

const BROKEN = `name: broken-panel
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

/**
 * Records where the extension shows progress while `work` runs. The extension shares this API
 * object with the tests, so the wrapper sees its calls; each still goes to VS Code.
 */
async function progressLocationsDuring(work: () => Thenable<unknown>): Promise<string[]> {
  const window = vscode.window as { withProgress: typeof vscode.window.withProgress };
  const original = window.withProgress;
  const locations: string[] = [];
  window.withProgress = (options, task) => {
    locations.push(typeof options.location === 'number' ? vscode.ProgressLocation[options.location] : 'view');
    return original(options, task);
  };
  try {
    assert.notStrictEqual(vscode.window.withProgress, original, 'could not watch withProgress');
    await work();
    return locations;
  } finally {
    window.withProgress = original;
  }
}

describe('Train on an invalid model file', () => {
  it('starts nothing: no progress notification, no panel run; the open panel shows the located problems', async () => {
    const api = await extensionApi();
    const uri = writeWorkspaceFile('invalid/broken-panel.nn.yaml', BROKEN);
    await vscode.commands.executeCommand('nnTrainer.showPanel', uri);
    await waitFor('the panel snapshot', () => api.panels.lastSnapshotFor(uri.fsPath));

    const locations = await progressLocationsDuring(async () => assert.strictEqual(await vscode.commands.executeCommand('nnTrainer.train', uri), undefined));
    assert.ok(!locations.includes('Notification'), `progress shown in: ${locations}`);
    assert.ok(!fs.existsSync(path.join(path.dirname(uri.fsPath), '.nn-runs')), 'a run folder was written');

    const run = await waitFor('the problems in the panel', () => api.panels.lastSnapshotFor(uri.fsPath)?.status === 'invalid' && api.panels.lastSnapshotFor(uri.fsPath));
    assert.strictEqual(run.runDir, undefined);
    assert.strictEqual(run.backend, undefined);
    assert.deepStrictEqual(run.history, []);
    assert.strictEqual(run.problems?.length, 1);
    assert.strictEqual(run.problems[0].line, 7);
    assert.match(run.problems[0].message, /`relux` is not a valid activation/);
  });

  it('a panel opened after the attempt shows the problems too, and a fixed file brings back its runs', async () => {
    const api = await extensionApi();
    const uri = writeWorkspaceFile('invalid/broken-panel.nn.yaml', BROKEN);
    api.panels.panelFor(uri.fsPath)?.dispose();
    await vscode.commands.executeCommand('nnTrainer.showPanel', uri);
    const run = await waitFor('the snapshot of the new panel', () => api.panels.lastSnapshotFor(uri.fsPath));
    assert.strictEqual(run.status, 'invalid');
    assert.match(run.problems?.[0]?.message ?? '', /relux/);

    const editor = await vscode.window.showTextDocument(uri);
    const at = editor.document.getText().indexOf('relux');
    await editor.edit((e) => e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 5)), 'relu'));
    await editor.document.save();
    await waitFor('the panel back to the file without runs', () => api.panels.lastSnapshotFor(uri.fsPath)?.status === 'idle');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('a problem only the data shows (a CSV column that does not exist) starts no notification either', async () => {
    const uri = writeWorkspaceFile(
      'invalid/csv-column.nn.yaml',
      `name: csv-column
data:
  csv: ../breast-cancer.csv
  label: diagnosys
model:
  - Dense: { units: 1, activation: sigmoid }
compile:
  optimizer: adam
  loss: binary_crossentropy
`,
    );
    const locations = await progressLocationsDuring(() => vscode.commands.executeCommand('nnTrainer.train', uri));
    assert.ok(!locations.includes('Notification'), `progress shown in: ${locations}`);
    assert.ok(locations.includes('Window'), `progress shown in: ${locations}`);
  });
});
