import type { Expr } from './pythonAst';
import { literalOf, namedArguments, type ReaderContext } from './readerContext';
import type { DataValue, Value } from './values';

type Call = Extract<Expr, { kind: 'call' }>;

const data = (d: DataValue): Value => ({ kind: 'data', data: d });

/** `mnist.load_data()`: `(x_train, y_train), (x_test, y_test)` of the built-in MNIST. */
export function mnistLoad(from: number): Value {
  const part = (p: 'x' | 'y', split: 'train' | 'test') => data({ origin: { kind: 'builtin', name: 'mnist' }, part: p, split, from });
  return { kind: 'tuple', items: [{ kind: 'tuple', items: [part('x', 'train'), part('y', 'train')] }, { kind: 'tuple', items: [part('x', 'test'), part('y', 'test')] }] };
}

/** `load_iris()`, `load_digits(return_X_y=True)`, `load_breast_cancer()`: a bunch, or `(X, y)`. */
export function sklearnLoad(name: 'iris' | 'digits' | 'breast_cancer', call: Call, ctx: ReaderContext): Value {
  const whole: DataValue = { origin: { kind: 'builtin', name }, part: 'whole', split: 'all', from: call.from };
  let xy = false;
  for (const kwarg of call.kwargs) {
    const value = literalOf(ctx.evaluate(kwarg.value));
    if (kwarg.name === 'return_X_y' && typeof value === 'boolean') xy = value;
    else if (kwarg.name === 'as_frame') continue;
    else ctx.warn(kwarg.from, `not translated: ${kwarg.name}=${ctx.code(kwarg.value)} of load_${name}`);
  }
  if (!xy) return data(whole);
  return { kind: 'tuple', items: [data({ ...whole, part: 'x' }), data({ ...whole, part: 'y' })] };
}

/** Attributes of data: a bunch's `.data`/`.target`, a frame's `.values`, `.iloc`, `.shape`. */
export function dataAttribute(d: DataValue, name: string): Value {
  if (d.part === 'whole' && d.origin.kind === 'builtin' && (name === 'data' || name === 'target')) return data({ ...d, part: name === 'data' ? 'x' : 'y' });
  if (['values', 'iloc', 'loc'].includes(name)) return data(d);
  if (name === 'shape' || name === 'size' || name === 'ndim') return { kind: 'dataShape' };
  if (d.part === 'whole' && d.origin.kind === 'csv' && /^[A-Za-z_]\w*$/.test(name)) return data({ ...d, part: 'y', label: name });
  return { kind: 'unknown' };
}

