import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { examplesDir, tempDir } from '../helpers/tempDir';

// Each example trains in full to the result its comment promises (MNIST has its own subset test).
const cases = [
  { file: 'iris.nn.yaml', minAccuracy: 0.93, testSamples: 30, classes: ['setosa', 'versicolor', 'virginica'] },
  { file: 'digits.nn.yaml', minAccuracy: 0.95, testSamples: 359, classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] },
  { file: 'breast-cancer.nn.yaml', minAccuracy: 0.93, testSamples: 114, classes: ['benign', 'malignant'] },
];

for (const { file, minAccuracy, testSamples, classes } of cases) {
  test(`examples/${file} reaches at least ${minAccuracy * 100}% test accuracy`, async () => {
    const { summary } = await trainModelFile(path.join(examplesDir, file), { runsRoot: tempDir() });
    assert.match(summary.status, /^(completed|early_stopped)$/);
    const evaluation = summary.evaluation;
    assert.ok(evaluation);
    assert.equal(evaluation.split, 'test');
    assert.equal(evaluation.samples, testSamples);
    assert.ok(evaluation.metrics.accuracy >= minAccuracy, `test accuracy ${evaluation.metrics.accuracy}`);
    assert.deepEqual([...(summary.classNames ?? [])].sort(), classes);
    for (const p of summary.predictions ?? []) {
      assert.ok(classes.includes(String(p.label)), `predicted ${p.label}`);
      assert.ok(classes.includes(String(p.expected)), `expected ${p.expected}`);
    }
  });
}
