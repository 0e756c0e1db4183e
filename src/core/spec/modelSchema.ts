/**
 * The JSON Schema (draft-07) of `*.nn.yaml` / `*.nn.json` model files, built from the vocabulary.
 * It is the single source of truth for what a model file may contain: the parser validates with
 * it through ajv, and VS Code uses it (written to `schemas/nn-model.schema.json`) for completion
 * and hover docs. tfjs camelCase spellings are valid but marked `doNotSuggest`, so completion
 * offers the Keras spelling a Keras user recognises.
 *
 * The error translator (modelFile/schemaErrors.ts) relies on the shapes used here:
 * - `anyOf` / `oneOf` only in three forms: every branch `{ required: [key] }` (alternatives or
 *   exactly one of), every branch an `enum` (shown and hidden spellings), or every branch with a
 *   distinct `type` (e.g. a name or a map of options);
 * - every enum lives in `definitions`, under the name of its vocabulary;
 * - every object with `additionalProperties: false` has a `title` that names it in messages.
 */
import type { LayerType } from './modelSpec';
import {
  ACTIVATIONS,
  DATASETS,
  DATA_FORMATS,
  INITIALIZERS,
  LAYERS,
  LAYERS_WITHOUT_REQUIRED_OPTIONS,
  LAYER_TYPES,
  LOSSES,
  LOSSES_WITH_OPTIONS,
  METRICS,
  NORMALIZATIONS,
  OPTIMIZERS,
  OPTION_KEY_ALIASES,
  PADDINGS,
  REGULARIZERS,
  acceptedSpellings,
  kerasNames,
  layerOptions,
  lookupName,
  tfjsKey,
  type NamedValue,
  type OptionDef,
  type OptionKind,
  type VocabularyName,
} from './vocabulary';

/** The subset of JSON Schema draft-07 (plus VS Code's annotations) this project writes. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  default?: unknown;
  examples?: unknown[];
  type?: JsonType | JsonType[];
  enum?: unknown[];
  markdownEnumDescriptions?: string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean;
  required?: string[];
  minProperties?: number;
  maxProperties?: number;
  dependencies?: Record<string, string[]>;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
  /** VS Code: valid, but never offered by completion (the tfjs spellings). */
  doNotSuggest?: boolean;
}

export type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** The annotation keywords beyond draft-07 that the schema uses; ajv must be told about them. */
export const SCHEMA_ANNOTATION_KEYWORDS = ['doNotSuggest', 'markdownDescription', 'markdownEnumDescriptions'] as const;

const ref = (definition: string): JsonSchema => ({ $ref: `#/definitions/${definition}` });

/** Documentation on a property: plain text for tools that ignore markdown, markdown for VS Code. */
function documented(schema: JsonSchema, doc: string): JsonSchema {
  return { ...schema, description: stripMarkdown(doc), markdownDescription: doc };
}

function stripMarkdown(doc: string): string {
  return doc.replace(/`/g, '');
}

/** An enum over a vocabulary: Keras names suggested with their docs, other spellings hidden. */
function vocabularyEnum(title: VocabularyName, values: readonly NamedValue[], doc: string): JsonSchema {
  const shown = kerasNames(values);
  const hidden = acceptedSpellings(values).filter((name) => !shown.includes(name));
  const visible: JsonSchema = { enum: shown, markdownEnumDescriptions: values.map((v) => v.doc) };
  const base = documented({ title, type: 'string' }, doc);
  return hidden.length === 0 ? { ...base, ...visible } : { ...base, anyOf: [visible, { enum: hidden, doNotSuggest: true }] };
}

const POSITIVE_INTEGER: JsonSchema = { type: 'integer', minimum: 1 };

/** The schema of each option kind. */
function kindSchema(kind: OptionKind): JsonSchema {
  switch (kind) {
    case 'positiveInteger':
      return POSITIVE_INTEGER;
    case 'nonNegativeInteger':
      return { type: 'integer', minimum: 0 };
    case 'integer':
      return { type: 'integer' };
    case 'positiveNumber':
      return { type: 'number', exclusiveMinimum: 0 };
    case 'nonNegativeNumber':
      return { type: 'number', minimum: 0 };
    case 'fraction':
      return { type: 'number', minimum: 0, exclusiveMaximum: 1 };
    case 'unitInterval':
      return { type: 'number', minimum: 0, maximum: 1 };
    case 'boolean':
      return { type: 'boolean' };
    case 'string':
      return { type: 'string', minLength: 1 };
    case 'activation':
    case 'initializer':
    case 'regularizer':
    case 'padding':
    case 'dataFormat':
    case 'shape':
    case 'intOrPair':
    case 'targetShape':
    case 'noiseShape':
      return ref(kind);
  }
}

/** Properties for options under their Keras key, plus hidden tfjs camelCase (and legacy) spellings. */
function optionProperties(options: readonly OptionDef[]): Record<string, JsonSchema> {
  const properties: Record<string, JsonSchema> = {};
  for (const option of options) {
    properties[option.key] = documented(kindSchema(option.kind), option.doc);
  }
  for (const option of options) {
    const hiddenSpellings = [tfjsKey(option.key), ...Object.keys(OPTION_KEY_ALIASES).filter((a) => OPTION_KEY_ALIASES[a] === option.key)];
    for (const spelling of hiddenSpellings) {
      if (spelling !== option.key) {
        properties[spelling] = { ...documented(kindSchema(option.kind), `Same as \`${option.key}\`.`), doNotSuggest: true };
      }
    }
  }
  return properties;
}

