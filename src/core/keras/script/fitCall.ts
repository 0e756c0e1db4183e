import type { Expr } from './pythonAst';
import { EARLY_STOPPING_POSITIONAL, FIT_POSITIONAL } from './kerasNames';
import { literalOf, namedArguments, type ReaderContext } from './readerContext';
import type { Value } from './values';

type Call = Extract<Expr, { kind: 'call' }>;

/** `EarlyStopping(monitor='val_loss', patience=3, ...)` as the format's `early_stopping` options. */
export function earlyStoppingFromCall(call: Call, ctx: ReaderContext): Value {
  const args = namedArguments(call, EARLY_STOPPING_POSITIONAL, ctx, 'EarlyStopping');
  const options: Record<string, unknown> = {};
  for (const key of ['monitor', 'patience', 'min_delta', 'restore_best_weights']) {
    const expr = args.get(key);
    if (!expr) continue;
    const value = literalOf(ctx.evaluate(expr));
    if (value === undefined) ctx.warn(expr.from, `not translated: ${key}=${ctx.code(expr)} of EarlyStopping: its value is not a constant`);
    else if (key !== 'restore_best_weights' || value === true) options[key] = value;
  }
  for (const [key, expr] of args) {
    if (['monitor', 'patience', 'min_delta', 'restore_best_weights', 'verbose'].includes(key)) continue;
    const value = literalOf(ctx.evaluate(expr));
    // The format picks the direction from the monitor as Keras' mode='auto' does.
    if (key === 'mode' && (value === 'auto' || value === (/loss|error/.test(String(options.monitor ?? 'val_loss')) ? 'min' : 'max'))) continue;
    ctx.warn(expr.from, `not translated: ${key}=${ctx.code(expr)} of EarlyStopping: the format's early_stopping takes monitor, patience, min_delta and restore_best_weights`);
  }
  return { kind: 'earlyStopping', options };
}

export interface FitArguments {
  x?: Expr;
  y?: Expr;
  options: Record<string, unknown>;
}

/** `model.fit(...)`: the format's `fit` options; x and y are left to the data reader. */
export function fitArguments(call: Call, ctx: ReaderContext): FitArguments {
  const args = namedArguments(call, FIT_POSITIONAL, ctx, 'fit');
  const options: Record<string, unknown> = {};
  for (const key of ['epochs', 'batch_size', 'validation_split', 'shuffle']) {
    const expr = args.get(key);
    if (!expr) continue;
    const value = literalOf(ctx.evaluate(expr));
    if (value === undefined || value === null) ctx.warn(expr.from, `not translated: ${key}=${ctx.code(expr)} of fit: its value is not a constant`);
    else options[key] = value;
  }
  const callbacks = args.get('callbacks');
  if (callbacks) {
    const items = callbacks.kind === 'list' || callbacks.kind === 'tuple' ? callbacks.items : [callbacks];
    for (const item of items) {
      const value = ctx.evaluate(item);
      if (value.kind === 'earlyStopping') options.early_stopping = Object.keys(value.options).length > 0 ? value.options : true;
      else ctx.warn(item.from, `not translated: the callback ${ctx.code(item)}: the format has early stopping only (EarlyStopping)`);
    }
  }
  for (const [key, expr] of args) {
    if (['x', 'y', 'epochs', 'batch_size', 'validation_split', 'shuffle', 'callbacks', 'verbose'].includes(key)) continue;
    const hint = key === 'validation_data' ? ': the format validates on validation_split, and evaluates the test split after training' : '';
    ctx.warn(expr.from, `not translated: ${key}=${ctx.code(expr)} of fit${hint}`);
  }
  return { x: args.get('x'), y: args.get('y'), options };
}
