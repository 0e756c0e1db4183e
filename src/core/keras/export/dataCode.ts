/**
 * The data paragraphs of an exported script: loading (inline arrays, a built-in dataset, a CSV), then
 * the preparation in the trainer's order: test split, limit, scale, normalize, reshape, one-hot labels.
 */
import { DATASETS, NORMALIZATIONS, lookupName } from '../../spec/vocabulary';
import { isRawMap, valueOf, type RawMap } from '../../modelFile/rawValues';
import type { PythonScript } from './pythonScript';
import { pyFloat, pyNumber, pyString, pyValue } from './pythonLiteral';

/** What the exporter knows of the data beyond the model file (read from the CSV by exportFacts). */
export interface DataFacts {
  /** The CSV's first row names its columns (pandas' default); false writes `header=None`. */
  csvHasHeader?: boolean;
  /** The label column holds class names (`M`, `B`), which Keras needs as numbers. */
  csvLabelsAreNames?: boolean;
  /** The CSV path as the script should open it (relative to the script), when not as written. */
  csvPath?: string;
}

export interface PreparedData {
  /** The data has a test split: evaluate and predict use x_test / y_test, else the training data. */
  hasTest: boolean;
  /** The labels were one-hot encoded: the true class of a row is its argmax. */
  oneHot: boolean;
  /** Python lines that prepare new inputs held in `x_new` as the training data was. */
  prepareNew: string[];
}

/** Losses that want one-hot rows, as the trainer decides (core/data/targets.ts). */
const ONE_HOT_LOSSES = new Set(['categorical_crossentropy', 'categorical_hinge', 'kullback_leibler_divergence']);
/** Losses that read labels as classes, so a split is stratified by them. */
const CLASS_LOSSES = new Set([...ONE_HOT_LOSSES, 'sparse_categorical_crossentropy', 'binary_crossentropy', 'hinge', 'squared_hinge']);

const CLASS_COUNTS: Readonly<Record<string, number>> = { mnist: 10, digits: 10, iris: 3 };

