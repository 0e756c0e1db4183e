/**
 * The confusion matrix and scikit-learn's `classification_report(..., zero_division=0)` over an
 * evaluation split, so the panel prints the numbers a Python user already knows how to read.
 */
import type { ClassificationReport, ClassMetrics } from '../../shared/insightTypes';
import { checkClassIndex, checkSameLength } from './classIndices';

/** The confusion matrix, per-class precision/recall/F1/support, accuracy and macro and weighted averages. */
export function classificationReport(trueClasses: ArrayLike<number>, predictedClasses: ArrayLike<number>, classNames: string[]): ClassificationReport {
  checkSameLength(trueClasses, predictedClasses);
  const k = classNames.length;
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < trueClasses.length; i++) {
    const t = trueClasses[i];
    const p = predictedClasses[i];
    checkClassIndex(t, i, 'true', k);
    checkClassIndex(p, i, 'predicted', k);
    confusion[t][p]++;
  }

  const predicted = new Array<number>(k).fill(0);
  for (const row of confusion) for (let p = 0; p < k; p++) predicted[p] += row[p];
  const total = trueClasses.length;
  let correct = 0;
  const perClass = confusion.map((row, c): ClassMetrics => {
    const tp = row[c];
    correct += tp;
    const support = row.reduce((a, b) => a + b, 0);
    // zero_division=0: a class never predicted has precision 0, one never present has recall 0.
    const precision = predicted[c] === 0 ? 0 : tp / predicted[c];
    const recall = support === 0 ? 0 : tp / support;
    return { precision, recall, f1: f1(precision, recall), support };
  });

  return {
    classNames: [...classNames],
    confusion,
    perClass,
    accuracy: total === 0 ? 0 : correct / total,
    // As scikit-learn: the macro F1 is the mean of the classes' F1, not the F1 of the mean P and R.
    macro: average(perClass, () => 1, total),
    weighted: average(perClass, (m) => m.support, total),
  };
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** The weighted mean of every class's metrics; every class counts, even one with support 0. */
function average(perClass: ClassMetrics[], weight: (m: ClassMetrics) => number, total: number): ClassMetrics {
  let sum = 0;
  let precision = 0;
  let recall = 0;
  let f = 0;
  for (const m of perClass) {
    const w = weight(m);
    sum += w;
    precision += w * m.precision;
    recall += w * m.recall;
    f += w * m.f1;
  }
  if (sum === 0) return { precision: 0, recall: 0, f1: 0, support: total };
  return { precision: precision / sum, recall: recall / sum, f1: f / sum, support: total };
}
