/** Builds the normalized ModelSpec from a document that passed validation. */
import type { DataSource, DataSpec, EarlyStoppingSpec, FitSpec, ModelSpec, NestedNumbers, PredictSpec } from '../spec/modelSpec';
import { DATASETS, NORMALIZATIONS, lookupName } from '../spec/vocabulary';
import { normalizeCompile } from './normalizeCompile';
import { normalizeLayers } from './normalizeLayers';
import { expectNumber, expectString, isRawMap, mapOf, optionalBoolean, optionalNumber, valueOf, type RawMap } from './rawValues';

/** Keras' `fit()` defaults. */
export const FIT_DEFAULTS = { epochs: 1, batchSize: 32, shuffle: true } as const;

/** Normalizes a validated document; `defaultName` is used when the file has no `name`. */
export function normalizeSpec(root: RawMap, defaultName: string): ModelSpec {
  const model = normalizeLayers(valueOf(root, 'model'));
  const seed = optionalNumber(root, 'seed');
  const predict = normalizePredict(valueOf(root, 'predict'));
  return {
    name: typeof root.name === 'string' ? root.name : defaultName,
    ...(seed === undefined ? {} : { seed }),
    data: normalizeData(mapOf(root, 'data')),
    model,
    compile: normalizeCompile(mapOf(root, 'compile'), model),
    fit: normalizeFit(mapOf(root, 'fit')),
    ...(predict ? { predict } : {}),
  };
}

function normalizeData(data: RawMap): DataSpec {
  const spec: DataSpec = { source: dataSource(data) };
  const testSplit = optionalNumber(data, 'test_split');
  const scale = optionalNumber(data, 'scale');
  const normalize = valueOf(data, 'normalize');
  const oneHot = optionalBoolean(data, 'one_hot');
  const limit = optionalNumber(data, 'limit');
  if (testSplit !== undefined) spec.testSplit = testSplit;
  if (scale !== undefined) spec.scale = scale;
  if (typeof normalize === 'string') {
    const entry = lookupName(NORMALIZATIONS, normalize);
    if (entry) spec.normalize = entry.tfjs;
  }
  if (oneHot !== undefined) spec.oneHot = oneHot;
  if (limit !== undefined) spec.limit = limit;
  const reshape = valueOf(data, 'reshape');
  if (Array.isArray(reshape)) spec.reshape = reshape.map((d: unknown) => expectNumber(d, 'reshape'));
  return spec;
}

function dataSource(data: RawMap): DataSource {
  if (isRawMap(data.inline)) {
    const { x, y } = data.inline;
    return { kind: 'inline', x: nestedNumbersList(x, 'x'), ...(y === undefined ? {} : { y: targetList(y) }) };
  }
  if (typeof data.dataset === 'string') {
    const dataset = lookupName(DATASETS, data.dataset);
    if (!dataset) throw new Error('internal: dataset should be valid after validation');
    return { kind: 'dataset', name: dataset.keras };
  }
  const source: DataSource = { kind: 'csv', path: expectString(data.csv, 'csv') };
  const label = data.label;
  if (typeof label === 'string' || typeof label === 'number') source.label = label;
  if (typeof data.features === 'string') source.features = data.features;
  else if (Array.isArray(data.features)) {
    source.features = data.features.map((f: unknown) => (typeof f === 'number' ? f : expectString(f, 'feature')));
  }
  return source;
}

function normalizeFit(fit: RawMap): FitSpec {
  const validationSplit = optionalNumber(fit, 'validation_split');
  const spec: FitSpec = {
    epochs: optionalNumber(fit, 'epochs') ?? FIT_DEFAULTS.epochs,
    batchSize: optionalNumber(fit, 'batch_size') ?? FIT_DEFAULTS.batchSize,
    shuffle: optionalBoolean(fit, 'shuffle') ?? FIT_DEFAULTS.shuffle,
  };
  if (validationSplit !== undefined) spec.validationSplit = validationSplit;
  const earlyStopping = normalizeEarlyStopping(valueOf(fit, 'early_stopping'), validationSplit !== undefined);
  if (earlyStopping) spec.earlyStopping = earlyStopping;
  return spec;
}

/** `true` or a map enables it; Keras' EarlyStopping defaults, with `val_loss` only when there is validation data. */
function normalizeEarlyStopping(raw: unknown, hasValidation: boolean): EarlyStoppingSpec | undefined {
  if (raw !== true && !isRawMap(raw)) return undefined;
  const options = isRawMap(raw) ? raw : {};
  return {
    monitor: typeof options.monitor === 'string' ? options.monitor : hasValidation ? 'val_loss' : 'loss',
    patience: optionalNumber(options, 'patience') ?? 0,
    minDelta: optionalNumber(options, 'min_delta') ?? 0,
    ...(optionalBoolean(options, 'restore_best_weights') ? { restoreBestWeights: true } : {}),
  };
}

function normalizePredict(raw: unknown): PredictSpec | undefined {
  if (!isRawMap(raw)) return undefined;
  if (raw.inputs !== undefined) return { kind: 'inputs', inputs: nestedNumbersList(raw.inputs, 'inputs') };
  return { kind: 'samples', samples: expectNumber(raw.samples, 'samples') };
}

function isNestedNumbers(value: unknown): value is NestedNumbers {
  return typeof value === 'number' || (Array.isArray(value) && value.every(isNestedNumbers));
}

function nestedNumbersList(value: unknown, what: string): NestedNumbers[] {
  if (!Array.isArray(value) || !value.every(isNestedNumbers)) throw new Error(`internal: ${what} should hold numbers after validation`);
  return value;
}

function targetList(value: unknown): Array<NestedNumbers | string> {
  const isTarget = (t: unknown): t is NestedNumbers | string => typeof t === 'string' || isNestedNumbers(t);
  if (!Array.isArray(value) || !value.every(isTarget)) throw new Error('internal: y should hold labels after validation');
  return value;
}
