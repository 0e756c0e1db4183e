import type { TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from './tfTypes';
import { WasmKernelCalls, replaceWasmKernel, restoreWasmKernel } from './wasmKernelCalls';

/** The wasm kernels the fast MaxPoolGrad is built from (all but Slice and PadV2 run in XNNPACK). */
export const MAX_POOL_GRAD_PARTS = ['Reshape', 'Sub', 'Step', 'Multiply', 'MaxPool', 'Relu', 'Slice', 'PadV2'];

interface PoolGradAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * tfjs-backend-wasm's own MaxPoolGrad is a plain C++ loop that, for every input element, divides its
 * way through the windows that could cover it: 23 ms of the MNIST CNN's 63 ms step for [64,26,26,32].
 * It also disagrees with the cpu backend: on ties (windows of zeros after a relu, the common case) it
 * routes the gradient to another position, and with strides larger than the pool, strides [2, 1] or
 * 'same' overlapping windows it differs even without ties (wasmMaxPoolGrad.test.ts).
 *
 * When no two windows overlap (stride >= pool size; stride = pool size is MaxPooling2D's default),
 * this composes the gradient from element-wise kernels and one MaxPool, which XNNPACK runs fast
 * (broadcasting, ~1-2 ms each on the CNN's shape), over a view of x as [N, outH, strideH, outW,
 * strideW, C]: one block per window, the window its first poolH x poolW positions.
 *   u     = Step(out - x, alpha -1)      1 where x is below its window's max, -1 where it is a max
 *   score = u · -weight                  max positions get +weight, the others -weight; weight is
 *                                        poolH·poolW for a window's first position down to 1 for its
 *                                        last (0 between windows), so the highest score is the FIRST
 *                                        max in scan order, the one tfjs-backend-cpu's
 *                                        maxPoolPositions picks (it keeps a later x only if x > best)
 *   best  = MaxPool(score)               that first max's weight, per window
 *   dx    = Relu(score - (best - 1)) · dy      1 only there (scores are integers), times the window's dy
 * Scores are small integers and out - x is 0 only where x equals the max, so every comparison is
 * exact: the result equals the cpu backend's bit for bit. In the step profile of the CNN (shared
 * 2-core machine, load 1-2, same tree built with and without it, alternated): MaxPoolGrad 9-12 ms
 * instead of 34-42 ms, the whole step 66-85 ms instead of 86-118 ms.
 *
 * 'same' or explicit padding pads x with -Infinity (never a window's max, as on cpu where padding is
 * not scanned); rows and columns no window reaches ('valid' with a remainder) are cropped first and
 * get a zero gradient. Overlapping windows, a window wholly in padding and non-float32 input run the
 * stock kernel. Non-finite input differs from cpu: a block holding NaN, or a window whose max is
 * -Infinity, gets NaN gradients here where cpu gives 0 (or routes to the first non-NaN max).
 */
export function installWasmMaxPoolGrad(tf: Tf): boolean {
  return replaceWasmKernel(tf, 'MaxPoolGrad', (original) => (args) => {
    const { inputs, backend } = args;
    const { dy, input, output } = inputs as { dy: TensorInfo; input: TensorInfo; output: TensorInfo };
    const grid = blockGrid(tf, input, dy, args.attrs as unknown as PoolGradAttrs);
    if (!grid) return original.kernelFunc(args);
    const calls = new WasmKernelCalls(tf, backend);
    try {
      return composedMaxPoolGrad(calls, backend, grid, input, output, dy);
    } finally {
      calls.disposeAll();
    }
  });
}

/** Puts back the stock kernel (to compare both); false when the fast one was not installed. */
export function uninstallWasmMaxPoolGrad(tf: Tf): boolean {
  return restoreWasmKernel(tf, 'MaxPoolGrad');
}

/** The blocks (one per window, stride-sized) that tile the input, and the rows and columns cropped or padded for them. */
interface BlockGrid {
  batch: number;
  channels: number;
  inHeight: number;
  inWidth: number;
  outHeight: number;
  outWidth: number;
  poolHeight: number;
  poolWidth: number;
  /** The strides: each window is the first poolHeight x poolWidth of a block this size. */
  blockHeight: number;
  blockWidth: number;
  /** Rows (columns) of -Infinity before the input, from 'same' or explicit padding. */
  padTop: number;
  padLeft: number;
  /** Rows (columns) after the input that the last blocks reach past it. */
  padBottom: number;
  padRight: number;
  /** Rows (columns) at the end of the input that no block reaches ('valid' with a remainder). */
  cropBottom: number;
  cropRight: number;
}

/** The blocks when no two windows overlap and the composition applies; else undefined (the stock kernel runs). */
function blockGrid(tf: Tf, input: TensorInfo, dy: TensorInfo, attrs: PoolGradAttrs): BlockGrid | undefined {
  if (input.shape.length !== 4 || input.dtype !== 'float32' || dy.dtype !== 'float32') return undefined;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const { batchSize, inChannels, inHeight, inWidth, outHeight, outWidth, filterHeight, filterWidth } = info;
  const { strideHeight, strideWidth } = info;
  if (strideHeight < filterHeight || strideWidth < filterWidth) return undefined;
  if (info.dilationHeight !== 1 || info.dilationWidth !== 1) return undefined;
  if (batchSize * inChannels * inHeight * inWidth * outHeight * outWidth === 0) return undefined;
  const { top, left } = info.padInfo;
  const rows = span(top, inHeight, outHeight * strideHeight);
  const cols = span(left, inWidth, outWidth * strideWidth);
  // A window wholly in padding has no max on cpu (no gradient); here it would compare -Infinity with itself.
  if (top >= filterHeight || left >= filterWidth) return undefined;
  if ((outHeight - 1) * strideHeight - top >= inHeight || (outWidth - 1) * strideWidth - left >= inWidth) return undefined;
  return {
    batch: batchSize,
    channels: inChannels,
    inHeight,
    inWidth,
    outHeight,
    outWidth,
    poolHeight: filterHeight,
    poolWidth: filterWidth,
    blockHeight: strideHeight,
    blockWidth: strideWidth,
    padTop: top,
    padLeft: left,
    padBottom: rows.after,
    padRight: cols.after,
    cropBottom: rows.cropped,
    cropRight: cols.cropped,
  };
}

/** Blocks covering `covered` rows from `before` rows ahead of an input of `size`: rows padded after it, or left out at its end. */
function span(before: number, size: number, covered: number): { after: number; cropped: number } {
  const end = covered - before;
  return { after: Math.max(0, end - size), cropped: Math.max(0, size - end) };
}

function composedMaxPoolGrad(calls: WasmKernelCalls, backend: unknown, g: BlockGrid, input: TensorInfo, output: TensorInfo, dy: TensorInfo): TensorInfo {
  const { batch: n, channels: c, outHeight: oh, outWidth: ow, poolHeight: ph, poolWidth: pw, blockHeight: bh, blockWidth: bw } = g;
  const usedHeight = g.inHeight - g.cropBottom;
  const usedWidth = g.inWidth - g.cropRight;
  const gridShape = [n, oh * bh, ow * bw, c];
  const blocksShape = [n, oh, bh, ow, bw, c];
  const perWindowShape = [n, oh, 1, ow, 1, c];

  const padded = g.padTop || g.padBottom || g.padLeft || g.padRight;
  let x = input;
  if (g.cropBottom || g.cropRight) x = calls.temp('Slice', { x }, { begin: [0, 0, 0, 0], size: [n, usedHeight, usedWidth, c] });
  if (padded) {
    const paddings = [[0, 0], [g.padTop, g.padBottom], [g.padLeft, g.padRight], [0, 0]];
    x = calls.temp('PadV2', { x }, { paddings, constantValue: Number.NEGATIVE_INFINITY } as never);
  }
  const blocks = calls.temp('Reshape', { x }, { shape: blocksShape });
  const max = calls.temp('Reshape', { x: output }, { shape: perWindowShape });
  const below = calls.temp('Step', { x: calls.temp('Sub', { a: max, b: blocks }) }, { alpha: -1 });
  // -weight for each position of a block: -(ph·pw) for the window's first, down to -1 for its last,
  // 0 between windows (strides larger than the pool), where the score is then 0, below any max's.
  const negativeWeights = new Float32Array(bh * bw);
  for (let i = 0; i < ph; i++) for (let j = 0; j < pw; j++) negativeWeights[i * bw + j] = i * pw + j - ph * pw;
  const weights = constant(calls, backend, negativeWeights, [1, 1, bh, 1, bw, 1]);
  const score = calls.temp('Multiply', { a: below, b: weights });
  const best = calls.temp('MaxPool', { x: calls.temp('Reshape', { x: score }, { shape: gridShape }) }, {
    filterSize: [bh, bw],
    strides: [bh, bw],
    pad: 'valid',
  } as never);
  const threshold = calls.temp('Reshape', { x: calls.temp('Sub', { a: best, b: constant(calls, backend, Float32Array.of(1), []) }) }, { shape: perWindowShape });
  // score - (best - 1) is 1 at the chosen position and an integer <= 0 elsewhere (Relu is cheaper than Step).
  const chosen = calls.temp('Relu', { x: calls.temp('Sub', { a: score, b: threshold }) });
  const routed = calls.temp('Multiply', { a: chosen, b: calls.temp('Reshape', { x: dy }, { shape: perWindowShape }) });

  // Back from the grid to the input: padding dropped, rows and columns no window reached get 0.
  let dx = routed;
  if (padded) dx = calls.temp('Slice', { x: calls.temp('Reshape', { x: dx }, { shape: gridShape }) }, { begin: [0, g.padTop, g.padLeft, 0], size: [n, usedHeight, usedWidth, c] });
  if (g.cropBottom || g.cropRight) {
    const paddings = [[0, 0], [0, g.cropBottom], [0, g.cropRight], [0, 0]];
    dx = calls.temp('PadV2', { x: calls.temp('Reshape', { x: dx }, { shape: [n, usedHeight, usedWidth, c] }) }, { paddings, constantValue: 0 } as never);
  }
  // A reshape shares the data (the intermediate's reference is dropped by disposeAll, the result's kept).
  return calls.run('Reshape', { x: dx }, { shape: input.shape });
}

/** A small constant the kernels broadcast (position weights, the offset of 1), freed with the intermediates. */
function constant(calls: WasmKernelCalls, backend: unknown, values: Float32Array, shape: number[]): TensorInfo {
  const dataId = (backend as { write(values: Float32Array, shape: number[], dtype: 'float32'): object }).write(values, shape, 'float32');
  return calls.track({ dataId, shape, dtype: 'float32' });
}
