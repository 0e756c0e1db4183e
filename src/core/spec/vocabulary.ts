/**
 * Every name a model file may use, in one place: activations, initializers, regularizers, losses,
 * metrics, optimizers, layers and their options. Each entry pairs the Keras spelling users write
 * with the tfjs identifier the trainer needs. The TypeScript types, the JSON Schema
 * (modelSchema.ts) and the "Valid values are: ..." error messages are all derived from these
 * lists, as tfjs-layers does with its own `*_OPTIONS` arrays, so they cannot drift apart.
 */
import type { BuiltinDatasetName, LayerType, OptimizerName } from './modelSpec';

/** One accepted name: the Keras spelling, the tfjs identifier it becomes, and a doc line. */
export interface NamedValue {
  readonly keras: string;
  readonly tfjs: string;
  /** Other spellings Keras accepts for the same thing (`mse`, `acc`), valid but never suggested. */
  readonly aliases?: readonly string[];
  readonly doc: string;
}

// Activations: exactly tfjs-layers' `activationOptions` (keras_format/activation_config.js), plus
// Keras' `silu`, which is tfjs' `swish` with its default alpha of 1.
export const ACTIVATIONS = [
  { keras: 'relu', tfjs: 'relu', doc: 'Rectified linear unit: `max(x, 0)`. The usual choice for hidden layers.' },
  { keras: 'sigmoid', tfjs: 'sigmoid', doc: '`1 / (1 + exp(-x))`, outputs in (0, 1): the output of a binary classifier.' },
  { keras: 'softmax', tfjs: 'softmax', doc: 'Probabilities over the last axis that sum to 1: the output of a multi-class classifier.' },
  { keras: 'tanh', tfjs: 'tanh', doc: 'Hyperbolic tangent, outputs in (-1, 1).' },
  { keras: 'linear', tfjs: 'linear', doc: 'No activation (identity): the output of a regression model.' },
  { keras: 'elu', tfjs: 'elu', doc: 'Exponential linear unit: `x` if `x > 0`, else `exp(x) - 1`.' },
  { keras: 'selu', tfjs: 'selu', doc: 'Scaled exponential linear unit (self-normalizing; pair with `lecun_normal`).' },
  { keras: 'relu6', tfjs: 'relu6', doc: 'ReLU capped at 6: `min(max(x, 0), 6)`.' },
  { keras: 'hard_sigmoid', tfjs: 'hardSigmoid', doc: 'Piecewise-linear approximation of the sigmoid, faster to compute.' },
  { keras: 'softplus', tfjs: 'softplus', doc: '`log(exp(x) + 1)`, a smooth ReLU.' },
  { keras: 'softsign', tfjs: 'softsign', doc: '`x / (abs(x) + 1)`.' },
  { keras: 'swish', tfjs: 'swish', aliases: ['silu'], doc: '`x * sigmoid(x)` (also called SiLU).' },
  { keras: 'mish', tfjs: 'mish', doc: '`x * tanh(softplus(x))`.' },
  { keras: 'gelu', tfjs: 'gelu', doc: 'Gaussian error linear unit, as in Transformers.' },
  { keras: 'gelu_new', tfjs: 'gelu_new', doc: 'GELU with the tanh approximation.' },
] as const satisfies readonly NamedValue[];

