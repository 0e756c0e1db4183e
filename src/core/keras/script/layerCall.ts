import type { LayerType } from '../../spec/modelSpec';
import { REGULARIZERS } from '../../spec/vocabulary';
import type { Expr } from './pythonAst';
import { LAYER_POSITIONAL, isActivation, isInitializer, layerOptionKeys, optionKind, snakeCase } from './kerasNames';
import { literalOf, namedArguments, type ReaderContext } from './readerContext';
import type { LayerValue, Value } from './values';

type Call = Extract<Expr, { kind: 'call' }>;

// Written last in a layer's braces, as the examples write them.
const INPUT_KEYS = ['input_shape', 'input_dim'];

/** A Keras layer call (`Dense(64, 'relu', input_shape=(4,))`) as a model-file layer. */
export function layerFromCall(type: LayerType, className: string, call: Call, ctx: ReaderContext): LayerValue {
  const args = namedArguments(call, LAYER_POSITIONAL[type], ctx, className);
  const allowed = layerOptionKeys(type);
  const options: Record<string, unknown> = {};
  const inputs: Record<string, unknown> = {};
  for (const [key, expr] of args) {
    if (key === 'batch_input_shape') {
      const shape = literalOf(ctx.evaluate(expr));
      if (Array.isArray(shape) && shape.length > 1) inputs.input_shape = shape.slice(1);
      else ctx.warn(expr.from, `not translated: batch_input_shape=${ctx.code(expr)} of ${className}`);
      continue;
    }
    if (key === 'dtype' || (key === 'input_length' && type !== 'Embedding')) {
      ctx.warn(expr.from, `not translated: ${key}=${ctx.code(expr)} of ${className}: the format has no ${key}`);
      continue;
    }
    if (!allowed.includes(key)) {
      ctx.warn(expr.from, `not translated: ${key}=${ctx.code(expr)} of ${className}: the format's ${type} has no ${key} (it has ${allowed.join(', ')})`);
      continue;
    }
    const value = optionValue(optionKind(type, key) ?? '', key, expr, className, ctx);
    if (value === undefined) continue;
    if (INPUT_KEYS.includes(key) && type !== 'Embedding') inputs[key] = value;
    else options[key] = value;
  }
  const all = { ...options, ...inputs };
  const layer = Object.keys(all).length === 0 ? type : { [type]: all };
  return { layer: typeof layer === 'string' ? { [layer]: {} } : layer, from: call.from };
}

function optionValue(kind: string, key: string, expr: Expr, className: string, ctx: ReaderContext): unknown {
  const value = ctx.evaluate(expr);
  const where = `${key}=${ctx.code(expr)} of ${className}`;
  switch (kind) {
    case 'activation': {
      const name = activationName(expr, value, ctx);
      if (name === null) return undefined; // None: Keras' linear, the format's default
      if (name && isActivation(name)) return name;
      ctx.warn(expr.from, `not translated: ${where}: not an activation of the format; the layer is linear without it`);
      return undefined;
    }
    case 'initializer': {
      const name = value.kind === 'initializer' ? value.value : typeof literalOf(value) === 'string' ? (literalOf(value) as string) : undefined;
      if (name && isInitializer(name)) return name;
      ctx.warn(expr.from, `not translated: ${where}: not an initializer of the format; Keras' default is used`);
      return undefined;
    }
    case 'regularizer': {
      if (value.kind === 'regularizer') return value.value;
      const name = literalOf(value);
      if (typeof name === 'string' && REGULARIZERS.some((r) => r.keras === name)) return name;
      ctx.warn(expr.from, `not translated: ${where}: not a regularizer of the format (l1, l2, l1_l2)`);
      return undefined;
    }
    default: {
      if (value.kind === 'dataShape' || (value.kind === 'tuple' && value.items.some((i) => i.kind === 'dataShape'))) {
        // `input_shape=(X.shape[1],)`: the data gives the same shape, so the file leaves it out.
        return undefined;
      }
      const literal = literalOf(value);
      if (literal === undefined || (literal === null && key !== 'input_shape')) {
        const reason = INPUT_KEYS.includes(key) ? 'its value is not known before the script runs; the shape comes from the data' : 'its value is not a constant';
        if (literal !== null) ctx.warn(expr.from, `not translated: ${where}: ${reason}`);
        return undefined;
      }
      return literal;
    }
  }
}

/** `'relu'`, `tf.nn.relu`, `keras.activations.relu`, `Activation('relu')`'s argument; null for None. */
function activationName(expr: Expr, value: Value, ctx: ReaderContext): string | null | undefined {
  const literal = literalOf(value);
  if (literal === null) return null;
  if (typeof literal === 'string') return literal;
  if (value.kind === 'qualified') return ctx.qualifiedName(expr);
  return undefined;
}

/** `l2(0.01)`, `regularizers.l1_l2(l1=1e-5, l2=1e-4)`, `L2(1e-4)` as the format writes regularizers. */
export function regularizerFromCall(className: string, call: Call, ctx: ReaderContext): Value {
  const name = snakeCase(className).replace(/^l1l2$/, 'l1_l2');
  if (!['l1', 'l2', 'l1_l2'].includes(name)) return { kind: 'unknown' };
  const positional = name === 'l1_l2' ? ['l1', 'l2'] : [name];
  const args = namedArguments(call, positional, ctx, className);
  const factors: Record<string, number> = {};
  for (const [key, expr] of args) {
    const factor = literalOf(ctx.evaluate(expr));
    if (typeof factor === 'number' && positional.includes(key)) factors[key] = factor;
    else ctx.warn(expr.from, `not translated: ${key}=${ctx.code(expr)} of ${className}`);
  }
  if (name === 'l1_l2') return { kind: 'regularizer', value: Object.keys(factors).length ? { l1_l2: factors } : 'l1_l2' };
  return { kind: 'regularizer', value: factors[name] !== undefined ? { [name]: factors[name] } : name };
}