/**
 * The required keys of an option list. A key with a camelCase twin cannot use `required`, since
 * either spelling satisfies it: those become `anyOf: [{ required: [snake] }, { required: [camel] }]`.
 */
function requiredKeys(options: readonly OptionDef[]): Pick<JsonSchema, 'required' | 'anyOf' | 'allOf'> {
  const required = options.filter((o) => o.required);
  const plain = required.filter((o) => tfjsKey(o.key) === o.key).map((o) => o.key);
  const twins = required.filter((o) => tfjsKey(o.key) !== o.key);
  const alternatives = twins.map((o) => ({ anyOf: [{ required: [o.key] }, { required: [tfjsKey(o.key)] }] }));
  return {
    ...(plain.length > 0 ? { required: plain } : {}),
    ...(alternatives.length === 1 ? alternatives[0] : {}),
    ...(alternatives.length > 1 ? { allOf: alternatives } : {}),
  };
}

function layerConfigSchema(type: LayerType): JsonSchema {
  const options = layerOptions(type);
  const hasRequired = options.some((o) => o.required);
  return {
    ...documented({ title: type }, LAYERS[type].doc),
    // A layer with no required option may be written `- Flatten:` with nothing after the colon.
    type: hasRequired ? 'object' : ['object', 'null'],
    properties: optionProperties(options),
    additionalProperties: false,
    ...requiredKeys(options),
  };
}

function layerItemSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const type of LAYER_TYPES) {
    properties[type] = documented(ref(type), LAYERS[type].doc);
  }
  for (const type of LAYER_TYPES) {
    for (const alias of LAYERS[type].aliases ?? []) {
      properties[alias] = { ...documented(ref(type), `Same as \`${type}\`.`), doNotSuggest: true };
    }
  }
  const bare = LAYERS_WITHOUT_REQUIRED_OPTIONS.flatMap((t) => [t, ...(LAYERS[t].aliases ?? [])]);
  return {
    ...documented({ title: 'layer' }, 'One layer: `- Dense: { units: 16, activation: relu }`, or a bare name for a layer without options: `- Flatten`.'),
    anyOf: [
      { type: 'string', enum: bare },
      { type: 'object', minProperties: 1, maxProperties: 1, properties, additionalProperties: false },
    ],
  };
}

function optimizerSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const optimizer of OPTIMIZERS) {
    properties[optimizer.keras] = documented(ref(`optimizer_${optimizer.keras}`), optimizer.doc);
  }
  for (const optimizer of OPTIMIZERS) {
    for (const alias of optimizer.aliases) {
      properties[alias] = { ...documented(ref(`optimizer_${optimizer.keras}`), `Same as \`${optimizer.keras}\`.`), doNotSuggest: true };
    }
  }
  const names = vocabularyEnum('optimizer', OPTIMIZERS, 'Optimizer name.');
  return {
    ...documented(
      { title: 'optimizer', default: 'rmsprop' },
      'The optimizer: a name (`adam`) or a name with options (`{ sgd: { learning_rate: 0.01, momentum: 0.9 } }`). Default: `rmsprop`, as in Keras.',
    ),
    anyOf: [
      { type: 'string', ...(names.anyOf ? { anyOf: names.anyOf } : { enum: names.enum }) },
      { type: 'object', minProperties: 1, maxProperties: 1, properties, additionalProperties: false },
    ],
  };
}