// Initializers: tfjs-layers' INITIALIZER_IDENTIFIER_REGISTRY_SYMBOL_MAP keys. Keras' `constant`
// defaults to 0, and tfjs' `constant` throws without a value, so it becomes tfjs `zeros`.
export const INITIALIZERS = [
  { keras: 'glorot_uniform', tfjs: 'glorotUniform', doc: 'Glorot (Xavier) uniform. The Keras default for kernels.' },
  { keras: 'glorot_normal', tfjs: 'glorotNormal', doc: 'Glorot (Xavier) normal.' },
  { keras: 'he_uniform', tfjs: 'heUniform', doc: 'He uniform, suited to ReLU layers.' },
  { keras: 'he_normal', tfjs: 'heNormal', doc: 'He normal, suited to ReLU layers.' },
  { keras: 'lecun_uniform', tfjs: 'leCunUniform', doc: 'LeCun uniform.' },
  { keras: 'lecun_normal', tfjs: 'leCunNormal', doc: 'LeCun normal, suited to `selu`.' },
  { keras: 'random_uniform', tfjs: 'randomUniform', doc: 'Uniform in [-0.05, 0.05].' },
  { keras: 'random_normal', tfjs: 'randomNormal', doc: 'Normal with mean 0 and stddev 0.05.' },
  { keras: 'truncated_normal', tfjs: 'truncatedNormal', doc: 'Normal with mean 0 and stddev 0.05, redrawn beyond 2 stddev.' },
  { keras: 'variance_scaling', tfjs: 'varianceScaling', doc: 'Variance scaling with scale 1, fan_in, truncated normal.' },
  { keras: 'orthogonal', tfjs: 'orthogonal', doc: 'A random orthogonal matrix.' },
  { keras: 'identity', tfjs: 'identity', doc: 'The identity matrix (2D square kernels only).' },
  { keras: 'zeros', tfjs: 'zeros', doc: 'All zeros. The Keras default for biases.' },
  { keras: 'ones', tfjs: 'ones', doc: 'All ones.' },
  { keras: 'constant', tfjs: 'zeros', doc: 'A constant; Keras\' default value is 0, so this is `zeros`.' },
] as const satisfies readonly NamedValue[];

/** The factor Keras' `l1`, `l2` and `l1_l2` use when written as a bare name. */
export const DEFAULT_REGULARIZER_FACTOR = 0.01;

export const REGULARIZERS = [
  { keras: 'l1', tfjs: 'l1', doc: 'L1 penalty `l1 * sum(abs(w))` (default factor 0.01).' },
  { keras: 'l2', tfjs: 'l2', doc: 'L2 penalty `l2 * sum(w ** 2)` (default factor 0.01).' },
  { keras: 'l1_l2', tfjs: 'l1l2', doc: 'Both penalties: `{ l1_l2: { l1: 0.01, l2: 0.01 } }` (default factors 0.01).' },
] as const satisfies readonly NamedValue[];

// Losses: the keys of tfjs-layers' `lossesMap` (losses.js), with Keras' short aliases.
export const LOSSES = [
  { keras: 'binary_crossentropy', tfjs: 'binaryCrossentropy', doc: 'Binary classification: one sigmoid output per sample and 0/1 labels (e.g. benign/malignant); a linear output with `{ binary_crossentropy: { from_logits: true } }`. For more than two classes use `sparse_categorical_crossentropy`.' },
  { keras: 'categorical_crossentropy', tfjs: 'categoricalCrossentropy', doc: 'Multi-class classification with a softmax output (a linear one with `from_logits: true`) when the labels are one-hot vectors (`[0, 0, 1]`, as after `to_categorical`). With integer labels (`2`) use `sparse_categorical_crossentropy` instead.' },
  { keras: 'sparse_categorical_crossentropy', tfjs: 'sparseCategoricalCrossentropy', doc: 'Multi-class classification with a softmax output (a linear one, as the TensorFlow quickstart\'s `Dense(10)`, with `{ sparse_categorical_crossentropy: { from_logits: true } }`) when the labels are class indices (`0`, `1`, `2`, ... as in MNIST). Use `categorical_crossentropy` instead only when the labels are one-hot vectors.' },
  { keras: 'mean_squared_error', tfjs: 'meanSquaredError', aliases: ['mse'], doc: 'Regression: mean of `(y - y_pred) ** 2`.' },
  { keras: 'mean_absolute_error', tfjs: 'meanAbsoluteError', aliases: ['mae'], doc: 'Regression: mean of `abs(y - y_pred)`.' },
  { keras: 'mean_absolute_percentage_error', tfjs: 'meanAbsolutePercentageError', aliases: ['mape'], doc: 'Regression: mean absolute error in percent of `y`.' },
  { keras: 'mean_squared_logarithmic_error', tfjs: 'meanSquaredLogarithmicError', aliases: ['msle'], doc: 'Regression: squared error of `log(1 + y)`.' },
  { keras: 'hinge', tfjs: 'hinge', doc: 'Maximum-margin loss for -1/1 labels.' },
  { keras: 'squared_hinge', tfjs: 'squaredHinge', doc: 'Squared hinge loss for -1/1 labels.' },
  { keras: 'categorical_hinge', tfjs: 'categoricalHinge', doc: 'Hinge loss for one-hot labels.' },
  { keras: 'logcosh', tfjs: 'logcosh', aliases: ['log_cosh'], doc: 'Regression: `log(cosh(y_pred - y))`, robust to outliers.' },
  { keras: 'kullback_leibler_divergence', tfjs: 'kullbackLeiblerDivergence', aliases: ['kld', 'kl_divergence'], doc: 'Divergence between two probability distributions.' },
  { keras: 'poisson', tfjs: 'poisson', doc: 'For count data: `y_pred - y * log(y_pred)`.' },
  { keras: 'cosine_proximity', tfjs: 'cosineProximity', aliases: ['cosine_similarity'], doc: 'Negative cosine similarity between labels and predictions.' },
] as const satisfies readonly NamedValue[];

