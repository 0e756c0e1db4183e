import type { Expr, Stmt } from './pythonAst';
import { SourceText } from './sourceText';
import { layerType, snakeCase, isLoss, isMetric, optimizerName } from './kerasNames';
import { literalOf, namedArguments, type ReaderContext } from './readerContext';
import { layerFromCall, regularizerFromCall } from './layerCall';
import { lossFromCall, metricFromCall, optimizerFromCall } from './compileCall';
import { earlyStoppingFromCall } from './fitCall';
import { addLayer, inputLayer, modelMethod, rescaling } from './modelCalls';
import { dataAttribute, dataMethod, dataSubscript, expandDims, mnistLoad, normalizeData, scaleData, sklearnLoad, toCategorical, trainTestSplit } from './dataOps';
import { UNKNOWN, type DataValue, type ModelState, type Value } from './values';

type Call = Extract<Expr, { kind: 'call' }>;

export interface ReaderNote {
  from: number;
  message: string;
}

/** Calls that only print or set up the session: read and dropped without a warning (README lists them). */
const SILENT_CALLS = new Set(['print', 'display', 'summary', 'filterwarnings', 'set_verbosity', 'clear_session']);

/** Functions that seed the random generators: the model file's `seed`. */
const SEED_CALLS = new Set(['seed', 'set_seed', 'set_random_seed']);

/** Methods that only look at data; their results are read without a warning. */
const INSPECTIONS = new Set(['head', 'tail', 'describe', 'info', 'value_counts', 'isnull', 'isna', 'nunique', 'unique', 'corr', 'min', 'max', 'mean', 'std']);

/** Methods that change rows or values but not which columns are features and label. */
const ROW_CHANGES = new Set(['dropna', 'fillna', 'drop_duplicates', 'sample', 'replace', 'sort_values', 'reset_index', 'interpolate', 'clip']);

const INITIALIZER_CLASSES = new Set(['GlorotUniform', 'GlorotNormal', 'HeUniform', 'HeNormal', 'LecunUniform', 'LecunNormal', 'RandomUniform', 'RandomNormal', 'TruncatedNormal', 'VarianceScaling', 'Orthogonal', 'Identity', 'Zeros', 'Ones', 'Constant']);

/**
 * Follows a script statement by statement, keeping what each name holds in the model file's terms
 * (a Sequential model and its layers, data and what was done to it, optimizers, losses, callbacks),
 * and a warning for every statement it cannot translate.
 */
export class ScriptReader implements ReaderContext {
  readonly source: SourceText;
  readonly warnings: ReaderNote[] = [];
  readonly models: ModelState[] = [];
  /** Where a model that is not Sequential is built (functional API, subclass): the error when no Sequential model exists. */
  readonly otherModels: ReaderNote[] = [];
  seed?: number;
  private scopes: Array<Map<string, Value>> = [new Map()];
  private readonly functions: Array<{ name: string; value: Extract<Value, { kind: 'function' }> }> = [];

  constructor(text: string) {
    this.source = new SourceText(text);
  }

  warn(from: number, message: string): void {
    if (!this.warnings.some((w) => w.from === from && w.message === message)) this.warnings.push({ from, message });
  }

  code(expr: Expr): string {
    return this.source.snippet(expr.from, expr.to, 60);
  }

  run(statements: Stmt[]): void {
    for (const s of statements) this.statement(s);
  }

  /** Warnings for what was defined and never used by the model (custom metrics, helper functions). */
  finish(): void {
    for (const f of this.functions) {
      if (!f.value.used) this.warn(f.value.from, `not translated: the function ${f.name}${''}: functions are translated only where the model's code calls them`);
    }
  }

