import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from './tfTypes';

/**
 * Calls registered wasm kernels from inside another wasm kernel, the way a kernel composes others:
 * on TensorInfos, without the engine (no tape, no tidy), so every intermediate must be freed by hand.
 * `track` remembers an intermediate and `disposeAll` frees them; the kernel's result is never tracked.
 */
export class WasmKernelCalls {
  private readonly intermediates: TensorInfo[] = [];

  constructor(
    private readonly tf: Tf,
    private readonly backend: unknown,
  ) {}

  /** Runs kernel `name` of the wasm backend; throws if it is not registered (a tfjs upgrade removed it). */
  run(name: string, inputs: Record<string, TensorInfo> | TensorInfo[], attrs: NamedAttrMap = {}): TensorInfo {
    const kernel = this.tf.getKernel(name, 'wasm');
    if (!kernel) throw new Error(`the wasm backend has no ${name} kernel`);
    const out = kernel.kernelFunc({ inputs: inputs as never, backend: this.backend as never, attrs });
    return Array.isArray(out) ? out[0] : out;
  }

  /** Runs a kernel whose result is an intermediate, freed by disposeAll. */
  temp(name: string, inputs: Record<string, TensorInfo> | TensorInfo[], attrs: NamedAttrMap = {}): TensorInfo {
    return this.track(this.run(name, inputs, attrs));
  }

  track(t: TensorInfo): TensorInfo {
    this.intermediates.push(t);
    return t;
  }

  disposeAll(): void {
    const backend = this.backend as { disposeData(id: object): void };
    for (const t of this.intermediates.splice(0)) backend.disposeData(t.dataId);
  }
}

/** True when every kernel in `names` is registered for wasm (the building blocks a composed kernel needs). */
export function wasmHasKernels(tf: Tf, names: readonly string[]): boolean {
  return names.every((name) => tf.getKernel(name, 'wasm') !== undefined);
}

/** Registers `config` unless a kernel of that name already exists (a future tfjs may ship its own). */
export function registerIfMissing(tf: Tf, config: KernelConfig): boolean {
  if (tf.getKernel(config.kernelName, config.backendName)) return false;
  tf.registerKernel(config);
  return true;
}

/** Where a replaced kernel keeps the stock one it replaced (to fall back on, and to put back). */
const STOCK_KERNEL = Symbol.for('nn-trainer.stockKernel');
type MarkedKernel = KernelConfig & { [STOCK_KERNEL]?: KernelConfig };

/**
 * Replaces the stock wasm kernel `name` by the one `replacement` makes from it (which falls back on
 * the stock one for cases it does not cover). False when there is no such kernel or it is replaced already.
 */
export function replaceWasmKernel(tf: Tf, name: string, replacement: (stock: KernelConfig) => KernelFunc): boolean {
  const stock = tf.getKernel(name, 'wasm');
  if (!stock || (stock as MarkedKernel)[STOCK_KERNEL]) return false;
  const marked: MarkedKernel = { ...stock, kernelFunc: replacement(stock), [STOCK_KERNEL]: stock };
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel(marked);
  return true;
}

/** Puts the stock kernel back (the benchmark compares both); false when `name` was not replaced. */
export function restoreWasmKernel(tf: Tf, name: string): boolean {
  const stock = (tf.getKernel(name, 'wasm') as MarkedKernel | undefined)?.[STOCK_KERNEL];
  if (!stock) return false;
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel(stock);
  return true;
}