/** One loss that takes options, written as a name with options: `{ sparse_categorical_crossentropy: { from_logits: true } }`. */
export interface LossWithOptionsDef {
  readonly keras: LossKerasName;
  readonly options: readonly OptionDef[];
}

const fromLogits: OptionDef = {
  key: 'from_logits',
  kind: 'boolean',
  doc: 'The last layer outputs logits (no softmax or sigmoid, e.g. `Dense(10)`), as with Keras `from_logits=True`. Training then uses the numerically stable loss on logits, and predictions, evaluation and the panel turn the outputs into probabilities (softmax, or sigmoid for `binary_crossentropy`).',
};

// The Keras losses whose options tutorials use; only from_logits so far, since that one changes
// what the model outputs mean.
export const LOSSES_WITH_OPTIONS = [
  { keras: 'binary_crossentropy', options: [fromLogits] },
  { keras: 'categorical_crossentropy', options: [fromLogits] },
  { keras: 'sparse_categorical_crossentropy', options: [fromLogits] },
] as const satisfies readonly LossWithOptionsDef[];

/**
 * Metrics: the functions of tfjs `tf.metrics`. `accuracy` (tfjs id `accuracy`) is resolved to
 * binary, categorical or sparse categorical accuracy from the loss, as Keras does.
 */
export const METRICS = [
  { keras: 'accuracy', tfjs: 'accuracy', aliases: ['acc'], doc: 'Fraction of correct predictions; binary, categorical or sparse is picked from the loss.' },
  { keras: 'binary_accuracy', tfjs: 'binaryAccuracy', doc: 'Accuracy of 0/1 predictions thresholded at 0.5.' },
  { keras: 'categorical_accuracy', tfjs: 'categoricalAccuracy', doc: 'Accuracy against one-hot labels.' },
  { keras: 'sparse_categorical_accuracy', tfjs: 'sparseCategoricalAccuracy', doc: 'Accuracy against integer labels.' },
  { keras: 'precision', tfjs: 'precision', doc: 'Binary precision: true positives / predicted positives.' },
  { keras: 'recall', tfjs: 'recall', doc: 'Binary recall: true positives / actual positives.' },
  { keras: 'mean_squared_error', tfjs: 'meanSquaredError', aliases: ['mse'], doc: 'Mean squared error.' },
  { keras: 'mean_absolute_error', tfjs: 'meanAbsoluteError', aliases: ['mae'], doc: 'Mean absolute error.' },
  { keras: 'mean_absolute_percentage_error', tfjs: 'meanAbsolutePercentageError', aliases: ['mape'], doc: 'Mean absolute percentage error.' },
  { keras: 'binary_crossentropy', tfjs: 'binaryCrossentropy', doc: 'Binary cross-entropy, as a metric.' },
  { keras: 'categorical_crossentropy', tfjs: 'categoricalCrossentropy', doc: 'Categorical cross-entropy, as a metric.' },
  { keras: 'cosine_proximity', tfjs: 'cosineProximity', doc: 'Negative cosine similarity.' },
  { keras: 'r2_score', tfjs: 'r2Score', doc: 'Coefficient of determination (R²) for regression.' },
] as const satisfies readonly NamedValue[];

