/** Which evaluation samples the gallery shows: mistakes first, every cell of the confusion matrix in turn. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseClassificationGallery, chooseRegressionGallery } from '../../src/core/insights/gallerySelection';

/** True and predicted classes from `[true, predicted]` pairs, one per sample. */
function samples(pairs: Array<[number, number]>): { trueClasses: number[]; predicted: number[] } {
  return { trueClasses: pairs.map((p) => p[0]), predicted: pairs.map((p) => p[1]) };
}

test('iris: the two mistakes come first, then the 28 correct samples class by class', () => {
  const trueClasses = Array.from({ length: 30 }, (_, i) => Math.floor(i / 10));
  const predicted = [...trueClasses];
  predicted[12] = 2;
  predicted[25] = 1;
  const chosen = chooseClassificationGallery(trueClasses, predicted);
  // Mistakes: cells (1,2) [12] and (2,1) [25], one sample each, in index order.
  // Correct: class 0 [0..9], class 1 [10,11,13..19], class 2 [20..24,26..29], one of each in turn.
  assert.deepEqual(chosen, [12, 25, 0, 10, 20, 1, 11, 21, 2, 13, 22, 3, 14, 23, 4, 15, 24, 5, 16, 26, 6, 17, 27, 7, 18, 28, 8, 19, 29, 9]);
  assert.deepEqual(chooseClassificationGallery(trueClasses, predicted, 5), [12, 25, 0, 10, 20]);
  assert.deepEqual(chooseClassificationGallery(Int32Array.from(trueClasses), Float32Array.from(predicted)), chosen, 'typed arrays too');
});

// Cells: (0,1) [1,3,6,11,15]; (1,0) [2,7,13]; (2,0) [4,9,14]; (2,1) [5,12]; (0,2) [8]; (1,2) [10];
// correct: (0,0) [0], (1,1) [16], (2,2) [17].
const { trueClasses, predicted } = samples([
  [0, 0], [0, 1], [1, 0], [0, 1], [2, 0], [2, 1], [0, 1], [1, 0], [0, 2], [2, 0],
  [1, 2], [0, 1], [2, 1], [1, 0], [2, 0], [0, 1], [1, 1], [2, 2],
]);

test('more mistakes than fit: every off-diagonal cell once, commonest first, before any cell twice', () => {
  // Round 0 in cell order (count descending, then first index): (0,1) 1, (1,0) 2, (2,0) 4, (2,1) 5, (0,2) 8, (1,2) 10.
  // Round 1: (0,1) 3 — the mistakes' room: 7 of 10 (all but the 3 right answers, and at least 60%).
  const chosen = chooseClassificationGallery(trueClasses, predicted, 10);
  assert.deepEqual(chosen, [1, 2, 4, 5, 8, 10, 3, 0, 16, 17]);
  const cells = new Set(chosen.slice(0, 7).map((i) => `${trueClasses[i]},${predicted[i]}`));
  assert.equal(cells.size, 6, 'all six kinds of mistake');
  assert.ok(chosen.slice(0, 7).every((i) => trueClasses[i] !== predicted[i]), 'mistakes first');
});

test('hundreds of mistakes (MNIST after an epoch) fill at most 60% of the gallery: the rest shows what the model gets right', () => {
  // 500 samples of 10 classes; every 4th one wrong (predicted as the next class).
  const truth = Array.from({ length: 500 }, (_, i) => i % 10);
  const guess = truth.map((t, i) => (i % 4 === 0 ? (t + 1) % 10 : t));
  const chosen = chooseClassificationGallery(truth, guess, 100);
  assert.equal(chosen.length, 100);
  const wrong = chosen.filter((i) => truth[i] !== guess[i]).length;
  assert.equal(wrong, 60);
  assert.ok(chosen.slice(0, 60).every((i) => truth[i] !== guess[i]), 'mistakes first');
  assert.deepEqual(new Set(chosen.slice(60).map((i) => truth[i])).size, 10, 'right answers of every class');
});

test('a limit larger than the data: every sample, all mistakes before the correct ones', () => {
  // Rounds 1..4 of the mistakes: 3, 7, 9, 12 | 6, 13, 14 | 11 | 15; then the correct, class by class.
  assert.deepEqual(chooseClassificationGallery(trueClasses, predicted, 100), [1, 2, 4, 5, 8, 10, 3, 7, 9, 12, 6, 13, 14, 11, 15, 0, 16, 17]);
  assert.deepEqual(chooseClassificationGallery(trueClasses, predicted), chooseClassificationGallery(trueClasses, predicted, 100), 'a hundred unless told');
});

test('no samples, or a limit of 0: nothing', () => {
  assert.deepEqual(chooseClassificationGallery([], []), []);
  assert.deepEqual(chooseClassificationGallery(trueClasses, predicted, 0), []);
});

test('class indices must be whole numbers >= 0, one pair per sample, and the limit a count', () => {
  assert.throws(() => chooseClassificationGallery([0, -1], [0, 0]), { name: 'RangeError', message: /sample 1: true class -1/ });
  assert.throws(() => chooseClassificationGallery([0, 1], [0, NaN]), { name: 'RangeError', message: /sample 1: predicted class NaN/ });
  assert.throws(() => chooseClassificationGallery([0, 1], [0]), RangeError);
  assert.throws(() => chooseClassificationGallery([0], [0], -1), RangeError);
});

test('regression: the largest errors first, NaN the worst of all, ties by index', () => {
  const errors = [0.5, NaN, 2, 0.5, Infinity, NaN, 1];
  assert.deepEqual(chooseRegressionGallery(errors), [1, 5, 4, 2, 6, 0, 3]);
  assert.deepEqual(chooseRegressionGallery(Float32Array.from(errors), 3), [1, 5, 4]);
  assert.deepEqual(chooseRegressionGallery([]), []);
  assert.deepEqual(chooseRegressionGallery([3, 1], 0), []);
});

test('regression: of many samples, the hundred worst', () => {
  const errors = Float32Array.from({ length: 5000 }, (_, i) => (i * 7919) % 5000);
  const chosen = chooseRegressionGallery(errors);
  assert.equal(chosen.length, 100);
  assert.deepEqual(
    chosen.map((i) => errors[i]),
    Array.from({ length: 100 }, (_, k) => 4999 - k),
  );
});
