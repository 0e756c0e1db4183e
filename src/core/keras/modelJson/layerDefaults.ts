/**
 * The settings a model JSON writes for every layer although nobody chose them: left out of the
 * model file when they equal the default, so it stays as short as the script that made the model.
 */
import type { LayerType } from '../../spec/modelSpec';

/** Where the JSON comes from: Keras (`to_json()`) or TensorFlow.js (`model.save()`, our runs). */
export type JsonOrigin = 'keras' | 'tfjs';

const dense = { activation: 'linear', use_bias: true, bias_initializer: 'zeros' };
const images = { data_format: 'channels_last' };
const pooling = { pool_size: [2, 2], padding: 'valid', ...images };
const recurrent = {
  activation: 'tanh',
  use_bias: true,
  recurrent_initializer: 'orthogonal',
  bias_initializer: 'zeros',
  dropout: 0,
  recurrent_dropout: 0,
  return_sequences: false,
  go_backwards: false,
  unroll: false,
  unit_forget_bias: true,
  // The trainer builds with TensorFlow.js, whose recurrent activation defaults to hard_sigmoid: a
  // Keras model's sigmoid stays written so that the model file computes what the Keras model did.
  recurrent_activation: 'hard_sigmoid',
};

/** Keras' GRU computes the reset gate after the matrix product by default; TensorFlow.js cannot. */
export const UNSUPPORTED_GRU_RESET_AFTER = 'GRU reset_after: true (Keras 2 and 3 default) is not supported by TensorFlow.js, which trains this GRU with reset_after: false (the reset gate before the matrix product)';

const LAYER_DEFAULTS: Readonly<Record<LayerType, Readonly<Record<string, unknown>>>> = {
  Dense: dense,
  Flatten: images,
  Dropout: { noise_shape: null, seed: null },
  Activation: {},
  BatchNormalization: {
    axis: -1,
    momentum: 0.99,
    epsilon: 0.001,
    center: true,
    scale: true,
    beta_initializer: 'zeros',
    gamma_initializer: 'ones',
    moving_mean_initializer: 'zeros',
    moving_variance_initializer: 'ones',
  },
  Reshape: {},
  Conv2D: { ...dense, strides: [1, 1], padding: 'valid', ...images, dilation_rate: [1, 1] },
  MaxPooling2D: pooling,
  AveragePooling2D: pooling,
  SimpleRNN: recurrent,
  LSTM: recurrent,
  GRU: { ...recurrent, reset_after: false },
  Embedding: { embeddings_initializer: 'random_uniform', mask_zero: false, input_length: null },
};

/** Kernel initializers: Keras' default is glorot_uniform, TensorFlow.js' glorot_normal; each is left out for its own files. */
const KERNEL_DEFAULT: Readonly<Record<JsonOrigin, string>> = { keras: 'glorot_uniform', tfjs: 'glorot_normal' };

/** The default of a layer's option, or undefined when it has none (a required option such as units). */
export function layerDefault(type: LayerType, key: string, origin: JsonOrigin): { value: unknown } | undefined {
  if (key === 'kernel_initializer' && type !== 'Embedding') return { value: KERNEL_DEFAULT[origin] };
  const defaults = LAYER_DEFAULTS[type];
  return key in defaults ? { value: defaults[key] } : undefined;
}

/**
 * Settings Keras or TensorFlow.js write that the format does not have, at the value that changes
 * nothing: silently passed over. Any other value is a warning.
 */
export const HARMLESS_EXTRAS: Readonly<Record<string, unknown>> = {
  groups: 1,
  return_state: false,
  stateful: false,
  time_major: false,
  implementation: undefined,
  zero_output_for_mask: false,
  synchronized: false,
  renorm: false,
  renorm_clipping: null,
  renorm_momentum: 0.99,
  fused: null,
  virtual_batch_size: null,
  adjustment: null,
  lora_rank: null,
  lora_alpha: undefined,
  quantization_config: null,
  use_cudnn: undefined,
  keepdims: false,
  sparse: false,
  seed: null,
  ragged: false,
  autocast: true,
  activity_regularizer: null,
};

/** Keys that describe how the layer was stored, not what it computes. */
export const METADATA_KEYS = new Set(['name', 'dtype', 'batch_input_shape', 'batch_shape', 'input_shape', 'batch_size', 'build_config', 'input_dtype', 'dynamic', 'autocast']);