export const PADDINGS = [
  { keras: 'valid', tfjs: 'valid', doc: 'No padding: the output shrinks by the kernel size minus one.' },
  { keras: 'same', tfjs: 'same', doc: 'Zero padding so that the output has the input size (with stride 1).' },
] as const satisfies readonly NamedValue[];

export const DATA_FORMATS = [
  { keras: 'channels_last', tfjs: 'channelsLast', doc: 'Images are (height, width, channels). The default.' },
  { keras: 'channels_first', tfjs: 'channelsFirst', doc: 'Images are (channels, height, width).' },
] as const satisfies readonly NamedValue[];

export const NORMALIZATIONS = [
  { keras: 'standard', tfjs: 'standard', doc: 'Per feature: subtract the mean, divide by the standard deviation (scikit-learn StandardScaler).' },
  { keras: 'minmax', tfjs: 'minmax', doc: 'Per feature: rescale to [0, 1] (scikit-learn MinMaxScaler).' },
] as const satisfies readonly NamedValue[];

export const DATASETS = [
  { keras: 'xor', tfjs: 'xor', doc: 'The 4 XOR points: 2 binary inputs, 1 binary label.' },
  { keras: 'mnist', tfjs: 'mnist', doc: 'Handwritten digits: 60,000 train / 10,000 test 28x28 grayscale images (0-255), labels 0-9.' },
  { keras: 'iris', tfjs: 'iris', doc: 'Fisher\'s iris flowers: 150 samples, 4 measurements, 3 species (labels 0-2).' },
  { keras: 'digits', tfjs: 'digits', doc: 'scikit-learn\'s digits: 1,797 8x8 images (values 0-16), labels 0-9.' },
] as const satisfies readonly NamedValue[];

/** What kind of value an option takes; modelSchema.ts turns each kind into a JSON Schema. */
export type OptionKind =
  | 'positiveInteger'
  | 'nonNegativeInteger'
  | 'integer'
  | 'positiveNumber'
  | 'nonNegativeNumber'
  | 'fraction' // 0 <= v < 1: dropout rates, betas
  | 'unitInterval' // 0 <= v <= 1
  | 'boolean'
  | 'string'
  | 'activation'
  | 'initializer'
  | 'regularizer'
  | 'padding'
  | 'dataFormat'
  | 'shape' // input_shape: positive integers, null for a variable dimension
  | 'intOrPair' // kernel_size, strides, pool_size, dilation_rate
  | 'targetShape' // Reshape: positive integers, one may be -1
  | 'noiseShape'; // Dropout: positive integers or null

/** One option of a layer or an optimizer, under its Keras snake_case key. */
export interface OptionDef {
  readonly key: string;
  readonly kind: OptionKind;
  readonly doc: string;
  readonly required?: boolean;
}

/** The tfjs camelCase spelling of a Keras snake_case key: `use_bias` -> `useBias`, `beta_1` -> `beta1`. */
export function tfjsKey(kerasKey: string): string {
  return kerasKey.replace(/_([a-z0-9])/g, (_match, c: string) => c.toUpperCase());
}

