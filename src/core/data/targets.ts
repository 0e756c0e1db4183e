/**
 * How labels become targets. The loss decides, as Keras users expect from their own code:
 * categorical losses want one-hot rows, sparse and binary losses want class indices, regression
 * losses want values. One-hot rows are never stored: the index is, and batches expand it.
 */
import { SpecError, type SpecPath } from '../diagnostics';
import type { TargetKind } from './dataTypes';
import type { RawLabels } from './rawData';
import { LOSSES, lookupName } from '../spec/vocabulary';

/** Losses whose targets are one-hot rows over the classes. */
const ONE_HOT_LOSSES = new Set(['categoricalCrossentropy', 'categoricalHinge', 'kullbackLeiblerDivergence']);
/** Losses whose target is one class index per sample. */
const SPARSE_LOSSES = new Set(['sparseCategoricalCrossentropy']);
/** Losses with one 0/1 target per output unit. */
const BINARY_LOSSES = new Set(['binaryCrossentropy', 'hinge', 'squaredHinge']);

const ONE_HOT_PATH = ['data', 'one_hot'] as const;

/** True for the losses that train a classifier (so integer labels are class indices). */
export function isClassificationLoss(loss: string): boolean {
  return ONE_HOT_LOSSES.has(loss) || SPARSE_LOSSES.has(loss) || BINARY_LOSSES.has(loss);
}

/** The Keras spelling users know from tutorials: `categoricalCrossentropy` -> `categorical_crossentropy`. */
export function kerasLossName(loss: string): string {
  return lookupName(LOSSES, loss)?.keras ?? loss;
}

/**
 * Text labels as classes, named in sorted (natural) order like scikit-learn's LabelEncoder, so the
 * class indices do not depend on the order of the rows.
 */
export function classesFromStrings(cells: readonly string[]): RawLabels {
  const classNames = [...new Set(cells)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const indexOf = new Map(classNames.map((name, i) => [name, i]));
  return { kind: 'classes', classNames, indices: Int32Array.from(cells, (cell) => indexOf.get(cell) ?? 0) };
}

/** How the model sees the targets, without the target arrays themselves. */
export interface TargetPlan {
  kind: TargetKind;
  targetShape: number[];
  numClasses?: number;
  classNames?: string[];
  notes: string[];
}

export interface ResolvedTargets extends TargetPlan {
  /** Class indices (classIndex, oneHot) or count * product(targetShape) values. */
  targets: Int32Array | Float32Array;
}

/** Targets for data whose labels are classes: one-hot for categorical losses, else one index. */
export function planClassTargets(classNames: string[], loss: string, oneHot: boolean | undefined): TargetPlan {
  const k = classNames.length;
  const base = { numClasses: k, classNames };
  if (oneHot === true) {
    return { ...base, kind: 'oneHot', targetShape: [k], notes: [`labels one-hot encoded (one_hot: true, ${k} classes)`] };
  }
  if (oneHot !== false && ONE_HOT_LOSSES.has(loss)) {
    const note = `labels one-hot encoded for ${kerasLossName(loss)} (${k} classes)`;
    return { ...base, kind: 'oneHot', targetShape: [k], notes: [note] };
  }
  if (BINARY_LOSSES.has(loss) && k > 2) {
    throw new SpecError(
      ['compile', 'loss'],
      `${kerasLossName(loss)} needs 2 classes, but the labels have ${k} (${listClasses(classNames)}): ` +
        `use sparse_categorical_crossentropy (or categorical_crossentropy) with a softmax output of ${k} units`,
      'label-mismatch',
    );
  }
  const notes = isClassificationLoss(loss)
    ? []
    : [`class labels given to ${kerasLossName(loss)} as their index 0..${k - 1} (one_hot: true gives one-hot rows)`];
  return { ...base, kind: 'classIndex', targetShape: [1], notes };
}

/** Decides the targets of CSV or inline labels for the loss and the `one_hot` setting. */
export function resolveTargets(
  labels: RawLabels,
  loss: string,
  oneHot: boolean | undefined,
  labelPath: SpecPath,
  labelName = 'the label',
): ResolvedTargets {
  switch (labels.kind) {
    case 'classes': {
      const plan = planClassTargets(labels.classNames, loss, oneHot);
      const mapping = labels.classNames.slice(0, 10).map((name, i) => `${name} = ${i}`);
      if (labels.classNames.length > 10) mapping.push('...');
      plan.notes.unshift(`class labels: ${mapping.join(', ')}`);
      return { ...plan, targets: labels.indices };
    }
    case 'numbers':
      return numberTargets(labels.values, loss, oneHot, labelPath, labelName);
    case 'vectors':
      return vectorTargets(labels.values, labels.shape, loss, oneHot);
  }
}

function numberTargets(
  values: Float64Array,
  loss: string,
  oneHot: boolean | undefined,
  labelPath: SpecPath,
  labelName: string,
): ResolvedTargets {
  const notIndex = values.findIndex((v) => !Number.isInteger(v) || v < 0);
  const wantsClasses = oneHot === true || ONE_HOT_LOSSES.has(loss) || SPARSE_LOSSES.has(loss);
  if (wantsClasses && notIndex >= 0) {
    const why = oneHot === true ? 'one_hot: true' : kerasLossName(loss);
    throw new SpecError(
      oneHot === true ? ONE_HOT_PATH : labelPath,
      `${why} needs class labels (integers 0, 1, 2, ...), but a label is ${values[notIndex]}`,
      'label-mismatch',
    );
  }
  if (BINARY_LOSSES.has(loss) && oneHot !== true) checkBinaryLabels(values, loss, labelPath, labelName);
  // Binary losses take 0/1 probabilities and hinge's -1/+1 as they are; only integers are classes.
  if (notIndex < 0 && (wantsClasses || BINARY_LOSSES.has(loss))) {
    // Before anything is allocated per class: a timestamp taken for a class index would ask for 1.7e9 of them.
    const max = checkClassCount(values, loss, labelPath, labelName);
    const k = BINARY_LOSSES.has(loss) && oneHot !== true ? Math.max(2, max + 1) : max + 1;
    const classNames = Array.from({ length: k }, (_, i) => String(i));
    const plan = planClassTargets(classNames, loss, oneHot);
    // 1-based labels (1..3) silently need 4 outputs; say so rather than let the shape check puzzle.
    const seen = new Set(values);
    const unused = classNames.filter((_, i) => !seen.has(i));
    if (unused.length > 0 && unused.length < k) {
      plan.notes.push(`numeric labels are class indices 0..${k - 1}; no sample has class ${unused.slice(0, 5).join(', ')}`);
    }
    return { ...plan, targets: Int32Array.from(values) };
  }
  return { kind: 'values', targetShape: [1], notes: [], targets: Float32Array.from(values) };
}

/** More classes than this are refused whatever the data: one-hot rows of them would not fit in memory. */
export const MAX_CLASSES = 10_000;

/**
 * The largest class index, once it is clear the labels are class indices 0..K-1 with a sane K: K at
 * most MAX_CLASSES, and not far beyond the distinct labels (1..3 for three classes is fine; 0 and
 * 1,700,000,000 are not two classes but a number).
 */
function checkClassCount(values: Float64Array, loss: string, labelPath: SpecPath, labelName: string): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  const distinct = new Set(values).size;
  if (max + 1 <= Math.min(MAX_CLASSES, Math.max(2 * distinct, distinct + 10))) return max;
  throw new SpecError(
    labelPath,
    `${kerasLossName(loss)} reads ${labelName} as class indices, but its labels go up to ${formatLabel(max)} with only ` +
      `${distinct.toLocaleString('en-US')} distinct value${distinct === 1 ? '' : 's'}: class labels are the integers 0..K-1 ` +
      `(at most ${MAX_CLASSES.toLocaleString('en-US')} classes). If ${labelName} is a number to predict, use a regression loss ` +
      `(mean_squared_error); if it is the wrong column, change \`label:\``,
    'label-mismatch',
  );
}

