import type { Expr } from './pythonAst';
import { literalOf, namedArguments, type ReaderContext } from './readerContext';
import { lossOf, metricsOf, optimizerOf } from './compileCall';
import { fitArguments } from './fitCall';
import { UNKNOWN, type ModelState, type Value } from './values';

type Call = Extract<Expr, { kind: 'call' }>;

// What a Sequential model's methods and its Input and Rescaling layers mean for the model file.

/** `Rescaling(1./255)`: a divisor for the data, or unknown for any other rescaling. */
export function rescaling(ctx: ReaderContext, call: Call): Value {
  const args = namedArguments(call, ['scale', 'offset'], ctx, 'Rescaling');
  const scale = args.get('scale') ? literalOf(ctx.evaluate(args.get('scale')!)) : undefined;
  const offset = args.get('offset') ? literalOf(ctx.evaluate(args.get('offset')!)) : 0;
  const shape = args.get('input_shape') ? literalOf(ctx.evaluate(args.get('input_shape')!)) : undefined;
  if (typeof scale !== 'number' || !(scale > 0) || offset !== 0 || [...args.keys()].some((k) => !['scale', 'offset', 'input_shape', 'name'].includes(k))) return UNKNOWN;
  return { kind: 'rescaling', divisor: Number((1 / scale).toPrecision(12)), inputShape: shape };
}

/** `Input(shape=...)` / `InputLayer(input_shape=...)`: the shape the next layer takes. */
export function inputLayer(ctx: ReaderContext, name: string, call: Call): Value {
  const args = namedArguments(call, ['shape'], ctx, name);
  const shapeExpr = args.get('shape') ?? args.get('input_shape');
  const batch = args.get('batch_shape') ?? args.get('batch_input_shape');
  for (const [key, expr] of args) if (!['shape', 'input_shape', 'batch_shape', 'batch_input_shape', 'name', 'dtype'].includes(key)) ctx.warn(expr.from, `not translated: ${key}=${ctx.code(expr)} of ${name}`);
  if (batch) {
    const shape = literalOf(ctx.evaluate(batch));
    return { kind: 'input', shape: Array.isArray(shape) ? shape.slice(1) : undefined };
  }
  const value = shapeExpr ? ctx.evaluate(shapeExpr) : UNKNOWN;
  const shape = literalOf(value);
  return { kind: 'input', shape: Array.isArray(shape) ? shape : typeof shape === 'number' ? [shape] : undefined };
}

/** One element of `Sequential([...])` or one `model.add(...)`. */
export function addLayer(ctx: ReaderContext, model: ModelState, expr: Expr): void {
  const value = ctx.evaluate(expr);
  if (value.kind === 'input') {
    if (model.layers.length > 0) ctx.warn(expr.from, `not translated: \`${ctx.code(expr)}\`: an Input is read only before the first layer`);
    else if (value.shape === undefined) ctx.warn(expr.from, `not translated: \`${ctx.code(expr)}\`: its shape is not a constant; the shape comes from the data`);
    else model.pendingInputShape = value.shape;
    return;
  }
  if (value.kind === 'rescaling' && model.layers.length === 0 && model.scale === undefined) {
    // Dividing inside the model or in the data trains the same; the format scales the data.
    model.scale = value.divisor;
    if (value.inputShape !== undefined) model.pendingInputShape = value.inputShape;
    return;
  }
  if (value.kind !== 'layer') {
    const name = expr.kind === 'call' ? ctx.qualifiedName(expr.callee) : undefined;
    const why = name && /^[A-Z]/.test(name) ? `: ${name} is not a layer of the format, so the model file lacks it` : ': not a layer the importer reads';
    ctx.warn(expr.from, `not translated: the layer \`${ctx.code(expr)}\`${why}`);
    return;
  }
  const [type, options] = Object.entries(value.layer.layer)[0];
  const withInput = { ...options };
  if (model.layers.length === 0 && model.pendingInputShape !== undefined && withInput.input_shape === undefined && withInput.input_dim === undefined) {
    withInput.input_shape = model.pendingInputShape;
  }
  if (model.layers.length > 0 && (withInput.input_shape !== undefined || withInput.input_dim !== undefined) && type !== 'Embedding') {
    // Keras ignores input_shape past the first layer; so does the format, which refuses it there.
    delete withInput.input_shape;
    delete withInput.input_dim;
  }
  model.pendingInputShape = undefined;
  model.layers.push(Object.keys(withInput).length === 0 ? type : { [type]: withInput });
}

