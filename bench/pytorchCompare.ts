/**
 * `node dist/bench.js --pytorch-only`: issue 13's table, every row measured in this one run. For each
 * network the contenders run one after another (the CLI, a bare tfjs `model.fit`, PyTorch with 1 and 2
 * threads), round after round, so a machine getting busier weighs on all of them alike.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Tf } from '../src/core/backend/tfTypes';
import { selectBackend } from '../src/core/backend/selectBackend';
import { mnistDataDir } from '../src/core/data/mnistIdx';
import { median } from './median';

const MLP_SAMPLES = Number(process.env.BENCH_PYTORCH_SAMPLES ?? 60000);
/** The CNN now trains on wasm (the composed Conv2DBackpropFilter) in the hundreds of samples/s. */
const CNN_SAMPLES = Number(process.env.BENCH_CNN_SAMPLES ?? 4096);
const ROUNDS = Number(process.env.BENCH_PYTORCH_ROUNDS ?? 1);

/** Debian's torch is in /usr/bin/python3's dist-packages; another python3 may come first on PATH. */
const PYTHON = process.env.BENCH_PYTHON ?? (fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

export type Figure = number | string;

/** "0.20x", or the reason a figure is missing, so a row still prints without PyTorch. */
export function ratio(ours: Figure, anchor: Figure): string {
  if (typeof ours !== 'number' || typeof anchor !== 'number') return 'n/a';
  return `${(ours / anchor).toFixed(2)}x`;
}

export function formatFigure(value: Figure, unit = ''): string {
  return typeof value === 'number' ? `${Math.round(value).toLocaleString('en-US')}${unit}` : value;
}

/** Why PyTorch cannot run here, or undefined when `import torch` works. */
export function pytorchMissing(python = PYTHON): string | undefined {
  const probe = spawnSync(python, ['-c', 'import torch, numpy'], { encoding: 'utf8' });
  if (probe.error) return `no ${python} (run npm run bench:setup)`;
  if (probe.status !== 0) return 'no torch (run npm run bench:setup)';
  return undefined;
}

const SCRIPT = path.resolve(__dirname, '../bench/pytorch/mnist_mlp.py');

function runPytorch(args: string[], threads: number): Figure {
  const missing = pytorchMissing();
  if (missing) return missing;
  const result = spawnSync(PYTHON, [SCRIPT, ...args, '--threads', String(threads)], { encoding: 'utf8' });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  try {
    return (JSON.parse(line) as { samplesPerSecond: number }).samplesPerSecond;
  } catch {
    return `failed: ${result.stderr.trim().split('\n').pop() ?? 'no output'}`;
  }
}

function pytorchMnist(model: 'mlp' | 'cnn', samples: number, batch: number, threads: number): Figure {
  const dir = mnistDataDir();
  const args = ['--model', model, '--images', path.join(dir, 'train-images-idx3-ubyte'), '--labels', path.join(dir, 'train-labels-idx1-ubyte'), '--samples', String(samples), '--batch', String(batch)];
  return runPytorch(args, threads);
}

/** The real CLI path: `node dist/cli.js train` on a model file; its run's summary.json has the fit's own samples/s. */
function cliTrain(yaml: string): { samplesPerSecond: number; durationMs: number } | string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-bench-'));
  const file = path.join(dir, 'bench.nn.yaml');
  fs.writeFileSync(file, yaml);
  const result = spawnSync(process.execPath, [path.join(__dirname, 'cli.js'), 'train', file], { encoding: 'utf8', cwd: dir });
  const folder = /Run folder: (.+)/.exec(result.stdout)?.[1]?.trim();
  try {
    if (!folder) throw new Error(result.stderr || result.stdout);
    const summary = JSON.parse(fs.readFileSync(path.join(folder, 'summary.json'), 'utf8')) as Record<string, unknown>;
    const text = JSON.stringify(summary);
    const sps = /"samplesPerSecond":\s*([\d.]+)/.exec(text);
    const ms = /"durationMs":\s*([\d.]+)/.exec(text);
    if (!sps || !ms) throw new Error('summary.json without samplesPerSecond');
    return { samplesPerSecond: Number(sps[1]), durationMs: Number(ms[1]) };
  } catch (err) {
    return `failed: ${String(err).split('\n')[0]}`;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function mnistYaml(layers: string, samples: number, batch: number, reshape = false): string {
  return [
    'name: bench',
    'data:',
    '  dataset: mnist',
    '  scale: 255',
    `  limit: ${samples}`,
    ...(reshape ? ['  reshape: [28, 28, 1]'] : []),
    'model:',
    layers,
    'compile:',
    '  optimizer: adam',
    '  loss: sparse_categorical_crossentropy',
    '  metrics: [accuracy]',
    'fit:',
    '  epochs: 1',
    `  batch_size: ${batch}`,
    '',
  ].join('\n');
}

const MLP_LAYERS = ['  - Flatten: { input_shape: [28, 28] }', '  - Dense: { units: 128, activation: relu }', '  - Dense: { units: 10, activation: softmax }'].join('\n');
const CNN_LAYERS = [
  '  - Conv2D: { filters: 32, kernel_size: 3, activation: relu, input_shape: [28, 28, 1] }',
  '  - MaxPooling2D: { pool_size: 2 }',
  '  - Flatten: {}',
  '  - Dense: { units: 64, activation: relu }',
  '  - Dense: { units: 10, activation: softmax }',
].join('\n');

function cliSamplesPerSecond(yaml: string): Figure {
  const r = cliTrain(yaml);
  return typeof r === 'string' ? r : r.samplesPerSecond;
}

/** A bare tfjs `model.fit` over the same first `samples` images, the whole set as one tensor. */
async function bareFit(tf: Tf, kind: 'mlp' | 'cnn', samples: number, batch: number): Promise<number> {
  const dir = mnistDataDir();
  const images = fs.readFileSync(path.join(dir, 'train-images-idx3-ubyte')).subarray(16, 16 + samples * 784);
  const labels = fs.readFileSync(path.join(dir, 'train-labels-idx1-ubyte')).subarray(8, 8 + samples);
  const x = tf.tidy(() => tf.tensor(Float32Array.from(images), kind === 'mlp' ? [samples, 28, 28] : [samples, 28, 28, 1]).div(255));
  const y = tf.tensor1d(Float32Array.from(labels));
  const model = tf.sequential();
  if (kind === 'mlp') {
    model.add(tf.layers.flatten({ inputShape: [28, 28] }));
    model.add(tf.layers.dense({ units: 128, activation: 'relu' }));
  } else {
    model.add(tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }));
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    model.add(tf.layers.flatten());
    model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  }
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  // Warm-up: the first batches compile kernels; the CLI's figure also excludes its setup.
  const warm = Math.min(samples, batch * 4);
  await model.fit(x.slice(0, warm), y.slice(0, warm), { batchSize: batch, epochs: 1, verbose: 0 });
  const start = performance.now();
  await model.fit(x, y, { batchSize: batch, epochs: 1, shuffle: true, verbose: 0 });
  const seconds = (performance.now() - start) / 1000;
  model.dispose();
  x.dispose();
  y.dispose();
  return samples / seconds;
}

