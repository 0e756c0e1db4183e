/**
 * The serialized Keras objects of a model JSON in the model file's words: initializers, regularizers,
 * activations, and float32 numbers (`0.009999999776482582` is the `0.01` that was written).
 */
import { ACTIVATIONS, INITIALIZERS, lookupName } from '../../spec/vocabulary';
import { isRawMap, type RawMap } from '../../modelFile/rawValues';

/** The shortest decimal that is the same float32: Keras stores its settings as float32. */
export function tidyNumber(value: number): number {
  if (Number.isInteger(value) || Math.fround(value) !== value) return value;
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) return candidate;
  }
  return value;
}

/** Every number of a JSON value tidied. */
export function tidy(value: unknown): unknown {
  if (typeof value === 'number') return tidyNumber(value);
  if (Array.isArray(value)) return value.map(tidy);
  if (isRawMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tidy(v)]));
  return value;
}

/** `{"class_name": "GlorotUniform", "config": {...}}` (Keras 2, tfjs) or with `module` (Keras 3), or a bare name. */
export interface SerializedObject {
  className: string;
  config: RawMap;
}

export function serializedObject(value: unknown): SerializedObject | undefined {
  if (typeof value === 'string') return { className: value, config: {} };
  if (!isRawMap(value) || typeof value.class_name !== 'string') return undefined;
  // Keras 2.11+ writes its new optimizers as `Custom>Adam`, Keras 3 may prefix the module.
  const className = value.class_name.replace(/^Custom>/, '').replace(/^keras\.\w+\./, '');
  return { className, config: isRawMap(value.config) ? value.config : {} };
}

/** `GlorotUniform` -> `glorot_uniform`, `binaryCrossentropy` -> `binary_crossentropy`. */
export function snakeName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** An activation by any spelling Keras or tfjs writes, or undefined when the format has none such. */
export function activationName(value: unknown): string | undefined {
  const written = serializedObject(value)?.className;
  return written === undefined ? undefined : lookupName(ACTIVATIONS, written)?.keras ?? lookupName(ACTIVATIONS, snakeName(written))?.keras;
}

export interface Translated {
  /** The model file's value. */
  value?: unknown;
  /** Why it is not exactly what the JSON says, when it is not. */
  problem?: string;
}

/** An initializer, with Keras' meaning of each class and its settings. */
export function initializerValue(value: unknown): Translated {
  const object = serializedObject(value);
  if (!object) return { problem: 'is not an initializer the format knows' };
  const { className, config } = object;
  const num = (key: string, fallback: number): number => (typeof config[key] === 'number' ? tidyNumber(config[key]) : fallback);
  const seeded = config.seed !== undefined && config.seed !== null ? ' (its seed is not kept)' : '';
  const named = (name: string, ok = true): Translated => (ok ? { value: name, ...(seeded ? { problem: `is ${name}${seeded}` } : {}) } : { value: name, problem: `is written as ${name} with the format's settings; the JSON's ${describe(config)} are not kept` });
  const name = snakeName(className);
  switch (name) {
    case 'variance_scaling':
      return varianceScaling(config, named);
    case 'random_uniform':
      return named('random_uniform', num('minval', -0.05) === -0.05 && num('maxval', 0.05) === 0.05);
    case 'random_normal':
    case 'truncated_normal':
      return named(name, num('mean', 0) === 0 && num('stddev', 0.05) === 0.05);
    case 'orthogonal':
    case 'identity':
      return named(name, num('gain', 1) === 1);
    case 'constant':
      return named('zeros', num('value', 0) === 0);
    default: {
      const entry = lookupName(INITIALIZERS, name) ?? lookupName(INITIALIZERS, className);
      return entry ? named(entry.keras) : { problem: `${className} is not an initializer of the format` };
    }
  }
}

/** tfjs writes every Glorot, He and LeCun initializer as the VarianceScaling it is. */
function varianceScaling(config: RawMap, named: (name: string, ok?: boolean) => Translated): Translated {
  const scale = typeof config.scale === 'number' ? config.scale : 1;
  const mode = typeof config.mode === 'string' ? snakeName(config.mode) : 'fan_in';
  const distribution = typeof config.distribution === 'string' ? snakeName(config.distribution) : 'truncated_normal';
  const uniform = distribution === 'uniform';
  if (scale === 1 && mode === 'fan_avg') return named(uniform ? 'glorot_uniform' : 'glorot_normal');
  if (scale === 2 && mode === 'fan_in') return named(uniform ? 'he_uniform' : 'he_normal');
  if (scale === 1 && mode === 'fan_in') return named(uniform ? 'lecun_uniform' : distribution === 'truncated_normal' ? 'variance_scaling' : 'lecun_normal');
  return named('variance_scaling', false);
}

/** `{"class_name": "L2", "config": {"l2": 0.01}}` (and tfjs' L1L2 with one factor 0) as `{ l2: 0.01 }`. */
export function regularizerValue(value: unknown): Translated {
  if (value === null || value === undefined) return {};
  const object = serializedObject(value);
  if (!object) return { problem: 'is not a regularizer the format knows' };
  const l1 = typeof object.config.l1 === 'number' ? tidyNumber(object.config.l1) : 0;
  const l2 = typeof object.config.l2 === 'number' ? tidyNumber(object.config.l2) : 0;
  const name = snakeName(object.className).replace(/^l1l2$/, 'l1_l2');
  if (name === 'l1' && object.config.l1 === undefined) return { value: 'l1' };
  if (name === 'l2' && object.config.l2 === undefined) return { value: 'l2' };
  if (!['l1', 'l2', 'l1_l2'].includes(name)) return { problem: `${object.className} is not a regularizer of the format (l1, l2, l1_l2)` };
  if (l1 === 0 && l2 === 0) return {};
  if (l2 === 0) return { value: { l1 } };
  if (l1 === 0) return { value: { l2 } };
  return { value: { l1_l2: { l1, l2 } } };
}

function describe(config: RawMap): string {
  return Object.entries(config)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k} ${JSON.stringify(tidy(v))}`)
    .join(', ');
}