export interface OptimizerDef extends NamedValue {
  readonly tfjs: OptimizerName;
  readonly options: readonly OptionDef[];
}

const learningRate: OptionDef = { key: 'learning_rate', kind: 'positiveNumber', doc: 'Step size of each update.' };
const epsilonOption: OptionDef = { key: 'epsilon', kind: 'nonNegativeNumber', doc: 'Small constant for numerical stability.' };

export const OPTIMIZERS = [
  {
    keras: 'adam', tfjs: 'adam', aliases: ['Adam'], doc: 'Adam: adaptive moment estimation. A good default.',
    options: [
      learningRate,
      { key: 'beta_1', kind: 'fraction', doc: 'Decay rate of the first-moment estimates (Keras default 0.9).' },
      { key: 'beta_2', kind: 'fraction', doc: 'Decay rate of the second-moment estimates (Keras default 0.999).' },
      epsilonOption,
    ],
  },
  {
    keras: 'sgd', tfjs: 'sgd', aliases: ['SGD'], doc: 'Stochastic gradient descent, with optional (Nesterov) momentum.',
    options: [
      learningRate,
      { key: 'momentum', kind: 'nonNegativeNumber', doc: 'Accelerates descent in the relevant direction (0 = plain SGD).' },
      { key: 'nesterov', kind: 'boolean', doc: 'Use Nesterov momentum.' },
    ],
  },
  {
    keras: 'rmsprop', tfjs: 'rmsprop', aliases: ['RMSprop'], doc: 'RMSprop: divides the gradient by a running average of its magnitude.',
    options: [
      learningRate,
      { key: 'rho', kind: 'fraction', doc: 'Discounting factor of the gradient history (Keras default 0.9; tfjs calls it `decay`).' },
      { key: 'momentum', kind: 'nonNegativeNumber', doc: 'Momentum.' },
      epsilonOption,
      { key: 'centered', kind: 'boolean', doc: 'Normalize by the estimated variance of the gradient.' },
    ],
  },
  {
    keras: 'adagrad', tfjs: 'adagrad', aliases: ['Adagrad'], doc: 'Adagrad: per-parameter learning rates adapted to update frequency.',
    options: [
      learningRate,
      { key: 'initial_accumulator_value', kind: 'nonNegativeNumber', doc: 'Starting value of the accumulators.' },
    ],
  },
  {
    keras: 'adadelta', tfjs: 'adadelta', aliases: ['Adadelta'], doc: 'Adadelta: Adagrad with a moving window of gradient updates.',
    options: [
      learningRate,
      { key: 'rho', kind: 'fraction', doc: 'Decay rate.' },
      epsilonOption,
    ],
  },
  {
    keras: 'adamax', tfjs: 'adamax', aliases: ['Adamax'], doc: 'Adamax: Adam based on the infinity norm.',
    options: [
      learningRate,
      { key: 'beta_1', kind: 'fraction', doc: 'Decay rate of the first-moment estimates.' },
      { key: 'beta_2', kind: 'fraction', doc: 'Decay rate of the exponentially weighted infinity norm.' },
      epsilonOption,
    ],
  },
] as const satisfies readonly OptimizerDef[];

/** Keras' legacy `lr` still appears in tutorials; accepted as a hidden alias of learning_rate. */
export const OPTION_KEY_ALIASES: Readonly<Record<string, string>> = { lr: 'learning_rate' };

export interface LayerDef {
  readonly aliases?: readonly string[];
  readonly doc: string;
  readonly options: readonly OptionDef[];
}