async function bareXor(tf: Tf): Promise<number> {
  const x = tf.tensor2d([[0, 0], [0, 1], [1, 0], [1, 1]]);
  const y = tf.tensor2d([[0], [1], [1], [0]]);
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  const start = performance.now();
  await model.fit(x, y, { batchSize: 4, epochs: 300, shuffle: true, verbose: 0 });
  const ms = performance.now() - start;
  model.dispose();
  return ms;
}

/** The median of the measured figures; a reason why a figure is missing when none was measured. */
function medianFigure(values: Figure[]): Figure {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  return numbers.length === 0 ? values[0] : median(numbers);
}

interface Row { cli: Figure; bare: Figure; torch1: Figure; torch2: Figure }

async function measure(rounds: number, one: () => Promise<Row>): Promise<Row> {
  const all: Row[] = [];
  for (let i = 0; i < rounds; i++) all.push(await one());
  return { cli: medianFigure(all.map((r) => r.cli)), bare: medianFigure(all.map((r) => r.bare)), torch1: medianFigure(all.map((r) => r.torch1)), torch2: medianFigure(all.map((r) => r.torch2)) };
}

/** Prints ratios first, then the figures, as issue 13's table. */
export function formatTable(title: string, columns: string[], rows: Row[], unit: string, higherIsBetter = true): string {
  const r = (ours: Figure, anchor: Figure) => (higherIsBetter ? ratio(ours, anchor) : ratio(anchor, ours));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    title,
    line(['', ...columns]),
    line(['---', ...columns.map(() => '---')]),
    line(['**ratio CLI / PyTorch 1 thread**', ...rows.map((row) => r(row.cli, row.torch1))]),
    line(['**ratio CLI / PyTorch 2 threads**', ...rows.map((row) => r(row.cli, row.torch2))]),
    line(['ratio bare tfjs / PyTorch 1 thread', ...rows.map((row) => r(row.bare, row.torch1))]),
    line(['ratio CLI / bare tfjs', ...rows.map((row) => r(row.cli, row.bare))]),
    line(['`nn-trainer train`', ...rows.map((row) => formatFigure(row.cli, unit))]),
    line(['bare tfjs `model.fit`', ...rows.map((row) => formatFigure(row.bare, unit))]),
    line(['PyTorch CPU, 1 thread', ...rows.map((row) => formatFigure(row.torch1, unit))]),
    line(['PyTorch CPU, 2 threads', ...rows.map((row) => formatFigure(row.torch2, unit))]),
  ].join('\n');
}

