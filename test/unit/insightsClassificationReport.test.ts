/** The confusion matrix and classification report, checked against what scikit-learn prints. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classificationReport } from '../../src/core/insights/classificationReport';
import type { ClassMetrics } from '../../src/shared/insightTypes';

function assertMetrics(actual: ClassMetrics, expected: ClassMetrics, what: string): void {
  for (const key of ['precision', 'recall', 'f1'] as const) {
    assert.ok(Math.abs(actual[key] - expected[key]) < 1e-12, `${what} ${key}: ${actual[key]} is not ${expected[key]}`);
  }
  assert.equal(actual.support, expected.support, `${what} support`);
}

test('three classes: the numbers scikit-learn prints', () => {
  // y_true=[0,0,0,1,1,2,2,2,2,0], y_pred=[0,1,0,1,2,2,2,1,2,0]
  // confusion (rows true, columns predicted): [3,1,0] [0,1,1] [0,1,3]; predicted per class: 3, 3, 4.
  //                precision    recall  f1-score   support
  //            0       1.00      0.75      0.86         4    P 3/3, R 3/4, F1 2·.75/1.75 = 6/7
  //            1       0.33      0.50      0.40         2    P 1/3, R 1/2, F1 2·(1/6)/(5/6) = 0.4
  //            2       0.75      0.75      0.75         4    P 3/4, R 3/4
  //     accuracy                           0.70        10    7/10
  //    macro avg       0.69      0.67      0.67        10    P 25/36, R 2/3, F1 (6/7 + 0.4 + 0.75)/3
  // weighted avg       0.77      0.70      0.72        10    P (4 + 2/3 + 3)/10, R 0.7, F1 (24/7 + 0.8 + 3)/10
  const report = classificationReport([0, 0, 0, 1, 1, 2, 2, 2, 2, 0], [0, 1, 0, 1, 2, 2, 2, 1, 2, 0], ['setosa', 'versicolor', 'virginica']);
  assert.deepEqual(report.classNames, ['setosa', 'versicolor', 'virginica']);
  assert.deepEqual(report.confusion, [
    [3, 1, 0],
    [0, 1, 1],
    [0, 1, 3],
  ]);
  assertMetrics(report.perClass[0], { precision: 1, recall: 0.75, f1: 6 / 7, support: 4 }, 'class 0');
  assertMetrics(report.perClass[1], { precision: 1 / 3, recall: 0.5, f1: 0.4, support: 2 }, 'class 1');
  assertMetrics(report.perClass[2], { precision: 0.75, recall: 0.75, f1: 0.75, support: 4 }, 'class 2');
  assert.equal(report.accuracy, 0.7);
  assertMetrics(report.macro, { precision: 25 / 36, recall: 2 / 3, f1: (6 / 7 + 0.4 + 0.75) / 3, support: 10 }, 'macro');
  assertMetrics(report.weighted, { precision: (4 + 2 / 3 + 3) / 10, recall: 0.7, f1: (24 / 7 + 0.8 + 3) / 10, support: 10 }, 'weighted');
  // The printed, rounded values, as a reader compares them with Python's.
  assert.deepEqual(
    [report.macro.precision, report.macro.recall, report.macro.f1, report.weighted.precision, report.weighted.f1].map((v) => v.toFixed(2)),
    ['0.69', '0.67', '0.67', '0.77', '0.72'],
  );
});

test('a class never predicted has precision 0, one never present has support 0, and both count in the macro average', () => {
  // y_true=[0,0,1,1,2,2], y_pred=[0,3,1,0,1,1], labels a..d, zero_division=0
  // confusion: [1,0,0,1] [1,1,0,0] [0,2,0,0] [0,0,0,0]; predicted per class: 2, 3, 0, 1.
  //                precision    recall  f1-score   support
  //            a       0.50      0.50      0.50         2
  //            b       0.33      0.50      0.40         2
  //            c       0.00      0.00      0.00         2    never predicted: precision 0 (zero_division)
  //            d       0.00      0.00      0.00         0    never present: recall 0; predicted once, wrongly
  //     accuracy                           0.33         6
  //    macro avg       0.21      0.25      0.23         6    P (1/2 + 1/3)/4 = 5/24, R 1/4, F1 0.9/4
  // weighted avg       0.28      0.33      0.30         6    P (1 + 2/3)/6 = 5/18, R 1/3, F1 1.8/6
  const report = classificationReport([0, 0, 1, 1, 2, 2], Int32Array.from([0, 3, 1, 0, 1, 1]), ['a', 'b', 'c', 'd']);
  assert.deepEqual(report.confusion, [
    [1, 0, 0, 1],
    [1, 1, 0, 0],
    [0, 2, 0, 0],
    [0, 0, 0, 0],
  ]);
  assertMetrics(report.perClass[0], { precision: 0.5, recall: 0.5, f1: 0.5, support: 2 }, 'a');
  assertMetrics(report.perClass[1], { precision: 1 / 3, recall: 0.5, f1: 0.4, support: 2 }, 'b');
  assertMetrics(report.perClass[2], { precision: 0, recall: 0, f1: 0, support: 2 }, 'c');
  assertMetrics(report.perClass[3], { precision: 0, recall: 0, f1: 0, support: 0 }, 'd');
  assert.ok(Math.abs(report.accuracy - 1 / 3) < 1e-12);
  assertMetrics(report.macro, { precision: 5 / 24, recall: 0.25, f1: 0.225, support: 6 }, 'macro');
  assertMetrics(report.weighted, { precision: 5 / 18, recall: 1 / 3, f1: 0.3, support: 6 }, 'weighted');
});

test('binary: each class gets its own row, as classification_report prints for 0/1 labels', () => {
  // y_true=[1,0,1,1,0,1,0,0,1], y_pred=[1,0,0,1,1,1,0,0,0]
  // confusion: [3,1] [2,3]; predicted per class: 5, 4.
  //            0       0.60      0.75      0.67         4    F1 2·.45/1.35 = 2/3
  //            1       0.75      0.60      0.67         5
  //     accuracy                           0.67         9
  //    macro avg       0.68      0.68      0.67         9    P = R = 0.675
  // weighted avg       0.68      0.67      0.67         9    P (2.4 + 3.75)/9, R 6/9
  const report = classificationReport([1, 0, 1, 1, 0, 1, 0, 0, 1], [1, 0, 0, 1, 1, 1, 0, 0, 0], ['0', '1']);
  assert.deepEqual(report.confusion, [
    [3, 1],
    [2, 3],
  ]);
  assertMetrics(report.perClass[0], { precision: 0.6, recall: 0.75, f1: 2 / 3, support: 4 }, 'class 0');
  assertMetrics(report.perClass[1], { precision: 0.75, recall: 0.6, f1: 2 / 3, support: 5 }, 'class 1');
  assert.ok(Math.abs(report.accuracy - 6 / 9) < 1e-12);
  assertMetrics(report.macro, { precision: 0.675, recall: 0.675, f1: 2 / 3, support: 9 }, 'macro');
  assertMetrics(report.weighted, { precision: 6.15 / 9, recall: 6 / 9, f1: 2 / 3, support: 9 }, 'weighted');
});

test('every prediction right: all ones', () => {
  const report = classificationReport(Float32Array.from([0, 1, 2, 1]), Float32Array.from([0, 1, 2, 1]), ['a', 'b', 'c']);
  assert.equal(report.accuracy, 1);
  assert.deepEqual(report.macro, { precision: 1, recall: 1, f1: 1, support: 4 });
  assert.deepEqual(report.weighted, { precision: 1, recall: 1, f1: 1, support: 4 });
});

test('no samples: a matrix of zeros and zero metrics, never NaN', () => {
  const report = classificationReport([], [], ['a', 'b']);
  assert.deepEqual(report.confusion, [
    [0, 0],
    [0, 0],
  ]);
  assert.equal(report.accuracy, 0);
  assert.deepEqual(report.perClass, [
    { precision: 0, recall: 0, f1: 0, support: 0 },
    { precision: 0, recall: 0, f1: 0, support: 0 },
  ]);
  assert.deepEqual(report.macro, { precision: 0, recall: 0, f1: 0, support: 0 });
  assert.deepEqual(report.weighted, { precision: 0, recall: 0, f1: 0, support: 0 });
});

test('a class index outside the class names is a bug upstream: a RangeError naming it', () => {
  assert.throws(() => classificationReport([0, 1, 3], [0, 1, 1], ['a', 'b', 'c']), { name: 'RangeError', message: /sample 2: true class 3 is not a class index \(an integer in 0\.\.2\)/ });
  assert.throws(() => classificationReport([0, 1], [0, -1], ['a', 'b']), { name: 'RangeError', message: /sample 1: predicted class -1/ });
  assert.throws(() => classificationReport([0, 1], [0, 0.5], ['a', 'b']), { name: 'RangeError', message: /predicted class 0\.5/ });
  assert.throws(() => classificationReport([0, NaN], [0, 0], ['a', 'b']), { name: 'RangeError', message: /true class NaN/ });
  assert.throws(() => classificationReport([0, 1], [0], ['a', 'b']), { name: 'RangeError', message: /2 true classes but 1 predicted/ });
});

test('the report keeps its own copy of the class names', () => {
  const names = ['a', 'b'];
  const report = classificationReport([0], [1], names);
  names.push('c');
  assert.deepEqual(report.classNames, ['a', 'b']);
});