/** A loss: a name (`mse`), or a name with options (`{ sparse_categorical_crossentropy: { from_logits: true } }`). */
function lossSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const hidden: Record<string, JsonSchema> = {};
  for (const loss of LOSSES_WITH_OPTIONS) {
    const entry = lookupName(LOSSES, loss.keras);
    const options: JsonSchema = {
      title: loss.keras,
      description: `Options of the ${loss.keras} loss.`,
      type: 'object',
      properties: optionProperties(loss.options),
      additionalProperties: false,
    };
    properties[loss.keras] = documented(options, entry?.doc ?? '');
    if (entry) hidden[entry.tfjs] = { ...documented(options, `Same as \`${loss.keras}\`.`), doNotSuggest: true };
  }
  const names = vocabularyEnum('loss', LOSSES, 'Loss name.');
  return {
    ...documented(
      { title: 'loss' },
      'The loss function to minimize, as in `model.compile(loss=...)`: a name (`sparse_categorical_crossentropy`), or a name with options (`{ sparse_categorical_crossentropy: { from_logits: true } }` when the last layer outputs logits).',
    ),
    anyOf: [
      { type: 'string', ...(names.anyOf ? { anyOf: names.anyOf } : { enum: names.enum }) },
      { type: 'object', minProperties: 1, maxProperties: 1, properties: { ...properties, ...hidden }, additionalProperties: false },
    ],
  };
}

function optimizerOptionsSchema(name: string, options: readonly OptionDef[]): JsonSchema {
  return {
    title: name,
    description: `Options of the ${name} optimizer; omitted ones keep the Keras defaults.`,
    type: 'object',
    properties: optionProperties(options),
    additionalProperties: false,
  };
}

function regularizerSchema(): JsonSchema {
  const factor = (doc: string): JsonSchema => documented({ type: 'number', minimum: 0 }, doc);
  const l1l2: JsonSchema = {
    title: 'l1_l2',
    type: 'object',
    properties: { l1: factor('L1 factor (default 0.01).'), l2: factor('L2 factor (default 0.01).') },
    additionalProperties: false,
  };
  return {
    ...documented(
      { title: 'regularizer' },
      'A weight penalty: `l1`, `l2` or `l1_l2` (factor 0.01), or with a factor: `{ l2: 0.001 }`, `{ l1_l2: { l1: 0.01, l2: 0.01 } }`.',
    ),
    anyOf: [
      { type: 'string', enum: acceptedSpellings(REGULARIZERS) },
      {
        type: 'object',
        minProperties: 1,
        maxProperties: 1,
        properties: {
          l1: factor('L1 factor: `l1 * sum(abs(w))`.'),
          l2: factor('L2 factor: `l2 * sum(w ** 2)`.'),
          l1_l2: documented(l1l2, 'Both factors.'),
          l1l2: { ...documented(l1l2, 'Same as `l1_l2`.'), doNotSuggest: true },
        },
        additionalProperties: false,
      },
    ],
  };
}

/** Properties with hidden camelCase twins, for the sections whose keys are snake_case. */
function sectionProperties(entries: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const properties: Record<string, JsonSchema> = { ...entries };
  for (const [key, schema] of Object.entries(entries)) {
    const camel = tfjsKey(key);
    if (camel !== key) {
      properties[camel] = { ...schema, doNotSuggest: true, description: `Same as ${key}.`, markdownDescription: `Same as \`${key}\`.` };
    }
  }
  return properties;
}

