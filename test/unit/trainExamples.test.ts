import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { readRunSummary } from '../../src/core/runs/runFolder';
import { runCli } from '../helpers/runCli';
import { examplesDir, tempDir } from '../helpers/tempDir';

// Each example trains in full from the CLI to the result its comment promises (MNIST, which takes
// about a minute in full, is trained on a subset in trainMnist.test.ts).
const cases = [
  { file: 'iris.nn.yaml', minAccuracy: 0.93, testSamples: 30, classes: ['setosa', 'versicolor', 'virginica'] },
  { file: 'digits.nn.yaml', minAccuracy: 0.95, testSamples: 359, classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] },
  { file: 'breast-cancer.nn.yaml', minAccuracy: 0.93, testSamples: 114, classes: ['benign', 'malignant'] },
];

for (const { file, minAccuracy, testSamples, classes } of cases) {
  test(`nn-trainer train examples/${file} reaches at least ${minAccuracy * 100}% test accuracy`, async () => {
    const result = await runCli(['train', path.join(examplesDir, file), '--json', '--out', tempDir()]);
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.match(json.status, /^(completed|early_stopped)$/);
    assert.ok(json.evaluation.accuracy >= minAccuracy, `test accuracy ${json.evaluation.accuracy}`);
    const summary = readRunSummary(json.runDir);
    assert.equal(summary.evaluation?.split, 'test');
    assert.equal(summary.evaluation?.samples, testSamples);
    assert.deepEqual([...(summary.classNames ?? [])].sort(), classes);
    assert.ok(json.predictions.length > 0);
    for (const p of json.predictions) {
      assert.ok(classes.includes(String(p.label)), `predicted ${p.label}`);
      assert.ok(classes.includes(String(p.expected)), `expected ${p.expected}`);
    }
  });
}

test('predictions echo CSV inputs as written, not with float32 noise', async () => {
  const result = await runCli(['train', path.join(examplesDir, 'iris.nn.yaml'), '--json', '--epochs', '1', '--out', tempDir()]);
  const first: number[] = JSON.parse(result.stdout).predictions[0].input;
  assert.equal(first.length, 4);
  for (const v of first) assert.equal(v, Number(v.toFixed(1)), `${v} has one decimal in iris.csv`);
});
