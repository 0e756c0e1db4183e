import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { KernelConfig, NamedTensorMap, Tensor, Tensor4D } from '@tensorflow/tfjs';
import { selectBackend } from '../../src/core/backend/selectBackend';
import { installWasmGradientKernels } from '../../src/core/backend/wasmGradientKernels';
import { installWasmMaxPoolGrad, uninstallWasmMaxPoolGrad } from '../../src/core/backend/wasmMaxPoolGrad';
import type { Tf } from '../../src/core/backend/tfTypes';
import { maxDifference, randomValues } from '../helpers/kernelValues';

type Shape = [number, number, number, number];
type Pair = number | [number, number];
type Pad = 'valid' | 'same' | number;

async function wasmTf(): Promise<Tf> {
  return (await selectBackend('wasm', { layerTypes: ['Conv2D', 'MaxPooling2D'] })).tf;
}

/** The MaxPoolGrad kernel itself on the current backend, with the forward output computed there. */
function maxPoolGrad(tf: Tf, x: Tensor4D, dy: Tensor, filterSize: Pair, strides: Pair, pad: Pad): Tensor {
  const output = tf.maxPool(x, filterSize, strides, pad);
  return tf.engine().runKernel('MaxPoolGrad', { dy, input: x, output } as unknown as NamedTensorMap, { filterSize, strides, pad }) as Tensor;
}

/** dx on cpu and on wasm from the same x and dy. */
async function onBothBackends(tf: Tf, xValues: Float32Array, shape: Shape, filterSize: Pair, strides: Pair, pad: Pad) {
  const outShape = tf.tidy(() => tf.maxPool(tf.zeros(shape) as Tensor4D, filterSize, strides, pad).shape);
  const dyValues = randomValues(outShape.reduce((a, b) => a * b), 7);
  const results: Float32Array[] = [];
  for (const backend of ['cpu', 'wasm']) {
    await tf.setBackend(backend);
    const dx = tf.tidy(() => maxPoolGrad(tf, tf.tensor4d(xValues, shape), tf.tensor(dyValues, outShape), filterSize, strides, pad));
    assert.deepEqual(dx.shape, shape);
    results.push((await dx.data()) as Float32Array);
    dx.dispose();
  }
  return { cpu: results[0], wasm: results[1] };
}

const size = (shape: Shape) => shape.reduce((a, b) => a * b);
/** Seeded values in [-1, 1) through a relu: about half are zeros, so most windows have ties. */
const afterRelu = (shape: Shape, seed: number) => randomValues(size(shape), seed).map((v) => Math.max(0, v));
const signed = (shape: Shape, seed: number) => randomValues(size(shape), seed);
/** Few distinct values, negative ones included: ties between the maximum and other positions. */
const coarse = (shape: Shape, seed: number) => randomValues(size(shape), seed).map((v) => Math.round(v * 2) - 1);

interface Case {
  name: string;
  x: Shape;
  filter: Pair;
  strides?: Pair;
  pad: Pad;
  values: (shape: Shape, seed: number) => Float32Array;
}

