import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import type { InsightsEvent } from '../../src/shared/trainingEvents';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { readInsights } from '../../src/core/runs/insightsFile';
import { evaluateRun } from '../../src/core/session/savedRun';
import { BoundaryPainter } from '../../src/core/insights/boundaryPainter';
import { EpochInsights } from '../../src/core/insights/epochInsights';
import { decodeGrayImage } from '../../src/core/insights/grayImage';
import type { LoadedData } from '../../src/core/data/dataTypes';
import { examplesDir, tempDir } from '../helpers/tempDir';

const example = (name: string) => path.join(examplesDir, name);

test('XOR: the decision boundary is drawn at epoch ends as it trains, and ends as XOR', async () => {
  const insightEvents: InsightsEvent[] = [];
  const outcome = await trainModelFile(example('xor.nn.yaml'), { runsRoot: tempDir(), backend: 'cpu', onEvent: (e) => void (e.type === 'insights' && insightEvents.push(e)) });
  // Not at every one of the 300 epochs (that would cost more than the epochs), but several times, the last at the end.
  assert.ok(insightEvents.length >= 3, `${insightEvents.length} drawings`);
  assert.ok(insightEvents.length < 300);
  assert.equal(insightEvents[0].epoch, 1);
  assert.equal(insightEvents.at(-1)?.epoch, 300);
  const boundary = outcome.insights.boundary;
  assert.ok(boundary);
  assert.equal(boundary.kind, 'binary');
  assert.equal(boundary.columns * boundary.rows, boundary.values.length);
  assert.ok(boundary.columns >= 64 && boundary.rows >= 64);
  assert.deepEqual([boundary.x.name, boundary.y.name], ['x1', 'x2']);
  assert.ok(boundary.x.min < 0 && boundary.x.max > 1);
  assert.deepEqual(boundary.points, { x: [0, 0, 1, 1], y: [0, 1, 0, 1], target: [0, 1, 1, 0] });
  // The corners of the plane are nearest the four samples: XOR's picture.
  const at = (column: number, row: number) => boundary.values[row * boundary.columns + column];
  const last = boundary.columns - 1;
  assert.ok(at(0, 0) < 0.5 && at(last, last) < 0.5, 'class 0 at (0, 0) and (1, 1)');
  assert.ok(at(0, last) > 0.5 && at(last, 0) > 0.5, 'class 1 at (0, 1) and (1, 0)');
  assert.deepEqual(outcome.insights.inputs.features?.map((f) => [f.name, f.min, f.max]), [['x1', 0, 1], ['x2', 0, 1]]);
  assert.deepEqual(outcome.insights.weights?.layers.map((l) => [l.name, l.kernel?.shape, l.bias?.shape]), [['dense', [2, 16], [16]], ['dense_1', [16, 1], [1]]]);
  assert.deepEqual(readInsights(outcome.runDir), JSON.parse(JSON.stringify(outcome.insights)));
});

