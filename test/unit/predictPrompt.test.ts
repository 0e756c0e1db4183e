import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { predictPrompt } from '../../src/host/commands/predictPrompt';
import { predictionLine, predictionResult } from '../../src/core/predictionResult';
import { formatPercent as percent } from '../../src/shared/classProbabilities';

test("Predict's input box fits a tabular model: its features named, a sample of its range as the placeholder, a wrong length refused", () => {
  const prompt = predictPrompt({
    featureShape: [4],
    featureNames: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'],
    isImage: false,
    features: [
      { name: 'sepal_length', min: 4.3, max: 7.9 },
      { name: 'sepal_width', min: 2, max: 4.4 },
      { name: 'petal_length', min: 1, max: 6.9 },
      { name: 'petal_width', min: 0.1, max: 2.5 },
    ],
  });
  assert.match(prompt.prompt, /takes 4 \(sepal_length, sepal_width, petal_length, petal_width\)/);
  assert.equal(prompt.placeHolder, '[6.1, 3.2, 4, 1.3]');
  assert.equal(prompt.validate(''), undefined);
  assert.equal(prompt.validate('[5.1, 3.5, 1.4, 0.2]'), undefined);
  assert.equal(prompt.validate('[[5.1, 3.5, 1.4, 0.2], [6, 3, 5, 2]]'), undefined);
  assert.equal(prompt.validate('[1, 2, 3]'), 'input 1 has 3 values; the model takes 4 (sepal_length, sepal_width, petal_length, petal_width)');
  assert.match(prompt.validate('[[5.1, 3.5, 1.4, 0.2], [1, 2]]') ?? '', /^input 2 has 2 values/);
});

test("for an image model it points at the Draw a digit pad instead of asking for 784 numbers", () => {
  const prompt = predictPrompt({ featureShape: [28, 28], isImage: true });
  assert.match(prompt.prompt, /28 × 28 pixels.*`Draw a digit` pad/);
  assert.doesNotMatch(prompt.placeHolder, /\[0, 0/);
  assert.match(prompt.validate('[1, 2, 3]') ?? '', /input 1 has 3 values; the model takes an image of 28 × 28 pixels \(784 values\)\. Draw it in the panel's `Draw a digit` pad instead\./);
  assert.equal(prompt.validate(''), undefined);
});

test('predictions read as a class and its confidence, binary ones by the class chosen', () => {
  assert.equal(predictionResult({ output: [0.0005, 0.999, 0.0005], label: 7 }), '7 · 99.9%');
  assert.equal(predictionResult({ output: [0.036], label: 'benign' }), 'benign · 96.4%');
  assert.equal(predictionResult({ output: [0.964], label: 'malignant' }), 'malignant · 96.4%');
  assert.equal(predictionResult({ output: [3.14159] }), '3.1416');
  assert.equal(predictionLine({ input: [0, 1], output: [0.9998], label: 1 }), '[0, 1] → 1 · 99.9%');
  assert.equal(predictionLine({ output: [0.01, 0.99], label: 1, expected: 1 }), '1 · 99.0% (expected 1)');
  assert.equal(percent(1), '100%');
  assert.equal(percent(0.9999), '99.9%');
  assert.equal(percent(0.0001), '<0.1%');
  assert.equal(percent(NaN), 'NaN');
});
