/** `loss: { ...: { from_logits: true } }`: a linear last layer trains, is measured and predicts as Keras'. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { parseModelText } from '../../src/core/modelFile';
import { formatDiagnostic } from '../../src/core/diagnostics';
import { checkModelFile } from '../../src/core/session/checkModelFile';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { evaluateRun, predictRunSamples } from '../../src/core/session/savedRun';
import { predictFromRun } from '../../src/core/session/predictFromRun';
import { readInsights } from '../../src/core/runs/insightsFile';
import { logitsLoss } from '../../src/core/model/logits';
import { metricFunction } from '../../src/core/model/metricFunctions';
import type { Tf } from '../../src/core/backend/tfTypes';
import { tempDir, writeModelFile } from '../helpers/tempDir';

// The TensorFlow quickstart, as its script writes it: Dense(10) with no activation and a logits loss.
const QUICKSTART = `name: quickstart
seed: 1
data:
  dataset: mnist
  scale: 255
  limit: 4000
model:
  - Flatten: { input_shape: [28, 28] }
  - Dense: { units: 128, activation: relu }
  - Dropout: { rate: 0.2 }
  - Dense: { units: 10 }
compile:
  optimizer: adam
  loss: { sparse_categorical_crossentropy: { from_logits: true } }
  metrics: [accuracy]
fit:
  epochs: 2
predict:
  samples: 12
`;

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function assertProbabilities(values: readonly number[], what: string): void {
  assert.ok(values.every((p) => p >= 0 && p <= 1), `${what}: ${values.join(', ')} are not probabilities`);
  assert.ok(Math.abs(sum(values) - 1) < 1e-4, `${what}: they sum to ${sum(values)}`);
}

test('from_logits normalizes to fromLogits; false, absent, and the tfjs spelling as expected', () => {
  const lossOf = (loss: string) => {
    const parsed = parseModelText(QUICKSTART.replace(/ {2}loss: .*/, `  loss: ${loss}`), 'q.nn.yaml');
    assert.deepEqual(parsed.diagnostics.map(formatDiagnostic), []);
    return parsed.spec?.compile;
  };
  assert.deepEqual([lossOf('{ sparse_categorical_crossentropy: { from_logits: true } }')].map((c) => [c?.loss, c?.fromLogits]), [['sparseCategoricalCrossentropy', true]]);
  assert.equal(lossOf('{ sparse_categorical_crossentropy: { from_logits: false } }')?.fromLogits, undefined);
  assert.equal(lossOf('sparse_categorical_crossentropy')?.fromLogits, undefined);
  assert.equal(lossOf('{ categoricalCrossentropy: { fromLogits: true } }')?.fromLogits, true);
  assert.equal(lossOf('{ binary_crossentropy: { from_logits: true } }')?.loss, 'binaryCrossentropy');
});

test('a loss in the options form says what is wrong, where and what is valid', () => {
  const messages = (loss: string) => parseModelText(QUICKSTART.replace(/ {2}loss: .*/, `  loss: ${loss}`), 'q.nn.yaml').diagnostics.map(formatDiagnostic);
  assert.deepEqual(messages('{ sparse_categorical_crossentropy: { from_logit: true } }'), [
    'q.nn.yaml:14:46: error: unknown key `from_logit` in sparse_categorical_crossentropy. Did you mean `from_logits`? Valid keys are: from_logits.',
  ]);
  assert.deepEqual(messages('{ mse: { from_logits: true } }'), [
    'q.nn.yaml:14:11: error: `mse` takes no options: write it as a plain name, `mse`. Only `binary_crossentropy`, `categorical_crossentropy` and `sparse_categorical_crossentropy` take options',
  ]);
  assert.match(messages('{ sparse_categorical_crossentropy: { from_logits: 1 } }').join('\n'), /:14:59: error: expected true or false for from_logits, got 1/);
});

