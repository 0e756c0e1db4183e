/**
 * The compile section from a model JSON's training settings: Keras 2's and tfjs' `training_config`
 * (`optimizer_config`, `loss`, `metrics`) or Keras 3's `compile_config` (`optimizer`, `loss`, `metrics`).
 */
import { isDeepStrictEqual } from 'util';
import { LOSSES, METRICS, OPTIMIZERS, lookupName, type NamedValue } from '../../spec/vocabulary';
import { isSpellingOf, type RawMap } from '../../modelFile/rawValues';
import type { JsonPath } from './jsonSource';
import type { JsonOrigin } from './layerDefaults';
import { serializedObject, snakeName, tidy, tidyNumber } from './kerasValues';

export interface CompileContext {
  origin: JsonOrigin;
  warn(path: JsonPath, message: string): void;
}

/** Keras' optimizer defaults, by Keras option key: what the model file's README promises for a left-out option. */
const OPTIMIZER_DEFAULTS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  adam: { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 },
  sgd: { learning_rate: 0.01, momentum: 0, nesterov: false },
  rmsprop: { learning_rate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7, centered: false },
  adagrad: { learning_rate: 0.001, initial_accumulator_value: 0.1 },
  adadelta: { learning_rate: 0.001, rho: 0.95, epsilon: 1e-7 },
  adamax: { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 },
};

/** Optimizer settings the format lacks, at values that change nothing (or only how fast it runs). */
const OPTIMIZER_EXTRAS: Readonly<Record<string, unknown>> = {
  name: undefined,
  decay: 0,
  amsgrad: false,
  weight_decay: null,
  clipnorm: null,
  global_clipnorm: null,
  clipvalue: null,
  use_ema: false,
  ema_momentum: undefined,
  ema_overwrite_frequency: null,
  jit_compile: undefined,
  is_legacy_optimizer: undefined,
  loss_scale_factor: null,
  gradient_accumulation_steps: null,
  epsilon: undefined,
};

/** Loss settings the format lacks, at values that change nothing. */
const LOSS_EXTRAS: Readonly<Record<string, unknown>> = {
  name: undefined,
  reduction: undefined,
  fn: undefined,
  label_smoothing: 0,
  axis: -1,
  ignore_class: null,
  dtype: undefined,
};

/** The compile section of the training settings `training`, found at `path` in the JSON. */
export function compileOf(training: RawMap, path: JsonPath, context: CompileContext): Record<string, unknown> {
  const compile: Record<string, unknown> = {};
  const optimizerKey = 'optimizer_config' in training ? 'optimizer_config' : 'optimizer';
  const optimizer = optimizerOf(training[optimizerKey], [...path, optimizerKey], context);
  if (optimizer !== undefined) compile.optimizer = optimizer;
  const loss = lossOf(training.loss, [...path, 'loss'], context);
  if (loss !== undefined) compile.loss = loss;
  const metrics = metricsOf(training.metrics, [...path, 'metrics'], context);
  if (metrics.length > 0) compile.metrics = metrics;
  return compile;
}

function optimizerOf(raw: unknown, path: JsonPath, context: CompileContext): unknown {
  if (raw === undefined || raw === null) return undefined;
  const object = serializedObject(raw);
  const optimizer = object && (lookupName(OPTIMIZERS, object.className) ?? lookupName(OPTIMIZERS, object.className.toLowerCase()));
  if (!object || !optimizer) {
    context.warn([...path, 'class_name'], `optimizer ${object?.className ?? JSON.stringify(raw)} is not in the format: compiled with adam instead`);
    return 'adam';
  }
  const defaults = OPTIMIZER_DEFAULTS[optimizer.keras] ?? {};
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object.config)) {
    const at = [...path, 'config', key];
    // TensorFlow.js calls RMSprop's rho `decay`; Keras 2's `decay` is a learning-rate decay instead.
    const written = context.origin === 'tfjs' && optimizer.keras === 'rmsprop' && key === 'decay' ? 'rho' : key;
    const option = optimizer.options.find((o) => isSpellingOf(written, o.key));
    if (!option) {
      const harmless = snakeName(key) in OPTIMIZER_EXTRAS && (OPTIMIZER_EXTRAS[snakeName(key)] === undefined || isDeepStrictEqual(value, OPTIMIZER_EXTRAS[snakeName(key)]));
      if (!harmless) context.warn(at, `${optimizer.keras} ${key}: ${JSON.stringify(tidy(value))} is not in the format: left out`);
      continue;
    }
    if (typeof value !== 'number' && typeof value !== 'boolean') {
      context.warn(at, `${optimizer.keras} ${option.key} is a ${serializedObject(value)?.className ?? 'value'} the format cannot hold (a number is needed): Keras' default is used`);
      continue;
    }
    const tidied = typeof value === 'number' ? tidyNumber(value) : value;
    if (!isDeepStrictEqual(tidied, defaults[option.key])) options[option.key] = tidied;
  }
  return Object.keys(options).length === 0 ? optimizer.keras : { [optimizer.keras]: options };
}

