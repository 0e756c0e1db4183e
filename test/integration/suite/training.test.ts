import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { EvaluateResult, PredictResult, TrainResult } from '../../../src/shared/workerProtocol';
import { extensionApi, readSummary, waitFor, workspaceFile } from './testHelpers';

describe('Train, Evaluate and Predict on examples/xor.nn.yaml', () => {
  const xor = workspaceFile('xor.nn.yaml');
  let trained: TrainResult;

  it('Train Model finishes with a run folder whose summary says 100% accuracy, and opens the panel', async () => {
    const api = await extensionApi();
    await vscode.window.showTextDocument(xor);
    const result = await vscode.commands.executeCommand<TrainResult | undefined>('nnTrainer.train', xor);
    assert.ok(result, 'Train returned no result');
    trained = result;
    assert.strictEqual(result.status, 'completed');
    assert.ok(result.runDir.startsWith(path.join(path.dirname(xor.fsPath), '.nn-runs', 'xor')), result.runDir);
    const summary = readSummary(result.runDir);
    assert.strictEqual(summary.status, 'completed');
    assert.strictEqual(summary.evaluation?.metrics.accuracy, 1);
    for (const file of ['model.json', 'weights.bin', 'history.jsonl', 'xor.nn.yaml']) assert.ok(fs.existsSync(path.join(result.runDir, file)), `${file} is missing`);
    assert.ok(api.panels.isOpen(xor.fsPath), 'the training panel did not open');
    assert.strictEqual(api.panels.panelFor(xor.fsPath)?.title, 'Training: xor');
  });

  it('Evaluate Model uses the latest run and reports its test metrics', async () => {
    const result = await vscode.commands.executeCommand<EvaluateResult | undefined>('nnTrainer.evaluate', xor);
    assert.ok(result, 'Evaluate returned no result');
    assert.strictEqual(result.runDir, trained.runDir);
    assert.strictEqual(result.evaluation.metrics.accuracy, 1);
  });

  it('Predict answers for inputs the user types', async () => {
    const result = await vscode.commands.executeCommand<PredictResult | undefined>('nnTrainer.predict', xor, { input: '[[0, 1], [1, 1]]' });
    assert.ok(result, 'Predict returned no result');
    assert.deepStrictEqual(result.predictions.map((p) => p.label), [1, 0]);
  });

  it('Predict with an empty input runs the file\'s predict section', async () => {
    const result = await vscode.commands.executeCommand<PredictResult | undefined>('nnTrainer.predict', xor, { input: '' });
    assert.ok(result);
    assert.deepStrictEqual(result.predictions.map((p) => p.input), [[0, 0], [0, 1], [1, 0], [1, 1]]);
    assert.deepStrictEqual(result.predictions.map((p) => p.label), [0, 1, 1, 0]);
  });

  it('the runs folder setting moves new runs', async () => {
    const config = vscode.workspace.getConfiguration('nnTrainer');
    await config.update('runsFolder', 'custom-runs', vscode.ConfigurationTarget.Workspace);
    try {
      const result = await vscode.commands.executeCommand<TrainResult | undefined>('nnTrainer.train', xor);
      assert.ok(result);
      const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
      assert.ok(result.runDir.startsWith(path.join(folder, 'custom-runs', 'xor')), result.runDir);
      // Evaluate finds runs where the setting puts them.
      const evaluated = await vscode.commands.executeCommand<EvaluateResult | undefined>('nnTrainer.evaluate', xor);
      assert.strictEqual(evaluated?.runDir, result.runDir);
    } finally {
      await config.update('runsFolder', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('the backend and open-panel settings apply to the next run', async () => {
    const api = await extensionApi();
    api.panels.panelFor(xor.fsPath)?.dispose();
    const config = vscode.workspace.getConfiguration('nnTrainer');
    await config.update('backend', 'cpu', vscode.ConfigurationTarget.Workspace);
    await config.update('openPanelOnTrain', false, vscode.ConfigurationTarget.Workspace);
    try {
      const result = await vscode.commands.executeCommand<TrainResult | undefined>('nnTrainer.train', xor);
      assert.ok(result);
      assert.strictEqual(readSummary(result.runDir).backend, 'cpu');
      assert.strictEqual(api.panels.isOpen(xor.fsPath), false, 'the panel opened although openPanelOnTrain is off');
    } finally {
      await config.update('backend', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('openPanelOnTrain', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('runs of different files train side by side', async () => {
    const api = await extensionApi();
    const iris = workspaceFile('iris.nn.yaml');
    const both = Promise.all([
      vscode.commands.executeCommand<TrainResult | undefined>('nnTrainer.train', xor),
      vscode.commands.executeCommand<TrainResult | undefined>('nnTrainer.train', iris),
    ]);
    await waitFor('both runs to be active at once', () => api.activeRuns.all().length === 2);
    const [a, b] = await both;
    assert.strictEqual(a?.status, 'completed');
    assert.strictEqual(b?.status, 'completed');
  });
});