export async function benchPytorch(): Promise<void> {
  const missing = pytorchMissing();
  console.log(`\n7. Side by side with PyTorch (${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}, ${ROUNDS} round(s), medians)${missing ? `: PyTorch columns missing, ${missing}` : ''}`);
  const { tf } = await selectBackend('wasm', { layerTypes: ['Dense'] });
  const mlp: Row[] = [];
  for (const batch of [32, 128]) {
    mlp.push(
      await measure(ROUNDS, async () => ({
        cli: cliSamplesPerSecond(mnistYaml(MLP_LAYERS, MLP_SAMPLES, batch)),
        bare: await bareFit(tf, 'mlp', MLP_SAMPLES, batch),
        torch1: pytorchMnist('mlp', MLP_SAMPLES, batch, 1),
        torch2: pytorchMnist('mlp', MLP_SAMPLES, batch, 2),
      })),
    );
  }
  console.log(formatTable(`MNIST MLP 784-128-10, adam, 1 epoch of ${MLP_SAMPLES.toLocaleString('en-US')} samples, samples/s (tfjs on wasm)`, ['batch 32', 'batch 128'], mlp, ''));

  // The CLI's auto backend runs this model on wasm too, since the filter gradient is registered there.
  const cnn = await measure(ROUNDS, async () => ({
    cli: cliSamplesPerSecond(mnistYaml(CNN_LAYERS, CNN_SAMPLES, 64, true)),
    bare: await bareFit(tf, 'cnn', CNN_SAMPLES, 64),
    torch1: pytorchMnist('cnn', CNN_SAMPLES, 64, 1),
    torch2: pytorchMnist('cnn', CNN_SAMPLES, 64, 2),
  }));
  console.log(`\n${formatTable(`MNIST CNN (Conv2D 32 3x3, MaxPooling 2x2, Dense 64, Dense 10), adam, batch 64, samples/s (1 epoch of ${CNN_SAMPLES.toLocaleString('en-US')} samples, tfjs on wasm)`, ['batch 64'], [cnn], '')}`);

  const xorYaml = fs.readFileSync(path.resolve('examples/xor.nn.yaml'), 'utf8');
  const xor = await measure(ROUNDS, async () => {
    const cli = cliTrain(xorYaml);
    return {
      cli: typeof cli === 'string' ? cli : cli.durationMs,
      bare: await bareXor(tf),
      torch1: runPytorch(['--model', 'xor', '--epochs', '300', '--batch', '4'], 1),
      torch2: runPytorch(['--model', 'xor', '--epochs', '300', '--batch', '4'], 2),
    };
  });
  // The Python script reports samples/s; XOR compares wall time of its 300 epochs of 4 samples.
  const toMs = (v: Figure) => (typeof v === 'number' ? (1200 / v) * 1000 : v);
  console.log(`\n${formatTable('XOR (examples/xor.nn.yaml), 300 epochs of 4 samples, training wall time (CLI on its auto backend, bare tfjs on cpu); ratios are speed', ['ms'], [{ cli: xor.cli, bare: xor.bare, torch1: toMs(xor.torch1), torch2: toMs(xor.torch2) }], ' ms', false)}`);
}