/** Options every layer accepts. `input_shape` / `input_dim` only mean something on the first layer. */
export const COMMON_LAYER_OPTIONS: readonly OptionDef[] = [
  { key: 'input_shape', kind: 'shape', doc: 'Shape of one input sample, without the batch dimension, e.g. `[28, 28]`. First layer only; inferred from the data when omitted.' },
  { key: 'input_dim', kind: 'positiveInteger', doc: 'Number of input features: the same as `input_shape: [input_dim]`. First layer only.' },
  { key: 'name', kind: 'string', doc: 'Name of the layer, shown in the model summary.' },
  { key: 'trainable', kind: 'boolean', doc: 'Whether the layer\'s weights are updated during training (default true).' },
];

const opt = (key: string, kind: OptionKind, doc: string): OptionDef => ({ key, kind, doc });
const req = (key: string, kind: OptionKind, doc: string): OptionDef => ({ key, kind, doc, required: true });

const activation = opt('activation', 'activation', 'Activation function applied to the output (default: linear, i.e. none).');
const useBias = opt('use_bias', 'boolean', 'Whether the layer adds a bias vector (default true).');
const kernelInitializer = opt('kernel_initializer', 'initializer', 'Initializer of the kernel weights (default glorot_uniform).');
const biasInitializer = opt('bias_initializer', 'initializer', 'Initializer of the bias vector (default zeros).');
const kernelRegularizer = opt('kernel_regularizer', 'regularizer', 'Penalty on the kernel weights, e.g. `l2` or `{ l2: 0.001 }`.');
const biasRegularizer = opt('bias_regularizer', 'regularizer', 'Penalty on the bias vector.');
const activityRegularizer = opt('activity_regularizer', 'regularizer', 'Penalty on the layer\'s output.');
const padding = opt('padding', 'padding', '`valid` (no padding, the default) or `same` (pad to keep the size).');
const dataFormat = opt('data_format', 'dataFormat', '`channels_last` (default) or `channels_first`.');

const denseWeights = [activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer];

const pooling: readonly OptionDef[] = [
  opt('pool_size', 'intOrPair', 'Size of the pooling window: an integer or `[rows, cols]` (default 2).'),
  opt('strides', 'intOrPair', 'Step of the window (default: pool_size).'),
  padding,
  dataFormat,
];

const recurrent: readonly OptionDef[] = [
  req('units', 'positiveInteger', 'Dimensionality of the output space (size of the hidden state).'),
  opt('activation', 'activation', 'Activation of the output (default tanh).'),
  useBias,
  kernelInitializer,
  opt('recurrent_initializer', 'initializer', 'Initializer of the recurrent kernel (default orthogonal).'),
  biasInitializer,
  kernelRegularizer,
  opt('recurrent_regularizer', 'regularizer', 'Penalty on the recurrent kernel.'),
  biasRegularizer,
  activityRegularizer,
  opt('dropout', 'fraction', 'Fraction of the inputs to drop during training.'),
  opt('recurrent_dropout', 'fraction', 'Fraction of the recurrent state to drop during training.'),
  opt('return_sequences', 'boolean', 'Return the whole output sequence instead of the last output only (needed before another recurrent layer).'),
  opt('go_backwards', 'boolean', 'Process the input sequence backwards.'),
  opt('unroll', 'boolean', 'Unroll the loop: faster for short sequences, more memory.'),
];

const recurrentActivation = opt('recurrent_activation', 'activation', 'Activation of the recurrent step (default hard_sigmoid in tfjs).');

