import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { selectBackend } from '../../src/core/backend/selectBackend';
import { installWasmGradientKernels } from '../../src/core/backend/wasmGradientKernels';
import type { Tf } from '../../src/core/backend/tfTypes';
import { mulberry32 } from '../../src/core/random';
import { maxDifference, randomValues } from '../helpers/kernelValues';

type Tensor = import('@tensorflow/tfjs').Tensor;
type Tensor4D = import('@tensorflow/tfjs').Tensor4D;

/** The filter gradient kernel itself (tfjs has no public op for it; conv2d's gradient calls it). */
function filterGradient(tf: Tf, x: Tensor, dy: Tensor, filterShape: number[], strides: number | [number, number], pad: 'same' | 'valid' | number): Tensor {
  return tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides, pad, dataFormat: 'NHWC', filterShape }) as Tensor;
}

async function wasmTf(): Promise<Tf> {
  return (await selectBackend('wasm', { layerTypes: ['Conv2D', 'Embedding'] })).tf;
}

/** Runs `compute` on cpu and on wasm from the same inputs and returns both results' values. */
async function onBothBackends(tf: Tf, compute: () => import('@tensorflow/tfjs').Tensor) {
  const results: { shape: number[]; values: Float32Array }[] = [];
  for (const backend of ['cpu', 'wasm']) {
    await tf.setBackend(backend);
    const out = tf.tidy(compute);
    results.push({ shape: out.shape, values: (await out.data()) as Float32Array });
    out.dispose();
  }
  return { cpu: results[0], wasm: results[1] };
}

test('selecting wasm registers the two gradient kernels tfjs-backend-wasm lacks, once', async () => {
  const tf = await wasmTf();
  assert.ok(tf.getKernel('Conv2DBackpropFilter', 'wasm'));
  assert.ok(tf.getKernel('UnsortedSegmentSum', 'wasm'));
  assert.deepEqual(installWasmGradientKernels(tf), [], 'already registered');
});

type Pad = 'same' | 'valid' | number;
const convCases: { name: string; x: [number, number, number, number]; filter: [number, number, number, number]; strides: number | [number, number]; pad: Pad }[] = [
  { name: 'MNIST first layer: 1 channel in, 32 out, 3x3 valid', x: [4, 28, 28, 1], filter: [3, 3, 1, 32], strides: 1, pad: 'valid' },
  { name: '3x3 same, 3 channels in, 5 out', x: [2, 9, 9, 3], filter: [3, 3, 3, 5], strides: 1, pad: 'same' },
  { name: 'stride 2, same, odd size', x: [2, 11, 11, 4], filter: [3, 3, 4, 6], strides: 2, pad: 'same' },
  { name: 'stride 2, valid', x: [3, 10, 10, 2], filter: [3, 3, 2, 3], strides: 2, pad: 'valid' },
  { name: 'strides [2, 1], a 2x3 filter, same', x: [2, 8, 7, 3], filter: [2, 3, 3, 4], strides: [2, 1], pad: 'same' },
  { name: 'a 1x1 filter', x: [2, 5, 5, 8], filter: [1, 1, 8, 4], strides: 1, pad: 'valid' },
  { name: 'explicit padding 1, stride 3', x: [1, 13, 13, 2], filter: [5, 5, 2, 2], strides: 3, pad: 1 },
  { name: 'Conv1D as tfjs-layers runs it (height 1)', x: [4, 1, 20, 6], filter: [1, 5, 6, 8], strides: 1, pad: 'same' },
  { name: 'a filter as large as the input', x: [2, 4, 4, 3], filter: [4, 4, 3, 2], strides: 1, pad: 'valid' },
];

for (const c of convCases) {
  test(`Conv2DBackpropFilter on wasm equals cpu to 1e-4: ${c.name}`, async () => {
    const tf = await wasmTf();
    const xValues = randomValues(c.x.reduce((a, b) => a * b), 11);
    const forward = (x: import('@tensorflow/tfjs').Tensor4D, w: import('@tensorflow/tfjs').Tensor4D) => tf.conv2d(x, w, c.strides, c.pad);
    const outShape = tf.tidy(() => forward(tf.zeros(c.x), tf.zeros(c.filter)).shape);
    const dyValues = randomValues(outShape.reduce((a, b) => a * b), 12);
    const { cpu, wasm } = await onBothBackends(tf, () =>
      filterGradient(tf, tf.tensor4d(xValues, c.x), tf.tensor(dyValues, outShape), c.filter, c.strides, c.pad),
    );
    assert.deepEqual(wasm.shape, c.filter);
    const scale = Math.max(1, ...cpu.values.map(Math.abs));
    assert.ok(maxDifference(wasm.values, cpu.values) / scale < 1e-4, `max difference ${maxDifference(wasm.values, cpu.values)}`);
  });
}

