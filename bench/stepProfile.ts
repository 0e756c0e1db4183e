import * as os from 'os';
import type { Tensor } from '@tensorflow/tfjs';
import type { Tf } from '../src/core/backend/tfTypes';
import { fitModel } from '../src/core/train/fitModel';
import { mulberry32 } from '../src/core/random';
import { encodeFeatures, encodeTargets, type LoadedData } from '../src/core/data';
import type { ModelSpec } from '../src/core/spec/modelSpec';
import { compiledModel, loadMnist, mnistMlpSpec } from './mnistMlp';
import { median } from './median';

/** Steps profiled per configuration, after as many warm-up steps. */
const STEPS = Number(process.env.BENCH_PROFILE_STEPS ?? 40);
const ROUNDS = 3;

/** Where one training step's time goes, in ms per step. */
export interface StepProfile {
  title: string;
  batchSize: number;
  /** A whole step inside the trainer's real epoch loop (fitModel → fitDataset, callbacks, batch conversion). */
  trainerMs: number;
  /** model.trainOnBatch on a ready batch: tfjs-layers' step without the epoch machinery. */
  trainOnBatchMs: number;
  /** The same trainOnBatch steps under tf.profile: time inside kernels, by kernel, summed over a step. */
  kernels: { name: string; ms: number; calls: number }[];
  kernelMs: number;
  /** Wall time of the profiled steps: kernels plus what runs between them (profiling adds a little). */
  profiledMs: number;
  /** Multiply-adds ×2 of the matmuls and convolutions, per step, for the achieved GFLOP/s. */
  flops: number;
}

/** The MNIST CNN of every Keras tutorial (issue 13): Conv2D 32 3x3 relu, MaxPooling 2x2, Dense 64, Dense 10. */
export function mnistCnnSpec(batchSize: number, limit?: number): ModelSpec {
  const mlp = mnistMlpSpec(batchSize, limit);
  return {
    ...mlp,
    name: 'bench-mnist-cnn',
    data: { ...mlp.data, reshape: [28, 28, 1] },
    model: [
      { type: 'Conv2D', config: { filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] } },
      { type: 'MaxPooling2D', config: { poolSize: 2 } },
      { type: 'Flatten', config: {} },
      { type: 'Dense', config: { units: 64, activation: 'relu' } },
      { type: 'Dense', config: { units: 10, activation: 'softmax' } },
    ],
  } as ModelSpec;
}

/** Profiles one training step of `spec` on the current backend of `tf`. */
export async function profileStep(tf: Tf, title: string, spec: ModelSpec, flopsPerSample: number): Promise<StepProfile> {
  const batchSize = spec.fit.batchSize;
  const samples = batchSize * STEPS;
  const data = await loadMnist({ ...spec, data: { ...spec.data, limit: samples * 2 } } as ModelSpec);
  const model = compiledModel(tf, spec, data);

  // Warm-up, then the three measurements alternated over ROUNDS rounds (medians), so load from
  // elsewhere on the machine falls on all three alike.
  const epoch = { ...data, train: { ...data.train, count: samples } };
  const batches = readyBatches(tf, data, batchSize, STEPS);
  await fitModel({ tf, model, spec, data: epoch, epochs: 1, random: mulberry32(1) });
  for (const [x, y] of batches) await model.trainOnBatch(x, y);
  const trainer: number[] = [];
  const plain: number[] = [];
  const profiled: number[] = [];
  let info: Awaited<ReturnType<Tf['profile']>> | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    trainer.push((await fitModel({ tf, model, spec, data: epoch, epochs: 1, random: mulberry32(2 + round) })).trainMs / STEPS);
    let start = performance.now();
    for (const [x, y] of batches) await model.trainOnBatch(x, y);
    plain.push((performance.now() - start) / STEPS);
    start = performance.now();
    const roundInfo = await tf.profile(async () => {
      for (const [x, y] of batches) await model.trainOnBatch(x, y);
    });
    profiled.push((performance.now() - start) / STEPS);
    info ??= roundInfo;
  }
  const byKernel = new Map<string, { ms: number; calls: number }>();
  for (const k of info?.kernels ?? []) {
    const entry = byKernel.get(k.name) ?? { ms: 0, calls: 0 };
    entry.ms += Number(k.kernelTimeMs) || 0;
    entry.calls += 1;
    byKernel.set(k.name, entry);
  }
  const kernels = [...byKernel.entries()]
    .map(([name, v]) => ({ name, ms: v.ms / STEPS, calls: v.calls / STEPS }))
    .sort((a, b) => b.ms - a.ms);
  tf.dispose(batches.flat());
  model.dispose();
  return { title, batchSize, trainerMs: median(trainer), trainOnBatchMs: median(plain), kernels, kernelMs: kernels.reduce((s, k) => s + k.ms, 0), profiledMs: profiled[0], flops: flopsPerSample * batchSize };
}

