import { SpecError } from '../diagnostics';
import type { DataSpec } from '../spec/modelSpec';
import type { DataSplit, LoadedData } from './dataTypes';
import { loadBuiltin } from './builtinDatasets';
import { loadCsvFile } from './csvData';
import { fitTransform } from './featureTransform';
import { inlineTable } from './inlineData';
import { logitsActivation } from '../model/logits';
import { formatShape } from './nested';
import type { BuiltinData, RawTable } from './rawData';
import { formatCount, product } from './sizes';
import { selectRows, sliceRows, splitIndices } from './splits';
import { planClassTargets, resolveTargets } from './targets';

export interface LoadDataOptions {
  /** Folder of the model file; CSV paths are relative to it. */
  baseDir: string;
  /** tfjs loss id from the spec ('categoricalCrossentropy', 'meanSquaredError', ...). */
  loss: string;
  /** The loss takes logits (`from_logits: true`): recorded in LoadedData.logits. */
  fromLogits?: boolean;
  /** Seed of the CSV/inline test split shuffle; DEFAULT_SPLIT_SEED when not given. */
  seed?: number;
}

/** Seed of CSV/inline test splits when the model file sets none, so the split is stable across runs. */
export const DEFAULT_SPLIT_SEED = 1234;

/** Loads, labels, splits and fits the preprocessing of the data a model file asks for. */
export async function loadData(spec: DataSpec, opts: LoadDataOptions): Promise<LoadedData> {
  checkOptions(spec);
  const data = reshaped(await loadSource(spec, opts), spec.reshape);
  const logits = logitsActivation(opts.loss, opts.fromLogits);
  return logits ? { ...data, logits } : data;
}

async function loadSource(spec: DataSpec, opts: LoadDataOptions): Promise<LoadedData> {
  const source = spec.source;
  switch (source.kind) {
    case 'dataset':
      return fromBuiltin(await loadBuiltin(source.name), spec, opts);
    case 'csv':
      return fromTable(await loadCsvFile(source.path, source, opts.baseDir), spec, opts);
    case 'inline':
      return fromTable(inlineTable(source.x, source.y), spec, opts);
  }
}

/**
 * `reshape:` gives every sample a new shape, as `x.reshape(-1, 28, 28, 1)` does. Samples are stored
 * flat, sample after sample, so only the shape they are read with changes.
 */
function reshaped(data: LoadedData, shape: number[] | undefined): LoadedData {
  if (shape === undefined) return data;
  const values = product(data.featureShape);
  if (product(shape) !== values) {
    throw new SpecError(
      ['data', 'reshape'],
      `reshape ${formatShape(shape)} holds ${formatCount(product(shape))} values, but each sample of ${data.description} has shape ${formatShape(data.featureShape)}, ${formatCount(values)} values: the shapes must hold the same number of values (e.g. ${formatShape([...data.featureShape, 1])})`,
      'shape-mismatch',
    );
  }
  return { ...data, featureShape: [...shape] };
}

function checkOptions(spec: DataSpec): void {
  const { limit, testSplit } = spec;
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    throw new SpecError(['data', 'limit'], `limit must be a whole number of samples above 0, not ${limit}`);
  }
  if (testSplit !== undefined && !(testSplit > 0 && testSplit < 1)) {
    throw new SpecError(['data', 'test_split'], `test_split must be a fraction between 0 and 1, not ${testSplit}`);
  }
}

/** A built-in data set: its own split, its own classes; `limit` cuts each split. */
function fromBuiltin(data: BuiltinData, spec: DataSpec, opts: LoadDataOptions): LoadedData {
  const notes: string[] = [];
  if (spec.testSplit !== undefined) {
    const why = data.test ? 'keeps its own test split' : 'has no test split';
    notes.push(`test_split ignored: the built-in ${data.name} data set ${why}`);
  }
  const plan = planClassTargets(data.classNames, opts.loss, spec.oneHot);
  const width = product(data.featureShape);
  const train = limited(data.train, spec.limit, width, 1, 'training', notes);
  const test = data.test && limited(data.test, spec.limit, width, 1, 'test', notes);
  const { transform, notes: transformNotes } = fitTransform(spec, train, width);
  return {
    description: describe(data.name, train, test),
    featureShape: data.featureShape,
    featureNames: data.featureNames,
    targetShape: plan.targetShape,
    targetKind: plan.kind,
    numClasses: plan.numClasses,
    classNames: plan.classNames,
    isImage: data.isImage,
    train,
    test,
    transform,
    notes: [...plan.notes, ...notes, ...transformNotes],
  };
}

/** A CSV or inline table: labels decided by the loss, `limit` on the rows, then `test_split`. */
function fromTable(table: RawTable, spec: DataSpec, opts: LoadDataOptions): LoadedData {
  const notes: string[] = [];
  const targets = resolveTargets(table.labels, opts.loss, spec.oneHot, table.labelPath, table.labelName);
  const width = product(table.featureShape);
  const stride = targets.kind === 'values' ? product(targets.targetShape) : 1;
  const all = limited(
    { count: table.count, features: table.features, targets: targets.targets },
    spec.limit,
    width,
    stride,
    '',
    notes,
  );
  let train: DataSplit = all;
  let test: DataSplit | undefined;
  if (spec.testSplit !== undefined) {
    if (all.count < 2) {
      throw new SpecError(['data', 'test_split'], `test_split needs at least 2 samples; the data has ${all.count}`);
    }
    // Stratify whenever samples carry a class index (classIndex and oneHot targets).
    const classes = all.targets instanceof Int32Array ? all.targets : undefined;
    const split = splitIndices(all.count, spec.testSplit, classes, targets.numClasses ?? 0, opts.seed ?? DEFAULT_SPLIT_SEED);
    train = selectRows(all, split.train, width, stride);
    test = selectRows(all, split.test, width, stride);
  }
  const { transform, notes: transformNotes } = fitTransform(spec, train, width);
  return {
    description: describe(table.name, train, test, targets.numClasses),
    featureShape: table.featureShape,
    featureNames: table.featureNames,
    targetShape: targets.targetShape,
    targetKind: targets.kind,
    numClasses: targets.numClasses,
    classNames: targets.classNames,
    isImage: table.isImage,
    train,
    test,
    transform,
    notes: [...targets.notes, ...notes, ...transformNotes],
  };
}

/** The first `limit` samples of a split (a view), noting the cut when there is one. */
function limited(
  split: DataSplit,
  limit: number | undefined,
  width: number,
  stride: number,
  which: string,
  notes: string[],
): DataSplit {
  if (limit === undefined || limit >= split.count) return split;
  const kind = which ? `${which} samples` : 'samples';
  notes.push(`limit: using the first ${formatCount(limit)} of ${formatCount(split.count)} ${kind}`);
  return sliceRows(split, 0, limit, width, stride);
}

/**
 * `mnist (60,000 train / 10,000 test)`, `iris.csv (120 train / 30 test, 3 classes)`. The class count
 * is shown for the user's own data, where it is news; the built-ins' classes are well known.
 */
function describe(name: string, train: DataSplit, test: DataSplit | undefined, numClasses?: number): string {
  const sizes = test
    ? `${formatCount(train.count)} train / ${formatCount(test.count)} test`
    : `${formatCount(train.count)} samples`;
  return `${name} (${sizes}${numClasses ? `, ${numClasses} classes` : ''})`;
}
