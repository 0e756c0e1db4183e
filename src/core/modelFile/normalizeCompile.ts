/** compile as the trainer needs it: tfjs optimizer, loss and metric identifiers. */
import type { CompileSpec, LayerSpec, MetricSpec, OptimizerSpec } from '../spec/modelSpec';
import { LOSSES, METRICS, OPTIMIZERS, lookupName, tfjsKey } from '../spec/vocabulary';
import { expectString, isRawMap, isSpellingOf, valueOf, type RawMap } from './rawValues';

/** Keras compiles with RMSprop when no optimizer is given. */
export const DEFAULT_OPTIMIZER = 'rmsprop';

/** Normalizes the validated `compile` section; `layers` decide what `accuracy` means. */
export function normalizeCompile(compile: RawMap, layers: readonly LayerSpec[]): CompileSpec {
  const { loss, fromLogits } = normalizeLoss(compile.loss);
  const metrics = valueOf(compile, 'metrics');
  return {
    optimizer: normalizeOptimizer(valueOf(compile, 'optimizer')),
    loss,
    ...(fromLogits ? { fromLogits } : {}),
    metrics: Array.isArray(metrics) ? metrics.map((m) => normalizeMetric(expectString(m, 'metric'), loss, layers)) : [],
  };
}

/** `mse`, or `{ sparse_categorical_crossentropy: { from_logits: true } }`. */
function normalizeLoss(raw: unknown): { loss: string; fromLogits: boolean } {
  const written = typeof raw === 'string' ? raw : isRawMap(raw) ? Object.keys(raw)[0] : undefined;
  const loss = written === undefined ? undefined : lookupName(LOSSES, written)?.tfjs;
  if (!loss || written === undefined) throw new Error('internal: loss should be valid after validation');
  const options = isRawMap(raw) ? raw[written] : undefined;
  return { loss, fromLogits: isRawMap(options) && valueOf(options, 'from_logits') === true };
}

function normalizeOptimizer(raw: unknown): OptimizerSpec {
  if (raw === undefined) return { name: DEFAULT_OPTIMIZER, options: {} };
  const written = typeof raw === 'string' ? raw : isRawMap(raw) ? Object.keys(raw)[0] : undefined;
  const optimizer = written === undefined ? undefined : lookupName(OPTIMIZERS, written);
  if (!optimizer || written === undefined) throw new Error('internal: optimizer should be valid after validation');
  const options: Record<string, number | boolean> = {};
  const rawOptions = isRawMap(raw) ? raw[written] : undefined;
  if (isRawMap(rawOptions)) {
    for (const [key, value] of Object.entries(rawOptions)) {
      const option = optimizer.options.find((o) => isSpellingOf(key, o.key));
      if (!option || (typeof value !== 'number' && typeof value !== 'boolean')) {
        throw new Error(`internal: ${key} should be a valid ${optimizer.keras} option after validation`);
      }
      options[tfjsKey(option.key)] = value;
    }
  }
  return { name: optimizer.tfjs, options };
}

function normalizeMetric(label: string, loss: string, layers: readonly LayerSpec[]): MetricSpec {
  const metric = lookupName(METRICS, label);
  if (!metric) throw new Error(`internal: ${label} should be a valid metric after validation`);
  return { label, tfjsName: metric.tfjs === 'accuracy' ? accuracyFor(loss, layers) : metric.tfjs };
}

/**
 * Keras' choice for `accuracy`: from the loss when it says, else binary for a single output unit
 * and categorical otherwise.
 */
export function accuracyFor(loss: string, layers: readonly LayerSpec[]): string {
  if (loss === 'binaryCrossentropy') return 'binaryAccuracy';
  if (loss === 'categoricalCrossentropy') return 'categoricalAccuracy';
  if (loss === 'sparseCategoricalCrossentropy') return 'sparseCategoricalAccuracy';
  // The output width is the units of the last layer that has them (Activation/Dropout keep it).
  const last = [...layers].reverse().find((l) => typeof l.config.units === 'number');
  return last?.config.units === 1 ? 'binaryAccuracy' : 'categoricalAccuracy';
}