test('iris: the confusion matrix counts the whole test split, per class as scikit-learn reports it, mistakes shown first', async () => {
  const outcome = await trainModelFile(example('iris.nn.yaml'), { runsRoot: tempDir(), backend: 'cpu' });
  const evaluation = outcome.insights.evaluation;
  assert.ok(evaluation?.report);
  assert.equal(evaluation.split, 'test');
  assert.deepEqual(evaluation.report.classNames, ['setosa', 'versicolor', 'virginica']);
  const total = evaluation.report.confusion.flat().reduce((a, b) => a + b, 0);
  assert.equal(total, evaluation.samples);
  assert.equal(total, outcome.summary.evaluation?.samples);
  const right = evaluation.report.confusion.reduce((sum, row, i) => sum + row[i], 0);
  assert.equal(evaluation.report.accuracy, right / total);
  assert.ok(Math.abs(evaluation.report.accuracy - (outcome.summary.evaluation?.metrics.accuracy ?? 0)) < 1e-6, 'the same accuracy as Keras-style evaluate');
  assert.equal(evaluation.gallery.length, total);
  const wrong = evaluation.gallery.filter((s) => s.trueClass !== s.predictedClass).length;
  assert.equal(wrong, total - right);
  assert.ok(evaluation.gallery.slice(0, wrong).every((s) => s.trueClass !== s.predictedClass), 'mistakes first');
  assert.equal(evaluation.gallery[0].input?.length, 4);
  assert.equal(evaluation.gallery[0].probabilities?.length, 3);
  assert.equal(outcome.insights.boundary, undefined, 'four inputs: no plane');
  assert.deepEqual(outcome.insights.inputs.features?.map((f) => f.name), ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
  // Evaluate on the saved run gives the same matrix.
  const again = await evaluateRun(outcome.runDir, 'cpu');
  assert.deepEqual(again.insights.report?.confusion, evaluation.report.confusion);
});

test('digits: the samples are 8x8 images of the test split, the inputs an 8x8 pad with values up to 16', async () => {
  const outcome = await trainModelFile(example('digits.nn.yaml'), { runsRoot: tempDir(), backend: 'cpu', epochs: 3 });
  const { inputs, evaluation } = outcome.insights;
  assert.deepEqual(inputs.image, { width: 8, height: 8, maxValue: 16, style: 'digits' });
  assert.equal(inputs.features, undefined);
  assert.ok(evaluation);
  assert.equal(evaluation.gallery.length, 100);
  const image = evaluation.gallery[0].image;
  assert.ok(image);
  assert.equal(decodeGrayImage(image).length, 64);
  assert.ok(Math.max(...decodeGrayImage(image)) > 128, 'ink');
  assert.deepEqual(evaluation.report?.classNames, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
});

test('breast cancer: a binary model reports both classes by name', async () => {
  const outcome = await trainModelFile(example('breast-cancer.nn.yaml'), { runsRoot: tempDir(), backend: 'cpu', epochs: 2 });
  const evaluation = outcome.insights.evaluation;
  assert.equal(outcome.insights.inputs.task, 'binary');
  assert.equal(evaluation?.report?.classNames.length, 2);
  assert.equal(evaluation?.gallery[0].probabilities?.length, 2);
  assert.equal(outcome.insights.inputs.features, undefined, 'thirty features: too many for a Try it form');
});

test('a boundary of a model with known weights is its sigmoid over the plane', async () => {
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [2] })] });
  model.setWeights([tf.tensor2d([[2], [-3]]), tf.tensor1d([0.5])]);
  const data: LoadedData = {
    description: 'plane',
    featureShape: [2],
    targetShape: [1],
    targetKind: 'classIndex',
    numClasses: 2,
    isImage: false,
    train: { count: 2, features: Float32Array.from([0, 0, 1, 1]), targets: Int32Array.from([0, 1]) },
    transform: { scale: 1 },
    notes: [],
  };
  const boundary = await BoundaryPainter.for(data)?.paint(tf, model, 1);
  assert.ok(boundary);
  const cellWidth = (boundary.x.max - boundary.x.min) / boundary.columns;
  const cellHeight = (boundary.y.max - boundary.y.min) / boundary.rows;
  for (const [column, row] of [[0, 0], [10, 50], [63, 63], [32, 5]]) {
    const x = boundary.x.min + (column + 0.5) * cellWidth;
    const y = boundary.y.min + (row + 0.5) * cellHeight;
    const expected = 1 / (1 + Math.exp(-(2 * x - 3 * y + 0.5)));
    assert.ok(Math.abs(boundary.values[row * boundary.columns + column] - expected) < 1e-3, `cell ${column},${row}`);
  }
  model.dispose();
});

test('drawing the boundary and reading the weights again and again leaks no tensor', async () => {
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 8, activation: 'relu', inputShape: [2] }), tf.layers.dense({ units: 3, activation: 'softmax' })] });
  const data: LoadedData = {
    description: 'plane',
    featureShape: [2],
    targetShape: [1],
    targetKind: 'classIndex',
    numClasses: 3,
    isImage: false,
    train: { count: 3, features: Float32Array.from([0, 0, 1, 1, 2, 0]), targets: Int32Array.from([0, 1, 2]) },
    transform: { scale: 1 },
    notes: [],
  };
  let clock = 0;
  const insights = EpochInsights.for(tf, model, data, () => clock);
  await insights.atEpochEnd(1, 10);
  const before = tf.memory().numTensors;
  for (let epoch = 2; epoch <= 10; epoch++) {
    clock += 1000;
    const event = await insights.atEpochEnd(epoch, 10);
    assert.equal(event?.boundary?.kind, 'classes');
  }
  assert.equal(tf.memory().numTensors, before);
  model.dispose();
});