/** Splits an index `[:, :-1]` at its top-level commas. */
function indexParts(index: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of index) {
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
    if (c === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  parts.push(current.trim());
  return parts;
}

const INT = /^-?\d+$/;
const SLICE = /^(-?\d*)\s*:\s*(-?\d*)$/;
const STRING = /^(['"])(.*)\1$/;

function columnSelector(text: string): { label?: string | number; features?: string[] | number[] | string } | undefined {
  if (INT.test(text)) return { label: Number(text) };
  const slice = SLICE.exec(text);
  if (slice) return { features: `${slice[1]}:${slice[2]}` };
  const str = STRING.exec(text);
  if (str) return { label: str[2] };
  const list = /^\[(.*)\]$/.exec(text);
  if (list) {
    const items = indexParts(list[1]).filter((i) => i !== '');
    if (items.every((i) => STRING.test(i))) return { features: items.map((i) => STRING.exec(i)![2]) };
    if (items.every((i) => INT.test(i))) return { features: items.map(Number) };
  }
  return undefined;
}

/** `df['y']`, `df[['a', 'b']]`, `df.iloc[:, :-1]`, `dataset[:, 8]`, `X_test[:5]`, `x[..., None]`. */
export function dataSubscript(d: DataValue, index: string): Value {
  const parts = indexParts(index);
  if (d.part === 'whole' && d.origin.kind !== 'builtin') {
    const column = parts.length === 2 && /^:?$/.test(parts[0]) ? parts[1] : parts.length === 1 && !SLICE.test(parts[0]) ? parts[0] : undefined;
    const selected = column === undefined ? undefined : columnSelector(column);
    if (selected?.label !== undefined) return data({ ...d, part: 'y', label: selected.label });
    if (selected?.features !== undefined) return data({ ...d, part: 'x', features: selected.features });
  }
  if (d.part !== 'whole') {
    const slice = parts.length === 1 ? SLICE.exec(parts[0]) : null;
    if (slice && (slice[1] === '' || slice[1] === '0') && INT.test(slice[2]) && Number(slice[2]) > 0) return data({ ...d, count: Number(slice[2]) });
    if (parts.length === 2 && parts[0] === '...' && /^(None|np\.newaxis|numpy\.newaxis)$/.test(parts[1])) return expandDims(d);
  }
  return { kind: 'unknown' };
}

/** The shape of one sample of a built-in, where the importer needs it (a channel axis added to MNIST). */
function sampleShape(d: DataValue): number[] | undefined {
  if (d.reshape) return d.reshape;
  if (d.origin.kind === 'builtin' && d.origin.name === 'mnist') return [28, 28];
  return undefined;
}

/** `np.expand_dims(x, -1)` / `x[..., np.newaxis]`: a trailing channel axis, as a data reshape. */
export function expandDims(d: DataValue): Value {
  const shape = sampleShape(d);
  return shape ? data({ ...d, reshape: [...shape, 1] }) : { kind: 'unknown' };
}

/** Methods of arrays and frames: reshape, astype, drop, to_numpy... */
export function dataMethod(d: DataValue, method: string, call: Call, ctx: ReaderContext): Value {
  switch (method) {
    case 'astype':
    case 'to_numpy':
    case 'copy':
    case 'squeeze':
    case 'toarray':
      return data(d);
    case 'ravel':
    case 'flatten':
      return d.part === 'y' ? data(d) : { kind: 'unknown' };
    case 'reshape': {
      if (d.part === 'y') return data(d); // `y.reshape(-1, 1)`: labels are read one per sample anyway
      const args = call.args.length === 1 && call.args[0].kind === 'tuple' ? call.args[0].items : call.args;
      // The first dimension is the number of samples (-1, len(x), x.shape[0], 60000).
      const dims = args.slice(1).map((a) => literalOf(ctx.evaluate(a)));
      if (dims.length === 0 || !dims.every((n) => typeof n === 'number' && n > 0)) return { kind: 'unknown' };
      return data({ ...d, reshape: dims as number[] });
    }
    case 'drop': {
      if (d.part !== 'whole') return { kind: 'unknown' };
      const args = namedArguments(call, ['labels', 'axis'], ctx, 'drop');
      const columns = args.get('columns') ?? args.get('labels');
      const axis = args.get('axis') ? literalOf(ctx.evaluate(args.get('axis')!)) : args.has('columns') ? 1 : 0;
      const names = columns ? literalOf(ctx.evaluate(columns)) : undefined;
      const list = typeof names === 'string' ? [names] : Array.isArray(names) && names.every((n) => typeof n === 'string') ? (names as string[]) : undefined;
      if (!list || (axis !== 1 && axis !== 'columns')) return { kind: 'unknown' };
      return data({ ...d, part: 'x', features: { drop: list } });
    }
    default:
      return { kind: 'unknown' };
  }
}

/** `X / 255.0`: the format's `scale`. */
export function scaleData(d: DataValue, divisor: number): Value {
  if (d.part === 'y' || !(divisor > 0)) return { kind: 'unknown' };
  return data({ ...d, scale: (d.scale ?? 1) * divisor });
}

/** `train_test_split(X, y, test_size=0.2)`: each array's train and test parts, in scikit-learn's order. */
export function trainTestSplit(call: Call, ctx: ReaderContext): Value {
  let testSize = 0.25;
  for (const kwarg of call.kwargs) {
    const value = literalOf(ctx.evaluate(kwarg.value));
    if (kwarg.name === 'test_size' && typeof value === 'number') testSize = value;
    else if (kwarg.name === 'train_size' && typeof value === 'number') testSize = 1 - value;
    // The format splits stratified by class and shuffled with the file's seed.
    else if (!['random_state', 'stratify', 'shuffle'].includes(kwarg.name)) ctx.warn(kwarg.from, `not translated: ${kwarg.name}=${ctx.code(kwarg.value)} of train_test_split`);
  }
  const items: Value[] = [];
  for (const arg of call.args) {
    const value = ctx.evaluate(arg);
    if (value.kind !== 'data') return { kind: 'unknown' };
    const parts = (['train', 'test'] as const).map((split): Value => data({ ...value.data, split, testSplit: Number(testSize.toFixed(6)), from: call.from }));
    items.push(...parts);
  }
  return { kind: 'tuple', items };
}

/** `to_categorical(y, 10)`: one-hot labels. */
export function toCategorical(call: Call, ctx: ReaderContext): Value {
  const y = call.args[0] ? ctx.evaluate(call.args[0]) : undefined;
  if (y?.kind !== 'data') return { kind: 'unknown' };
  return data({ ...y.data, oneHot: true });
}

/** `scaler.fit_transform(X)` / `scaler.transform(X)`. */
export function normalizeData(d: DataValue, normalize: 'standard' | 'minmax'): Value {
  if (d.part === 'y') return { kind: 'unknown' };
  return data({ ...d, normalize });
}
