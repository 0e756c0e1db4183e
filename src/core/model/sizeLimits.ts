/**
 * Sizes a model file may ask for, checked before anything is allocated: a typo such as `units: 1e12`
 * would otherwise reach TensorFlow.js as a 2-trillion-value weight and fail with `Invalid typed array
 * length` or exhaust memory. The limits are far above what trains in an editor.
 */
import { SpecError } from '../diagnostics';
import type { LayerSpec, ModelSpec } from '../spec/modelSpec';
import { product } from '../data/sizes';

/** Parameters of one layer: 100 million float32 are 400 MB, with as much again for Adam's moments. */
export const MAX_LAYER_PARAMS = 100_000_000;
/** Values of one sample (an input shape's size, or a layer's output): 100 million. */
export const MAX_SAMPLE_VALUES = 100_000_000;
/** Values of one batch of inputs (batch_size times a sample's values): 100 million, 400 MB of float32. */
export const MAX_BATCH_VALUES = 100_000_000;

/** The first size over a limit, as a located error, or undefined when the model fits. */
export function sizeProblem(spec: ModelSpec, featureShape: readonly number[]): SpecError | undefined {
  const shape = modelInputShape(spec, featureShape);
  const inputPath = spec.model[0]?.config.inputShape ? ['model', 0, spec.model[0].type, 'input_shape'] : ['data'];
  const sample = product(shape);
  if (sample > MAX_SAMPLE_VALUES) {
    return new SpecError(inputPath, `each sample would have ${count(sample)} values, over the limit of ${count(MAX_SAMPLE_VALUES)}: use a smaller input_shape (or a smaller image)`, 'size-limit');
  }
  const batch = spec.fit.batchSize * sample;
  if (batch > MAX_BATCH_VALUES) {
    const most = Math.max(1, Math.floor(MAX_BATCH_VALUES / Math.max(1, sample)));
    return new SpecError(['fit', 'batch_size'], `a batch of ${count(spec.fit.batchSize)} samples of ${count(sample)} values is ${count(batch)} values, over the limit of ${count(MAX_BATCH_VALUES)}: use batch_size ${count(most)} or less`, 'size-limit');
  }
  for (const { index, layer, size } of layerSizes(spec, featureShape)) {
    if (size.params > MAX_LAYER_PARAMS) {
      const key = size.key ?? 'units';
      return new SpecError(['model', index, layer.type, key], `this ${layer.type} layer would have ${count(size.params)} parameters, over the limit of ${count(MAX_LAYER_PARAMS)}: use a smaller ${key}`, 'size-limit');
    }
    if (size.output && product(size.output) > MAX_SAMPLE_VALUES) {
      return new SpecError(['model', index], `this ${layer.type} layer's output would have ${count(product(size.output))} values a sample, over the limit of ${count(MAX_SAMPLE_VALUES)}`, 'size-limit');
    }
  }
  return undefined;
}

/** The shape of one sample going into the first layer: its input_shape, else the data's. */
function modelInputShape(spec: ModelSpec, featureShape: readonly number[]): number[] {
  return [...((spec.model[0]?.config.inputShape as number[] | undefined) ?? featureShape)];
}

/**
 * Each layer's size, first to last, as far as they are worked out here: it stops before a layer whose
 * size is unknown, and after one whose output shape is.
 */
export function* layerSizes(spec: ModelSpec, featureShape: readonly number[]): Generator<{ index: number; layer: LayerSpec; size: LayerSize }> {
  let shape: number[] | undefined = modelInputShape(spec, featureShape);
  for (const [index, layer] of spec.model.entries()) {
    const size: LayerSize | undefined = shape && layerSize(layer, shape);
    if (!size) return;
    yield { index, layer, size };
    shape = size.output;
  }
}

interface LayerSize {
  params: number;
  /** The output shape without the batch, or undefined where it is not worked out here. */
  output?: number[];
  /** The key whose value makes the parameters. */
  key?: string;
}

/** Parameters and output shape of the layers whose size a setting can blow up; undefined for the rest. */
function layerSize(layer: LayerSpec, input: number[]): LayerSize | undefined {
  const c = layer.config;
  const last = input[input.length - 1] ?? 1;
  switch (layer.type) {
    case 'Dense': {
      const units = Number(c.units);
      return { params: last * units + (c.useBias === false ? 0 : units), output: [...input.slice(0, -1), units], key: 'units' };
    }
    case 'Flatten':
      return { params: 0, output: [product(input)] };
    case 'Dropout':
    case 'Activation':
      return { params: 0, output: input };
    case 'Embedding': {
      const params = Number(c.inputDim) * Number(c.outputDim);
      return { params, output: [...input, Number(c.outputDim)], key: Number(c.inputDim) > Number(c.outputDim) ? 'input_dim' : 'output_dim' };
    }
    case 'Conv2D': {
      const [kh, kw] = pair(c.kernelSize);
      const filters = Number(c.filters);
      // The output's size depends on padding and strides; the parameters do not.
      return { params: kh * kw * last * filters + filters, key: 'filters' };
    }
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU': {
      const units = Number(c.units);
      const gates = layer.type === 'LSTM' ? 4 : layer.type === 'GRU' ? 3 : 1;
      return { params: gates * ((last + units) * units + units), key: 'units' };
    }
    default:
      return undefined;
  }
}

function pair(value: unknown): [number, number] {
  if (Array.isArray(value)) return [Number(value[0]), Number(value[1] ?? value[0])];
  return [Number(value), Number(value)];
}

function count(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 0 });
}