/** Writes the data paragraphs; `loss` is the Keras loss name. */
export function writeData(script: PythonScript, data: RawMap, loss: string, seed: number | undefined, facts: DataFacts): PreparedData {
  const testSplit = valueOf(data, 'test_split');
  const split = typeof testSplit === 'number' && testSplit > 0;
  const classes = CLASS_LOSSES.has(loss) || valueOf(data, 'one_hot') === true;
  const loaded = writeSource(script, data, split, facts);
  let hasTest = loaded.hasTest;
  if (split) {
    script.use('from sklearn.model_selection import train_test_split');
    const stratify = classes ? ', stratify=y' : '';
    const random = seed === undefined ? '' : `, random_state=${seed}`;
    script.paragraph(
      [`Hold out ${percent(testSplit)} of the samples as the test split${classes ? ', with each class in the same proportion' : ''}.`],
      [`x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=${pyNumber(testSplit)}${stratify}${random})`],
    );
    hasTest = true;
  }
  const both = (line: (x: string) => string): string[] => (hasTest ? [line('train'), line('test')] : [line('train')]);

  const limit = valueOf(data, 'limit');
  if (typeof limit === 'number') {
    script.paragraph([`Only the first ${limit} samples of each split, for a quick experiment.`], both((s) => `x_${s}, y_${s} = x_${s}[:${limit}], y_${s}[:${limit}]`));
  }

  const prepareNew: string[] = [];
  const scale = valueOf(data, 'scale');
  if (typeof scale === 'number') {
    const pair = hasTest ? `x_train, x_test = x_train / ${pyFloat(scale)}, x_test / ${pyFloat(scale)}` : `x_train = x_train / ${pyFloat(scale)}`;
    script.paragraph([`Scale the features: values 0..${pyNumber(scale)} become 0..1.`], [pair]);
    prepareNew.push(`x_new = x_new / ${pyFloat(scale)}`);
  }

  const normalize = valueOf(data, 'normalize');
  const normalization = typeof normalize === 'string' ? lookupName(NORMALIZATIONS, normalize)?.keras : undefined;
  if (normalization) {
    const scaler = normalization === 'standard' ? 'StandardScaler' : 'MinMaxScaler';
    script.use(normalization === 'standard' ? 'from sklearn.preprocessing import StandardScaler' : 'from sklearn.preprocessing import MinMaxScaler');
    const what = normalization === 'standard' ? 'to mean 0 and standard deviation 1' : 'to the range 0..1';
    // The scalers take one row of features a sample: images are flattened for them, and given their shape back.
    const images = loaded.imageShape;
    const flat = images ? both((s) => `x_${s} = x_${s}.reshape(len(x_${s}), -1)`) : [];
    const back = images && !Array.isArray(valueOf(data, 'reshape')) ? both((s) => `x_${s} = x_${s}.reshape(-1, ${images.join(', ')})`) : [];
    script.paragraph(
      [`Rescale each feature ${what}, fitted on the training split only.`],
      [...flat, `scaler = ${scaler}()`, 'x_train = scaler.fit_transform(x_train)', ...(hasTest ? ['x_test = scaler.transform(x_test)'] : []), ...back],
    );
    prepareNew.push(images ? `x_new = scaler.transform(x_new.reshape(len(x_new), -1))${back.length > 0 ? `.reshape(-1, ${images.join(', ')})` : ''}` : 'x_new = scaler.transform(x_new)');
  }

  const reshape = valueOf(data, 'reshape');
  if (Array.isArray(reshape)) {
    const dims = ['-1', ...reshape.map(pyValue)].join(', ');
    script.paragraph([`Each sample as the first layer takes it: shape (${reshape.map(pyValue).join(', ')}).`], both((s) => `x_${s} = x_${s}.reshape(${dims})`));
    prepareNew.push(`x_new = x_new.reshape(${dims})`);
  }

  const oneHotSetting = valueOf(data, 'one_hot');
  const oneHot = !loaded.vectorLabels && (oneHotSetting === true || (oneHotSetting !== false && ONE_HOT_LOSSES.has(loss)));
  if (oneHot) {
    const count = loaded.classCount;
    const lines = count
      ? both((s) => `y_${s} = keras.utils.to_categorical(y_${s}, num_classes=${count})`)
      : ['y_train = keras.utils.to_categorical(y_train)', ...(hasTest ? ['y_test = keras.utils.to_categorical(y_test, num_classes=y_train.shape[1])'] : [])];
    const why = oneHotSetting === true ? 'one_hot: true' : `${loss} wants`;
    script.use('from tensorflow import keras').paragraph([`${why} one-hot labels: class 2 of 3 becomes [0, 0, 1].`], lines);
  }
  return { hasTest, oneHot, prepareNew };
}

interface LoadedSource {
  hasTest: boolean;
  /** y already holds vectors (inline rows), which are never one-hot encoded again. */
  vectorLabels: boolean;
  classCount?: number;
  /** Samples are images (MNIST's 28x28), not rows of features. */
  imageShape?: number[];
}

/** Loads x and y (to be split) or x_train, y_train (and x_test, y_test for MNIST). */
function writeSource(script: PythonScript, data: RawMap, split: boolean, facts: DataFacts): LoadedSource {
  const [x, y] = split ? ['x', 'y'] : ['x_train', 'y_train'];
  const inline = valueOf(data, 'inline');
  if (isRawMap(inline)) return writeArrays(script, inline.x, inline.y, x, y, 'The samples written in the model file');
  const dataset = valueOf(data, 'dataset');
  if (typeof dataset === 'string') {
    const name = lookupName(DATASETS, dataset)?.keras ?? dataset;
    if (name === 'xor') return writeArrays(script, [[0, 0], [0, 1], [1, 0], [1, 1]], [[0], [1], [1], [0]], x, y, 'The 4 XOR points');
    if (name === 'mnist') {
      script.use('from tensorflow import keras').paragraph(
        ['MNIST: 60,000 training and 10,000 test images of 28x28 pixels (0..255), labels 0..9.'],
        ['(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()'],
      );
      return { hasTest: true, vectorLabels: false, classCount: CLASS_COUNTS.mnist, imageShape: [28, 28] };
    }
    return writeSklearnDataset(script, name);
  }
  return writeCsv(script, data, x, y, facts);
}

