import type { Expr } from './pythonAst';
import { OPTIMIZER_POSITIONAL, isLoss, isMetric, optimizerName, optimizerOptionKeys, snakeCase } from './kerasNames';
import { literalOf, namedArguments, type ReaderContext } from './readerContext';
import type { Value } from './values';

type Call = Extract<Expr, { kind: 'call' }>;

/** Losses whose Keras class takes `from_logits`, which the format writes `{ loss: { from_logits: true } }`. */
const LOGITS_LOSSES = ['binary_crossentropy', 'categorical_crossentropy', 'sparse_categorical_crossentropy'];

/** `Adam(learning_rate=1e-3)`, `SGD(0.1, momentum=0.9)`: the format's `{ adam: { learning_rate: 0.001 } }`. */
export function optimizerFromCall(className: string, call: Call, ctx: ReaderContext): Value {
  const name = optimizerName(className);
  if (!name) return { kind: 'unknown' };
  const args = namedArguments(call, OPTIMIZER_POSITIONAL[name] ?? [], ctx, className);
  const allowed = optimizerOptionKeys(name);
  const options: Record<string, unknown> = {};
  for (const [rawKey, expr] of args) {
    const key = rawKey === 'lr' ? 'learning_rate' : rawKey;
    const value = literalOf(ctx.evaluate(expr));
    if (key === 'name' || (key === 'amsgrad' && value === false) || (key === 'nesterov' && value === false)) continue;
    if (!allowed.includes(key)) {
      ctx.warn(expr.from, `not translated: ${rawKey}=${ctx.code(expr)} of ${className}: the format's ${name} takes ${allowed.join(', ')}`);
    } else if (typeof value !== 'number' && typeof value !== 'boolean') {
      ctx.warn(expr.from, `not translated: ${rawKey}=${ctx.code(expr)} of ${className}: only a constant is translated (a learning-rate schedule is not in the format)`);
    } else options[key] = value;
  }
  return { kind: 'optimizer', value: Object.keys(options).length > 0 ? { [name]: options } : name };
}

/** The `optimizer=` of compile: a string, an optimizer object, or a variable holding one. */
export function optimizerOf(expr: Expr, ctx: ReaderContext): unknown {
  const value = ctx.evaluate(expr);
  if (value.kind === 'optimizer') return value.value;
  const literal = literalOf(value);
  const name = typeof literal === 'string' ? optimizerName(literal) : value.kind === 'qualified' ? optimizerName(ctx.qualifiedName(expr) ?? '') : undefined;
  if (name) return name;
  ctx.warn(expr.from, `not translated: optimizer=${ctx.code(expr)}: the format has adam, sgd, rmsprop, adagrad, adadelta and adamax; adam is written instead`);
  return 'adam';
}

/** `SparseCategoricalCrossentropy(from_logits=True)` and its kin as the format's loss. */
export function lossFromCall(className: string, call: Call, ctx: ReaderContext): Value {
  const name = snakeCase(className);
  const args = namedArguments(call, ['from_logits'], ctx, className);
  let fromLogits = false;
  for (const [key, expr] of args) {
    const value = literalOf(ctx.evaluate(expr));
    if (key === 'from_logits' && typeof value === 'boolean' && LOGITS_LOSSES.includes(name)) fromLogits = value;
    else if (key !== 'name') ctx.warn(expr.from, `not translated: ${key}=${ctx.code(expr)} of ${className}`);
  }
  return { kind: 'loss', value: fromLogits ? { [name]: { from_logits: true } } : name };
}

/** The `loss=` of compile: a string, a loss object or function, or a variable holding one. */
export function lossOf(expr: Expr, ctx: ReaderContext): unknown {
  const value = ctx.evaluate(expr);
  const literal = literalOf(value);
  let loss: unknown;
  if (value.kind === 'loss') loss = value.value;
  else if (typeof literal === 'string') loss = literal;
  else if (value.kind === 'qualified') loss = snakeCase(ctx.qualifiedName(expr) ?? '');
  else if (value.kind === 'function') {
    ctx.warn(expr.from, `not translated: loss=${ctx.code(expr)}: a custom loss function is not in the format; mean_squared_error is written instead`);
    return 'mean_squared_error';
  }
  const name = typeof loss === 'string' ? loss : loss && typeof loss === 'object' ? Object.keys(loss)[0] : undefined;
  // A named loss the format lacks is still written, so validation points at it with the valid names.
  if (!name || !isLoss(name)) ctx.warn(expr.from, `not translated: loss=${ctx.code(expr)}: not a loss of the format`);
  return name ? loss : undefined;
}

/** The `metrics=` of compile: the names the format has, each other one a warning. */
export function metricsOf(expr: Expr, ctx: ReaderContext): string[] {
  const items = expr.kind === 'list' || expr.kind === 'tuple' ? expr.items : [expr];
  const out: string[] = [];
  for (const item of items) {
    const value = ctx.evaluate(item);
    const literal = literalOf(value);
    let name: string | undefined;
    if (typeof literal === 'string') name = literal;
    else if (value.kind === 'metric') name = value.value;
    // `MeanSquaredError()` read as a loss class is the metric of the same name here.
    else if (value.kind === 'loss' && typeof value.value === 'string') name = value.value;
    else if (value.kind === 'qualified') name = snakeCase(ctx.qualifiedName(item) ?? '');
    if (value.kind === 'function') ctx.warn(item.from, `not translated: the custom metric function ${ctx.code(item)}: the format's metrics are built in`);
    else if (name && isMetric(name)) out.push(name);
    else ctx.warn(item.from, `not translated: the metric ${ctx.code(item)}: not a metric of the format`);
  }
  return out;
}

/** `tf.keras.metrics.Precision()` and its kin: the metric's name, its options a warning. */
export function metricFromCall(className: string, call: Call, ctx: ReaderContext): Value {
  for (const arg of call.args) ctx.warn(arg.from, `not translated: ${ctx.code(arg)} of ${className}: the format's metrics take no options`);
  for (const k of call.kwargs) ctx.warn(k.from, `not translated: ${k.name}=${ctx.code(k.value)} of ${className}: the format's metrics take no options (history and reports use the metric's own name)`);
  return { kind: 'metric', value: snakeCase(className) };
}