/** The supported layers, by Keras class name (tfjs uses the same class names). */
export const LAYERS: { readonly [T in LayerType]: LayerDef } = {
  Dense: {
    doc: 'Densely connected layer: `activation(dot(input, kernel) + bias)`.',
    options: [req('units', 'positiveInteger', 'Number of neurons: the size of the output.'), ...denseWeights],
  },
  Flatten: {
    doc: 'Flattens each sample to one dimension, e.g. a 28x28 image to 784 values.',
    options: [dataFormat],
  },
  Dropout: {
    doc: 'Randomly sets a fraction `rate` of the inputs to 0 during training, against overfitting.',
    options: [
      req('rate', 'fraction', 'Fraction of the inputs to drop, between 0 and 1 (e.g. 0.2).'),
      opt('noise_shape', 'noiseShape', 'Shape of the binary dropout mask, to share it along some axes.'),
      opt('seed', 'integer', 'Random seed of the mask.'),
    ],
  },
  Activation: {
    doc: 'Applies an activation function to its input.',
    options: [req('activation', 'activation', 'The activation function.')],
  },
  BatchNormalization: {
    doc: 'Normalizes its inputs to mean 0 and standard deviation 1, batch by batch.',
    options: [
      opt('axis', 'integer', 'The features axis (default -1, the last).'),
      opt('momentum', 'unitInterval', 'Momentum of the moving mean and variance (default 0.99).'),
      opt('epsilon', 'positiveNumber', 'Small float added to the variance (default 0.001).'),
      opt('center', 'boolean', 'Add the learned offset `beta` (default true).'),
      opt('scale', 'boolean', 'Multiply by the learned scale `gamma` (default true).'),
      opt('beta_initializer', 'initializer', 'Initializer of beta (default zeros).'),
      opt('gamma_initializer', 'initializer', 'Initializer of gamma (default ones).'),
      opt('moving_mean_initializer', 'initializer', 'Initializer of the moving mean (default zeros).'),
      opt('moving_variance_initializer', 'initializer', 'Initializer of the moving variance (default ones).'),
      opt('beta_regularizer', 'regularizer', 'Penalty on beta.'),
      opt('gamma_regularizer', 'regularizer', 'Penalty on gamma.'),
    ],
  },
  Reshape: {
    doc: 'Reshapes each sample to `target_shape`.',
    options: [req('target_shape', 'targetShape', 'The new shape of a sample, without the batch dimension; one entry may be -1 (inferred).')],
  },
  Conv2D: {
    aliases: ['Convolution2D'],
    doc: '2D convolution over images: `filters` kernels of size `kernel_size`.',
    options: [
      req('filters', 'positiveInteger', 'Number of convolution kernels: the number of output channels.'),
      req('kernel_size', 'intOrPair', 'Size of the convolution window: an integer or `[rows, cols]`.'),
      opt('strides', 'intOrPair', 'Step of the window (default 1).'),
      padding,
      dataFormat,
      opt('dilation_rate', 'intOrPair', 'Dilation of the kernel (default 1).'),
      ...denseWeights,
    ],
  },
  MaxPooling2D: {
    aliases: ['MaxPool2D'],
    doc: 'Downsamples images by taking the maximum over each `pool_size` window.',
    options: pooling,
  },
  AveragePooling2D: {
    aliases: ['AvgPool2D'],
    doc: 'Downsamples images by taking the average over each `pool_size` window.',
    options: pooling,
  },
  SimpleRNN: {
    doc: 'Fully connected recurrent layer: the output is fed back as the next input.',
    options: recurrent,
  },
  LSTM: {
    doc: 'Long short-term memory recurrent layer.',
    options: [
      ...recurrent,
      recurrentActivation,
      opt('unit_forget_bias', 'boolean', 'Add 1 to the forget gate bias at initialization (default true).'),
    ],
  },
  GRU: {
    doc: 'Gated recurrent unit layer.',
    options: [
      ...recurrent,
      recurrentActivation,
      opt('reset_after', 'boolean', 'Apply the reset gate after the matrix multiplication.'),
    ],
  },
  Embedding: {
    doc: 'Turns integer word indices into dense vectors of size `output_dim`. Only as the first layer.',
    options: [
      req('input_dim', 'positiveInteger', 'Size of the vocabulary: the largest index + 1.'),
      req('output_dim', 'positiveInteger', 'Size of each embedding vector.'),
      opt('embeddings_initializer', 'initializer', 'Initializer of the embeddings matrix (default random_uniform).'),
      opt('embeddings_regularizer', 'regularizer', 'Penalty on the embeddings matrix.'),
      activityRegularizer,
      opt('mask_zero', 'boolean', 'Treat index 0 as padding to be masked out.'),
      opt('input_length', 'positiveInteger', 'Length of the input sequences, when it is constant.'),
    ],
  },
};