test('from_logits after a softmax is a warning at that activation, saying what to remove', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'q.nn.yaml', QUICKSTART.replace('  - Dense: { units: 10 }', '  - Dense: { units: 10, activation: softmax }').replace('limit: 4000', 'limit: 20'));
  const diagnostics = await checkModelFile(file);
  assert.equal(diagnostics.length, 1, diagnostics.map(formatDiagnostic).join('\n'));
  assert.equal(diagnostics[0].severity, 'warning');
  assert.equal(diagnostics[0].range.start.line, 11);
  assert.match(diagnostics[0].message, /^from_logits: true, but the last layer \(Dense\) ends in softmax: .* Remove `activation: softmax` from the last layer/);
});

test('the logits losses are the crossentropy of softmax and sigmoid, and stay exact where probabilities round to 0', () => {
  const t = tf as unknown as Tf;
  const value = (loss: string, yTrue: number[][], logits: number[][]) => Array.from(logitsLoss(t, loss)(tf.tensor2d(yTrue), tf.tensor2d(logits)).dataSync());
  const close = (actual: number[], expected: number[]) => actual.forEach((a, i) => assert.ok(Math.abs(a - expected[i]) < 1e-4 * Math.max(1, Math.abs(expected[i])), `${actual} vs ${expected}`));
  // -log(softmax([1, 2, 3])[2]) and -log(softmax([0, 0, 0])[0])
  close(value('sparseCategoricalCrossentropy', [[2], [0]], [[1, 2, 3], [0, 0, 0]]), [Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3, Math.log(3)]);
  close(value('categoricalCrossentropy', [[0, 0, 1]], [[1, 2, 3]]), [Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3]);
  close(value('binaryCrossentropy', [[1], [0]], [[2], [2]]), [Math.log1p(Math.exp(-2)), 2 + Math.log1p(Math.exp(-2))]);
  // A probability of e^-1000 is 0 in float32; on logits the loss is still exactly 1000.
  close(value('sparseCategoricalCrossentropy', [[1]], [[1000, 0]]), [1000]);
  close(value('binaryCrossentropy', [[1]], [[-1000]]), [1000]);
});

test('binary accuracy of a logits model thresholds the probability at 0.5, not the logit', () => {
  const t = tf as unknown as Tf;
  const accuracy = metricFunction(t, { label: 'accuracy', tfjsName: 'binaryAccuracy' }, 'sigmoid');
  // The logit 0.2 is a probability of 0.55: class 1, right; read as a probability it would be class 0.
  assert.equal(accuracy(tf.tensor2d([[1], [0]]), tf.tensor2d([[0.2], [-0.2]])).dataSync()[0], 1);
  assert.equal(accuracy.name, 'binaryAccuracy', 'the log key tfjs takes from the function name');
  const precision = metricFunction(t, { label: 'precision', tfjsName: 'precision' }, 'sigmoid');
  assert.equal(precision(tf.tensor2d([[1], [0]]), tf.tensor2d([[0.2], [-0.2]])).dataSync()[0], 1);
});

test('the TensorFlow quickstart with from_logits trains to a high accuracy, and every reading of its outputs gets probabilities', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'quickstart.nn.yaml', QUICKSTART);
  const { summary, runDir } = await trainModelFile(file, { runsRoot: path.join(dir, 'runs') });
  assert.equal(summary.status, 'completed');
  const accuracy = summary.evaluation?.metrics.accuracy ?? 0;
  assert.ok(accuracy > 0.85, `test accuracy ${accuracy}`);
  assert.ok(summary.evaluation!.metrics.loss < 0.6, `test loss ${summary.evaluation!.metrics.loss}`);

  // The predict: section, written into summary.json.
  const predictions = summary.predictions ?? [];
  assert.equal(predictions.length, 12);
  predictions.forEach((p, i) => assertProbabilities(p.output, `prediction ${i}`));
  assert.ok(predictions.filter((p) => p.label === p.expected).length >= 9);

  // The panel's confusion matrix and prediction cards come from insights.json.
  const gallery = readInsights(runDir)?.evaluation?.gallery ?? [];
  assert.ok(gallery.length > 0);
  gallery.forEach((g, i) => assertProbabilities(g.probabilities ?? [], `gallery sample ${i}`));
  const report = readInsights(runDir)?.evaluation?.report;
  assert.ok(report && Math.abs(report.accuracy - accuracy) < 0.002, `the report's accuracy ${report?.accuracy} is the evaluation's ${accuracy}`);

  // The saved run: `nn-trainer predict`, the extension's Predict and the draw-a-digit pad read it.
  const blank = Array.from({ length: 28 }, () => new Array<number>(28).fill(0));
  const [drawn] = await predictFromRun(runDir, blank);
  assertProbabilities(drawn.output, 'a prediction from the saved run');
  const samples = await predictRunSamples(runDir);
  samples.predictions.forEach((p, i) => assertProbabilities(p.output, `saved run sample ${i}`));
  assert.deepEqual(samples.predictions.map((p) => p.label), predictions.map((p) => p.label));

  // Evaluate later measures the same as at the end of training.
  const { evaluation } = await evaluateRun(runDir);
  for (const [name, value] of Object.entries(summary.evaluation!.metrics)) assert.ok(Math.abs(evaluation.metrics[name] - value) < 1e-4, `${name}: ${evaluation.metrics[name]} vs ${value}`);
});