function dataSchema(): JsonSchema {
  const column: JsonSchema = { type: ['string', 'integer'], minLength: 1 };
  return {
    ...documented({ title: 'data' }, 'Where the samples come from: exactly one of `inline`, `dataset` or `csv`, plus optional preprocessing.'),
    type: 'object',
    properties: sectionProperties({
      inline: documented(ref('inline'), 'Samples written in the file: `{ x: [...], y: [...] }`.'),
      dataset: documented(ref('dataset'), 'A built-in dataset, available offline.'),
      csv: documented({ type: 'string', minLength: 1 }, 'Path of a CSV file with a header row, relative to this file.'),
      label: documented(column, 'CSV only: name or 0-based index of the label column; a negative index counts from the end (`-1`, the default, is the last column).'),
      features: documented(
        {
          anyOf: [
            { type: 'string', minLength: 1 },
            { type: 'array', minItems: 1, uniqueItems: true, items: column },
          ],
        },
        'CSV only: the feature columns (default: every column but the label). A list of names, 0-based indices (negative ones count from the end) and index ranges, or one range. A range is a Python slice `start:end` as in `dataset[:, 0:8]`, the end excluded, either end may be left open: `"0:8"` is columns 0 to 7, `":-1"` all but the last, `"2:"` column 2 on. `["0:4", 6, age]` mixes them.',
      ),
      test_split: documented(
        { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
        'Fraction of the samples held out as the test set, like scikit-learn\'s `train_test_split(test_size=...)`. Not for built-in datasets, which keep their own split.',
      ),
      scale: documented({ type: 'number', exclusiveMinimum: 0 }, 'Divide every feature by this number, like `X / 255.0` for images.'),
      normalize: documented(ref('normalize'), 'Per-feature normalization fitted on the training split.'),
      one_hot: documented({ type: 'boolean' }, 'One-hot encode the labels, like `to_categorical(y)` (default: chosen from the loss).'),
      limit: documented(POSITIVE_INTEGER, 'Use only the first N samples of each split (for quick experiments).'),
      reshape: documented(
        { type: 'array', minItems: 1, items: POSITIVE_INTEGER },
        'Reshape every sample to this shape, like `x_train.reshape(-1, 28, 28, 1)` (the batch dimension left out): `[28, 28, 1]` gives MNIST the channel axis `Conv2D` needs. It must hold as many values as a sample has.',
      ),
    }),
    additionalProperties: false,
    oneOf: [{ required: ['inline'] }, { required: ['dataset'] }, { required: ['csv'] }],
    dependencies: { label: ['csv'], features: ['csv'] },
  };
}

function inlineSchema(): JsonSchema {
  return {
    title: 'inline',
    description: 'Samples written in the file.',
    type: 'object',
    properties: {
      x: documented({ type: 'array', minItems: 1, items: ref('nestedNumbers') }, 'The inputs, one sample per item: `[[0, 0], [0, 1], ...]`.'),
      y: documented({ type: 'array', minItems: 1, items: ref('target') }, 'The labels or targets, one per sample: numbers, lists of numbers, or class names.'),
    },
    additionalProperties: false,
    required: ['x'],
  };
}

function compileSchema(): JsonSchema {
  return {
    ...documented({ title: 'compile' }, 'Arguments of Keras `model.compile(...)`.'),
    type: 'object',
    properties: {
      optimizer: ref('optimizer'),
      loss: ref('loss'),
      metrics: documented({ type: 'array', items: ref('metric') }, 'Metrics reported during training, e.g. `[accuracy]`.'),
    },
    additionalProperties: false,
    required: ['loss'],
  };
}

function fitSchema(): JsonSchema {
  return {
    ...documented({ title: 'fit' }, 'Arguments of Keras `model.fit(...)`.'),
    type: 'object',
    properties: sectionProperties({
      epochs: documented({ ...POSITIVE_INTEGER, default: 1 }, 'Number of passes over the training data (default 1).'),
      batch_size: documented({ ...POSITIVE_INTEGER, default: 32 }, 'Number of samples per gradient update (default 32).'),
      validation_split: documented(
        { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
        'Fraction of the training data held out to report `val_` metrics after each epoch.',
      ),
      shuffle: documented({ type: 'boolean', default: true }, 'Shuffle the training data before each epoch (default true).'),
      early_stopping: ref('earlyStopping'),
    }),
    additionalProperties: false,
  };
}

function earlyStoppingSchema(): JsonSchema {
  return {
    ...documented(
      { title: 'early_stopping' },
      'Stop when the monitored value stops improving, like Keras `EarlyStopping`: `true`, or `{ monitor: val_loss, patience: 3 }`.',
    ),
    anyOf: [
      { type: 'boolean' },
      {
        type: 'object',
        title: 'early_stopping',
        properties: sectionProperties({
          monitor: documented(
            { type: 'string', minLength: 1 },
            'The value to watch: `loss`, a metric, or their `val_` versions when `validation_split` is set (default: `val_loss` with a validation split, else `loss`).',
          ),
          patience: documented({ type: 'integer', minimum: 0, default: 0 }, 'Epochs without improvement before stopping (default 0).'),
          min_delta: documented({ type: 'number', minimum: 0, default: 0 }, 'Smallest change that counts as an improvement (default 0).'),
          restore_best_weights: documented(
            { type: 'boolean', default: false },
            'Keep the weights of the best epoch (the best monitored value) instead of the last one, like Keras `restore_best_weights=True`: the saved model, the evaluation and the predictions use them, and the run says which epoch they are from. As in Keras 3 this applies whenever training ends, also when early stopping did not stop it (default false).',
          ),
        }),
        additionalProperties: false,
      },
    ],
  };
}

function predictSchema(): JsonSchema {
  return {
    ...documented({ title: 'predict' }, 'Predictions shown after training: your own `inputs`, or the first N test `samples`.'),
    type: 'object',
    properties: {
      inputs: documented({ type: 'array', minItems: 1, items: ref('nestedNumbers') }, 'Inputs to predict, one sample per item.'),
      samples: documented(POSITIVE_INTEGER, 'Predict the first N samples of the test split, next to their true labels.'),
    },
    additionalProperties: false,
    oneOf: [{ required: ['inputs'] }, { required: ['samples'] }],
  };
}

function definitions(): Record<string, JsonSchema> {
  const defs: Record<string, JsonSchema> = {
    activation: vocabularyEnum('activation', ACTIVATIONS, 'An activation function.'),
    initializer: vocabularyEnum('initializer', INITIALIZERS, 'A weight initializer.'),
    loss: lossSchema(),
    metric: vocabularyEnum('metric', METRICS, 'A metric to report.'),
    padding: vocabularyEnum('padding', PADDINGS, 'Padding mode.'),
    dataFormat: vocabularyEnum('dataFormat', DATA_FORMATS, 'Order of the image dimensions.'),
    normalize: vocabularyEnum('normalize', NORMALIZATIONS, 'Per-feature normalization.'),
    dataset: vocabularyEnum('dataset', DATASETS, 'A built-in dataset.'),
    regularizer: regularizerSchema(),
    optimizer: optimizerSchema(),
    layer: layerItemSchema(),
    shape: {
      title: 'shape',
      description: 'A sample shape without the batch dimension, e.g. [28, 28]; null for a variable size.',
      type: 'array',
      minItems: 1,
      items: { type: ['integer', 'null'], minimum: 1 },
    },
    intOrPair: {
      title: 'intOrPair',
      description: 'A positive integer for both dimensions, or [rows, cols].',
      type: ['integer', 'array'],
      minimum: 1,
      minItems: 2,
      maxItems: 2,
      items: POSITIVE_INTEGER,
    },
    targetShape: {
      title: 'targetShape',
      description: 'A shape without the batch dimension; one entry may be -1, inferred from the others.',
      type: 'array',
      minItems: 1,
      items: { type: 'integer', minimum: -1 },
    },
    noiseShape: {
      title: 'noiseShape',
      description: 'Shape of the dropout mask, null for a dimension taken from the input.',
      type: 'array',
      minItems: 1,
      items: { type: ['integer', 'null'], minimum: 1 },
    },
    nestedNumbers: {
      title: 'nestedNumbers',
      description: 'A number or a (nested) list of numbers.',
      type: ['number', 'array'],
      items: ref('nestedNumbers'),
    },
    target: {
      title: 'target',
      description: 'A label: a number, a list of numbers, or a class name.',
      type: ['number', 'string', 'array'],
      items: ref('nestedNumbers'),
    },
    data: dataSchema(),
    inline: inlineSchema(),
    compile: compileSchema(),
    fit: fitSchema(),
    earlyStopping: earlyStoppingSchema(),
    predict: predictSchema(),
  };
  for (const type of LAYER_TYPES) {
    defs[type] = layerConfigSchema(type);
  }
  for (const optimizer of OPTIMIZERS) {
    defs[`optimizer_${optimizer.keras}`] = optimizerOptionsSchema(optimizer.keras, optimizer.options);
  }
  return defs;
}

/** Builds the draft-07 JSON Schema of model files from the vocabulary. */
export function buildModelSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'model file',
    description: 'A Keras-style neural network: data, layers, compile and fit arguments.',
    type: 'object',
    properties: {
      name: documented({ type: 'string', minLength: 1 }, 'Name of the model (default: the file name without `.nn.yaml`).'),
      seed: documented({ type: 'integer', minimum: 0 }, 'Random seed for weights, shuffling and splits, for reproducible runs.'),
      data: ref('data'),
      model: documented(
        { type: 'array', minItems: 1, items: ref('layer') },
        'The layers of a Keras `Sequential` model, in order: `- Dense: { units: 16, activation: relu, input_shape: [2] }`.',
      ),
      compile: ref('compile'),
      fit: ref('fit'),
      predict: ref('predict'),
    },
    additionalProperties: false,
    required: ['data', 'model', 'compile'],
    definitions: definitions(),
  };
}
