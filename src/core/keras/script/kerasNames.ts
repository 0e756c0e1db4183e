import type { LayerType } from '../../spec/modelSpec';
import { ACTIVATIONS, INITIALIZERS, LAYER_TYPES, LOSSES, METRICS, OPTIMIZERS, layerOptions, type NamedValue } from '../../spec/vocabulary';

/** `SparseCategoricalCrossentropy` -> `sparse_categorical_crossentropy`, `HeNormal` -> `he_normal`. */
export function snakeCase(className: string): string {
  return className
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

function inVocabulary(values: readonly NamedValue[], name: string): boolean {
  return values.some((v) => v.keras === name || (v.aliases ?? []).includes(name));
}

export const isActivation = (name: string) => inVocabulary(ACTIVATIONS, name);
export const isInitializer = (name: string) => inVocabulary(INITIALIZERS, name);
export const isLoss = (name: string) => inVocabulary(LOSSES, name);
export const isMetric = (name: string) => inVocabulary(METRICS, name);

/** The format's optimizer name of a Keras optimizer class or string (`Adam`, `'adam'`, `RMSprop`). */
export function optimizerName(name: string): string | undefined {
  const lower = name.toLowerCase();
  return OPTIMIZERS.find((o) => o.keras === lower)?.keras;
}

export function optimizerOptionKeys(name: string): string[] {
  return (OPTIMIZERS.find((o) => o.keras === name)?.options ?? []).map((o) => o.key);
}

/** Keras' positional parameters of each optimizer's constructor, learning rate first. */
export const OPTIMIZER_POSITIONAL: Readonly<Record<string, readonly string[]>> = {
  adam: ['learning_rate', 'beta_1', 'beta_2', 'epsilon', 'amsgrad'],
  sgd: ['learning_rate', 'momentum', 'nesterov'],
  rmsprop: ['learning_rate', 'rho', 'momentum', 'epsilon', 'centered'],
  adagrad: ['learning_rate', 'initial_accumulator_value', 'epsilon'],
  adadelta: ['learning_rate', 'rho', 'epsilon'],
  adamax: ['learning_rate', 'beta_1', 'beta_2', 'epsilon'],
};

/** Keras class names (and old aliases) of the layers the format has. */
const LAYER_ALIASES: Readonly<Record<string, LayerType>> = {
  Convolution2D: 'Conv2D',
  MaxPool2D: 'MaxPooling2D',
  AvgPool2D: 'AveragePooling2D',
};

export function layerType(className: string): LayerType | undefined {
  if ((LAYER_TYPES as string[]).includes(className)) return className as LayerType;
  return LAYER_ALIASES[className];
}

/** The format's option keys of a layer type (its own and the common ones). */
export function layerOptionKeys(type: LayerType): string[] {
  return layerOptions(type).map((o) => o.key);
}

const denseTail = ['use_bias', 'kernel_initializer', 'bias_initializer', 'kernel_regularizer', 'bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'bias_constraint'];
const pooling = ['pool_size', 'strides', 'padding', 'data_format'];
const recurrentTail = ['use_bias', 'kernel_initializer', 'recurrent_initializer', 'bias_initializer'];

/** Each layer's positional parameters, in the order of Keras' constructor signature. */
export const LAYER_POSITIONAL: { readonly [T in LayerType]: readonly string[] } = {
  Dense: ['units', 'activation', ...denseTail],
  Flatten: ['data_format'],
  Dropout: ['rate', 'noise_shape', 'seed'],
  Activation: ['activation'],
  BatchNormalization: ['axis', 'momentum', 'epsilon', 'center', 'scale', 'beta_initializer', 'gamma_initializer', 'moving_mean_initializer', 'moving_variance_initializer', 'beta_regularizer', 'gamma_regularizer'],
  Reshape: ['target_shape'],
  Conv2D: ['filters', 'kernel_size', 'strides', 'padding', 'data_format', 'dilation_rate', 'groups', 'activation', ...denseTail],
  MaxPooling2D: pooling,
  AveragePooling2D: pooling,
  SimpleRNN: ['units', 'activation', ...recurrentTail],
  LSTM: ['units', 'activation', 'recurrent_activation', ...recurrentTail],
  GRU: ['units', 'activation', 'recurrent_activation', ...recurrentTail],
  Embedding: ['input_dim', 'output_dim', 'embeddings_initializer', 'embeddings_regularizer', 'activity_regularizer', 'embeddings_constraint', 'mask_zero', 'input_length'],
};

/** The kind of a layer option (`activation`, `initializer`, `regularizer`...), undefined when the format lacks it. */
export function optionKind(type: LayerType, key: string): string | undefined {
  return layerOptions(type).find((o) => o.key === key)?.kind;
}

/** Keras' positional parameters of `EarlyStopping`. */
export const EARLY_STOPPING_POSITIONAL = ['monitor', 'min_delta', 'patience', 'verbose', 'mode', 'baseline', 'restore_best_weights', 'start_from_epoch'];

/** Keras' positional parameters of `Model.fit`. */
export const FIT_POSITIONAL = ['x', 'y', 'batch_size', 'epochs', 'verbose', 'callbacks', 'validation_split', 'validation_data', 'shuffle'];

/** Keras' positional parameters of `Model.compile`. */
export const COMPILE_POSITIONAL = ['optimizer', 'loss', 'metrics'];