test('a binary classifier with a linear output and binary_crossentropy from_logits predicts probabilities', async () => {
  const dir = tempDir();
  const x = Array.from({ length: 40 }, (_, i) => [i / 10 - 2, (i % 7) / 7]);
  const y = x.map(([a]) => (a > 0 ? 1 : 0));
  // One batch: tfjs averages precision and recall over batches, and a batch of only 0s has precision 0.
  const file = writeModelFile(
    dir,
    'line.nn.yaml',
    `seed: 2\ndata:\n  inline: { x: ${JSON.stringify(x)}, y: ${JSON.stringify(y)} }\nmodel:\n  - Dense: { units: 1, input_shape: [2] }\ncompile:\n  optimizer: { adam: { learning_rate: 0.1 } }\n  loss: { binary_crossentropy: { from_logits: true } }\n  metrics: [accuracy, precision, recall]\nfit:\n  epochs: 100\n  batch_size: 40\npredict:\n  inputs: [[-1.5, 0.5], [1.5, 0.5]]\n`,
  );
  const { summary, runDir } = await trainModelFile(file, { backend: 'cpu', runsRoot: path.join(dir, 'runs') });
  assert.equal(summary.status, 'completed');
  // The decision boundary the panel draws is P(class 1) over the plane, not the logit.
  const boundary = readInsights(runDir)?.boundary;
  assert.equal(boundary?.kind, 'binary');
  const plane = boundary?.values ?? [];
  assert.ok(plane.length > 0 && plane.every((p) => p >= 0 && p <= 1), 'boundary values are probabilities');
  assert.ok(plane.some((p) => p < 0.1) && plane.some((p) => p > 0.9), 'and both classes show');
  assert.ok((summary.evaluation?.metrics.accuracy ?? 0) >= 0.95, `accuracy ${summary.evaluation?.metrics.accuracy}`);
  assert.ok((summary.evaluation?.metrics.precision ?? 0) >= 0.9 && (summary.evaluation?.metrics.recall ?? 0) >= 0.9, JSON.stringify(summary.evaluation));
  const [negative, positive] = summary.predictions ?? [];
  assert.ok(negative.output[0] > 0 && negative.output[0] < 0.5, `P(1) of a clear 0 is ${negative.output[0]}`);
  assert.ok(positive.output[0] > 0.5 && positive.output[0] < 1, `P(1) of a clear 1 is ${positive.output[0]}`);
  assert.deepEqual([negative.label, positive.label], [0, 1]);
});

test('a logits model with too few outputs is told the units, not to add a softmax', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'q.nn.yaml', QUICKSTART.replace('  - Dense: { units: 10 }', '  - Dense: { units: 5 }').replace('limit: 4000', 'limit: 20'));
  const diagnostics = await checkModelFile(file);
  assert.equal(diagnostics.length, 1, diagnostics.map(formatDiagnostic).join('\n'));
  assert.match(diagnostics[0].message, /over 10 classes needs 10: set units: 10 \(no activation: the loss takes logits\)\.$/);
});
