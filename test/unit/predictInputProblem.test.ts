import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { inputProblem } from '../../src/core/data/inputProblem';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { asSamples, predictFromRun } from '../../src/core/session/predictFromRun';
import { RunInputError } from '../../src/core/session/runInputError';
import { examplesDir, tempDir } from '../helpers/tempDir';

const xorData = { featureShape: [2], isImage: false };

test('a prediction input of the wrong length names the input from 1, counts values and names the features', () => {
  assert.equal(inputProblem([1, 2, 3], 0, xorData), 'input 1 has 3 values; the model takes 2 (x1, x2)');
  assert.equal(inputProblem(7, 2, xorData), 'input 3 is one number; the model takes 2 (x1, x2)');
  assert.equal(inputProblem([[1, 2], [3, 4]], 0, xorData), 'input 1 is a list of 2 × 2 (4 values); the model takes 2 (x1, x2)');
  assert.equal(inputProblem(['a'], 0, xorData), 'input 1 is not a number or a list of numbers; the model takes 2 (x1, x2)');
  const iris = { featureShape: [4], isImage: false, featureNames: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'] };
  assert.equal(inputProblem([5.1, 3.5], 0, iris), 'input 1 has 2 values; the model takes 4 (sepal_length, sepal_width, petal_length, petal_width)');
});

test('many feature names are shortened; images are described in words', () => {
  const wide = { featureShape: [30], isImage: false, featureNames: Array.from({ length: 30 }, (_, i) => `f${i}`) };
  assert.equal(inputProblem([1], 0, wide), 'input 1 has 1 value; the model takes 30 (f0, f1, f2, f3, …, f29)');
  const mnist = { featureShape: [28, 28], isImage: true };
  assert.equal(inputProblem([1, 2, 3], 0, mnist), 'input 1 has 3 values; the model takes an image of 28 × 28 pixels (784 values)');
  const digits = { featureShape: [64], isImage: true };
  assert.equal(inputProblem([1, 2, 3], 1, digits), 'input 2 has 3 values; the model takes 64 values (the pixels of an image)');
});

test('the right number of values with a ragged row or a non-number says so', () => {
  assert.equal(inputProblem([1, Number.NaN], 0, xorData), 'input 1 has rows of different lengths or a value that is not a finite number; the model takes 2 (x1, x2)');
});

test('a flat list is one sample unless the model takes one value', () => {
  assert.deepEqual(asSamples([1, 2, 3], [2]), [[1, 2, 3]]);
  assert.deepEqual(asSamples([0, 1], [2]), [[0, 1]]);
  assert.deepEqual(asSamples([[0, 1], [1, 1]], [2]), [[0, 1], [1, 1]]);
  assert.deepEqual(asSamples([1, 2, 3], [1]), [1, 2, 3]);
  assert.deepEqual(asSamples(5, [1]), [5]);
});

test('Predict on [1, 2, 3] with an XOR run says input 1 has 3 values; a CSV run names its columns', async () => {
  const runsRoot = tempDir();
  const xor = await trainModelFile(path.join(examplesDir, 'xor.nn.yaml'), { runsRoot, epochs: 1 });
  await assert.rejects(predictFromRun(xor.runDir, [1, 2, 3]), (err: unknown) => err instanceof RunInputError && err.message === 'input 1 has 3 values; the model takes 2 (x1, x2)');
  await assert.rejects(predictFromRun(xor.runDir, [[0, 1], [1, 2, 3]]), /^RunInputError: input 2 has 3 values/);

  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'flowers.csv'), 'length,width,kind\n1,2,a\n2,3,b\n3,1,a\n4,4,b\n');
  fs.writeFileSync(path.join(dir, 'flowers.nn.yaml'), 'name: flowers\ndata: { csv: flowers.csv }\nmodel:\n  - Dense: { units: 1, activation: sigmoid }\ncompile: { optimizer: adam, loss: binary_crossentropy }\nfit: { epochs: 1 }\n');
  const csv = await trainModelFile(path.join(dir, 'flowers.nn.yaml'), { runsRoot });
  await assert.rejects(predictFromRun(csv.runDir, [1, 2, 3]), (err: unknown) => err instanceof RunInputError && err.message === 'input 1 has 3 values; the model takes 2 (length, width)');
});
