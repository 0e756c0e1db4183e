import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PredictResult, TrainResult } from '../../../src/shared/workerProtocol';
import { extensionApi, waitFor, workspaceFile } from './testHelpers';

describe('What the model learned, in the panel: confusion matrix, decision boundary, Try it and made predictions', () => {
  it('after training iris the panel has a confusion matrix of the three species that counts the whole test split', async () => {
    const api = await extensionApi();
    const iris = workspaceFile('iris.nn.yaml');
    const result = await vscode.commands.executeCommand<TrainResult | undefined>('nnTrainer.train', iris);
    assert.strictEqual(result?.status, 'completed');
    // What a panel opened now is sent, read back from the run folder.
    const shown = api.panels.snapshotFor(iris.fsPath);
    const report = shown.insights?.evaluation?.report;
    assert.ok(report, 'no confusion matrix in the panel');
    assert.deepStrictEqual(report.classNames, ['setosa', 'versicolor', 'virginica']);
    const counted = report.confusion.flat().reduce((a, b) => a + b, 0);
    assert.strictEqual(counted, shown.evaluation?.samples);
    assert.strictEqual(counted, 30);
    assert.strictEqual(shown.insights?.evaluation?.gallery.length, 30);
    assert.deepStrictEqual(
      shown.insights?.inputs.features?.map((f) => f.name),
      ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'],
    );
  });

  it('Try it predicts through the worker on the run the panel shows, and the prediction stays in the panel', async () => {
    const api = await extensionApi();
    const iris = workspaceFile('iris.nn.yaml');
    api.panels.show(iris.fsPath);
    await waitFor('the iris panel to show its run', () => api.panels.lastSnapshotFor(iris.fsPath)?.runDir);
    const answer = await api.livePredictions.answer(iris.fsPath, { type: 'predict', requestId: 1, source: 'tryIt', input: [5.1, 3.5, 1.4, 0.2] });
    assert.strictEqual(answer.error, undefined);
    assert.strictEqual(answer.prediction?.label, 'setosa');
    const wrong = await api.livePredictions.answer(iris.fsPath, { type: 'predict', requestId: 2, source: 'draw', input: [1, 2] });
    assert.match(wrong.error ?? '', /input 1 has 2 values; the model takes 4/);
    const typed = await vscode.commands.executeCommand<PredictResult | undefined>('nnTrainer.predict', iris, { input: '[6.7, 3.0, 5.2, 2.3]' });
    assert.strictEqual(typed?.predictions[0].label, 'virginica');
    // A panel rebuilt (tab switch, reload) gets them back, newest first, labelled with their input.
    const made = api.panels.snapshotFor(iris.fsPath).made;
    assert.deepStrictEqual(
      made?.map((m) => [m.source, m.inputText]),
      [
        ['command', '[6.7, 3.0, 5.2, 2.3]'],
        ['tryIt', '[5.1,3.5,1.4,0.2]'],
      ],
    );
  });

  it('while XOR trains the decision boundary is drawn again at epoch ends, and the finished run keeps the last one', async () => {
    const api = await extensionApi();
    const xor = workspaceFile('xor.nn.yaml');
    const epochs = new Set<number>();
    const watch = setInterval(() => {
      const epoch = api.activeRuns.get(xor.fsPath)?.panelRun.insights?.boundary?.epoch;
      if (epoch !== undefined) epochs.add(epoch);
    }, 5);
    let result: TrainResult | undefined;
    try {
      result = await vscode.commands.executeCommand<TrainResult | undefined>('nnTrainer.train', xor);
    } finally {
      clearInterval(watch);
    }
    assert.strictEqual(result?.status, 'completed');
    assert.ok(epochs.size >= 2, `the boundary was seen at epochs ${[...epochs].join(', ')}`);
    const boundary = api.panels.snapshotFor(xor.fsPath).insights?.boundary;
    assert.ok(boundary, 'no decision boundary');
    assert.strictEqual(boundary.epoch, 300);
    assert.strictEqual(boundary.values.length, boundary.columns * boundary.rows);
    assert.ok(boundary.columns >= 64);
  });
});
