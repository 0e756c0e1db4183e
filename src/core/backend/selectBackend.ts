import * as path from 'path';
import * as fs from 'fs';
import type { LayerType } from '../spec/modelSpec';
import type { BackendChoice, BackendName } from './backendNames';
import { TFJS_NODE_BACKEND } from './backendNames';
import { loadTfjsNode } from './loadTfjsNode';
import { missingKernels } from './kernelsForLayers';
import { installWasmMatMulFastPath } from './wasmMatMulFastPath';
import { installWasmGradientKernels } from './wasmGradientKernels';
import type { Tf } from './tfTypes';
import { CPU_FASTER_BELOW_MULTIPLY_ADDS } from './smallModels';

export interface SelectedBackend {
  name: BackendName;
  /** Why this backend, in words for the user: "tfjs-node not available (...); wasm runs every layer". */
  reason: string;
  /** The tfjs namespace to build and train with (tfjs-node's own when that backend is used). */
  tf: Tf;
}

export interface SelectBackendOptions {
  /** Layer types of the model, to check that the wasm backend has every kernel they need. */
  layerTypes: readonly LayerType[];
  /** Loader for tfjs-node; injectable so the fallback can be tested with a broken install. */
  requireFn?: (id: string) => unknown;
  /** Folder holding tfjs-backend-wasm's .wasm files; found automatically when omitted. */
  wasmDir?: string;
  /** A Dense model's multiply-adds per batch (batchMultiplyAdds): below CPU_FASTER_BELOW_MULTIPLY_ADDS, auto picks cpu. */
  batchMultiplyAdds?: number;
}

/** Opens the reason when auto could not load tfjs-node (backendHeadline suggests installing it). */
export const TFJS_NODE_MISSING = 'tfjs-node not available';
/** In the reason when auto picked cpu because the model is tiny (backendHeadline says so, without the tfjs-node hint). */
export const SMALL_MODEL_ON_CPU = 'a model this small';
/** In the reason when the wasm backend runs without SIMD (old runtimes), several times slower. */
export const WASM_WITHOUT_SIMD = 'wasm without SIMD';

/** A backend choice the user made that this machine cannot honour. */
export class BackendUnavailableError extends Error {
  override name = 'BackendUnavailableError';
}

/** Picks and initializes the TensorFlow.js backend: node if it loads, else cpu for a tiny Dense model, else wasm if it runs the model, else cpu. */
export async function selectBackend(choice: BackendChoice, options: SelectBackendOptions): Promise<SelectedBackend> {
  const notes: string[] = [];
  if (choice === 'node' || choice === 'auto') {
    const node = loadTfjsNode(options.requireFn);
    if (node.ok && (await node.tf.setBackend(TFJS_NODE_BACKEND))) {
      quietTfjs(node.tf);
      return { name: 'node', reason: choice === 'node' ? 'requested' : 'tfjs-node (native TensorFlow) loaded', tf: node.tf };
    }
    const why = node.ok ? 'its backend did not initialize' : node.reason;
    if (choice === 'node') throw new BackendUnavailableError(`the node backend is not available: @tensorflow/tfjs-node ${why}`);
    notes.push(`${TFJS_NODE_MISSING}: ${why}`);
  }

  // Loaded only now so that a process that uses tfjs-node never parses the pure-JS copy.
  const tf: Tf = await import('@tensorflow/tfjs');
  quietTfjs(tf);
  const small = options.batchMultiplyAdds;
  if (choice === 'auto' && small !== undefined && small < CPU_FASTER_BELOW_MULTIPLY_ADDS) {
    await tf.setBackend('cpu');
    notes.push(`${SMALL_MODEL_ON_CPU} (${small.toLocaleString('en-US')} multiply-adds a batch) trains faster on the pure-JavaScript cpu backend than on wasm`);
    return { name: 'cpu', reason: notes.join('; '), tf };
  }
  if (choice === 'wasm' || choice === 'auto') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    installWasmGradientKernels(tf);
    const missing = missingKernels(options.layerTypes, 'wasm', tf.getKernel);
    if (missing.length === 0) {
      wasm.setWasmPaths(ensureTrailingSlash(options.wasmDir ?? findWasmDir()));
      if (await tf.setBackend('wasm')) {
        installWasmMatMulFastPath(tf);
        notes.push(choice === 'wasm' ? 'requested' : 'wasm (SIMD) runs every layer of this model');
        if (!(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'))) notes.push(WASM_WITHOUT_SIMD);
        return { name: 'wasm', reason: notes.join('; '), tf };
      }
      notes.push('the wasm backend did not initialize');
    } else {
      notes.push(`wasm lacks ${missing.join(', ')} for this model's layers`);
    }
    if (choice === 'wasm') throw new BackendUnavailableError(`the wasm backend cannot train this model: ${notes.at(-1)}`);
  }
  await tf.setBackend('cpu');
  notes.push(choice === 'cpu' ? 'requested' : 'using the pure-JavaScript cpu backend');
  return { name: 'cpu', reason: notes.join('; '), tf };
}

/** Where the .wasm binaries are: beside a bundle (dist/) or in node_modules. */
export function findWasmDir(): string {
  const besideBundle = path.join(__dirname, 'tfjs-backend-wasm-simd.wasm');
  if (fs.existsSync(besideBundle)) return __dirname;
  return path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
}

function ensureTrailingSlash(dir: string): string {
  return dir.endsWith(path.sep) ? dir : dir + path.sep;
}

/** Production mode skips debug checks and the "install tfjs-node" banner printed on every Node start. */
function quietTfjs(tf: Tf): void {
  if (!tf.env().getBool('PROD')) tf.enableProdMode();
}
