/** The model and compile paragraphs of an exported script: `keras.Sequential([...])` and `model.compile(...)`. */
import type { LayerType } from '../../spec/modelSpec';
import { ACTIVATIONS, DATA_FORMATS, INITIALIZERS, METRICS, PADDINGS, lookupName, type NamedValue, type OptionKind } from '../../spec/vocabulary';
import { kerasApiName } from '../../spec/kerasApiNames';
import { isRawMap } from '../../modelFile/rawValues';
import type { WrittenLayer, WrittenLoss, WrittenModelFile, WrittenOptimizer } from './writtenModelFile';
import type { PythonScript } from './pythonScript';
import { pyCall, pyNumber, pyString, pyTuple, pyValue } from './pythonLiteral';

/** The options tutorials pass by position, in Keras' order: `Dense(64, ...)`, `Conv2D(32, (3, 3), ...)`. */
const POSITIONAL: Readonly<Record<LayerType, readonly string[]>> = {
  Dense: ['units'],
  Flatten: [],
  Dropout: ['rate'],
  Activation: ['activation'],
  BatchNormalization: [],
  Reshape: ['target_shape'],
  Conv2D: ['filters', 'kernel_size'],
  MaxPooling2D: ['pool_size'],
  AveragePooling2D: ['pool_size'],
  SimpleRNN: ['units'],
  LSTM: ['units'],
  GRU: ['units'],
  Embedding: ['input_dim', 'output_dim'],
};

const NAMED: Partial<Record<OptionKind, readonly NamedValue[]>> = {
  activation: ACTIVATIONS,
  initializer: INITIALIZERS,
  padding: PADDINGS,
  dataFormat: DATA_FORMATS,
};

/** Writes the Sequential model. */
export function writeModel(script: PythonScript, file: WrittenModelFile): void {
  script.use('from tensorflow import keras', 'from tensorflow.keras import layers');
  const first = file.layers[0];
  const shaped = first?.options.some((o) => o.key === 'input_shape' || (o.key === 'input_dim' && first.type !== 'Embedding'));
  const comment = shaped ? 'The network: its layers in order, the first one told the shape of a sample.' : 'The network: its layers in order; Keras takes the shape of a sample from the data.';
  script.paragraph([comment], ['model = keras.Sequential([', ...file.layers.map((l) => `    ${layerCall(l)},`), '])']);
}

function layerCall(layer: WrittenLayer): string {
  const byKey = new Map(layer.options.map((o) => [o.key, o]));
  const order = POSITIONAL[layer.type];
  // By position only the leading ones that are given, so that each argument keeps its place.
  const missing = order.findIndex((key) => !byKey.has(key));
  const leading = missing === -1 ? order : order.slice(0, missing);
  const positional = leading.map((key) => optionValue(byKey.get(key)?.kind, byKey.get(key)?.value));
  const keywords = layer.options.filter((o) => !leading.includes(o.key)).map((o): [string, string] => [o.key, optionValue(o.kind, o.value)]);
  return pyCall(`layers.${layer.type}`, positional, [...keywords, ...trainerDefaults(layer, byKey)]);
}

/**
 * Where the trainer's TensorFlow.js computes another function than Keras by default, the script says
 * what the trainer does: its LSTM and GRU gate with hard_sigmoid, and its GRU knows only reset_after=False.
 */
function trainerDefaults(layer: WrittenLayer, byKey: ReadonlyMap<string, unknown>): Array<[string, string]> {
  const extra: Array<[string, string]> = [];
  if ((layer.type === 'LSTM' || layer.type === 'GRU') && !byKey.has('recurrent_activation')) extra.push(['recurrent_activation', pyString('hard_sigmoid')]);
  if (layer.type === 'GRU' && !byKey.has('reset_after')) extra.push(['reset_after', 'False']);
  return extra;
}

function optionValue(kind: OptionKind | undefined, value: unknown): string {
  if (kind === 'regularizer') return regularizer(value);
  const names = kind ? NAMED[kind] : undefined;
  if (names && typeof value === 'string') return pyString(lookupName(names, value)?.keras ?? value);
  if (Array.isArray(value) && (kind === 'shape' || kind === 'intOrPair' || kind === 'targetShape' || kind === 'noiseShape')) return pyTuple(value);
  return pyValue(value);
}

/** `l2`, `{ l2: 0.001 }` or `{ l1_l2: { l1, l2 } }` as Keras' regularizer call, factors written out. */
function regularizer(value: unknown): string {
  const factor = 0.01;
  if (typeof value === 'string') {
    const name = value === 'l1l2' ? 'l1_l2' : value;
    return name === 'l1_l2' ? `keras.regularizers.l1_l2(l1=${factor}, l2=${factor})` : `keras.regularizers.${name}(${factor})`;
  }
  if (isRawMap(value)) {
    if (typeof value.l1 === 'number') return `keras.regularizers.l1(${pyNumber(value.l1)})`;
    if (typeof value.l2 === 'number') return `keras.regularizers.l2(${pyNumber(value.l2)})`;
    const both = value.l1_l2 ?? value.l1l2;
    const l1 = isRawMap(both) && typeof both.l1 === 'number' ? both.l1 : factor;
    const l2 = isRawMap(both) && typeof both.l2 === 'number' ? both.l2 : factor;
    return `keras.regularizers.l1_l2(l1=${pyNumber(l1)}, l2=${pyNumber(l2)})`;
  }
  return pyValue(value);
}

/** Metrics Keras knows only as classes: the lowercase string is no Keras metric. */
const METRIC_CLASSES: Readonly<Record<string, string>> = {
  precision: 'keras.metrics.Precision()',
  recall: 'keras.metrics.Recall()',
  cosine_proximity: 'keras.metrics.CosineSimilarity()',
  r2_score: 'keras.metrics.R2Score()',
};

/** Writes model.compile(...). */
export function writeCompile(script: PythonScript, file: WrittenModelFile): void {
  const args = [
    `optimizer=${optimizer(file.optimizer)}`,
    `loss=${loss(file.loss)}`,
    ...(file.metrics.length > 0 ? [`metrics=[${file.metrics.map(metric).join(', ')}]`] : []),
  ];
  const oneLine = `model.compile(${args.join(', ')})`;
  const code = oneLine.length <= 100 ? [oneLine] : ['model.compile(', ...args.map((a) => `    ${a},`), ')'];
  const comment = file.optimizer ? 'How it learns: the optimizer, the loss it minimizes and the metrics it reports.' : 'How it learns: Keras compiles with RMSprop when no optimizer is named.';
  script.paragraph([comment], [...code, 'model.summary()']);
}

function optimizer(written: WrittenOptimizer | undefined): string {
  if (!written) return pyString('rmsprop');
  if (written.options.length === 0) return pyString(written.name);
  const className = kerasApiName('optimizer', written.name) ?? `keras.optimizers.${written.name}`;
  return pyCall(className, [], written.options.map(([k, v]) => [k, pyValue(v)]));
}

/** Keras 2 strings for the losses whose name the format spells its own way. */
const LOSS_STRINGS: Readonly<Record<string, string>> = { cosine_proximity: 'cosine_similarity' };

function loss(written: WrittenLoss): string {
  if (written.options.length === 0) return pyString(LOSS_STRINGS[written.name] ?? written.name);
  const className = kerasApiName('loss', written.name) ?? `keras.losses.${written.name}`;
  return pyCall(className, [], written.options.map(([k, v]) => [k, pyValue(v)]));
}

function metric(written: string): string {
  const keras = lookupName(METRICS, written)?.keras;
  return (keras && METRIC_CLASSES[keras]) ?? pyString(written);
}
