import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { selectBackend } from '../../src/core/backend/selectBackend';
import { installWasmMatMulFastPath } from '../../src/core/backend/wasmMatMulFastPath';
import { maxDifference, randomValues } from '../helpers/kernelValues';

test('the wasm matmul fast path is installed once and matches the cpu backend for every transpose combination', async () => {
  const { tf } = await selectBackend('wasm', { layerTypes: ['Dense'] });
  assert.equal(installWasmMatMulFastPath(tf), false, 'selectBackend already installed it');
  const aValues = randomValues(3 * 37 * 21, 1);
  const bValues = randomValues(3 * 21 * 37, 2);
  for (const [transposeA, transposeB] of [[false, false], [true, false], [false, true], [true, true]] as const) {
    const aShape: [number, number, number] = transposeA ? [3, 21, 37] : [3, 37, 21];
    const bShape: [number, number, number] = transposeB ? [3, 37, 21] : [3, 21, 37];
    const compute = async (backend: string) => {
      await tf.setBackend(backend);
      const out = tf.matMul(tf.tensor3d(aValues, aShape), tf.tensor3d(bValues, bShape), transposeA, transposeB);
      const values = await out.data();
      return { values, shape: out.shape };
    };
    const cpu = await compute('cpu');
    const wasm = await compute('wasm');
    assert.deepEqual(wasm.shape, cpu.shape);
    const maxDiff = maxDifference(wasm.values, cpu.values);
    assert.ok(maxDiff < 1e-4, `transposeA=${transposeA} transposeB=${transposeB}: max difference ${maxDiff}`);
  }
});

test('the fast path frees its transposed copies (no tensor memory grows per call)', async () => {
  const { tf } = await selectBackend('wasm', { layerTypes: ['Dense'] });
  const a = tf.randomNormal([64, 32]);
  const b = tf.randomNormal([64, 16]);
  tf.matMul(a, b, true, false).dispose();
  // Intermediate TensorInfos live only in the backend, so count the backend's data ids.
  const dataIds = () => tf.engine().backend.numDataIds();
  const before = dataIds();
  for (let i = 0; i < 20; i++) tf.matMul(a, b, true, false).dispose();
  assert.equal(dataIds(), before);
});
