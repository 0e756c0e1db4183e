import type { LayerType } from '../spec/modelSpec';

/**
 * Kernels a layer needs to TRAIN (forward and gradient) beyond what every model uses. tfjs-backend-wasm
 * ships without two gradient kernels (Conv2DBackpropFilter, UnsortedSegmentSum) that
 * wasmGradientKernels.ts registers; a model that needs a kernel still missing must train on another
 * backend. Checked against the live registry with tf.getKernel.
 */
export const EXTRA_KERNELS_BY_LAYER: Readonly<Record<LayerType, readonly string[]>> = {
  Dense: ['BatchMatMul'],
  Flatten: ['Reshape'],
  Dropout: ['Multiply'],
  Activation: [],
  BatchNormalization: ['FusedBatchNorm'],
  Reshape: ['Reshape'],
  Conv2D: ['Conv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter'],
  MaxPooling2D: ['MaxPool', 'MaxPoolGrad'],
  AveragePooling2D: ['AvgPool', 'AvgPoolGrad'],
  SimpleRNN: ['BatchMatMul', 'Tanh'],
  LSTM: ['BatchMatMul', 'Sigmoid', 'Tanh'],
  GRU: ['BatchMatMul', 'Sigmoid', 'Tanh'],
  Embedding: ['GatherV2', 'UnsortedSegmentSum'],
};

/** The kernels the given layers need that `backend` does not register. */
export function missingKernels(
  layerTypes: readonly LayerType[],
  backend: string,
  getKernel: (name: string, backend: string) => unknown,
): string[] {
  const needed = new Set(layerTypes.flatMap((t) => EXTRA_KERNELS_BY_LAYER[t]));
  return [...needed].filter((k) => !getKernel(k, backend)).sort();
}
