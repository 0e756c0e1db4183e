import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TrainResult } from '../../../src/shared/workerProtocol';
import type { ModelNode } from '../../../src/host/sidebar/modelsTree';
import type { RunsTreeNode } from '../../../src/host/sidebar/runsTree';
import { EXTENSION_ID, extensionApi, waitFor, workspaceFile, writeWorkspaceFile } from './testHelpers';

const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

describe('The sidebar dashboard (Neural Network: Training, Models, Runs)', () => {
  it('contributes the Neural Network container with Training, Models and Runs, in that order, and they resolve', async () => {
    const api = await extensionApi();
    const contributes = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes;
    assert.deepStrictEqual(contributes.viewsContainers.activitybar.map((c: { id: string; title: string }) => [c.id, c.title]), [['nnTrainer', 'Neural Network']]);
    assert.deepStrictEqual(contributes.views.nnTrainer.map((v: { name: string }) => v.name), ['Training', 'Models', 'Runs']);
    await vscode.commands.executeCommand('workbench.view.extension.nnTrainer');
    await vscode.commands.executeCommand('nnTrainer.models.focus');
    await waitFor('the Models view to show', () => api.sidebar.modelsView.visible);
    await vscode.commands.executeCommand('nnTrainer.runs.focus');
    await waitFor('the Runs view to show', () => api.sidebar.runsView.visible);
    await vscode.commands.executeCommand('nnTrainer.training.focus');
    await waitFor('the Training view page to say ready', () => api.sidebar.training.isReady());
  });

  it('lists every example model file with its size (MNIST MLP: 3 layers · 101,770 params)', async () => {
    const api = await extensionApi();
    const tree = api.sidebar.modelsTree;
    const items = await waitFor('every example to be checked', () => {
      const all = tree.getChildren().map((node) => tree.getTreeItem(node));
      return all.length >= 5 && all.every((item) => item.description !== 'checking…') ? all : undefined;
    }, 120_000);
    const names = items.map(labelOf);
    for (const example of ['breast-cancer.nn.yaml', 'digits.nn.yaml', 'iris.nn.yaml', 'mnist-mlp.nn.yaml', 'xor.nn.yaml']) assert.ok(names.includes(example), `${example} is not in Models: ${names.join(', ')}`);
    const mnist = items.find((item) => labelOf(item) === 'mnist-mlp.nn.yaml');
    // Its size is the description until it has a result, and always in the tooltip.
    assert.match(`${mnist?.description} ${mnist?.tooltip}`, /3 layers · 101,770 params/);
    const xor = items.find((item) => labelOf(item) === 'xor.nn.yaml');
    assert.match(`${xor?.description} ${xor?.tooltip}`, /2 layers · 65 params/);
  });

  it('shows a broken model file as invalid, with its first problem and the count', async () => {
    const api = await extensionApi();
    const broken = writeWorkspaceFile('sidebar/broken.nn.yaml', 'name: broken\ndata: { dataset: xor }\nmodel:\n  - Dense: { units: 4, activation: relux }\n  - Dense: { unitz: 1 }\ncompile: { optimizer: adam, loss: binary_crossentropy }\nfit: { epochs: 1 }\n');
    const item = await waitFor('the broken file in Models', () => {
      const node = api.sidebar.modelsTree.getChildren().find((n) => n.modelFile === broken.fsPath);
      const found = node && api.sidebar.modelsTree.getTreeItem(node);
      return found && String(found.description).includes('problem') ? found : undefined;
    }, 60_000);
    assert.match(String(item.description), /^2 problems: /);
    assert.strictEqual(item.contextValue, 'model.invalid');
    fs.rmSync(path.dirname(broken.fsPath), { recursive: true, force: true });
    await waitFor('the deleted file to leave Models', () => !api.sidebar.modelsTree.getChildren().some((n) => n.modelFile === broken.fsPath));
  });

  it('after training XOR its run appears in Runs with its accuracy, and the model shows the result', async () => {
    const api = await extensionApi();
    const xor = workspaceFile('xor.nn.yaml');
    const result = await vscode.commands.executeCommand<TrainResult | undefined>('nnTrainer.train', { kind: 'model', modelFile: xor.fsPath } satisfies ModelNode);
    assert.ok(result);
    // The list is read again when the run's final summary lands.
    const item = await waitFor('the completed run in Runs', () => {
      const run = runNodes(api.sidebar.runsTree).find((n) => n.kind === 'run' && n.run.dir === result.runDir);
      const shown = run && api.sidebar.runsTree.getTreeItem(run);
      return shown?.description === 'completed · accuracy 1.000' ? shown : undefined;
    });
    assert.match(labelOf(item), /^(today|yesterday) \d\d:\d\d:\d\d$/);
    assert.match(String(item.tooltip), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n/);
    // XOR is small enough (260 multiply-adds a batch) for auto to train it on cpu.
    assert.match(String(item.tooltip), /Backend: cpu[\s\S]*Seed: 7[\s\S]*accuracy/);
    const model = api.sidebar.modelsTree.getTreeItem({ kind: 'model', modelFile: xor.fsPath });
    assert.strictEqual(model.description, 'accuracy 1.000');
  });

  it('compares two XOR runs whose seeds differ: both curves, and seed is the only setting that differs', async () => {
    const api = await extensionApi();
    const text = fs.readFileSync(workspaceFile('xor.nn.yaml').fsPath, 'utf8').replace('epochs: 300', 'epochs: 40');
    const file = writeWorkspaceFile('compare/xor.nn.yaml', text);
    const first = await vscode.commands.executeCommand<TrainResult>('nnTrainer.train', file);
    fs.writeFileSync(file.fsPath, text.replace('seed: 7', 'seed: 8'));
    const second = await vscode.commands.executeCommand<TrainResult>('nnTrainer.train', file);
    assert.ok(first && second);
    const nodes = await waitFor('both runs in Runs', () => {
      const found = runNodes(api.sidebar.runsTree).filter((n) => n.kind === 'run' && (n.run.dir === first.runDir || n.run.dir === second.runDir));
      return found.length === 2 ? found : undefined;
    });
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('nnTrainer.compareRuns', nodes[0], nodes);
    assert.ok(panel, 'Compare Runs opened nothing');
    assert.match(panel.title, /^Compare: xor · .+ vs xor · .+$/);
    const data = api.sidebar.compare.dataOf(panel);
    assert.ok(data);
    assert.deepStrictEqual(data.runs.map((r) => r.history.length), [40, 40]);
    assert.deepStrictEqual(data.settings.filter((s) => s.differs).map((s) => s.key), ['seed']);
    assert.ok(data.metrics.some((m) => m.name === 'loss') && data.metrics.some((m) => m.name === 'accuracy'));
    panel.dispose();
  });

  it('Show in Panel shows the chosen run, not the latest, until the file trains again', async () => {
    const api = await extensionApi();
    const runs = api.sidebar.runs.all().filter((r) => r.summary?.modelFile.endsWith(path.join('compare', 'xor.nn.yaml')));
    assert.ok(runs.length >= 2, 'two runs of compare/xor');
    const older = runs[runs.length - 1];
    await vscode.commands.executeCommand('nnTrainer.showRunInPanel', { kind: 'run', run: older } satisfies RunsTreeNode);
    const modelFile = older.summary!.modelFile;
    assert.strictEqual(api.panels.lastSnapshotFor(modelFile)?.runDir, older.dir);
    assert.strictEqual(api.panels.snapshotFor(modelFile).runDir, older.dir, 'a reload of the panel shows the chosen run too');
  });

  it('Open the Examples copies the examples into the folder given', async () => {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-examples-'));
    try {
      const folder = await vscode.commands.executeCommand<vscode.Uri>('nnTrainer.openExamples', vscode.Uri.file(target), false);
      assert.strictEqual(folder?.fsPath, target);
      const copied = fs.readdirSync(target).sort();
      for (const file of ['README.md', 'breast-cancer.csv', 'mnist-mlp.nn.yaml', 'xor.nn.yaml']) assert.ok(copied.includes(file), `${file} was not copied: ${copied.join(', ')}`);
      // A folder that is not empty gets a folder of its own.
      const again = await vscode.commands.executeCommand<vscode.Uri>('nnTrainer.openExamples', vscode.Uri.file(target), false);
      assert.strictEqual(again?.fsPath, path.join(target, 'neural-network-examples'));
    } finally {
      fs.rmSync(target, { recursive: true, force: true });
    }
  });

  it('Delete Run removes the run folder; a run that is training is refused', async () => {
    const api = await extensionApi();
    const run = await waitFor('a run of compare/xor', () => api.sidebar.runs.all().find((r) => r.summary?.modelFile.endsWith(path.join('compare', 'xor.nn.yaml'))));
    const deleted = await vscode.commands.executeCommand<boolean>('nnTrainer.deleteRun', { kind: 'run', run } satisfies RunsTreeNode, true);
    assert.strictEqual(deleted, true);
    assert.ok(!fs.existsSync(run.dir), 'the run folder is still there');
    await waitFor('the run to leave Runs', () => !runNodes(api.sidebar.runsTree).some((n) => n.kind === 'run' && n.run.dir === run.dir));

    // A run that is training keeps its folder: its worker is writing there.
    const mnist = workspaceFile('mnist-mlp.nn.yaml');
    const training = vscode.commands.executeCommand<TrainResult | undefined>('nnTrainer.train', mnist);
    const runDir = await waitFor('MNIST to start', () => api.activeRuns.get(mnist.fsPath)?.panelRun.runDir, 120_000);
    const live = await waitFor('the live run in Runs', () => api.sidebar.runs.all().find((r) => r.dir === runDir), 30_000);
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('nnTrainer.deleteRun', { kind: 'run', run: live } satisfies RunsTreeNode, true), false);
    assert.ok(fs.existsSync(runDir), 'the training run folder was deleted');
    await vscode.commands.executeCommand('nnTrainer.stop', mnist);
    await training;
  });

  it('a run made by the CLI in the workspace appears in Runs without a reload', async () => {
    const api = await extensionApi();
    const text = fs.readFileSync(workspaceFile('xor.nn.yaml').fsPath, 'utf8').replace('epochs: 300', 'epochs: 5').replace('name: xor', 'name: cli-xor');
    const file = writeWorkspaceFile('cli/cli-xor.nn.yaml', text);
    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
    await new Promise<void>((resolve, reject) => execFile(process.execPath, [cli, 'train', file.fsPath, '--backend', 'cpu'], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }, (err) => (err ? reject(err) : resolve())));
    // The folder may be listed while the CLI still trains (`running`); the list catches up with its last summary.
    const completed = () =>
      runNodes(api.sidebar.runsTree).find((n) => n.kind === 'run' && n.run.summary?.name === 'cli-xor' && /^completed · accuracy/.test(String(api.sidebar.runsTree.getTreeItem(n).description)));
    await waitFor('the CLI run in Runs, completed', completed, 30_000);
  });
});

function runNodes(tree: { getChildren(node?: RunsTreeNode): RunsTreeNode[] }): RunsTreeNode[] {
  return tree.getChildren().flatMap((group) => tree.getChildren(group));
}
