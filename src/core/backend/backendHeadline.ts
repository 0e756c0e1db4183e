import { SMALL_MODEL_ON_CPU, TFJS_NODE_MISSING, WASM_WITHOUT_SIMD } from './selectBackend';

/** What each backend is, in the words a user needs to judge the speed to expect. */
const DESCRIPTIONS: Record<string, string> = {
  node: 'native TensorFlow, through @tensorflow/tfjs-node',
  wasm: 'WebAssembly, SIMD',
  cpu: 'plain JavaScript, the slowest',
};

/**
 * The one line a run opens with: `Backend: wasm (WebAssembly, SIMD). Install @tensorflow/tfjs-node
 * for native speed.` The full reason (why tfjs-node did not load, which kernels wasm lacks) reads
 * like an error to someone who did nothing wrong, so it is kept for summary.json and `--verbose`.
 */
export function backendHeadline(backend: string, reason: string): string {
  // A tiny model on cpu is auto's pick for speed: neither "the slowest" nor worth installing tfjs-node for.
  const small = backend === 'cpu' && reason.includes(SMALL_MODEL_ON_CPU);
  const description = small
    ? 'plain JavaScript, the fastest for a model this small'
    : backend === 'wasm' && reason.includes(WASM_WITHOUT_SIMD)
      ? 'WebAssembly, without SIMD'
      : (DESCRIPTIONS[backend] ?? reason);
  const hint = !small && backend !== 'node' && reason.startsWith(TFJS_NODE_MISSING) ? ' Install @tensorflow/tfjs-node for native speed.' : '';
  return `Backend: ${backend} (${description}).${hint}`;
}
