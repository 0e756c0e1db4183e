/** One layer of a model JSON as a model-file layer: `- Dense: { units: 128, activation: relu }`. */
import { isDeepStrictEqual } from 'util';
import type { LayerType } from '../../spec/modelSpec';
import { DATA_FORMATS, LAYER_TYPES, PADDINGS, layerOptions, layerTypeOf, lookupName } from '../../spec/vocabulary';
import { isRawMap, isSpellingOf, type RawMap } from '../../modelFile/rawValues';
import { isGeneratedName, toSnakeCase } from '../../model/kerasLayerNames';
import type { JsonPath } from './jsonSource';
import { HARMLESS_EXTRAS, METADATA_KEYS, UNSUPPORTED_GRU_RESET_AFTER, layerDefault, type JsonOrigin } from './layerDefaults';
import { activationName, initializerValue, regularizerValue, snakeName, tidy, type Translated } from './kerasValues';

export interface LayerContext {
  origin: JsonOrigin;
  warn(path: JsonPath, message: string): void;
}

/** A layer entry that is not a layer of the format: the import stops there. */
export class UnsupportedLayer {
  constructor(
    readonly path: JsonPath,
    readonly message: string,
  ) {}
}

/** The model-file layer of `entry` (`{"class_name": ..., "config": {...}}`) at `path`. */
export function layerOf(entry: unknown, path: JsonPath, context: LayerContext, inputShape?: unknown[]): Record<string, unknown> | string | UnsupportedLayer {
  const className = isRawMap(entry) && typeof entry.class_name === 'string' ? entry.class_name : undefined;
  const type = className === undefined ? undefined : layerTypeOf(className);
  if (!type || !isRawMap(entry)) {
    const what = className === undefined ? 'this entry has no class_name' : `${className} is not a layer of the format`;
    return new UnsupportedLayer([...path, 'class_name'], `${what}: the layers it has are ${LAYER_TYPES.join(', ')}`);
  }
  const config = isRawMap(entry.config) ? entry.config : {};
  const configPath = [...path, 'config'];
  const options: Record<string, unknown> = {};
  const tail: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(config)) {
    const at = [...configPath, key];
    const option = layerOptions(type).find((o) => isSpellingOf(key, o.key) || isSpellingOf(snakeName(key), o.key));
    if (key === 'name' && typeof raw === 'string' && !isAutomaticName(raw, className ?? type)) tail.name = raw;
    if (key === 'trainable' && raw === false) tail.trainable = false;
    const shapeKey = option?.key === 'input_shape' || (option?.key === 'input_dim' && type !== 'Embedding');
    if (METADATA_KEYS.has(key) || key === 'trainable' || shapeKey) continue;
    if (!option) {
      extra(type, snakeName(key), raw, at, context);
      continue;
    }
    if (type === 'GRU' && option.key === 'reset_after' && raw === true) {
      context.warn(at, UNSUPPORTED_GRU_RESET_AFTER);
      continue;
    }
    // null is Keras' "not set" (pooling strides, a seed, no regularizer): the format's own default then.
    if (raw === null) continue;
    const translated = translate(option.kind, raw);
    if (translated.problem) context.warn(at, `${type} ${option.key} ${translated.problem}`);
    if (translated.value === undefined) continue;
    const fallback = layerDefault(type, option.key, context.origin);
    // Pooling writes its strides out even when they are the pool size, which is their default.
    if (type.endsWith('Pooling2D') && option.key === 'strides' && isDeepStrictEqual(translated.value, tidy(config.pool_size ?? [2, 2]))) continue;
    if (fallback && isDeepStrictEqual(translated.value, fallback.value)) continue;
    options[option.key] = translated.value;
  }
  // As the examples write a layer: its own options, then the input shape, then name and trainable.
  // An Embedding's input_length already says the shape of its input.
  if (inputShape && !(type === 'Embedding' && isDeepStrictEqual(inputShape, [options.input_length]))) options.input_shape = inputShape;
  Object.assign(options, tail);
  return Object.keys(options).length === 0 && layerOptions(type).every((o) => !o.required) ? type : { [type]: options };
}

function translate(kind: string, raw: unknown): Translated {
  switch (kind) {
    case 'activation': {
      const name = activationName(raw);
      return name ? { value: name } : { problem: `${JSON.stringify(raw)} is not an activation of the format: left out (linear)` };
    }
    case 'initializer':
      return initializerValue(raw);
    case 'regularizer':
      return regularizerValue(raw);
    case 'padding':
      return { value: typeof raw === 'string' ? lookupName(PADDINGS, raw)?.keras ?? raw : raw };
    case 'dataFormat':
      return { value: typeof raw === 'string' ? lookupName(DATA_FORMATS, snakeName(raw))?.keras ?? raw : raw };
    case 'integer':
      // BatchNormalization's axis is a one-item list in Keras 2's JSON.
      return { value: Array.isArray(raw) && raw.length === 1 ? raw[0] : raw };
    default:
      return { value: tidy(raw) };
  }
}

/** A setting the format lacks: nothing to say when it is the value that changes nothing. */
function extra(type: LayerType, key: string, raw: unknown, at: JsonPath, context: LayerContext): void {
  if (key.endsWith('_constraint') && raw === null) return;
  if (key in HARMLESS_EXTRAS && (HARMLESS_EXTRAS[key] === undefined || isDeepStrictEqual(raw, HARMLESS_EXTRAS[key]))) return;
  context.warn(at, `${type} ${key}: ${JSON.stringify(tidy(raw))} is not in the format: left out`);
}

/** Keras' `dense`, `dense_1` and TensorFlow.js' `dense_Dense1`: names nobody chose, left to the trainer. */
function isAutomaticName(name: string, className: string): boolean {
  return new RegExp(`^${toSnakeCase(className)}(_\\d+)?$`).test(name) || isGeneratedName({ name, className });
}

/** The shape of one sample from a batch shape: `[null, 28, 28]` -> `[28, 28]`. */
export function sampleShape(batchShape: unknown): unknown[] | undefined {
  if (Array.isArray(batchShape) && batchShape.length >= 2) return batchShape.slice(1);
  // Keras 2 in TensorFlow's SavedModel metadata writes `{"class_name": "TensorShape", "items": [...]}`.
  if (isRawMap(batchShape) && Array.isArray(batchShape.items)) return sampleShape(batchShape.items);
  return undefined;
}

/** The batch shape written on an InputLayer or on the first layer itself. */
export function batchShapeOf(config: RawMap): unknown {
  return config.batch_input_shape ?? config.batch_shape ?? config.batchInputShape;
}
