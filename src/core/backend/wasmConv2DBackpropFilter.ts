import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from './tfTypes';
import { WasmKernelCalls } from './wasmKernelCalls';

/** The wasm kernels the filter gradient is built from. */
export const CONV_FILTER_GRADIENT_PARTS = ['PadV2', 'Transpose', 'Conv2D', 'Slice'];

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
 * pure-JS cpu backend, ~50x slower). The filter gradient is itself a convolution:
 *   dW[i,j,c,o] = Σ_{n,y,x} xPadded[n, y·sh+i, x·sw+j, c] · dy[n,y,x,o]
 * is a valid convolution of the padded input read as [Cin, H, W, N] (channels become the batch, the
 * batch becomes the channels summed over) with dy read as a [outH, outW, N, Cout] filter, dilated by
 * the forward stride. So it runs in XNNPACK's convolution: ~7 ms for the MNIST CNN's first layer at
 * batch 64, where an im2col of strided slices and a concat took ~60 ms (the concat copies in JS).
 * tfjs' conv2d gradient takes no dilation, so neither does this.
 */
export function conv2DBackpropFilterKernel(tf: Tf): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const calls = new WasmKernelCalls(tf, backend);
    const a = attrs as unknown as FilterGradientAttrs;
    try {
      let x = (inputs as { x: TensorInfo }).x;
      let dy = (inputs as { dy: TensorInfo }).dy;
      if (a.dataFormat === 'NCHW') {
        // Worked channels-last: a channels-first pair is transposed to it first.
        x = calls.temp('Transpose', { x }, { perm: [0, 2, 3, 1] });
        dy = calls.temp('Transpose', { x: dy }, { perm: [0, 2, 3, 1] });
      }
      const [fh, fw, inChannels, outChannels] = a.filterShape;
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
      const image = calls.temp('Transpose', { x: padded }, { perm: [3, 1, 2, 0] });
      const filter = calls.temp('Transpose', { x: dy }, { perm: [1, 2, 0, 3] });
      let taps = calls.temp(
        'Conv2D',
        { x: image, filter },
        { strides: 1, pad: 'valid', dataFormat: 'NHWC', dilations: [info.strideHeight, info.strideWidth], dimRoundingMode: undefined } as never,
      );
      // Rows or columns of padding that no output reached give taps beyond the filter: dropped.
      if (taps.shape[1] !== fh || taps.shape[2] !== fw) {
        taps = calls.temp('Slice', { x: taps }, { begin: [0, 0, 0, 0], size: [inChannels, fh, fw, outChannels] });
      }
      return calls.run('Transpose', { x: taps }, { perm: [1, 2, 0, 3] });
    } finally {
      calls.disposeAll();
    }
  };
  return { kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc };
}