test('the filter gradient of a channels-first pair equals cpu (transposed to channels-last first)', async () => {
  const tf = await wasmTf();
  const x = randomValues(2 * 3 * 7 * 7, 21);
  const dy = randomValues(2 * 4 * 7 * 7, 22);
  const compute = () =>
    tf.engine().runKernel('Conv2DBackpropFilter', { x: tf.tensor4d(x, [2, 3, 7, 7]), dy: tf.tensor4d(dy, [2, 4, 7, 7]) }, {
      strides: 1,
      pad: 'same',
      dataFormat: 'NCHW',
      filterShape: [3, 3, 3, 4],
    }) as import('@tensorflow/tfjs').Tensor;
  await tf.setBackend('wasm');
  const wasm = await tf.tidy(compute).data();
  // The cpu backend has no channels-first filter gradient, so the reference is the channels-last one.
  await tf.setBackend('cpu');
  const cpu = await tf
    .tidy(() => filterGradient(tf, tf.tensor4d(x, [2, 3, 7, 7]).transpose([0, 2, 3, 1]), tf.tensor4d(dy, [2, 4, 7, 7]).transpose([0, 2, 3, 1]), [3, 3, 3, 4], 1, 'same'))
    .data();
  assert.ok(maxDifference(wasm, cpu) < 1e-4);
});

test('dilation: the dilated forward convolution equals cpu, and its gradient is refused alike (tfjs takes none)', async () => {
  const tf = await wasmTf();
  const x = randomValues(2 * 9 * 9 * 2, 31);
  const w = randomValues(3 * 3 * 2 * 3, 32);
  const { cpu, wasm } = await onBothBackends(tf, () => tf.conv2d(tf.tensor4d(x, [2, 9, 9, 2]), tf.tensor4d(w, [3, 3, 2, 3]), 1, 'same', 'NHWC', 2));
  assert.ok(maxDifference(wasm.values, cpu.values) < 1e-4);
  for (const backend of ['cpu', 'wasm']) {
    await tf.setBackend(backend);
    assert.throws(
      () => tf.grad((k: Tensor) => tf.conv2d(tf.tensor4d(x, [2, 9, 9, 2]), k as Tensor4D, 1, 'same', 'NHWC', 2).sum())(tf.tensor4d(w, [3, 3, 2, 3])),
      /dilation rates greater than 1 are not yet supported in gradients/,
    );
  }
});

test('the composed filter gradient frees every intermediate (no wasm memory grows per call)', async () => {
  const tf = await wasmTf();
  const x = tf.randomNormal([2, 8, 8, 3]) as import('@tensorflow/tfjs').Tensor4D;
  const dy = tf.randomNormal([2, 4, 4, 5]) as import('@tensorflow/tfjs').Tensor4D;
  filterGradient(tf, x, dy, [3, 3, 3, 5], 2, 'same').dispose();
  const dataIds = () => tf.engine().backend.numDataIds();
  const before = dataIds();
  for (let i = 0; i < 10; i++) filterGradient(tf, x, dy, [3, 3, 3, 5], 2, 'same').dispose();
  assert.equal(dataIds(), before);
});

for (const c of [
  { name: 'an Embedding gradient: 32 sequences of 10 ids, vocabulary 50, 8 dimensions', ids: [32, 10], row: [8], segments: 50 },
  { name: 'one row per id, all ids distinct', ids: [6], row: [3], segments: 6 },
  { name: 'many repeats of few ids, rows of 2x3', ids: [40], row: [2, 3], segments: 3 },
  { name: 'ids out of range are dropped, as on cpu', ids: [12], row: [4], segments: 5, outOfRange: true },
]) {
  test(`UnsortedSegmentSum on wasm equals cpu to 1e-4: ${c.name}`, async () => {
    const tf = await wasmTf();
    const rows = c.ids.reduce((a, b) => a * b);
    const random = mulberry32(41);
    const ids = Int32Array.from({ length: rows }, (_, i) => (c.outOfRange && i % 4 === 0 ? (i % 8 === 0 ? -1 : c.segments + 2) : Math.floor(random() * c.segments)));
    const values = randomValues(rows * c.row.reduce((a, b) => a * b), 42);
    const { cpu, wasm } = await onBothBackends(tf, () =>
      tf.unsortedSegmentSum(tf.tensor(values, [rows, ...c.row]), tf.tensor1d(ids, 'int32'), c.segments),
    );
    assert.deepEqual(wasm.shape, [c.segments, ...c.row]);
    assert.ok(maxDifference(wasm.values, cpu.values) < 1e-4, `max difference ${maxDifference(wasm.values, cpu.values)}`);
  });
}

test('the filter gradient through tf.grad of a strided same-padded conv2d is the same on wasm and cpu', async () => {
  const tf = await wasmTf();
  const x = randomValues(3 * 12 * 12 * 2, 61);
  const w = randomValues(3 * 3 * 2 * 4, 62);
  const { cpu, wasm } = await onBothBackends(tf, () =>
    tf.grad((k: Tensor) => tf.conv2d(tf.tensor4d(x, [3, 12, 12, 2]), k as Tensor4D, 2, 'same').square().sum())(tf.tensor4d(w, [3, 3, 2, 4])),
  );
  assert.ok(maxDifference(wasm.values, cpu.values) < 1e-4 * Math.max(1, ...cpu.values.map(Math.abs)));
});

test('an Embedding gradient through tf.grad is the same on wasm and cpu', async () => {
  const tf = await wasmTf();
  const table = randomValues(20 * 4, 51);
  const ids = Int32Array.from([3, 7, 3, 0, 19, 7, 7, 12]);
  const { cpu, wasm } = await onBothBackends(tf, () =>
    tf.grad((t: import('@tensorflow/tfjs').Tensor) => tf.gather(t, tf.tensor1d(ids, 'int32')).square().sum())(tf.tensor2d(table, [20, 4])),
  );
  assert.ok(maxDifference(wasm.values, cpu.values) < 1e-4);
});
