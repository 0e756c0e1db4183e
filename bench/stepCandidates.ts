import * as os from 'os';
import type { LayersModel, Tensor, Tensor1D, Variable } from '@tensorflow/tfjs';
import type { Tf } from '../src/core/backend/tfTypes';
import { fitModel } from '../src/core/train/fitModel';
import { mulberry32 } from '../src/core/random';
import { epochBatches } from '../src/core/train/batchDatasets';
import type { LoadedData } from '../src/core/data';
import type { ModelSpec } from '../src/core/spec/modelSpec';
import { compiledModel, loadMnist, mnistMlpSpec } from './mnistMlp';
import { flatAdam } from './flatAdam';
import { median } from './median';

const SAMPLES = Number(process.env.BENCH_CANDIDATE_SAMPLES ?? 8192);
const ROUNDS = Number(process.env.BENCH_CANDIDATE_ROUNDS ?? 3);
const SEED = 7;

type Variant = 'trainer' | 'trainOnBatch per batch' | 'own step, read every batch' | 'own step, read every 10 batches' | 'trainer with one flat Adam update';
const VARIANTS: Variant[] = ['trainer', 'trainOnBatch per batch', 'own step, read every batch', 'own step, read every 10 batches', 'trainer with one flat Adam update'];

/** One epoch's speed and mean training loss. */
interface EpochTiming {
  samplesPerSecond: number;
  loss: number;
}

/** An epoch's samples per second of wall time and per second of this process's CPU time (steadier on a busy machine). */
interface TimedEpoch extends EpochTiming {
  samplesPerCpuSecond: number;
}

/** One epoch of the trainer's own batches, in the order fitModel's first epoch takes with the same seed. */
function trainerBatches(tf: Tf, data: LoadedData, batchSize: number) {
  return epochBatches(tf, data, data.train, batchSize, { shuffle: true, random: mulberry32(SEED) })();
}

/** tfjs-layers keeps a Sequential's compiled loss and metric functions on its inner model (not public API: a bench-only look). */
interface CompiledFunctions {
  lossFunctions: ((y: Tensor, p: Tensor) => Tensor)[];
  metricsTensors: [(y: Tensor, p: Tensor) => Tensor, number][];
}

/**
 * The first candidate of issue 13: a training step of our own instead of fitDataset: the same loss,
 * metrics and regularizer penalties as tfjs-layers' train function, minimized in one tidy, the
 * batch's values read every `readEvery` batches (one sync for many).
 */
async function ownStepEpoch(tf: Tf, model: LayersModel, data: LoadedData, batchSize: number, readEvery: number): Promise<EpochTiming> {
  const compiled = ((model as unknown as { model?: CompiledFunctions }).model ?? model) as unknown as CompiledFunctions;
  const weights = model.trainableWeights.map((w) => w.read() as Variable);
  let lossSum = 0;
  const pending: { values: Tensor1D; size: number }[] = [];
  const read = () => {
    if (pending.length === 0) return;
    const all = tf.stack(pending.map((p) => p.values));
    const values = all.dataSync();
    const width = values.length / pending.length;
    pending.forEach((p, i) => (lossSum += values[i * width] * p.size));
    tf.dispose([all, ...pending.map((p) => p.values)]);
    pending.length = 0;
  };
  const start = performance.now();
  let batch = 0;
  for (const { xs: x, ys: y } of trainerBatches(tf, data, batchSize)) {
    const values = tf.tidy(() => {
      let metrics: Tensor[] = [];
      const loss = model.optimizer.minimize(
        () => {
          const out = model.apply(x, { training: true }) as Tensor;
          metrics = compiled.metricsTensors.map(([fn]) => tf.keep(tf.mean(fn(y, out))));
          let total = tf.mean(compiled.lossFunctions[0](y, out));
          for (const penalty of model.calculateLosses()) total = tf.add(total, penalty);
          return total as never;
        },
        true,
        weights,
      ) as Tensor;
      const stacked = tf.stack([loss, ...metrics]) as Tensor1D;
      tf.dispose(metrics);
      return stacked;
    });
    pending.push({ values, size: x.shape[0] });
    tf.dispose([x, y]);
    if (++batch % readEvery === 0) read();
  }
  read();
  const ms = performance.now() - start;
  return { samplesPerSecond: (data.train.count / ms) * 1000, loss: lossSum / data.train.count };
}

/**
 * A candidate: tfjs-layers' own step (`trainOnBatch`) per batch instead of fitDataset's iterators and
 * callbacks. It checks each target's shape against the output unless the loss is tfjs' own sparse
 * crossentropy, so it refuses the integer labels of the trainer's from_logits losses.
 */
async function trainOnBatchEpoch(tf: Tf, model: LayersModel, data: LoadedData, batchSize: number): Promise<EpochTiming> {
  let lossSum = 0;
  const start = performance.now();
  for (const { xs, ys } of trainerBatches(tf, data, batchSize)) {
    const values = [await model.trainOnBatch(xs, ys)].flat();
    lossSum += values[0] * xs.shape[0];
    tf.dispose([xs, ys]);
  }
  const ms = performance.now() - start;
  return { samplesPerSecond: (data.train.count / ms) * 1000, loss: lossSum / data.train.count };
}