/** `model.add/compile/fit/evaluate/predict/summary(...)`. */
export function modelMethod(ctx: ReaderContext, model: ModelState, method: string, call: Call): Value {
  const done: Value = { kind: 'literal', value: null };
  switch (method) {
    case 'add':
      if (call.args[0]) addLayer(ctx, model, call.args[0]);
      return done;
    case 'compile': {
      const args = namedArguments(call, ['optimizer', 'loss', 'metrics'], ctx, 'compile');
      const compiled: NonNullable<ModelState['compiled']> = { from: call.from };
      // Keras' compile defaults to rmsprop.
      compiled.optimizer = args.get('optimizer') ? optimizerOf(args.get('optimizer')!, ctx) : 'rmsprop';
      const loss = args.get('loss') && lossOf(args.get('loss')!, ctx);
      if (loss !== undefined) compiled.loss = loss;
      if (args.get('metrics')) compiled.metrics = metricsOf(args.get('metrics')!, ctx);
      for (const [key, expr] of args) if (!['optimizer', 'loss', 'metrics'].includes(key)) ctx.warn(expr.from, `not translated: ${key}=${ctx.code(expr)} of compile`);
      model.compiled = compiled;
      return done;
    }
    case 'fit': {
      const fit = fitArguments(call, ctx);
      if (model.fit) ctx.warn(call.from, 'not translated: a second model.fit(...): the model file trains once, as the first fit says');
      else model.fit = { options: fit.options, x: fit.x && ctx.evaluate(fit.x), y: fit.y && ctx.evaluate(fit.y), from: call.from };
      return { kind: 'history' };
    }
    case 'evaluate':
      return evaluateCall(ctx, model, call);
    case 'predict':
      return predictCall(ctx, model, call);
    case 'summary':
      return done;
    case 'build':
      return done;
    default:
      return UNKNOWN;
  }
}

/** evaluate needs no section: the test split (or the training data) is evaluated after training. */
export function evaluateCall(ctx: ReaderContext, model: ModelState, call: Call): Value {
  const x = call.args[0] ?? call.kwargs.find((k) => k.name === 'x')?.value;
  const value = x ? ctx.evaluate(x) : UNKNOWN;
  const fitX = model.fit?.x;
  const same = value.kind === 'data' && fitX?.kind === 'data' && value.data.origin === fitX.data.origin;
  if (value.kind === 'data' && (value.data.split === 'test' || same || value.data.origin.kind === 'inline')) return { kind: 'literal', value: null };
  if (value.kind === 'qualified' || (value.kind === 'data' && value.data.origin.kind === 'undefined')) return { kind: 'literal', value: null };
  ctx.warn(call.from, `not translated: \`${ctx.code(call)}\`: evaluation runs on the test split after training`);
  return { kind: 'literal', value: null };
}

/** `predict` on a literal or the first N test samples: the `predict:` section. */
export function predictCall(ctx: ReaderContext, model: ModelState, call: Call): Value {
  const x = call.args[0] ?? call.kwargs.find((k) => k.name === 'x')?.value;
  const value = x ? ctx.evaluate(x) : UNKNOWN;
  let predict: Record<string, unknown> | undefined;
  if (value.kind === 'data' && value.data.split === 'test' && value.data.count !== undefined) predict = { samples: value.data.count };
  else if (value.kind === 'data' && value.data.origin.kind === 'inline' && value.data.count === undefined) predict = { inputs: value.data.origin.value };
  else if (value.kind === 'data' && value.data.origin.kind === 'inline') predict = { inputs: value.data.origin.value.slice(0, value.data.count) };
  if (!predict) {
    const why = value.kind === 'data' && value.data.split === 'test' ? ': the whole test split is evaluated after training; `predict: { samples: N }` shows the first N' : ': predict: takes samples written in the file or the first N test samples';
    ctx.warn(call.from, `not translated: \`${ctx.code(call)}\`${why}`);
  } else if (model.predict) ctx.warn(call.from, `not translated: \`${ctx.code(call)}\`: the model file keeps the first predict`);
  else model.predict = predict;
  return { kind: 'literal', value: null };
}
