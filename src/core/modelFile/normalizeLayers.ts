/** Layers as the trainer needs them: tfjs class, camelCase config keys, tfjs identifiers. */
import type { LayerSpec, LayerType, RegularizerSpec } from '../spec/modelSpec';
import {
  ACTIVATIONS,
  DATA_FORMATS,
  DEFAULT_REGULARIZER_FACTOR,
  INITIALIZERS,
  PADDINGS,
  REGULARIZERS,
  layerOptions,
  layerTypeOf,
  lookupName,
  tfjsKey,
  type NamedValue,
  type OptionKind,
} from '../spec/vocabulary';
import { expectNumber, expectString, isRawMap, isSpellingOf, type RawMap } from './rawValues';

/** Normalizes the validated `model` list. */
export function normalizeLayers(model: unknown): LayerSpec[] {
  if (!Array.isArray(model)) throw new Error('internal: model should be a list after validation');
  return model.map(normalizeLayer);
}

function normalizeLayer(item: unknown): LayerSpec {
  if (typeof item === 'string') return { type: layerType(item), config: {} };
  if (!isRawMap(item)) throw new Error('internal: a layer should be a name or a map after validation');
  const written = Object.keys(item)[0];
  const type = layerType(written);
  const raw = item[written];
  return { type, config: isRawMap(raw) ? normalizeConfig(type, raw) : {} };
}

function layerType(written: string): LayerType {
  const type = layerTypeOf(written);
  if (!type) throw new Error(`internal: ${written} should be a layer after validation`);
  return type;
}

function normalizeConfig(type: LayerType, raw: RawMap): Record<string, unknown> {
  const options = layerOptions(type);
  const config: Record<string, unknown> = {};
  for (const [written, value] of Object.entries(raw)) {
    const option = options.find((o) => isSpellingOf(written, o.key));
    if (!option) throw new Error(`internal: ${written} should be an option of ${type} after validation`);
    if (option.key === 'input_dim' && type !== 'Embedding') {
      // Keras' `input_dim=n` is shorthand for `input_shape=(n,)`; tfjs only knows inputShape.
      config.inputShape = [expectNumber(value, written)];
    } else {
      config[tfjsKey(option.key)] = normalizeOptionValue(option.kind, value);
    }
  }
  return config;
}

const NAMED_KINDS: Partial<Record<OptionKind, readonly NamedValue[]>> = {
  activation: ACTIVATIONS,
  initializer: INITIALIZERS,
  padding: PADDINGS,
  dataFormat: DATA_FORMATS,
};

function normalizeOptionValue(kind: OptionKind, value: unknown): unknown {
  if (kind === 'regularizer') return regularizerSpec(value);
  const names = NAMED_KINDS[kind];
  if (!names) return value;
  const entry = lookupName(names, expectString(value, kind));
  if (!entry) throw new Error(`internal: ${String(value)} should be a valid ${kind} after validation`);
  return entry.tfjs;
}

/** `l2` -> { l2: 0.01 }; `{ l2: 0.001 }` -> { l2: 0.001 }; `{ l1_l2: { l1: 0.1 } }` -> { l1: 0.1, l2: 0.01 }. */
export function regularizerSpec(value: unknown): RegularizerSpec {
  const factor = DEFAULT_REGULARIZER_FACTOR;
  if (typeof value === 'string') {
    const name = lookupName(REGULARIZERS, value)?.keras;
    if (name === 'l1') return { l1: factor };
    if (name === 'l2') return { l2: factor };
    if (name === 'l1_l2') return { l1: factor, l2: factor };
  } else if (isRawMap(value)) {
    if (value.l1 !== undefined) return { l1: expectNumber(value.l1, 'l1') };
    if (value.l2 !== undefined) return { l2: expectNumber(value.l2, 'l2') };
    const both = value.l1_l2 ?? value.l1l2;
    if (isRawMap(both)) {
      // Keras' l1_l2() defaults each missing factor to 0.01.
      return { l1: both.l1 === undefined ? factor : expectNumber(both.l1, 'l1'), l2: both.l2 === undefined ? factor : expectNumber(both.l2, 'l2') };
    }
  }
  throw new Error('internal: a regularizer should be a name or a single-key map after validation');
}