/**
 * binary_crossentropy takes 0/1 labels (or probabilities between them); hinge losses take -1/+1 (or
 * 0/1). Anything else (-1 or 2.5 for binary_crossentropy) trains on nonsense, so it is refused.
 */
function checkBinaryLabels(values: Float64Array, loss: string, labelPath: SpecPath, labelName: string): void {
  const hinge = loss !== 'binaryCrossentropy';
  const fits = hinge ? (v: number) => v === -1 || v === 0 || v === 1 : (v: number) => v >= 0 && v <= 1;
  const bad = values.findIndex((v) => !fits(v));
  if (bad < 0) return;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const wants = hinge ? 'labels -1 and 1 (or 0 and 1)' : 'labels 0 and 1 (or probabilities between them)';
  throw new SpecError(
    labelPath,
    `${kerasLossName(loss)} needs ${wants}, but ${labelName} has ${formatLabel(values[bad])} (its values go from ${formatLabel(min)} to ${formatLabel(max)}). ` +
      `For more than two classes use sparse_categorical_crossentropy with a softmax output; for a number to predict, a regression loss (mean_squared_error)`,
    'label-mismatch',
  );
}

function formatLabel(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(Number(value.toPrecision(6)));
}

function vectorTargets(
  values: Float32Array,
  shape: number[],
  loss: string,
  oneHot: boolean | undefined,
): ResolvedTargets {
  const width = shape.reduce((a, b) => a * b, 1);
  const hot = shape.length === 1 ? hotIndices(values, width) : undefined;
  if (oneHot === true && !hot) {
    throw new SpecError(
      ONE_HOT_PATH,
      `one_hot: true needs class labels, but y holds vectors of shape [${shape.join(', ')}] that are not one-hot rows`,
      'label-mismatch',
    );
  }
  const classNames = hot ? Array.from({ length: width }, (_, i) => String(i)) : undefined;
  if (hot && classNames && SPARSE_LOSSES.has(loss) && oneHot !== true) {
    // A sparse loss cannot read one-hot rows; their positions are exactly the indices it wants.
    const note = `one-hot y turned into class indices for ${kerasLossName(loss)} (${width} classes)`;
    return { kind: 'classIndex', targetShape: [1], numClasses: width, classNames, notes: [note], targets: hot };
  }
  const plan: TargetPlan = { kind: 'values', targetShape: [...shape], notes: [] };
  if (hot && classNames && (isClassificationLoss(loss) || oneHot === true)) {
    plan.numClasses = width;
    plan.classNames = classNames;
  }
  return { ...plan, targets: values };
}

/** The hot position of each row when every row is one-hot (a single 1, the rest 0), else undefined. */
function hotIndices(values: Float32Array, width: number): Int32Array | undefined {
  const count = values.length / width;
  const indices = new Int32Array(count);
  for (let r = 0; r < count; r++) {
    let ones = 0;
    for (let j = 0; j < width; j++) {
      const v = values[r * width + j];
      if (v === 1) {
        ones++;
        indices[r] = j;
      } else if (v !== 0) return undefined;
    }
    if (ones !== 1) return undefined;
  }
  return indices;
}

function listClasses(names: string[]): string {
  return names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')}, ...`;
}
