/**
 * A run's settings as rows to compare: the normalized spec of its model-file copy flattened into
 * `layers[0].units`-style keys, in the order of a model file (layers, compile, fit, seed, data), then the
 * backend. Keys and names are spelled as Keras spells them, which is how model files are written
 * (`learning_rate`, `glorot_uniform`), whichever spelling a file used: the spec holds tfjs camelCase,
 * and two files that mean the same must give the same rows.
 */
import { createHash } from 'crypto';
import type { DataSpec, LayerSpec, ModelSpec, NestedNumbers, OptimizerSpec } from '../spec/modelSpec';
import { ACTIVATIONS, DATA_FORMATS, INITIALIZERS, LOSSES, OPTIMIZERS, PADDINGS, layerOptions, tfjsKey, type NamedValue, type OptionKind } from '../spec/vocabulary';

/** One setting of one run: its key and its value as text. */
export type SettingRow = [key: string, value: string];

/**
 * What the run actually used where that can differ from its file: `--seed` and `--epochs` override the
 * file, a file without a seed has one drawn per run, and `auto` picks a backend per machine.
 */
export interface RunActuals {
  seed?: number;
  epochs?: number;
  backend?: string;
}

/** Inline data longer than this is shown by its size and a hash, not in full. */
const INLINE_TEXT_LIMIT = 80;

const NAMED_KINDS: Partial<Record<OptionKind, readonly NamedValue[]>> = { activation: ACTIVATIONS, initializer: INITIALIZERS, padding: PADDINGS, dataFormat: DATA_FORMATS };

/** Every setting of a run, in model-file order; the spec is undefined when only the actuals are known. */
export function specSettings(spec: ModelSpec | undefined, actual: RunActuals): SettingRow[] {
  const rows: SettingRow[] = [];
  const add = (key: string, value: unknown) => {
    if (value !== undefined) rows.push([key, settingText(value)]);
  };
  if (spec) {
    spec.model.forEach((layer, index) => layerRows(layer, `layers[${index}]`, add));
    optimizerRows(spec.compile.optimizer, add);
    add('loss', kerasName(LOSSES, spec.compile.loss));
    add('loss.from_logits', spec.compile.fromLogits);
    add('metrics', spec.compile.metrics.map((m) => m.label));
    add('batch_size', spec.fit.batchSize);
  }
  add('epochs', actual.epochs ?? spec?.fit.epochs);
  if (spec) {
    add('validation_split', spec.fit.validationSplit);
    add('shuffle', spec.fit.shuffle);
    const early = spec.fit.earlyStopping;
    if (early) {
      add('early_stopping.monitor', early.monitor);
      add('early_stopping.patience', early.patience);
      add('early_stopping.min_delta', early.minDelta);
      add('early_stopping.restore_best_weights', early.restoreBestWeights);
    }
  }
  add('seed', actual.seed ?? spec?.seed);
  if (spec) dataRows(spec.data, add);
  add('backend', actual.backend);
  return rows;
}

/** `16`, `relu`, `[28, 28]`, `{ l2: 0.01 }`, `true`: a value as a model file writes it in flow style. */
export function settingText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(settingText).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${settingText(v)}`).join(', ')} }`;
  }
  return String(value);
}

type Add = (key: string, value: unknown) => void;

function layerRows(layer: LayerSpec, prefix: string, add: Add): void {
  add(prefix, layer.type);
  const options = layerOptions(layer.type);
  for (const [key, value] of Object.entries(layer.config)) {
    const option = options.find((o) => tfjsKey(o.key) === key);
    const names = option && NAMED_KINDS[option.kind];
    add(`${prefix}.${option?.key ?? snakeCase(key)}`, names && typeof value === 'string' ? kerasName(names, value) : value);
  }
}

function optimizerRows(optimizer: OptimizerSpec, add: Add): void {
  const def = OPTIMIZERS.find((o) => o.tfjs === optimizer.name);
  add('optimizer', def?.keras ?? optimizer.name);
  const options: readonly { key: string }[] = def?.options ?? [];
  for (const [key, value] of Object.entries(optimizer.options)) {
    add(`optimizer.${options.find((o) => tfjsKey(o.key) === key)?.key ?? snakeCase(key)}`, value);
  }
}

function dataRows(data: DataSpec, add: Add): void {
  const { source } = data;
  if (source.kind === 'inline') {
    add('data.inline.x', inlineText(source.x));
    add('data.inline.y', source.y && inlineText(source.y));
  } else if (source.kind === 'dataset') {
    add('data.dataset', source.name);
  } else {
    add('data.csv', source.path);
    add('data.label', source.label);
    add('data.features', source.features);
  }
  add('data.test_split', data.testSplit);
  add('data.scale', data.scale);
  add('data.normalize', data.normalize);
  add('data.one_hot', data.oneHot);
  add('data.limit', data.limit);
  add('data.reshape', data.reshape);
}

/** Short inline data in full; longer data as `120 samples · 3f2a9c1e`, so two different sets still differ. */
function inlineText(values: ReadonlyArray<NestedNumbers | string>): string {
  const text = settingText(values);
  if (text.length <= INLINE_TEXT_LIMIT) return text;
  return `${values.length} samples · ${createHash('sha1').update(text).digest('hex').slice(0, 8)}`;
}

function kerasName(names: readonly NamedValue[], tfjs: string): string {
  return names.find((n) => n.tfjs === tfjs)?.keras ?? tfjs;
}

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
