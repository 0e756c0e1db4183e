import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from './tfTypes';
import { WasmKernelCalls } from './wasmKernelCalls';

/** The wasm kernels the filter gradient is built from. */
export const CONV_FILTER_GRADIENT_PARTS = ['PadV2', 'StridedSlice', 'Concat', 'Reshape', 'Transpose', 'BatchMatMul'];

type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];

interface FilterGradientAttrs {
  strides: number | [number, number];
  pad: Pad;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/**
 * Conv2DBackpropFilter for the wasm backend, which lacks it (so a Conv2D model could only train on the
 * pure-JS cpu backend, ~50x slower). The filter gradient is a matrix product of the input's patches
 * with the output gradient: dW[i,j,c,o] = Σ_{n,y,x} xPadded[n, y·sh+i, x·sw+j, c] · dy[n,y,x,o].
 * So: pad x, take one strided slice per filter tap (i,j) — an [N,outH,outW,Cin] patch —, concatenate
 * the taps along channels into an im2col matrix [N·outH·outW, fh·fw·Cin] whose column order is the
 * filter's own layout, and multiply its transpose with dy [N·outH·outW, Cout] in one BatchMatMul
 * (XNNPACK through the matmul fast path). tfjs' conv2d gradient takes no dilation, so neither does this.
 */
export function conv2DBackpropFilterKernel(tf: Tf): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const calls = new WasmKernelCalls(tf, backend);
    const a = attrs as unknown as FilterGradientAttrs;
    try {
      let x = (inputs as { x: TensorInfo }).x;
      let dy = (inputs as { dy: TensorInfo }).dy;
      if (a.dataFormat === 'NCHW') {
        // Patches are taken channels-last; a channels-first pair is transposed to it first.
        x = calls.temp('Transpose', { x }, { perm: [0, 2, 3, 1] });
        dy = calls.temp('Transpose', { x: dy }, { perm: [0, 2, 3, 1] });
      }
      const [n, , , inChannels] = x.shape as [number, number, number, number];
      const [fh, fw, , outChannels] = a.filterShape;
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number],
        a.filterShape,
        a.strides,
        1,
        a.pad,
        a.dimRoundingMode,
        false,
        'channelsLast',
      );
      const { top, bottom, left, right } = info.padInfo;
      const padded =
        top || bottom || left || right
          ? calls.temp('PadV2', { x }, { paddings: [[0, 0], [top, bottom], [left, right], [0, 0]], constantValue: 0 })
          : x;
      const { strideHeight: sh, strideWidth: sw, outHeight, outWidth } = info;
      const taps: TensorInfo[] = [];
      for (let i = 0; i < fh; i++) {
        for (let j = 0; j < fw; j++) {
          taps.push(
            calls.temp(
              'StridedSlice',
              { x: padded },
              {
                begin: [0, i, j, 0],
                end: [n, i + (outHeight - 1) * sh + 1, j + (outWidth - 1) * sw + 1, inChannels],
                strides: [1, sh, sw, 1],
                beginMask: 0,
                endMask: 0,
                ellipsisMask: 0,
                newAxisMask: 0,
                shrinkAxisMask: 0,
              },
            ),
          );
        }
      }
      const patches = taps.length === 1 ? taps[0] : calls.temp('Concat', taps as never, { axis: 3 });
      const rows = n * outHeight * outWidth;
      const columns = calls.temp('Reshape', { x: patches }, { shape: [1, rows, fh * fw * inChannels] });
      const dyRows = calls.temp('Reshape', { x: dy }, { shape: [1, rows, outChannels] });
      const product = calls.temp('BatchMatMul', { a: columns, b: dyRows }, { transposeA: true, transposeB: false });
      return calls.run('Reshape', { x: product }, { shape: [fh, fw, inChannels, outChannels] });
    } finally {
      calls.disposeAll();
    }
  };
  return { kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc };
}