// Windows that do not overlap (stride >= pool size): the composed kernel.
const composedCases: Case[] = [
  { name: 'the MNIST CNN pooling: 2x2 valid on 26x26x32 after relu', x: [4, 26, 26, 32], filter: 2, pad: 'valid', values: afterRelu },
  { name: '2x2 valid, odd size (the last row and column reach no window)', x: [3, 27, 25, 8], filter: 2, pad: 'valid', values: afterRelu },
  { name: '2x2 same, odd size (padded after)', x: [2, 27, 27, 5], filter: 2, pad: 'same', values: afterRelu },
  { name: '2x2 same where the size divides (no padding)', x: [2, 12, 12, 3], filter: 2, pad: 'same', values: coarse },
  { name: '3x3 same, padded before and after', x: [2, 10, 10, 3], filter: 3, pad: 'same', values: afterRelu },
  { name: '3x3 same, 11x13', x: [3, 11, 13, 4], filter: 3, pad: 'same', values: coarse },
  { name: '3x3 valid, 2 rows and 1 column left out, negative values', x: [2, 11, 13, 1], filter: 3, pad: 'valid', values: signed },
  { name: '3x3 valid, exact, 16 channels', x: [2, 9, 9, 16], filter: 3, pad: 'valid', values: coarse },
  { name: 'a 2x3 pool', x: [2, 8, 9, 6], filter: [2, 3], pad: 'valid', values: afterRelu },
  { name: 'explicit padding 1', x: [2, 7, 7, 2], filter: 2, pad: 1, values: signed },
  { name: 'one window per image', x: [5, 3, 3, 7], filter: 3, pad: 'valid', values: coarse },
  { name: '2x2 stride 3 (gaps between the windows)', x: [2, 11, 11, 2], filter: 2, strides: 3, pad: 'valid', values: coarse },
  { name: '2x2 stride 3 same', x: [2, 10, 11, 3], filter: 2, strides: 3, pad: 'same', values: afterRelu },
  { name: '3x2 pool, strides [4, 3]', x: [2, 13, 10, 4], filter: [3, 2], strides: [4, 3], pad: 'valid', values: signed },
];
for (const channels of [1, 2, 7, 32]) {
  composedCases.push({ name: `${channels} channel(s), batch 3`, x: [3, 6, 6, channels], filter: 2, pad: 'valid', values: afterRelu });
}

for (const c of composedCases) {
  test(`MaxPoolGrad on wasm equals cpu exactly: ${c.name}`, async () => {
    const tf = await wasmTf();
    const { cpu, wasm } = await onBothBackends(tf, c.values(c.x, 3), c.x, c.filter, c.strides ?? c.filter, c.pad);
    assert.equal(maxDifference(wasm, cpu), 0);
  });
}

test('windows of equal values route the gradient to their first position, as on cpu', async () => {
  const tf = await wasmTf();
  for (const value of [0, 1, -2]) {
    for (const [shape, filter, pad] of [
      [[2, 6, 6, 3], 2, 'valid'],
      [[2, 7, 7, 3], 3, 'same'],
    ] as [Shape, number, Pad][]) {
      const { cpu, wasm } = await onBothBackends(tf, new Float32Array(size(shape)).fill(value), shape, filter, filter, pad);
      assert.equal(maxDifference(wasm, cpu), 0, `all ${value}, ${filter}x${filter} ${pad}`);
    }
  }
});

// Overlapping windows: the stock wasm kernel, compared on values without ties where it agrees with cpu.
// It does not for ties, nor (even without ties) for 3x3 stride 2 'same', 2x2 stride 1 'valid' or 'same',
// or strides [2, 1]: differences of tfjs-backend-wasm 4.22's own kernel that this one leaves alone.
const stockCases: Case[] = [
  { name: '3x3 stride 2 valid (overlapping)', x: [2, 9, 9, 4], filter: 3, strides: 2, pad: 'valid', values: signed },
  { name: '3x3 stride 1 valid', x: [2, 8, 8, 3], filter: 3, strides: 1, pad: 'valid', values: signed },
  { name: '3x3 stride 2 valid, odd size', x: [3, 12, 11, 5], filter: 3, strides: 2, pad: 'valid', values: signed },
];

for (const c of stockCases) {
  test(`MaxPoolGrad on wasm equals cpu through the stock kernel: ${c.name}`, async () => {
    const tf = await wasmTf();
    const { cpu, wasm } = await onBothBackends(tf, c.values(c.x, 5), c.x, c.filter, c.strides ?? c.filter, c.pad);
    assert.ok(maxDifference(wasm, cpu) < 1e-5, `max difference ${maxDifference(wasm, cpu)}`);
  });
}

