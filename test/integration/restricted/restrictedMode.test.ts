import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { NOT_CHECKED_RESTRICTED } from '../../../src/host/sidebar/modelsTree';
import { TRUST_REQUEST } from '../../vscodeServer/workspaceTrust';
import { EXTENSION_ID, extensionApi, waitFor, workspaceFile, writeWorkspaceFile } from '../suite/testHelpers';
import { RESTRICTED_WORKSPACE_SETTINGS } from './restrictedWorkspace';

/**
 * In a real VS Code whose workspace is not trusted (runIntegrationTests starts code-server with
 * Workspace Trust on and trains two XOR runs into the workspace first): what works, what is refused
 * and says why, and what starts once the user trusts the workspace. The tests run in order.
 */
const CSV_COLUMN = `name: csv-column
data:
  csv: breast-cancer.csv
  label: diagnosys
model:
  - Dense: { units: 1, activation: sigmoid }
compile:
  optimizer: adam
  loss: binary_crossentropy
`;

const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
const errorsOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'nn-trainer');
const xorRuns = () => fs.readdirSync(workspaceFile('.nn-runs/xor').fsPath).sort();

describe('Restricted Mode (an untrusted workspace)', () => {
  it('the workspace is untrusted and the extension runs in it, declaring limited support', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the runner should have opened the workspace in Restricted Mode');
    await extensionApi();
    const capabilities = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.capabilities;
    assert.strictEqual(capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepStrictEqual(capabilities.untrustedWorkspaces.restrictedConfigurations, ['nnTrainer.runsFolder', 'nnTrainer.backend']);
  });

  it('ignores the workspace values of the restricted settings (runsFolder, backend)', () => {
    const config = vscode.workspace.getConfiguration('nnTrainer');
    assert.strictEqual(config.get('runsFolder'), '', `the workspace sets ${RESTRICTED_WORKSPACE_SETTINGS['nnTrainer.runsFolder']}`);
    assert.strictEqual(config.get('backend'), 'auto');
  });

  it('shows syntax and schema problems as the user types, and the size CodeLens', async () => {
    const api = await extensionApi();
    const broken = writeWorkspaceFile('broken.nn.yaml', 'name: broken\ndata: { dataset: xor }\nmodel:\n  - Dense: { units: 4, activation: relux }\n  - Dense: { units: 1 }\ncompile: { optimizer: adam, loss: binary_crossentropy }\n');
    await vscode.window.showTextDocument(broken);
    const [problem] = await waitFor('the relux diagnostic', () => errorsOf(broken).length > 0 && errorsOf(broken));
    assert.match(problem.message, /relux/);

    const xor = workspaceFile('xor.nn.yaml');
    await vscode.window.showTextDocument(xor);
    await waitFor('the layer count of xor', () => api.diagnostics.sizeOf(xor));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', xor);
    const titles = lenses.map((lens) => lens.command?.title ?? '');
    assert.ok(titles.includes('$(play) Train'), `lenses: ${titles.join(' | ')}`);
    // The parameter count needs the data's shapes, from a check: none in Restricted Mode.
    assert.ok(titles.includes('2 layers'), `lenses: ${titles.join(' | ')}`);
  });

  it('does not check a file with its data on open (the check reads the CSV)', async () => {
    const api = await extensionApi();
    const uri = writeWorkspaceFile('csv-column.nn.yaml', CSV_COLUMN);
    await vscode.window.showTextDocument(uri);
    await waitFor('the parse of csv-column', () => api.diagnostics.hasResultFor(uri));
    // A check would report the unknown column within a second or two of the parse.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    assert.deepStrictEqual(errorsOf(uri).map((d) => d.message), []);
  });

  it('Train, Evaluate, Predict, Validate, Delete Run and Open the Examples do not run, and say why', async () => {
    const api = await extensionApi();
    const xor = workspaceFile('xor.nn.yaml');
    const runsBefore = xorRuns();
    const [runDir] = runsBefore.map((name) => workspaceFile(`.nn-runs/xor/${name}`).fsPath);
    const examplesTarget = path.join(os.tmpdir(), `nn-restricted-examples-${process.pid}`);
    const refused = api.trust.refusals().length;

    assert.strictEqual(await vscode.commands.executeCommand('nnTrainer.train', xor), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('nnTrainer.evaluate', xor, runDir), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('nnTrainer.predict', xor, { runDir, input: '[[0, 1]]' }), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('nnTrainer.validate', xor), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('nnTrainer.deleteRun', runDir, true), false);
    assert.strictEqual(await vscode.commands.executeCommand('nnTrainer.openExamples', vscode.Uri.file(examplesTarget), false), undefined);

    const messages = api.trust.refusals().slice(refused);
    assert.deepStrictEqual(
      messages.map((m) => /^Neural Network Trainer: (.+?) is disabled in Restricted Mode: it .+\. Trust the workspace to .+\.$/.exec(m)?.[1]),
      ['Train', 'Evaluate', 'Predict', 'Validate', 'Delete Run', 'Open the Examples'],
    );
    assert.match(messages[0], /reads the data the model file names and writes a run folder\. Trust the workspace to train\.$/);
    assert.deepStrictEqual(xorRuns(), runsBefore, 'a run folder was written or deleted');
    assert.ok(!fs.existsSync(examplesTarget), 'the examples were copied');
  });

  it('Import Keras Script, Export as Keras Script and Import Keras Model JSON do not run, and say why; the Python lens shows', async () => {
    const api = await extensionApi();
    const script = writeWorkspaceFile('restricted_keras.py', 'from tensorflow import keras\nmodel = keras.Sequential([keras.layers.Dense(1, input_shape=(2,))])\n');
    const json = writeWorkspaceFile('restricted_model.json', '{"class_name": "Sequential", "config": {"layers": []}}');
    await vscode.window.showTextDocument(script);
    // The lens comes from the editor's text alone, like a model file's.
    await waitFor('the Import as model file lens', async () =>
      ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', script)) ?? []).some((lens) => lens.command?.title === 'Import as model file'),
    );
    const refused = api.trust.refusals().length;
    assert.strictEqual(await vscode.commands.executeCommand('nnTrainer.importKerasScript', script), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('nnTrainer.exportKerasScript', workspaceFile('xor.nn.yaml')), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('nnTrainer.importKerasModelJson', json), undefined);
    assert.deepStrictEqual(
      api.trust.refusals().slice(refused).map((m) => /^Neural Network Trainer: (.+?) is disabled in Restricted Mode: it .+\. Trust the workspace to .+\.$/.exec(m)?.[1]),
      ['Import Keras Script', 'Export as Keras Script', 'Import Keras Model JSON'],
    );
    for (const name of ['restricted_keras.nn.yaml', 'xor.py', 'restricted_model.nn.yaml']) assert.ok(!fs.existsSync(workspaceFile(name).fsPath), `${name} was written`);
  });

  it('the panel shows the existing run; its buttons and Try it say why they do not run', async () => {
    const api = await extensionApi();
    const xor = workspaceFile('xor.nn.yaml').fsPath;
    await vscode.commands.executeCommand('nnTrainer.showPanel', vscode.Uri.file(xor));
    const run = await waitFor('the panel to show the newest run', () => {
      const shown = api.panels.lastSnapshotFor(xor);
      return shown?.runDir ? shown : undefined;
    });
    assert.strictEqual(run.status, 'completed');
    assert.ok(run.history.length > 0, 'the panel shows no epochs of the run');

    const refused = api.trust.refusals().length;
    // The page's Train button: the same command, the same message.
    api.panels.receive(xor, { type: 'command', command: 'train' });
    await waitFor('the refusal of the panel Train', () => api.trust.refusals().length > refused);
    assert.match(api.trust.refusals()[refused], /^Neural Network Trainer: Train is disabled in Restricted Mode/);

    // Try it would load the run's saved model: it answers why not instead.
    const answer = await api.livePredictions.answer(xor, { type: 'predict', requestId: 1, source: 'tryIt', input: [0, 1] });
    assert.strictEqual(answer.prediction, undefined);
    assert.match(answer.error ?? '', /^Neural Network Trainer: Predict is disabled in Restricted Mode: it loads the run's saved model/);
  });

  it('the Runs view lists the existing runs, and Compare Runs shows them', async () => {
    const api = await extensionApi();
    await api.sidebar.runs.refresh();
    const dirs = xorRuns().map((name) => workspaceFile(`.nn-runs/xor/${name}`).fsPath);
    const listed = api.sidebar.runs.all().map((r) => r.dir);
    for (const dir of dirs) assert.ok(listed.includes(dir), `${dir} is not in Runs: ${listed.join(', ')}`);
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('nnTrainer.compareRuns', undefined, dirs);
    assert.ok(panel, 'Compare Runs opened nothing');
    assert.strictEqual(api.sidebar.compare.dataOf(panel)?.runs.length, dirs.length);
  });

  it('the Models view says which files wait for trust to be checked with their data', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('workbench.view.extension.nnTrainer');
    await vscode.commands.executeCommand('nnTrainer.models.focus');
    await waitFor('the Models view to show', () => api.sidebar.modelsView.visible);
    await api.sidebar.models.whenLoaded();
    const tree = api.sidebar.modelsTree;
    const iris = tree.getChildren().find((node) => node.modelFile.endsWith(`${path.sep}iris.nn.yaml`));
    assert.ok(iris, 'iris.nn.yaml is not in Models');
    assert.strictEqual(tree.getTreeItem(iris).description, NOT_CHECKED_RESTRICTED);
  });

  it('once the user trusts the workspace, the held-back checks run without a reload', async () => {
    const api = await extensionApi();
    const granted = new Promise<void>((resolve) => vscode.workspace.onDidGrantWorkspaceTrust(() => resolve()));
    // What the refusals' `Manage Workspace Trust` button runs; the runner clicks `Trust` in it.
    await vscode.commands.executeCommand('workbench.trust.manage');
    console.log(TRUST_REQUEST);
    await Promise.race([granted, new Promise((_, reject) => setTimeout(() => reject(new Error('the workspace was not trusted within 60 s')), 60_000))]);
    assert.strictEqual(vscode.workspace.isTrusted, true);

    // The open file's check with its data, held back on open, runs now.
    const csv = workspaceFile('csv-column.nn.yaml');
    const [problem] = await waitFor('the unknown-column diagnostic', () => errorsOf(csv).length > 0 && errorsOf(csv), 90_000);
    assert.match(problem.message, /diagnosis/);
    // The Models view's background checks start too.
    const tree = api.sidebar.modelsTree;
    const labelled = await waitFor('iris to be checked', () => {
      const node = tree.getChildren().find((n) => n.modelFile.endsWith(`${path.sep}iris.nn.yaml`));
      const item = node && tree.getTreeItem(node);
      return item && item.description !== NOT_CHECKED_RESTRICTED && item.description !== 'checking…' && item;
    }, 90_000);
    assert.match(`${labelOf(labelled)} ${labelled.description}`, /iris\.nn\.yaml .*layers/);
    // And the workspace's restricted settings apply.
    await waitFor('the workspace runsFolder to apply', () => vscode.workspace.getConfiguration('nnTrainer').get('runsFolder') === RESTRICTED_WORKSPACE_SETTINGS['nnTrainer.runsFolder']);
  });
});
