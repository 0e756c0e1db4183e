import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { TrainResult } from '../../../src/shared/workerProtocol';
import type { WrittenFile } from '../../../src/host/keras/kerasCommands';
import { WALKTHROUGH } from '../../../src/host/walkthrough/walkthrough';
import { extensionApi, readSummary, waitFor, workspaceFile, writeWorkspaceFile } from './testHelpers';

/** A tutorial-style XOR script: small enough to train in a second, with two statements the import cannot translate. */
const XOR_SCRIPT = `import numpy as np
import tensorflow as tf
from tensorflow import keras

tf.random.set_seed(7)
x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
y = np.array([0, 1, 1, 0])

model = keras.Sequential()
model.add(keras.layers.Dense(8, activation="tanh", input_shape=(2,)))
model.add(keras.layers.Dense(1, activation="sigmoid"))
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.05), loss="binary_crossentropy", metrics=["accuracy"])

def plot_history(history):
    pass

history = model.fit(x, y, epochs=300, batch_size=4, verbose=0)
model.save("xor.keras")
print(model.predict(x))
`;

const FUNCTIONAL_SCRIPT = `from tensorflow import keras

inputs = keras.Input(shape=(4,))
outputs = keras.layers.Dense(3, activation="softmax")(inputs)
model = keras.Model(inputs, outputs)
`;

/** What Keras 2's `model.to_json()` writes for a small classifier. */
const MODEL_JSON = JSON.stringify({
  class_name: 'Sequential',
  config: {
    name: 'sequential',
    layers: [
      { class_name: 'InputLayer', config: { batch_input_shape: [null, 4], dtype: 'float32', sparse: false, ragged: false, name: 'dense_input' } },
      { class_name: 'Dense', config: { name: 'dense', trainable: true, dtype: 'float32', units: 16, activation: 'relu', use_bias: true } },
      { class_name: 'Dense', config: { name: 'dense_1', trainable: true, dtype: 'float32', units: 3, activation: 'softmax', use_bias: true } },
    ],
  },
  keras_version: '2.15.0',
  backend: 'tensorflow',
});

const linesOf = (text: string, needle: string) => text.split('\n').flatMap((line, i) => (line.includes(needle) ? [i] : []));
const importLenses = async (uri: vscode.Uri) =>
  ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? []).filter((lens) => lens.command?.title === 'Import as model file');
const importNotes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Neural Network');