/** A loss by name (`sparse_categorical_crossentropy`, tfjs' `sparseCategoricalCrossentropy`) or as its class with from_logits. */
function lossOf(raw: unknown, path: JsonPath, context: CompileContext): unknown {
  if (raw === undefined || raw === null) return undefined;
  const object = serializedObject(raw);
  const loss = object && named(LOSSES, object.className);
  if (!object || !loss) {
    context.warn(path, `loss ${object?.className ?? JSON.stringify(raw)} is not in the format: choose one of ${LOSSES.map((l) => l.keras).join(', ')}`);
    return undefined;
  }
  let fromLogits = false;
  for (const [key, value] of Object.entries(object.config)) {
    if (key === 'from_logits') fromLogits = value === true;
    else if (!(key in LOSS_EXTRAS && (LOSS_EXTRAS[key] === undefined || isDeepStrictEqual(value, LOSS_EXTRAS[key])))) {
      context.warn([...path, 'config', key], `${loss.keras} ${key}: ${JSON.stringify(tidy(value))} is not in the format: left out`);
    }
  }
  return fromLogits ? { [loss.keras]: { from_logits: true } } : loss.keras;
}

/** Metrics as Keras 2 writes them (nested lists of MeanMetricWrapper), Keras 3 and tfjs (names). */
function metricsOf(raw: unknown, path: JsonPath, context: CompileContext): string[] {
  if (!Array.isArray(raw)) return [];
  const names: string[] = [];
  raw.forEach((item, i) => {
    const at = [...path, i];
    if (Array.isArray(item)) {
      names.push(...metricsOf(item, at, context));
      return;
    }
    const object = serializedObject(item);
    // A wrapped function metric keeps the name it was compiled with (`accuracy`) in its config.
    const wrapped = object && /MetricWrapper$/.test(object.className) && typeof object.config.name === 'string' ? object.config.name : undefined;
    const written = wrapped ?? object?.className;
    const metric = written === undefined ? undefined : named<NamedValue>(METRICS, written);
    if (!metric || written === undefined) {
      context.warn(at, `metric ${written ?? JSON.stringify(item)} is not in the format: left out`);
      return;
    }
    // The user's spelling when Keras has it (`acc`), Keras' name for a tfjs or class spelling.
    const spelling = written === metric.keras || (metric.aliases ?? []).includes(written) ? written : metric.keras;
    if (!names.includes(spelling)) names.push(spelling);
  });
  return names;
}

function named<V extends NamedValue>(values: readonly V[], written: string): V | undefined {
  return lookupName(values, written) ?? lookupName(values, snakeName(written));
}

/** Compile settings for a model JSON without them: a guess from the last layer, which the header says is one. */
export function guessedCompile(lastActivation: string | undefined, lastUnits: number | undefined): Record<string, unknown> {
  if (lastActivation === 'softmax') return { optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] };
  if (lastActivation === 'sigmoid' && lastUnits === 1) return { optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy'] };
  // A linear layer of several units is most often a classifier's logits, as in the TensorFlow quickstart.
  if (lastActivation === 'linear' && lastUnits !== undefined && lastUnits > 1) {
    return { optimizer: 'adam', loss: { sparse_categorical_crossentropy: { from_logits: true } }, metrics: ['accuracy'] };
  }
  return { optimizer: 'adam', loss: 'mean_squared_error', metrics: ['mae'] };
}