function writeArrays(script: PythonScript, xs: unknown, ys: unknown, x: string, y: string, what: string): LoadedSource {
  const samples = Array.isArray(xs) ? xs.length : 0;
  const names = Array.isArray(ys) && ys.some((t) => typeof t === 'string');
  script.use('import numpy as np').paragraph([`${what}: ${samples} samples and their targets.`], [`${x} = np.array(${pyValue(xs)})`, `${y} = np.array(${pyValue(ys)})`]);
  if (names) writeLabelEncoding(script, y);
  return { hasTest: false, vectorLabels: Array.isArray(ys) && ys.some((t) => Array.isArray(t) && t.length > 1) };
}

/** iris and digits are scikit-learn's; the trainer holds out a fixed stratified 20% of each. */
function writeSklearnDataset(script: PythonScript, name: string): LoadedSource {
  const loader = name === 'iris' ? 'load_iris' : 'load_digits';
  const what = name === 'iris' ? "Fisher's iris: 150 flowers, 4 measurements (cm) each, 3 species" : 'Digits: 1,797 images of 8x8 pixels (0..16), labels 0..9';
  script
    .use(name === 'iris' ? 'from sklearn.datasets import load_iris' : 'from sklearn.datasets import load_digits', 'from sklearn.model_selection import train_test_split')
    .paragraph(
      [`${what}, with 20% held out as the test split.`],
      [`x, y = ${loader}(return_X_y=True)`, 'x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, stratify=y, random_state=0)'],
    );
  return { hasTest: true, vectorLabels: false, classCount: CLASS_COUNTS[name] };
}

function writeCsv(script: PythonScript, data: RawMap, x: string, y: string, facts: DataFacts): LoadedSource {
  const csv = String(valueOf(data, 'csv'));
  const label = valueOf(data, 'label');
  const features = valueOf(data, 'features');
  const header = facts.csvHasHeader !== false;
  const lastLabel = label === undefined || label === -1;
  // A column by position (iloc, df.columns[n]) reads the same with or without a header row, negative ones too.
  const labelExpr = lastLabel ? 'df.iloc[:, -1]' : typeof label === 'string' ? `df[${pyValue(label)}]` : `df.iloc[:, ${pyValue(label)}]`;
  let featuresExpr: string;
  const isSlice = (f: unknown): f is string => typeof f === 'string' && f.includes(':');
  if (typeof features === 'string') featuresExpr = `df.iloc[:, ${features.replace(/\s+/g, '')}]`;
  else if (Array.isArray(features) && features.some(isSlice)) {
    // numpy's index trick joins ranges and single columns: np.r_[0:8, 10].
    script.use('import numpy as np');
    featuresExpr = `df.iloc[:, np.r_[${features.map((f) => (isSlice(f) ? f.replace(/\s+/g, '') : pyValue(f))).join(', ')}]]`;
  } else if (Array.isArray(features) && features.every((f) => typeof f === 'string')) featuresExpr = `df[${pyValue(features)}]`;
  else if (Array.isArray(features)) featuresExpr = `df.iloc[:, ${pyValue(features)}]`;
  else if (lastLabel) featuresExpr = 'df.iloc[:, :-1]';
  else if (typeof label === 'string') featuresExpr = `df.drop(${pyValue(label)}, axis=1)`;
  else featuresExpr = `df.drop(df.columns[${pyValue(label)}], axis=1)`;
  const labelWords = lastLabel ? 'the last column' : typeof label === 'string' ? `the column ${label}` : `column ${pyValue(label)}`;
  const read = header ? `pd.read_csv(${pyString(facts.csvPath ?? csv)})` : `pd.read_csv(${pyString(facts.csvPath ?? csv)}, header=None)`;
  script.use('import pandas as pd').paragraph(
    [`${csv}: one sample a row. The label is ${labelWords}; the features are ${features === undefined ? 'the other columns' : 'the columns chosen'}.`],
    [`df = ${read}`, `${x} = ${featuresExpr}.values`, `${y} = ${labelExpr}.values`],
  );
  if (facts.csvLabelsAreNames) writeLabelEncoding(script, y);
  return { hasTest: false, vectorLabels: false };
}

function writeLabelEncoding(script: PythonScript, y: string): void {
  script.use('from sklearn.preprocessing import LabelEncoder').paragraph(
    ['Class names become class numbers 0, 1, 2... in sorted order, as the trainer numbers them.'],
    [`${y} = LabelEncoder().fit_transform(${y})`],
  );
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}