function readyBatches(tf: Tf, data: LoadedData, batchSize: number, count: number): [Tensor, Tensor][] {
  return Array.from({ length: count }, (_, b) => {
    const indices = Int32Array.from({ length: batchSize }, (_, i) => b * batchSize + i);
    return [
      tf.tensor(encodeFeatures(data, data.train, indices), [batchSize, ...data.featureShape]),
      tf.tensor(encodeTargets(data, data.train, indices), [batchSize, ...data.targetShape]),
    ];
  });
}

/** Forward and backward multiply-adds (x2 for FLOPs) of the MLP 784-128-10: three matmuls per layer. */
export const MLP_FLOPS_PER_SAMPLE = 2 * 3 * (784 * 128 + 128 * 10);
/** The CNN: the convolution (26·26 outputs × 9 taps × 32 filters; forward, filter gradient, no input gradient for the first layer) and its two Dense layers. */
export const CNN_FLOPS_PER_SAMPLE = 2 * (2 * 26 * 26 * 9 * 32) + 2 * 3 * (5408 * 64 + 64 * 10);

/** The profile as the README shows it: where a step's time goes, then the top kernels. */
export function formatStepProfile(p: StepProfile, top = 8): string {
  // Kernel and between-kernel shares come from the same profiled steps; the loop's from the unprofiled ones.
  const step = p.trainOnBatchMs;
  const kernels = Math.min(step, (step * p.kernelMs) / p.profiledMs);
  const between = step - kernels;
  // A loaded machine can make the loop look free; it is never negative.
  const machinery = Math.max(0, p.trainerMs - step);
  const pct = (ms: number) => `${((ms / p.trainerMs) * 100).toFixed(0)}%`;
  const lines = [
    `   ${p.title}, batch ${p.batchSize}: ${p.trainerMs.toFixed(2)} ms per step in the trainer (${((p.batchSize / p.trainerMs) * 1000).toFixed(0)} samples/s)`,
    `     inside kernels        ${kernels.toFixed(2)} ms  ${pct(kernels)}`,
    `     between kernels       ${between.toFixed(2)} ms  ${pct(between)}  (tfjs-layers' step: op dispatch, tape, gradients' bookkeeping, optimizer)`,
    `     trainer's epoch loop  ${machinery.toFixed(2)} ms  ${pct(machinery)}  (fitDataset, callbacks, converting the batch)`,
    `     arithmetic ${(p.flops / 1e6).toFixed(1)} MFLOP per step: ${(p.flops / p.trainerMs / 1e6).toFixed(1)} GFLOP/s over the whole step`,
    '     kernel                 ms/step  calls/step  (under tf.profile)',
  ];
  for (const k of p.kernels.slice(0, top)) lines.push(`     ${k.name.padEnd(22)} ${k.ms.toFixed(2).padStart(7)}  ${k.calls.toFixed(0).padStart(5)}`);
  const rest = p.kernels.slice(top);
  if (rest.length) lines.push(`     ${`${rest.length} others`.padEnd(22)} ${rest.reduce((s, k) => s + k.ms, 0).toFixed(2).padStart(7)}  ${rest.reduce((s, k) => s + k.calls, 0).toFixed(0).padStart(5)}`);
  return lines.join('\n');
}

/** Section 8: one training step profiled on wasm, MLP at batch 32 and 128, the CNN at 64. */
export async function benchStepProfile(tf: Tf): Promise<void> {
  await tf.setBackend('wasm');
  console.log(`\n8. One training step on wasm, profiled (${STEPS} steps, ${ROUNDS} rounds, medians; load average ${os.loadavg()[0].toFixed(2)}; ms per step)`);
  for (const batch of [32, 128]) console.log(formatStepProfile(await profileStep(tf, 'MNIST MLP 784-128-10', mnistMlpSpec(batch), MLP_FLOPS_PER_SAMPLE)));
  console.log(formatStepProfile(await profileStep(tf, 'MNIST CNN', mnistCnnSpec(64), CNN_FLOPS_PER_SAMPLE)));
}
