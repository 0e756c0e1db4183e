import type { Tf } from './tfTypes';
import { CONV_FILTER_GRADIENT_PARTS, conv2DBackpropFilterKernel } from './wasmConv2DBackpropFilter';
import { SEGMENT_SUM_PARTS, unsortedSegmentSumKernel } from './wasmUnsortedSegmentSum';
import { MAX_POOL_GRAD_PARTS, installWasmMaxPoolGrad } from './wasmMaxPoolGrad';
import { registerIfMissing, wasmHasKernels } from './wasmKernelCalls';

/**
 * Registers the gradient kernels tfjs-backend-wasm lacks (Conv2DBackpropFilter for Conv2D,
 * UnsortedSegmentSum for Embedding), composed from wasm kernels it has, through the public kernel
 * registry. Must run after the wasm backend's module is imported (it registers the parts) and before
 * the missing-kernel check, so Conv2D and Embedding models train on wasm instead of the cpu backend.
 * Also replaces wasm's MaxPoolGrad with a composed one, several times faster for non-overlapping
 * windows and equal to the cpu backend's (wasmMaxPoolGrad.ts); the stock kernel runs the other cases.
 * Returns the kernel names it registered or replaced (none when already done, when tfjs already has
 * them or when a part is missing).
 */
export function installWasmGradientKernels(tf: Tf): string[] {
  const installed: string[] = [];
  if (wasmHasKernels(tf, CONV_FILTER_GRADIENT_PARTS) && registerIfMissing(tf, conv2DBackpropFilterKernel(tf))) {
    installed.push('Conv2DBackpropFilter');
  }
  if (wasmHasKernels(tf, SEGMENT_SUM_PARTS) && registerIfMissing(tf, unsortedSegmentSumKernel(tf))) {
    installed.push('UnsortedSegmentSum');
  }
  if (wasmHasKernels(tf, MAX_POOL_GRAD_PARTS) && installWasmMaxPoolGrad(tf)) installed.push('MaxPoolGrad');
  return installed;
}