describe('Keras scripts: import, export, model JSON and the walkthrough', () => {
  const script = workspaceFile('keras/xor_keras.py');
  const modelFile = workspaceFile('keras/xor_keras.nn.yaml');

  before(async () => {
    await extensionApi();
    writeWorkspaceFile('keras/xor_keras.py', XOR_SCRIPT);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Later suites list the workspace's model files and runs: leave them as they were.
    fs.rmSync(workspaceFile('keras').fsPath, { recursive: true, force: true });
    fs.rmSync(workspaceFile('xor.py').fsPath, { force: true });
  });

  it('a Python file has the CodeLens `Import as model file` above `Sequential(` and the first `model.add(`', async () => {
    const doc = await vscode.workspace.openTextDocument(script);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const lenses = await waitFor('the Import as model file lenses', async () => {
      const found = await importLenses(script);
      return found.length > 0 && found;
    });
    assert.deepStrictEqual(
      lenses.map((lens) => lens.range.start.line),
      [linesOf(XOR_SCRIPT, 'keras.Sequential(')[0], linesOf(XOR_SCRIPT, 'model.add(')[0]],
    );
    for (const lens of lenses) {
      assert.strictEqual(lens.command?.command, 'nnTrainer.importKerasScript');
      assert.strictEqual((lens.command?.arguments?.[0] as vscode.Uri).fsPath, script.fsPath);
    }
  });

  it('the lens writes xor_keras.nn.yaml beside the script and opens it beside the script', async () => {
    const [lens] = await importLenses(script);
    const result = await vscode.commands.executeCommand<WrittenFile | undefined>(lens.command!.command, ...(lens.command!.arguments ?? []));
    assert.ok(result, 'the import wrote nothing');
    assert.strictEqual(result.written, modelFile.fsPath);
    assert.strictEqual(result.warnings, 2);
    const text = fs.readFileSync(modelFile.fsPath, 'utf8');
    assert.match(text, /^name: xor_keras$/m);
    assert.match(text, /Dense: \{ units: 8, activation: tanh, input_shape: \[2\] \}/);
    const active = vscode.window.activeTextEditor;
    assert.strictEqual(active?.document.uri.fsPath, modelFile.fsPath, 'the model file is not the active editor');
    const scriptEditor = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === script.fsPath);
    assert.ok(scriptEditor, 'the script is no longer on screen');
    assert.strictEqual(active.viewColumn, (scriptEditor.viewColumn ?? 0) + 1, 'the model file did not open beside the script');
  });

  it('the untranslated statements are Information diagnostics on the script, refreshed on save', async () => {
    const notes = await waitFor('the import notes on the script', () => importNotes(script).length > 0 && importNotes(script));
    assert.deepStrictEqual(
      notes.map((d) => [d.range.start.line, d.severity]),
      [
        [linesOf(XOR_SCRIPT, 'def plot_history')[0], vscode.DiagnosticSeverity.Information],
        [linesOf(XOR_SCRIPT, 'model.save(')[0], vscode.DiagnosticSeverity.Information],
      ],
    );
    assert.match(notes[1].message, /model\.save/);
    // Deleting `model.save(...)` and saving takes its note away.
    const doc = await vscode.workspace.openTextDocument(script);
    const saveLine = linesOf(XOR_SCRIPT, 'model.save(')[0];
    const edit = new vscode.WorkspaceEdit();
    edit.delete(script, new vscode.Range(saveLine, 0, saveLine + 1, 0));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await doc.save();
    await waitFor('one note left after the save', () => importNotes(script).length === 1);
  });

  it('the written model file trains to 100% accuracy', async () => {
    const result = await vscode.commands.executeCommand<TrainResult | undefined>('nnTrainer.train', modelFile);
    assert.ok(result, 'Train returned no result');
    assert.strictEqual(result.status, 'completed');
    const summary = readSummary(result.runDir);
    assert.strictEqual(summary.status, 'completed');
    assert.strictEqual(summary.epochsCompleted, 300);
    assert.strictEqual(summary.evaluation?.metrics.accuracy, 1);
  });

  it('a script without a Sequential model writes nothing and says where and what is supported', async () => {
    const functional = writeWorkspaceFile('keras/functional.py', FUNCTIONAL_SCRIPT);
    // The extension and its tests share one vscode API object: the error notification can be read.
    const shown: string[] = [];
    const showErrorMessage = vscode.window.showErrorMessage;
    vscode.window.showErrorMessage = ((message: string) => {
      shown.push(message);
      return Promise.resolve(undefined);
    }) as typeof vscode.window.showErrorMessage;
    try {
      const result = await vscode.commands.executeCommand<WrittenFile | undefined>('nnTrainer.importKerasScript', functional);
      assert.strictEqual(result, undefined);
    } finally {
      vscode.window.showErrorMessage = showErrorMessage;
    }
    assert.ok(!fs.existsSync(workspaceFile('keras/functional.nn.yaml').fsPath), 'a model file was written');
    const modelLine = linesOf(FUNCTIONAL_SCRIPT, 'keras.Model(')[0] + 1;
    assert.strictEqual(shown.length, 1, `notifications: ${shown.join(' | ')}`);
    assert.match(shown[0], new RegExp(`^Import Keras Script: functional\\.py:${modelLine}:\\d+: .*Sequential`));
    assert.doesNotMatch(shown[0], /\n\s+at /, 'a stack trace');
  });

  it('a script loading load_breast_cancer() gets the shipped CSV copied beside its model file, which validates', async () => {
    const breast = writeWorkspaceFile(
      'keras/cancer.py',
      [
        'from sklearn.datasets import load_breast_cancer',
        'from sklearn.model_selection import train_test_split',
        'from tensorflow import keras',
        'data = load_breast_cancer()',
        'X_train, X_test, y_train, y_test = train_test_split(data.data, data.target, test_size=0.2)',
        "model = keras.Sequential([keras.layers.Dense(8, activation='relu', input_shape=(30,)), keras.layers.Dense(1, activation='sigmoid')])",
        "model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])",
        'model.fit(X_train, y_train, epochs=2)',
        '',
      ].join('\n'),
    );
    const result = await vscode.commands.executeCommand<WrittenFile | undefined>('nnTrainer.importKerasScript', breast);
    assert.ok(result, 'the import wrote nothing');
    const csv = workspaceFile('keras/breast-cancer.csv').fsPath;
    assert.ok(fs.existsSync(csv), 'the shipped CSV was not copied beside the model file');
    assert.match(fs.readFileSync(result.written, 'utf8'), /csv: breast-cancer\.csv/);
    // Validate reads the data too: the copied CSV must be the one the model file names, with 30 features.
    const checked = await vscode.commands.executeCommand<{ diagnostics: Array<{ severity: string; message: string }>; size?: { layers: number } }>('nnTrainer.validate', vscode.Uri.file(result.written));
    assert.ok(checked, 'Validate gave no result');
    assert.deepStrictEqual(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
    assert.strictEqual(checked.size?.layers, 2);
  });

  it('Export as Keras Script writes xor.py beside xor.nn.yaml and opens it', async () => {
    const xor = workspaceFile('xor.nn.yaml');
    const result = await vscode.commands.executeCommand<WrittenFile | undefined>('nnTrainer.exportKerasScript', xor);
    assert.ok(result, 'the export wrote nothing');
    assert.strictEqual(result.written, workspaceFile('xor.py').fsPath);
    const text = fs.readFileSync(result.written, 'utf8');
    assert.match(text, /Sequential\(/);
    assert.match(text, /\.fit\(/);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, result.written);
  });

  it('Import Keras Model JSON writes a model file of its layers', async () => {
    const json = writeWorkspaceFile('keras/classifier.json', MODEL_JSON);
    const result = await vscode.commands.executeCommand<WrittenFile | undefined>('nnTrainer.importKerasModelJson', json);
    assert.ok(result, 'the import wrote nothing');
    assert.strictEqual(result.written, workspaceFile('keras/classifier.nn.yaml').fsPath);
    const text = fs.readFileSync(result.written, 'utf8');
    assert.match(text, /units: 16, activation: relu, input_shape: \[4\]/);
    assert.match(text, /units: 3, activation: softmax/);
  });

  it('the notes leave the script when it closes', async () => {
    assert.ok(importNotes(script).length > 0, 'the script has no notes to clear');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the notes cleared', () => importNotes(script).length === 0, 60_000);
  });

  it('the getting-started walkthrough opens', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
    const tab = await waitFor('the walkthrough tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => /welcome|walkthrough|get started/i.test(t.label)));
    assert.ok(tab.label);
  });
});