async function trainerEpoch(tf: Tf, model: LayersModel, spec: ModelSpec, data: LoadedData): Promise<EpochTiming> {
  const fit = await fitModel({ tf, model, spec, data, epochs: 1, random: mulberry32(SEED) });
  return { samplesPerSecond: fit.samplesPerSecond, loss: fit.history.loss[0] };
}

/** A fresh model with `initial` weights (and a fresh optimizer) for each timed epoch, so every variant trains the same thing. */
function freshModel(tf: Tf, spec: ModelSpec, data: LoadedData, initial: Tensor[], variant: Variant): LayersModel {
  const model = compiledModel(tf, spec, data);
  model.setWeights(initial);
  if (variant === 'trainer with one flat Adam update') {
    model.optimizer.dispose();
    model.optimizer = flatAdam(tf, 0.001);
  }
  return model;
}

async function timeVariant(tf: Tf, spec: ModelSpec, data: LoadedData, initial: Tensor[], variant: Variant): Promise<TimedEpoch> {
  const model = freshModel(tf, spec, data, initial, variant);
  const cpu = process.cpuUsage();
  try {
    const timing = await trainVariant(tf, model, spec, data, variant);
    const used = process.cpuUsage(cpu);
    return { ...timing, samplesPerCpuSecond: data.train.count / ((used.user + used.system) / 1e6) };
  } finally {
    model.optimizer.dispose();
    model.dispose();
  }
}

async function trainVariant(tf: Tf, model: LayersModel, spec: ModelSpec, data: LoadedData, variant: Variant): Promise<EpochTiming> {
  if (variant === 'own step, read every batch') return ownStepEpoch(tf, model, data, spec.fit.batchSize, 1);
  if (variant === 'own step, read every 10 batches') return ownStepEpoch(tf, model, data, spec.fit.batchSize, 10);
  if (variant === 'trainOnBatch per batch') return trainOnBatchEpoch(tf, model, data, spec.fit.batchSize);
  return trainerEpoch(tf, model, spec, data);
}

/**
 * Section 11: the lean-step candidates of issue 13 that are NOT in the product, measured against the
 * trainer's real loop (fitModel over fitDataset) side by side: each variant trains one epoch from
 * the same initial weights and batch order, alternated over rounds (medians), and prints how far its
 * epoch loss is from the trainer's (the same work, or the speed would not compare).
 */
export async function benchStepCandidates(tf: Tf): Promise<void> {
  await tf.setBackend('wasm');
  console.log(`\n11. Lean-step candidates vs the trainer (fitDataset), MNIST MLP on wasm, 1 epoch of ${SAMPLES} (${ROUNDS} rounds alternated, medians; load average ${os.loadavg()[0].toFixed(2)})`);
  for (const batchSize of [32, 128]) {
    const spec = mnistMlpSpec(batchSize, SAMPLES);
    const data = await loadMnist(spec);
    const initial = compiledModel(tf, spec, data);
    const weights = initial.getWeights().map((w) => w.clone());
    initial.dispose();
    // Warm-up: every variant's kernels compiled and JIT-warm before the timed rounds.
    const warmData = { ...data, train: { ...data.train, count: Math.min(1024, data.train.count) } };
    for (const variant of VARIANTS) await timeVariant(tf, spec, warmData, weights, variant);
    const timings = new Map<Variant, TimedEpoch[]>(VARIANTS.map((v) => [v, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const variant of VARIANTS) timings.get(variant)?.push(await timeVariant(tf, spec, data, weights, variant));
    }
    const speed = (v: Variant) => median((timings.get(v) ?? []).map((t) => t.samplesPerSecond));
    const cpuSpeed = (v: Variant) => median((timings.get(v) ?? []).map((t) => t.samplesPerCpuSecond));
    const trainerLoss = timings.get('trainer')?.[0].loss ?? NaN;
    for (const variant of VARIANTS) {
      const loss = timings.get(variant)?.[0].loss ?? NaN;
      console.log(
        `   batch ${String(batchSize).padEnd(3)} ${variant.padEnd(34)} ${Math.round(speed(variant)).toLocaleString('en-US').padStart(7)} samples/s  ` +
          `${(speed(variant) / speed('trainer')).toFixed(2)}x (per CPU-second ${Math.round(cpuSpeed(variant)).toLocaleString('en-US').padStart(7)}, ${(cpuSpeed(variant) / cpuSpeed('trainer')).toFixed(2)}x)  epoch loss ${loss.toFixed(6)} (${variant === 'trainer' ? 'reference' : `differs by ${Math.abs(loss - trainerLoss).toExponential(1)}`})`,
      );
    }
    tf.dispose(weights);
  }
  console.log('   Kept in the product only if it pays at both batch sizes (README, "what is left").');
}
