/**
 * A valid model file as written, in Keras' spelling: the exporter writes Python from this, so that a
 * tfjs camelCase key (`inputShape`) or alias (`MaxPool2D`, `lr`) in the file still reads as Keras.
 */
import type { LayerType } from '../../spec/modelSpec';
import { LOSSES, METRICS, OPTIMIZERS, layerOptions, layerTypeOf, lookupName, type NamedValue, type OptionKind } from '../../spec/vocabulary';
import { isRawMap, isSpellingOf, mapOf, valueOf, type RawMap } from '../../modelFile/rawValues';

export interface WrittenOption {
  /** The Keras keyword: `input_shape`, `kernel_regularizer`. */
  key: string;
  /** What kind of value the vocabulary says it takes (undefined for an option it does not list). */
  kind?: OptionKind;
  value: unknown;
}

export interface WrittenLayer {
  type: LayerType;
  options: WrittenOption[];
}

export interface WrittenOptimizer {
  /** The Keras name: `adam`, `sgd`, `rmsprop`. */
  name: string;
  options: Array<[key: string, value: unknown]>;
}

export interface WrittenLoss {
  /** The Keras name as a string loss: `sparse_categorical_crossentropy`. */
  name: string;
  /** Options of a loss object (`from_logits`), in snake_case. */
  options: Array<[key: string, value: unknown]>;
}

export interface WrittenModelFile {
  name: string;
  seed?: number;
  /** Top-of-file comment lines, without their `#`. */
  comments: string[];
  data: RawMap;
  layers: WrittenLayer[];
  optimizer?: WrittenOptimizer;
  loss: WrittenLoss;
  /** The metrics as the user spelled them when Keras knows that spelling, else Keras' name. */
  metrics: string[];
  fit: RawMap;
  predict?: RawMap;
}

/** Reads the root of a model file that passed validation. */
export function writtenModelFile(root: RawMap, name: string, text: string): WrittenModelFile {
  const compile = mapOf(root, 'compile');
  const seed = valueOf(root, 'seed');
  const predict = valueOf(root, 'predict');
  const optimizer = writtenOptimizer(valueOf(compile, 'optimizer'));
  const metrics = valueOf(compile, 'metrics');
  return {
    name: typeof root.name === 'string' ? root.name : name,
    ...(typeof seed === 'number' ? { seed } : {}),
    comments: leadingComments(text),
    data: mapOf(root, 'data'),
    layers: (Array.isArray(root.model) ? root.model : []).map(writtenLayer),
    ...(optimizer ? { optimizer } : {}),
    loss: writtenLoss(valueOf(compile, 'loss')),
    metrics: Array.isArray(metrics) ? metrics.map((m) => kerasMetricSpelling(String(m))) : [],
    fit: mapOf(root, 'fit'),
    ...(isRawMap(predict) ? { predict } : {}),
  };
}

function writtenLayer(item: unknown): WrittenLayer {
  const written = typeof item === 'string' ? item : isRawMap(item) ? Object.keys(item)[0] : '';
  const type = layerTypeOf(written);
  if (!type) throw new Error(`internal: ${written} should be a layer after validation`);
  const raw = isRawMap(item) ? item[written] : undefined;
  const known = layerOptions(type);
  const options = Object.entries(isRawMap(raw) ? raw : {}).map(([key, value]): WrittenOption => {
    const option = known.find((o) => isSpellingOf(key, o.key));
    return option ? { key: option.key, kind: option.kind, value } : { key: snakeCase(key), value };
  });
  return { type, options };
}

function writtenOptimizer(raw: unknown): WrittenOptimizer | undefined {
  const written = typeof raw === 'string' ? raw : isRawMap(raw) ? Object.keys(raw)[0] : undefined;
  const optimizer = written === undefined ? undefined : lookupName(OPTIMIZERS, written);
  if (!optimizer || written === undefined) return undefined;
  const rawOptions = isRawMap(raw) ? raw[written] : undefined;
  const options = Object.entries(isRawMap(rawOptions) ? rawOptions : {}).map(([key, value]): [string, unknown] => [
    optimizer.options.find((o) => isSpellingOf(key, o.key))?.key ?? snakeCase(key),
    value,
  ]);
  return { name: optimizer.keras, options };
}

/** `loss: name`, or a loss with options: `loss: { sparse_categorical_crossentropy: { from_logits: true } }`. */
function writtenLoss(raw: unknown): WrittenLoss {
  const written = typeof raw === 'string' ? raw : isRawMap(raw) ? Object.keys(raw)[0] : '';
  const name = lookupName(LOSSES, written)?.keras ?? written;
  const rawOptions = isRawMap(raw) ? raw[written] : undefined;
  const options = Object.entries(isRawMap(rawOptions) ? rawOptions : {}).map(([key, value]): [string, unknown] => [snakeCase(key), value]);
  return { name, options };
}

/** A tfjs spelling (`binaryAccuracy`) is no Keras string; an alias Keras accepts (`acc`, `mse`) is kept. */
function kerasMetricSpelling(written: string): string {
  const metric: NamedValue | undefined = lookupName(METRICS, written);
  if (!metric || written === metric.keras || (metric.aliases ?? []).includes(written)) return written;
  return metric.keras;
}

/** The comment lines that open the file, before its first key. */
function leadingComments(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)) {
    const match = /^\s*#\s?(.*)$/.exec(line);
    if (!match) break;
    lines.push(match[1].trimEnd());
  }
  return lines;
}

/** `useBias` -> `use_bias`, the Keras keyword of a camelCase key. */
export function snakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
