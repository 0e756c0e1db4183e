import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { loadTfjsNode } from '../../src/core/backend/loadTfjsNode';
import { BackendUnavailableError, selectBackend } from '../../src/core/backend/selectBackend';
import { missingKernels } from '../../src/core/backend/kernelsForLayers';
import { installWasmGradientKernels } from '../../src/core/backend/wasmGradientKernels';
import { CPU_FASTER_BELOW_MULTIPLY_ADDS, batchMultiplyAdds } from '../../src/core/backend/smallModels';
import { loadModelAndData } from '../../src/core/session/loadModelAndData';
import { findRepoRoot } from '../vscodeServer/tools';

// The two ways a failed tfjs-node install shows up (ENVIRONMENT.md): npm dropped the optional
// package, or `npm ci --ignore-scripts` left it without its native addon.
const moduleNotFound = (id: string) => {
  throw Object.assign(new Error(`Cannot find module '${id}'\nRequire stack:\n- x.js`), { code: 'MODULE_NOT_FOUND' });
};
const addonMissing = () => {
  throw new Error('The Node.js native addon module (tfjs_binding.node) can not be found at path: /x/tfjs_binding.node');
};

test('tfjs-node that npm dropped is reported as not available, with the first line of the reason', () => {
  const result = loadTfjsNode(moduleNotFound);
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.reason, "Cannot find module '@tensorflow/tfjs-node'");
});

test('tfjs-node without its native addon is reported as not available', () => {
  const result = loadTfjsNode(addonMissing);
  assert.equal(result.ok, false);
  assert.match(!result.ok ? result.reason : '', /native addon/);
});

test('the real tfjs-node of this install either loads or is reported as not available, never throws', () => {
  const result = loadTfjsNode();
  assert.equal(typeof result.ok, 'boolean');
  if (!result.ok) assert.ok(result.reason.length > 0);
});

test('auto falls back to wasm for a Dense model when tfjs-node is missing, and says why', async () => {
  const selected = await selectBackend('auto', { layerTypes: ['Flatten', 'Dense', 'Dropout'], requireFn: addonMissing });
  assert.equal(selected.name, 'wasm');
  assert.equal(selected.tf.getBackend(), 'wasm');
  assert.match(selected.reason, /^tfjs-node not available: The Node.js native addon module/);
  assert.match(selected.reason, /wasm \(SIMD\) runs every layer/);
});

test('auto trains Conv2D and Embedding models on wasm: the two gradient kernels it lacked are registered', async () => {
  const selected = await selectBackend('auto', { layerTypes: ['Conv2D', 'MaxPooling2D', 'Embedding', 'Dense'], requireFn: moduleNotFound });
  assert.equal(selected.name, 'wasm');
  assert.match(selected.reason, /wasm \(SIMD\) runs every layer/);
});

/** Takes a wasm kernel out of the registry for one test, as if this tfjs shipped without it. */
async function withoutWasmKernel(name: string, body: () => Promise<void>): Promise<void> {
  const tf = await import('@tensorflow/tfjs');
  await import('@tensorflow/tfjs-backend-wasm');
  installWasmGradientKernels(tf);
  const kernel = tf.getKernel(name, 'wasm');
  assert.ok(kernel);
  tf.unregisterKernel(name, 'wasm');
  try {
    await body();
  } finally {
    tf.registerKernel(kernel);
  }
}

test('auto falls back to cpu for layers whose training kernels wasm lacks, and says which', async () => {
  await withoutWasmKernel('MaxPoolGrad', async () => {
    const selected = await selectBackend('auto', { layerTypes: ['Conv2D', 'MaxPooling2D', 'Dense'], requireFn: moduleNotFound });
    assert.equal(selected.name, 'cpu');
    assert.equal(selected.tf.getBackend(), 'cpu');
    assert.match(selected.reason, /wasm lacks MaxPoolGrad for this model's layers/);
  });
});

test('asking for the node backend where it cannot load is a clear error', async () => {
  await assert.rejects(selectBackend('node', { layerTypes: ['Dense'], requireFn: moduleNotFound }), (err: unknown) => {
    assert.ok(err instanceof BackendUnavailableError);
    assert.match(err.message, /node backend is not available: @tensorflow\/tfjs-node Cannot find module/);
    return true;
  });
});

test('asking for wasm with a layer it cannot train is a clear error', async () => {
  await withoutWasmKernel('GatherV2', async () => {
    await assert.rejects(selectBackend('wasm', { layerTypes: ['Embedding'], requireFn: moduleNotFound }), /wasm backend cannot train this model: wasm lacks GatherV2/);
  });
});

test('missingKernels lists only what the backend lacks', () => {
  const registered = new Set(['Reshape', 'BatchMatMul', 'Conv2D', 'Conv2DBackpropInput']);
  const getKernel = (name: string) => (registered.has(name) ? {} : undefined);
  assert.deepEqual(missingKernels(['Dense', 'Flatten'], 'wasm', getKernel), []);
  assert.deepEqual(missingKernels(['Conv2D', 'Embedding'], 'wasm', getKernel), ['Conv2DBackpropFilter', 'GatherV2', 'UnsortedSegmentSum']);
});

/** The model files' own specs, for the multiply-adds a batch that decide cpu for tiny Dense models. */
async function specOf(file: string) {
  const loaded = await loadModelAndData(path.join(findRepoRoot(), 'examples', file));
  return { spec: loaded.spec, featureShape: loaded.data.featureShape };
}

test('a batch of XOR and of iris is a few hundred to a thousand multiply-adds; the MNIST MLP millions; convolutions are not counted', async () => {
  const xor = await specOf('xor.nn.yaml');
  // (2·16 + 16 + 16·1 + 1) weights times batch 4.
  assert.equal(batchMultiplyAdds(xor.spec, xor.featureShape), 65 * 4);
  const iris = await specOf('iris.nn.yaml');
  assert.equal(batchMultiplyAdds(iris.spec, iris.featureShape), (4 * 8 + 8 + 8 * 3 + 3) * 16);
  const mnist = await specOf('mnist-mlp.nn.yaml');
  assert.equal(batchMultiplyAdds(mnist.spec, mnist.featureShape), 101_770 * 32);
  const conv = { ...mnist.spec, model: [{ type: 'Conv2D', config: { filters: 2, kernelSize: 3, inputShape: [28, 28, 1] } }, ...mnist.spec.model.slice(1)] } as typeof mnist.spec;
  assert.equal(batchMultiplyAdds(conv, [28, 28, 1]), undefined);
});

test('auto picks cpu for a Dense model below the threshold and says why; wasm at and above it; an explicit wasm stays wasm', async () => {
  const small = await selectBackend('auto', { layerTypes: ['Dense'], requireFn: moduleNotFound, batchMultiplyAdds: 260 });
  assert.equal(small.name, 'cpu');
  assert.equal(small.tf.getBackend(), 'cpu');
  assert.match(small.reason, /^tfjs-node not available: .*; a model this small \(260 multiply-adds a batch\) trains faster on the pure-JavaScript cpu backend than on wasm$/);
  const large = await selectBackend('auto', { layerTypes: ['Dense'], requireFn: moduleNotFound, batchMultiplyAdds: CPU_FASTER_BELOW_MULTIPLY_ADDS });
  assert.equal(large.name, 'wasm');
  const asked = await selectBackend('wasm', { layerTypes: ['Dense'], batchMultiplyAdds: 260 });
  assert.equal(asked.name, 'wasm');
  assert.equal(asked.reason, 'requested');
});