export const LAYER_TYPES = Object.keys(LAYERS) as LayerType[];

/** The layers as a name list, for "is not a valid layer" messages and the schema. */
export const LAYER_NAMES: readonly NamedValue[] = LAYER_TYPES.map((type) => ({
  keras: type,
  tfjs: type,
  aliases: LAYERS[type].aliases,
  doc: LAYERS[type].doc,
}));

/** Every option a layer accepts: its own, then the common ones it does not redefine. */
export function layerOptions(type: LayerType): readonly OptionDef[] {
  const own = LAYERS[type].options;
  return [...own, ...COMMON_LAYER_OPTIONS.filter((c) => !own.some((o) => o.key === c.key))];
}

/** Layers with no required option, which may be written as a bare name: `- Flatten`. */
export const LAYERS_WITHOUT_REQUIRED_OPTIONS = LAYER_TYPES.filter((t) => !LAYERS[t].options.some((o) => o.required));

/** A named list of values, as messages name it: "`relux` is not a valid activation". */
export interface Vocabulary {
  readonly noun: string;
  readonly values: readonly NamedValue[];
}

/**
 * The vocabularies by the name of their JSON Schema definition (`#/definitions/activation`), so
 * an error in the schema leads back to the list that explains it.
 */
export const VOCABULARIES = {
  activation: { noun: 'activation', values: ACTIVATIONS },
  initializer: { noun: 'initializer', values: INITIALIZERS },
  regularizer: { noun: 'regularizer', values: REGULARIZERS },
  loss: { noun: 'loss', values: LOSSES },
  metric: { noun: 'metric', values: METRICS },
  optimizer: { noun: 'optimizer', values: OPTIMIZERS },
  padding: { noun: 'padding', values: PADDINGS },
  dataFormat: { noun: 'data_format', values: DATA_FORMATS },
  normalize: { noun: 'normalization', values: NORMALIZATIONS },
  dataset: { noun: 'built-in dataset', values: DATASETS },
  layer: { noun: 'layer', values: LAYER_NAMES },
} as const satisfies Readonly<Record<string, Vocabulary>>;

export type VocabularyName = keyof typeof VOCABULARIES;

export type ActivationName = (typeof ACTIVATIONS)[number]['keras'];
export type LossKerasName = (typeof LOSSES)[number]['keras'];
export type MetricKerasName = (typeof METRICS)[number]['keras'];

// Compile-time check that the dataset list and the spec's BuiltinDatasetName agree.
const datasetNamesMatch: (typeof DATASETS)[number]['keras'] extends BuiltinDatasetName ? true : false = true;
void datasetNamesMatch;

/** Every spelling accepted for the values: Keras name, tfjs name and aliases, without repeats. */
export function acceptedSpellings(values: readonly NamedValue[]): string[] {
  const all = values.flatMap((v) => [v.keras, v.tfjs, ...(v.aliases ?? [])]);
  return [...new Set(all)];
}

/** The Keras names only: what completion suggests and messages list as valid. */
export function kerasNames(values: readonly NamedValue[]): string[] {
  return values.map((v) => v.keras);
}

/** The entry a written name stands for, in any accepted spelling. */
export function lookupName<V extends NamedValue>(values: readonly V[], written: string): V | undefined {
  return values.find((v) => v.keras === written || v.tfjs === written || (v.aliases ?? []).includes(written));
}

/** The layer class a layer-item key names, in any accepted spelling (`MaxPool2D` -> MaxPooling2D). */
export function layerTypeOf(written: string): LayerType | undefined {
  return LAYER_TYPES.find((t) => t === written || (LAYERS[t].aliases ?? []).includes(written));
}