  private lookup(name: string): Value | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const v = this.scopes[i].get(name);
      if (v) return v;
    }
    return undefined;
  }

  private bind(name: string, value: Value): void {
    this.scopes[this.scopes.length - 1].set(name, value);
  }

  private notTranslated(s: { from: number; to: number }, why = ''): void {
    this.warn(s.from, `not translated: \`${this.source.snippet(s.from, s.to)}\`${why}`);
  }

  private statement(s: Stmt): void {
    switch (s.kind) {
      case 'import':
        for (const n of s.names) {
          const path = s.module ? `${s.module}.${n.name}` : n.name;
          // `import tensorflow.keras` binds `tensorflow`; `import a.b as c` binds c to a.b.
          if (n.alias) this.bind(n.alias, { kind: 'qualified', path });
          else if (s.module) this.bind(n.name, { kind: 'qualified', path });
          else this.bind(n.name.split('.')[0], { kind: 'qualified', path: n.name.split('.')[0] });
        }
        return;
      case 'pass':
        return;
      case 'mainGuard':
        this.run(s.body);
        return;
      case 'function': {
        const parts = s.params.replace(/^\(|\)$/g, '').split(',').map((p) => p.trim()).filter((p) => p && !p.startsWith('*'));
        const params = parts.map((p) => p.split(/[=:]/)[0].trim());
        // Number and string defaults (`n_classes=3`) are what the body reads when the call leaves them out.
        const defaults: Record<string, unknown> = {};
        for (const p of parts) {
          const d = /=\s*(-?\d+(?:\.\d*)?(?:e-?\d+)?|'[^']*'|"[^"]*")\s*$/.exec(p);
          if (d) defaults[p.split(/[=:]/)[0].trim()] = /^['"]/.test(d[1]) ? d[1].slice(1, -1) : Number(d[1]);
        }
        const value: Extract<Value, { kind: 'function' }> = { kind: 'function', params, defaults, body: s.body, from: s.from, used: false };
        this.functions.push({ name: s.name, value });
        this.bind(s.name, value);
        return;
      }
      case 'class': {
        const base = s.bases.map((b) => this.qualifiedName(b)).find((n) => n === 'Model' || n === 'Sequential');
        if (base === 'Model') {
          this.otherModels.push({ from: s.from, message: `the subclassed model ${s.name}(keras.Model) is not supported` });
          this.notTranslated({ from: s.from, to: s.from + `class ${s.name}`.length }, ': a subclassed model');
        } else this.notTranslated({ from: s.from, to: Math.min(s.to, s.from + 60) }, ': classes are not translated');
        return;
      }
      case 'expr': {
        if (s.expr.kind === 'string') return; // a docstring
        const value = this.evaluate(s.expr);
        if (value.kind === 'unknown') this.notTranslated(s, this.hint(s.expr));
        return;
      }
      case 'assign': {
        const value = this.evaluate(s.value);
        if (value.kind === 'unknown') this.notTranslated(s, this.hint(s.value));
        for (const target of s.targets) this.assign(target, value);
        return;
      }
      case 'update': {
        const current = this.evaluate(s.target);
        const operand = literalOf(this.evaluate(s.value));
        if (current.kind === 'data' && s.op === '/=' && typeof operand === 'number') {
          const scaled = scaleData(current.data, operand);
          if (scaled.kind !== 'unknown') {
            this.assign(s.target, scaled);
            return;
          }
        }
        this.notTranslated(s);
        if (s.target.kind === 'name') this.bind(s.target.name, UNKNOWN);
        return;
      }
      case 'for': {
        const items = this.loopItems(s.iterable);
        if (!items) {
          this.notTranslated({ from: s.from, to: this.lineEnd(s.from) }, ': loops are translated only over a list or range written in the script');
          return;
        }
        // A loop over constants (`for units in [128, 64]: model.add(Dense(units))`) is read as unrolled.
        for (const item of items) {
          this.assign(s.target, item);
          this.run(s.body);
        }
        return;
      }
      case 'return':
        return;
      case 'other': {
        const why = /For|While/.test(s.node) ? ': loops are not translated' : s.node === 'error' ? ': a syntax error' : '';
        this.notTranslated({ from: s.from, to: Math.min(s.to, this.lineEnd(s.from)) }, why);
        return;
      }
    }
  }

  /** The values of `[128, 64]`, `range(3)`, `range(1, 4)` (at most 100), else undefined. */
  private loopItems(iterable: Expr): Value[] | undefined {
    const literal = literalOf(this.evaluate(iterable));
    if (Array.isArray(literal)) return literal.length <= 100 ? literal.map((value) => ({ kind: 'literal', value }) as Value) : undefined;
    if (iterable.kind !== 'call' || iterable.callee.kind !== 'name' || iterable.callee.name !== 'range' || this.lookup('range')) return undefined;
    const args = iterable.args.map((a) => literalOf(this.evaluate(a)));
    if (args.length < 1 || args.length > 3 || !args.every((a) => typeof a === 'number' && Number.isInteger(a))) return undefined;
    const [start, stop, step] = args.length === 1 ? [0, args[0] as number, 1] : [args[0] as number, args[1] as number, (args[2] as number | undefined) ?? 1];
    if (step === 0) return undefined;
    const out: Value[] = [];
    for (let i = start; step > 0 ? i < stop : i > stop; i += step) {
      if (out.length >= 100) return undefined;
      out.push({ kind: 'literal', value: i });
    }
    return out;
  }

  private lineEnd(from: number): number {
    const end = this.source.text.indexOf('\n', from);
    return end < 0 ? this.source.text.length : end;
  }

  /** Why a statement is left out, when the name it calls says it (plotting, saving). */
  private hint(expr: Expr): string {
    const callee = expr.kind === 'call' ? expr.callee : undefined;
    const root = callee ? this.rootPath(callee) : undefined;
    if (root && /^(matplotlib|seaborn|plotly)/.test(root)) return ': plotting (the training panel draws the curves)';
    const method = callee?.kind === 'attr' ? callee.name : undefined;
    if (method && ['save', 'save_weights', 'export'].includes(method)) return ': each run folder keeps the trained model (model.json, weights.bin)';
    return '';
  }

  private rootPath(expr: Expr): string | undefined {
    if (expr.kind === 'name') {
      const v = this.lookup(expr.name);
      return v?.kind === 'qualified' ? v.path : undefined;
    }
    if (expr.kind === 'attr' || expr.kind === 'call' || expr.kind === 'subscript') return this.rootPath(expr.kind === 'call' ? expr.callee : expr.object);
    return undefined;
  }

  private assign(target: Expr, value: Value): void {
    if (target.kind === 'name') {
      this.bind(target.name, value);
      return;
    }
    if (target.kind === 'tuple' || target.kind === 'list') {
      const literal = value.kind === 'literal' && Array.isArray(value.value) ? value.value : undefined;
      const items: Value[] | undefined = value.kind === 'tuple' ? value.items : literal?.map((v) => ({ kind: 'literal', value: v }) as Value);
      target.items.forEach((t, i) => this.assign(t, items && items.length === target.items.length ? items[i] : UNKNOWN));
    }
  }

  /** The dotted name an expression stands for through the imports (`L.Dense` -> `tensorflow.keras.layers.Dense`). */
  private path(expr: Expr): string | undefined {
    if (expr.kind === 'name') {
      const v = this.lookup(expr.name);
      if (!v) return expr.name;
      return v.kind === 'qualified' ? v.path : undefined;
    }
    if (expr.kind === 'attr') {
      const base = this.path(expr.object);
      return base === undefined ? undefined : `${base}.${expr.name}`;
    }
    return undefined;
  }

  qualifiedName(expr: Expr): string | undefined {
    return this.path(expr)?.split('.').pop();
  }

  evaluate(expr: Expr): Value {
    switch (expr.kind) {
      case 'number':
      case 'string':
      case 'bool':
        return { kind: 'literal', value: expr.value };
      case 'none':
        return { kind: 'literal', value: null };
      case 'unary': {
        const v = literalOf(this.evaluate(expr.operand));
        if (typeof v === 'number' && (expr.op === '-' || expr.op === '+')) return { kind: 'literal', value: expr.op === '-' ? -v : v };
        return UNKNOWN;
      }
      case 'list':
      case 'tuple': {
        const items = expr.items.map((i) => this.evaluate(i));
        const literals = items.map(literalOf);
        if (literals.every((l) => l !== undefined) && items.every((i) => i.kind === 'literal')) return { kind: 'literal', value: literals };
        return { kind: 'tuple', items };
      }
      case 'name': {
        const v = this.lookup(expr.name);
        return v ?? { kind: 'qualified', path: expr.name };
      }
      case 'attr': {
        const object = this.evaluate(expr.object);
        if (object.kind === 'qualified') return { kind: 'qualified', path: `${object.path}.${expr.name}` };
        if (object.kind === 'data') return dataAttribute(object.data, expr.name);
        if (object.kind === 'dataShape') return object;
        return UNKNOWN;
      }
      case 'subscript': {
        const object = this.evaluate(expr.object);
        if (object.kind === 'data') return dataSubscript(object.data, expr.index);
        if (object.kind === 'dataShape') return object;
        return UNKNOWN;
      }
      case 'binary':
        return this.binary(expr);
      case 'call':
        return this.call(expr);
      default:
        return UNKNOWN;
    }
  }

  private binary(expr: Extract<Expr, { kind: 'binary' }>): Value {
    const left = this.evaluate(expr.left);
    const right = this.evaluate(expr.right);
    const l = literalOf(left);
    const r = literalOf(right);
    if (typeof l === 'number' && typeof r === 'number') {
      const ops: Record<string, (a: number, b: number) => number> = { '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b, '**': (a, b) => a ** b, '//': (a, b) => Math.floor(a / b) };
      if (ops[expr.op]) return { kind: 'literal', value: ops[expr.op](l, r) };
    }
    if (left.kind === 'data' && expr.op === '/' && typeof r === 'number') return scaleData(left.data, r);
    if (left.kind === 'data' && expr.op === '*' && typeof r === 'number' && r > 0 && r < 1) return scaleData(left.data, Number((1 / r).toPrecision(12)));
    if (left.kind === 'dataShape' || right.kind === 'dataShape') return { kind: 'dataShape' };
    return UNKNOWN;
  }

  private call(call: Call): Value {
    const callee = call.callee;
    if (callee.kind === 'attr') {
      const object = this.evaluate(callee.object);
      if (object.kind === 'model') return modelMethod(this, object.model, callee.name, call);
      if (object.kind === 'data') return this.dataCall(object.data, callee.name, call);
      if (object.kind === 'scaler') return this.scalerMethod(object.normalize, callee.name, call);
      if (object.kind === 'labelEncoder') return this.labelEncoderMethod(object.oneHot, callee.name, call);
      if (object.kind === 'dataShape') return object;
      if (object.kind === 'history' || object.kind === 'unknown') return UNKNOWN;
      if (object.kind !== 'qualified') return UNKNOWN;
    }
    const calleeValue = this.evaluate(callee);
    if (calleeValue.kind === 'function') return this.inline(calleeValue, call);
    const path = this.path(callee);
    if (path === undefined) return UNKNOWN;
    return this.libraryCall(path, call);
  }

  /** A function of the script called with arguments: its body read with the parameters bound. */
  private inline(fn: Extract<Value, { kind: 'function' }>, call: Call): Value {
    if (this.scopes.length > 20) return UNKNOWN;
    fn.used = true;
    const scope = new Map<string, Value>();
    fn.params.forEach((p, i) => {
      const arg = call.args[i] ?? call.kwargs.find((k) => k.name === p)?.value;
      if (arg) scope.set(p, this.evaluate(arg));
      else if (fn.defaults[p] !== undefined) scope.set(p, { kind: 'literal', value: fn.defaults[p] });
    });
    this.scopes.push(scope);
    let result: Value = { kind: 'literal', value: null };
    try {
      for (const s of fn.body) {
        if (s.kind === 'return') {
          result = s.value ? this.evaluate(s.value) : result;
          break;
        }
        this.statement(s);
      }
    } finally {
      this.scopes.pop();
    }
    return result;
  }

  private libraryCall(path: string, call: Call): Value {
    const parts = path.split('.');
    const name = parts[parts.length - 1];
    const owner = parts[parts.length - 2];
    if (SILENT_CALLS.has(name) && (parts.length === 1 || name !== 'summary')) {
      // `print(model.predict(X))` still predicts.
      for (const arg of call.args) if (arg.kind === 'call') this.evaluate(arg);
      return { kind: 'literal', value: null };
    }
    if (SEED_CALLS.has(name) && (parts.length > 1)) {
      const seed = literalOf(call.args[0] ? this.evaluate(call.args[0]) : UNKNOWN);
      if (typeof seed === 'number' && Number.isInteger(seed)) {
        this.seed ??= seed;
        return { kind: 'literal', value: null };
      }
      return UNKNOWN;
    }
    if (name === 'Sequential') return this.sequential(call);
    if (name === 'Model' && !/sklearn/.test(path)) {
      this.otherModels.push({ from: call.from, message: 'the functional API (keras.Model(inputs, outputs)) is not supported' });
      return UNKNOWN;
    }
    if (name === 'Input' || name === 'InputLayer') return inputLayer(this, name, call);
    if (name === 'Rescaling') return rescaling(this, call);
    const type = layerType(name);
    if (type && (parts.length === 1 || /layers/.test(path) || /keras/.test(path))) return { kind: 'layer', layer: layerFromCall(type, name, call, this) };
    if (name === 'load_data' && owner === 'mnist') return mnistLoad(call.from);
    if (name === 'load_data') {
      this.warn(call.from, `not translated: \`${this.code(call)}\`: the built-in data sets are mnist, iris, digits and xor`);
      return UNKNOWN;
    }
    const sklearn = /^load_(iris|digits|breast_cancer)$/.exec(name);
    if (sklearn) return sklearnLoad(sklearn[1] as 'iris' | 'digits' | 'breast_cancer', call, this);
    if (name === 'read_csv' || name === 'loadtxt' || name === 'genfromtxt') return this.readCsv(name, call);
    if (name === 'train_test_split') return trainTestSplit(call, this);
    if (name === 'LabelEncoder' || name === 'OneHotEncoder') return { kind: 'labelEncoder', oneHot: name === 'OneHotEncoder' };
    if (name === 'get_dummies') {
      const y = call.args[0] ? this.evaluate(call.args[0]) : UNKNOWN;
      return y.kind === 'data' && y.data.part === 'y' && call.kwargs.length === 0 ? { kind: 'data', data: { ...y.data, oneHot: true } } : UNKNOWN;
    }
    if (name === 'StandardScaler' || name === 'MinMaxScaler') return { kind: 'scaler', normalize: name === 'StandardScaler' ? 'standard' : 'minmax' };
    if (name === 'to_categorical') return toCategorical(call, this);
    if (name === 'expand_dims') {
      const x = call.args[0] ? this.evaluate(call.args[0]) : UNKNOWN;
      return x.kind === 'data' ? expandDims(x.data) : UNKNOWN;
    }
    if (['array', 'asarray', 'float32'].includes(name) && call.args[0]) {
      const arg = this.evaluate(call.args[0]);
      if (arg.kind === 'data') return arg;
      const literal = literalOf(arg);
      return Array.isArray(literal) ? { kind: 'data', data: { origin: { kind: 'inline', value: literal }, part: 'x', split: 'all', from: call.from } } : UNKNOWN;
    }
    if (name === 'EarlyStopping') return earlyStoppingFromCall(call, this);
    if (optimizerName(name) && /optimizers|^[A-Z]/.test(path) && /^[A-Z]/.test(name)) return optimizerFromCall(name, call, this);
    // A bare class name (`from tensorflow.keras.losses import *`) is a loss when a loss has its name.
    const bareLoss = parts.length === 1 && isLoss(snakeCase(name)) && /Crossentropy|Error|Hinge|Divergence|Poisson|LogCosh|Similarity/.test(name);
    if ((/^[A-Z]/.test(name) && /losses/.test(path)) || bareLoss) return lossFromCall(name, call, this);
    if (/^[A-Z]/.test(name) && (/metrics/.test(path) || (parts.length === 1 && isMetric(snakeCase(name))))) return metricFromCall(name, call, this);
    if (/^[lL]1(_?[lL]2)?$|^[lL]2$/.test(name)) return regularizerFromCall(name, call, this);
    if (INITIALIZER_CLASSES.has(name)) {
      for (const arg of call.args) this.warn(arg.from, `not translated: ${this.code(arg)} of ${name}: the format's initializers take no options`);
      for (const k of call.kwargs) this.warn(k.from, `not translated: ${k.name}=${this.code(k.value)} of ${name}: the format's initializers take no options`);
      return { kind: 'initializer', value: snakeCase(name) };
    }
    return UNKNOWN;
  }

  private readCsv(name: string, call: Call): Value {
    const args = namedArguments(call, ['fname'], this, name);
    const file = literalOf(this.evaluate(call.args[0] ?? { kind: 'other', from: call.from, to: call.to }));
    if (typeof file !== 'string') return UNKNOWN;
    for (const [key, expr] of args) {
      if (key === 'fname' || key === 'filepath_or_buffer') continue;
      const v = literalOf(this.evaluate(expr));
      // A header row is detected by the format, and commas are its delimiter.
      if ((key === 'delimiter' || key === 'sep') && v === ',') continue;
      if (key === 'skiprows' || key === 'header' || key === 'dtype' || key === 'skip_header') continue;
      this.warn(expr.from, `not translated: ${key}=${this.code(expr)} of ${name}`);
    }
    return { kind: 'data', data: { origin: { kind: 'csv', path: file }, part: 'whole', split: 'all', from: call.from } };
  }

  private dataCall(d: DataValue, method: string, call: Call): Value {
    // Looking at the data (`df.head()`, `df.isnull().sum()`) changes nothing the model file holds.
    if (INSPECTIONS.has(method)) return { kind: 'dataShape' };
    const result = dataMethod(d, method, call, this);
    if (result.kind === 'unknown' && ROW_CHANGES.has(method)) {
      // The rows stay as the CSV has them; the model file still gets the data, and the warning says what differs.
      this.warn(call.from, `not translated: \`${this.code(call)}\`: the model file reads the rows as the file has them`);
      return { kind: 'data', data: d };
    }
    return result;
  }

  private scalerMethod(normalize: 'standard' | 'minmax', method: string, call: Call): Value {
    const x = call.args[0] ? this.evaluate(call.args[0]) : UNKNOWN;
    if (x.kind !== 'data') return UNKNOWN;
    if (method === 'fit') return { kind: 'scaler', normalize };
    if (method === 'fit_transform' || method === 'transform') return normalizeData(x.data, normalize);
    return UNKNOWN;
  }

  private labelEncoderMethod(oneHot: boolean, method: string, call: Call): Value {
    let y = call.args[0] ? this.evaluate(call.args[0]) : UNKNOWN;
    // `frame[['diagnosis']]`: one column, given as a frame because OneHotEncoder wants 2-D input.
    if (y.kind === 'data' && Array.isArray(y.data.features) && y.data.features.length === 1) y = { kind: 'data', data: { ...y.data, part: 'y', label: y.data.features[0], features: undefined } };
    if (method === 'fit') return { kind: 'labelEncoder', oneHot };
    if ((method === 'fit_transform' || method === 'transform') && y.kind === 'data' && y.data.part === 'y') return oneHot ? { kind: 'data', data: { ...y.data, oneHot } } : y;
    return UNKNOWN;
  }

  private sequential(call: Call): Value {
    const wrapped = this.probabilityModel(call);
    if (wrapped) return wrapped;
    const model: ModelState = { layers: [], from: call.from };
    this.models.push(model);
    const args = namedArguments(call, ['layers', 'name'], this, 'Sequential');
    const layers = args.get('layers');
    if (layers) {
      if (layers.kind === 'list' || layers.kind === 'tuple') for (const item of layers.items) addLayer(this, model, item);
      else this.warn(layers.from, `not translated: the layers ${this.code(layers)}: only a list written in Sequential([...]) is read`);
    }
    for (const [key, expr] of args) if (key !== 'layers' && key !== 'name') this.warn(expr.from, `not translated: ${key}=${this.code(expr)} of Sequential`);
    return { kind: 'model', model };
  }

  /**
   * The TF quickstart's `Sequential([model, Softmax()])` is the trained model itself: the format's
   * predictions of a from_logits model are probabilities already.
   */
  private probabilityModel(call: Call): Value | undefined {
    const list = call.args[0];
    if (!list || (list.kind !== 'list' && list.kind !== 'tuple') || list.items.length !== 2) return undefined;
    const inner = this.evaluate(list.items[0]);
    const last = list.items[1];
    if (inner.kind !== 'model' || last.kind !== 'call') return undefined;
    const name = this.qualifiedName(last.callee);
    const activation = name === 'Activation' && last.args[0] ? literalOf(this.evaluate(last.args[0])) : undefined;
    return name === 'Softmax' || activation === 'softmax' || activation === 'sigmoid' ? inner : undefined;
  }
}
