import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from './tfTypes';
import { WasmKernelCalls } from './wasmKernelCalls';

/** The wasm kernels the segment sum is built from. */
export const SEGMENT_SUM_PARTS = ['ScatterNd', 'Reshape', 'Cast', 'Slice'];

/**
 * UnsortedSegmentSum for the wasm backend, which lacks it: it is the gradient of a gather, so an
 * Embedding layer could only train on the cpu backend. out[s, ...] = Σ_{i: ids[i] = s} x[i, ...] is
 * exactly a ScatterNd of the rows of x to their ids, which sums the rows that share an id. tfjs' own
 * kernels drop negative ids and ids >= numSegments, but ScatterNd has no bounds check: such ids are
 * sent to one extra segment that is sliced off (never the case for an Embedding, whose gather
 * already took the same ids).
 */
export function unsortedSegmentSumKernel(tf: Tf): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const calls = new WasmKernelCalls(tf, backend);
    const { x, segmentIds } = inputs as { x: TensorInfo; segmentIds: TensorInfo };
    const { numSegments } = attrs as unknown as { numSegments: number };
    try {
      const rows = tf.util.sizeFromShape(segmentIds.shape);
      const rowShape = x.shape.slice(segmentIds.shape.length);
      const rowSize = tf.util.sizeFromShape(rowShape);
      const ids = segmentIds.dtype === 'int32' ? segmentIds : calls.temp('Cast', { x: segmentIds }, { dtype: 'int32' });
      const idValues = (backend as WasmData).readSync(ids.dataId) as Int32Array;
      const outOfRange = idValues.some((id) => !(id >= 0 && id < numSegments));
      let indices: TensorInfo;
      if (outOfRange) {
        const remapped = idValues.map((id) => (id >= 0 && id < numSegments ? id : numSegments));
        const dataId = (backend as WasmData).write(remapped, [rows, 1], 'int32');
        indices = calls.track({ dataId, shape: [rows, 1], dtype: 'int32' });
      } else {
        indices = calls.temp('Reshape', { x: ids }, { shape: [rows, 1] });
      }
      const updates = calls.temp('Reshape', { x }, { shape: [rows, rowSize] });
      const segments = numSegments + (outOfRange ? 1 : 0);
      let sums = calls.temp('ScatterNd', { indices, updates }, { shape: [segments, rowSize] });
      if (outOfRange) sums = calls.temp('Slice', { x: sums }, { begin: [0, 0], size: [numSegments, rowSize] });
      return calls.run('Reshape', { x: sums }, { shape: [numSegments, ...rowShape] });
    } finally {
      calls.disposeAll();
    }
  };
  return { kernelName: 'UnsortedSegmentSum', backendName: 'wasm', kernelFunc };
}

interface WasmData {
  readSync(dataId: object): ArrayLike<number>;
  write(values: Int32Array, shape: number[], dtype: 'int32'): object;
}
