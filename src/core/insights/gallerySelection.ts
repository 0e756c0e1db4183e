/**
 * Which evaluation samples the panel shows as pictures or rows. A person learns most from the
 * mistakes, and from seeing every kind of mistake once rather than the commonest one a hundred times,
 * so the choice goes round the cells of the confusion matrix.
 */
import { checkClassIndex, checkCount, checkSameLength } from './classIndices';

/**
 * Share of the gallery mistakes may fill while right answers are left: MNIST after one epoch has
 * hundreds of mistakes, and a hundred of them alone would hide what the model gets right.
 */
export const MISTAKE_SHARE = 0.6;

/**
 * Sample indices for the classification gallery: mistakes first, one from every cell of the confusion
 * matrix before a second from any, at most MISTAKE_SHARE of `limit` of them while right answers remain.
 */
export function chooseClassificationGallery(trueClasses: ArrayLike<number>, predictedClasses: ArrayLike<number>, limit = 100): number[] {
  checkSameLength(trueClasses, predictedClasses);
  checkCount(limit, 'The gallery limit');
  // Cells keyed by `true * stride + predicted`; the stride is the class count, found first.
  let stride = 1;
  for (let i = 0; i < trueClasses.length; i++) {
    checkClassIndex(trueClasses[i], i, 'true');
    checkClassIndex(predictedClasses[i], i, 'predicted');
    stride = Math.max(stride, trueClasses[i] + 1, predictedClasses[i] + 1);
  }
  const cells = new Map<number, number[]>();
  for (let i = 0; i < trueClasses.length; i++) {
    const key = trueClasses[i] * stride + predictedClasses[i];
    const cell = cells.get(key);
    if (cell) cell.push(i);
    else cells.set(key, [i]);
  }
  const mistakes: number[][] = [];
  const correct: { cls: number; samples: number[] }[] = [];
  for (const [key, samples] of cells) {
    const t = Math.floor(key / stride);
    if (t === key % stride) correct.push({ cls: t, samples });
    else mistakes.push(samples);
  }
  // The commonest confusions lead each round; equal ones in the order their first sample comes.
  mistakes.sort((a, b) => b.length - a.length || a[0] - b[0]);
  correct.sort((a, b) => a.cls - b.cls);

  const rightCount = correct.reduce((n, c) => n + c.samples.length, 0);
  const mistakeCount = mistakes.reduce((n, c) => n + c.length, 0);
  const mistakeRoom = Math.max(limit - rightCount, Math.ceil(limit * MISTAKE_SHARE));
  const chosenMistakes: number[] = [];
  roundRobin(mistakes, Math.min(mistakeCount, mistakeRoom), chosenMistakes);
  const chosenRight: number[] = [];
  roundRobin(
    correct.map((c) => c.samples),
    limit - chosenMistakes.length,
    chosenRight,
  );
  return [...chosenMistakes, ...chosenRight];
}

/** Round r takes each cell's r-th sample, in the cells' order, until `chosen` holds `limit`. */
function roundRobin(cells: number[][], limit: number, chosen: number[]): void {
  const deepest = cells.reduce((most, cell) => Math.max(most, cell.length), 0);
  for (let round = 0; round < deepest; round++) {
    for (const cell of cells) {
      if (chosen.length >= limit) return;
      if (round < cell.length) chosen.push(cell[round]);
    }
  }
}

/** Sample indices for the regression gallery: the largest absolute errors first (NaN, the worst, before all), ties by index. */
export function chooseRegressionGallery(absoluteErrors: ArrayLike<number>, limit = 100): number[] {
  checkCount(limit, 'The gallery limit');
  const order = Array.from({ length: absoluteErrors.length }, (_, i) => i);
  order.sort((a, b) => {
    const ea = absoluteErrors[a];
    const eb = absoluteErrors[b];
    const nanA = ea !== ea;
    const nanB = eb !== eb;
    if (nanA || nanB) return nanA && nanB ? a - b : nanA ? -1 : 1;
    return ea === eb ? a - b : eb > ea ? 1 : -1;
  });
  return order.slice(0, limit);
}
