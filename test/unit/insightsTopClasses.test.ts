/** A classifier's output as one probability per class, and the class it picks. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { argMax, classProbabilities } from '../../src/core/insights/topClasses';

test('one sigmoid output p is [1 - p, p]; softmax outputs are kept as they are', () => {
  assert.deepEqual(classProbabilities(Float32Array.from([0.25])), [0.75, 0.25]);
  assert.deepEqual(classProbabilities([1]), [0, 1]);
  const softmax = [0.1, 0.7, 0.2];
  const probabilities = classProbabilities(softmax);
  assert.deepEqual(probabilities, [0.1, 0.7, 0.2]);
  assert.notEqual(probabilities, softmax, 'a copy, not the model output itself');
  assert.deepEqual(classProbabilities(Float32Array.from([0.5, 0.5])), [0.5, 0.5]);
});

test('argMax: the first of equal maxima', () => {
  assert.equal(argMax([1, 3, 3, 2]), 1);
  assert.equal(argMax(Float32Array.from([0.1, 0.2, 0.7])), 2);
  assert.equal(argMax([5]), 0);
  assert.equal(argMax([-Infinity, -Infinity]), 0);
  assert.equal(argMax([-2, -1, -3]), 1);
});

test('argMax: NaN never wins; all NaN gives 0', () => {
  assert.equal(argMax([NaN, 1, NaN]), 1);
  assert.equal(argMax([NaN, -Infinity]), 1);
  assert.equal(argMax([0.2, NaN, 0.9]), 2);
  assert.equal(argMax([NaN, NaN]), 0);
  assert.throws(() => argMax([]), RangeError);
});