test('the stock kernel runs exactly the cases the composition does not cover', async () => {
  const tf = await wasmTf();
  await tf.setBackend('wasm');
  assert.equal(uninstallWasmMaxPoolGrad(tf), true);
  const stock = tf.getKernel('MaxPoolGrad', 'wasm') as KernelConfig;
  let stockCalls = 0;
  const counted: KernelConfig = { ...stock, kernelFunc: (args) => (stockCalls++, stock.kernelFunc(args)) };
  tf.unregisterKernel('MaxPoolGrad', 'wasm');
  tf.registerKernel(counted);
  assert.equal(installWasmMaxPoolGrad(tf), true);
  try {
    const run = (shape: Shape, filter: Pair, strides: Pair, pad: Pad) =>
      tf.tidy(() => maxPoolGrad(tf, tf.tensor4d(signed(shape, 1), shape), tf.ones(tf.maxPool(tf.zeros(shape) as Tensor4D, filter, strides, pad).shape), filter, strides, pad)).dispose();
    run([2, 26, 26, 4], 2, 2, 'valid');
    run([2, 27, 27, 4], 2, 2, 'same');
    run([2, 11, 13, 4], 3, 3, 'valid');
    run([2, 11, 11, 4], 2, 3, 'same');
    assert.equal(stockCalls, 0);
    run([2, 9, 9, 4], 3, 2, 'valid');
    run([2, 6, 6, 4], 2, 2, 2); // every window of the first row wholly in padding
    assert.equal(stockCalls, 2);
  } finally {
    uninstallWasmMaxPoolGrad(tf);
    tf.unregisterKernel('MaxPoolGrad', 'wasm');
    tf.registerKernel(stock);
    installWasmMaxPoolGrad(tf);
  }
});

test('installing twice keeps one replacement; uninstalling puts the stock kernel back', async () => {
  const tf = await wasmTf();
  assert.equal(installWasmMaxPoolGrad(tf), false, 'selectBackend already installed it');
  const fast = tf.getKernel('MaxPoolGrad', 'wasm');
  assert.equal(uninstallWasmMaxPoolGrad(tf), true);
  assert.notEqual(tf.getKernel('MaxPoolGrad', 'wasm'), fast);
  assert.equal(uninstallWasmMaxPoolGrad(tf), false);
  assert.deepEqual(installWasmGradientKernels(tf), ['MaxPoolGrad'], 'the gradient kernels put it back, and say so');
  assert.deepEqual(installWasmGradientKernels(tf), []);
});

test('the gradient of maxPool through tf.grad is the same on wasm and cpu (relu before it, ties)', async () => {
  const tf = await wasmTf();
  const shape: Shape = [4, 14, 14, 6];
  const x = signed(shape, 9);
  const grads: Float32Array[] = [];
  for (const backend of ['cpu', 'wasm']) {
    await tf.setBackend(backend);
    const g = tf.tidy(() => tf.grad((t: Tensor) => tf.maxPool(tf.relu(t) as Tensor4D, 2, 2, 'valid').square().sum())(tf.tensor4d(x, shape)));
    grads.push((await g.data()) as Float32Array);
    g.dispose();
  }
  assert.equal(maxDifference(grads[1], grads[0]), 0);
});

test('the composed MaxPoolGrad frees every intermediate: no tensor and no wasm data left per call', async () => {
  const tf = await wasmTf();
  await tf.setBackend('wasm');
  const calls: [Shape, number, Pad][] = [
    [[2, 8, 8, 3], 2, 'valid'],
    [[2, 9, 9, 3], 2, 'valid'],
    [[2, 9, 9, 3], 2, 'same'],
    [[2, 10, 10, 3], 3, 'same'],
    [[2, 9, 9, 3], 3, 2], // stock kernel
  ];
  const inputs = calls.map(([shape, filter, pad]) => {
    const x = tf.tensor4d(signed(shape, 2), shape);
    const dy = tf.ones(tf.maxPool(x, filter, filter, pad).shape);
    return { x, dy, filter, pad };
  });
  const all = () => inputs.forEach(({ x, dy, filter, pad }) => tf.tidy(() => maxPoolGrad(tf, x, dy, filter, filter, pad)).dispose());
  all();
  const tensors = tf.memory().numTensors;
  const dataIds = tf.engine().backend.numDataIds();
  for (let i = 0; i < 5; i++) all();
  assert.equal(tf.memory().numTensors, tensors);
  assert.equal(tf.engine().backend.numDataIds(), dataIds);
  inputs.forEach(({ x, dy }) => tf.dispose([x, dy]));
});
