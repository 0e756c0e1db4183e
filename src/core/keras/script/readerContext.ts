import type { Expr } from './pythonAst';
import type { Value } from './values';

/** What the call translators need from the script reader: evaluation, and where to say what was left out. */
export interface ReaderContext {
  evaluate(expr: Expr): Value;
  /** A warning at `from` (an offset of the script). */
  warn(from: number, message: string): void;
  /** The code of an expression, shortened, for messages. */
  code(expr: Expr): string;
  /** The last part of a dotted name the expression stands for (`tf.keras.layers.Dense` -> `Dense`). */
  qualifiedName(expr: Expr): string | undefined;
}

/** A Python value as plain data (numbers, strings, booleans, null, arrays for lists and tuples). */
export function literalOf(value: Value): unknown {
  if (value.kind === 'literal') return value.value;
  if (value.kind === 'data' && value.data.origin.kind === 'inline' && value.data.part !== 'whole') return value.data.origin.value;
  if (value.kind === 'tuple') {
    const items = value.items.map(literalOf);
    return items.every((i) => i !== undefined) ? items : undefined;
  }
  return undefined;
}

/** Keyword and positional arguments as one map of Keras parameter names, in the order written. */
export function namedArguments(call: Extract<Expr, { kind: 'call' }>, positional: readonly string[], ctx: ReaderContext, what: string): Map<string, Expr> {
  const out = new Map<string, Expr>();
  call.args.forEach((arg, i) => {
    const key = positional[i];
    if (key === undefined) ctx.warn(arg.from, `not translated: argument ${i + 1} of ${what} (\`${ctx.code(arg)}\`): ${what} takes at most ${positional.length} positional arguments`);
    else out.set(key, arg);
  });
  for (const kwarg of call.kwargs) out.set(kwarg.name, kwarg.value);
  if (call.splat) ctx.warn(call.from, `not translated: the *args/**kwargs of \`${ctx.code(call)}\``);
  return out;
}
