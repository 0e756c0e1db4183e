/** Valid model files: the normalized ModelSpec, spellings, defaults, the schema, and locating paths. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SpecError } from '../../src/core/diagnostics';
import { diagnosticFromSpecError, parseModelText, readModelFile } from '../../src/core/modelFile';
import { createAjv } from '../../src/core/modelFile/schemaValidator';
import { buildModelSchema, type JsonSchema } from '../../src/core/spec/modelSchema';
import type { ModelSpec } from '../../src/core/spec/modelSpec';
import { parse as parseYaml } from 'yaml';

const XOR_YAML = `name: xor
seed: 7
data:
  inline:
    x: [[0, 0], [0, 1], [1, 0], [1, 1]]
    y: [[0], [1], [1], [0]]
model:
  - Dense: { units: 16, activation: relu, input_shape: [2] }
  - Dense: { units: 1, activation: sigmoid }
compile:
  optimizer: { adam: { learning_rate: 0.05 } }
  loss: binary_crossentropy
  metrics: [accuracy]
fit:
  epochs: 300
  batch_size: 4
predict:
  inputs: [[0, 0], [0, 1], [1, 0], [1, 1]]
`;

const MNIST_YAML = `name: mnist-mlp
data:
  dataset: mnist        # 60,000 train / 10,000 test, real MNIST, offline
  scale: 255            # X / 255.0
model:
  - Flatten: { input_shape: [28, 28] }
  - Dense: { units: 128, activation: relu }
  - Dense: { units: 10, activation: softmax }
compile:
  optimizer: adam
  loss: sparse_categorical_crossentropy
  metrics: [accuracy]
fit:
  epochs: 5
  batch_size: 32
  validation_split: 0.1
predict:
  samples: 12           # the first 12 test samples, with their true labels
`;

const XOR_SPEC: ModelSpec = {
  name: 'xor',
  seed: 7,
  data: { source: { kind: 'inline', x: [[0, 0], [0, 1], [1, 0], [1, 1]], y: [[0], [1], [1], [0]] } },
  model: [
    { type: 'Dense', config: { units: 16, activation: 'relu', inputShape: [2] } },
    { type: 'Dense', config: { units: 1, activation: 'sigmoid' } },
  ],
  compile: {
    optimizer: { name: 'adam', options: { learningRate: 0.05 } },
    loss: 'binaryCrossentropy',
    metrics: [{ label: 'accuracy', tfjsName: 'binaryAccuracy' }],
  },
  fit: { epochs: 300, batchSize: 4, shuffle: true },
  predict: { kind: 'inputs', inputs: [[0, 0], [0, 1], [1, 0], [1, 1]] },
};

const MNIST_SPEC: ModelSpec = {
  name: 'mnist-mlp',
  data: { source: { kind: 'dataset', name: 'mnist' }, scale: 255 },
  model: [
    { type: 'Flatten', config: { inputShape: [28, 28] } },
    { type: 'Dense', config: { units: 128, activation: 'relu' } },
    { type: 'Dense', config: { units: 10, activation: 'softmax' } },
  ],
  compile: {
    optimizer: { name: 'adam', options: {} },
    loss: 'sparseCategoricalCrossentropy',
    metrics: [{ label: 'accuracy', tfjsName: 'sparseCategoricalAccuracy' }],
  },
  fit: { epochs: 5, batchSize: 32, validationSplit: 0.1, shuffle: true },
  predict: { kind: 'samples', samples: 12 },
};

/** Parses text that must be valid and returns its spec. */
function specOf(text: string, file = 'model.nn.yaml'): ModelSpec {
  const parsed = parseModelText(text, file);
  assert.deepEqual(parsed.diagnostics, []);
  assert.ok(parsed.spec);
  return parsed.spec;
}

/** A minimal valid file with the given sections replaced. */
function withSections(sections: Record<string, string>): string {
  const base: Record<string, string> = {
    data: 'data: { dataset: iris }',
    model: 'model:\n  - Dense: { units: 3, activation: softmax }',
    compile: 'compile: { loss: sparse_categorical_crossentropy }',
    ...sections,
  };
  return Object.values(base).join('\n') + '\n';
}

test('the xor example validates verbatim and normalizes to tfjs names', () => {
  assert.deepEqual(specOf(XOR_YAML, 'examples/xor.nn.yaml'), XOR_SPEC);
});

test('the mnist example validates verbatim and normalizes to tfjs names', () => {
  assert.deepEqual(specOf(MNIST_YAML, 'examples/mnist.nn.yaml'), MNIST_SPEC);
});

test('the JSON form of xor gives the same spec', () => {
  const json = JSON.stringify(parseYaml(XOR_YAML), null, 2);
  assert.deepEqual(specOf(json, 'xor.nn.json'), XOR_SPEC);
});

test('tfjs camelCase spellings are accepted and give the same spec', () => {
  const camel = XOR_YAML.replace('input_shape', 'inputShape')
    .replace('learning_rate', 'learningRate')
    .replace('binary_crossentropy', 'binaryCrossentropy')
    .replace('batch_size', 'batchSize');
  assert.notEqual(camel, XOR_YAML);
  assert.deepEqual(specOf(camel), XOR_SPEC);
});

test('the name defaults to the file name without .nn.yaml / .nn.json', () => {
  const text = withSections({});
  assert.equal(specOf(text, 'models/iris-small.nn.yaml').name, 'iris-small');
  assert.equal(specOf(JSON.stringify(parseYaml(text)), 'C:\\work\\flowers.nn.json').name, 'flowers');
});

test('fit and compile defaults follow Keras', () => {
  const spec = specOf(withSections({}));
  assert.deepEqual(spec.fit, { epochs: 1, batchSize: 32, shuffle: true });
  assert.deepEqual(spec.compile.optimizer, { name: 'rmsprop', options: {} });
  assert.deepEqual(spec.compile.metrics, []);
  assert.equal(spec.predict, undefined);
  assert.equal(spec.seed, undefined);
});

test('layer options become tfjs config: initializers, regularizers, input_dim, data_format', () => {
  const spec = specOf(
    withSections({
      model: `model:
  - Dense:
      units: 8
      input_dim: 4
      use_bias: false
      kernel_initializer: he_normal
      bias_initializer: constant
      kernel_regularizer: l2
      bias_regularizer: { l1: 0.001 }
      activity_regularizer: { l1_l2: { l1: 0.1 } }
  - Conv2D: { filters: 4, kernel_size: 3, padding: same, data_format: channels_last, activation: hard_sigmoid }
  - MaxPool2D
  - Dropout: { rate: 0.25 }
  - LSTM: { units: 4, recurrent_activation: sigmoid, return_sequences: true, kernelInitializer: glorotUniform }
  - Embedding: { input_dim: 100, output_dim: 8, input_length: 10 }
  - Flatten:
  - Dense: { units: 3, activation: silu }`,
    }),
  );
  assert.deepEqual(spec.model, [
    {
      type: 'Dense',
      config: {
        units: 8,
        inputShape: [4],
        useBias: false,
        kernelInitializer: 'heNormal',
        biasInitializer: 'zeros',
        kernelRegularizer: { l2: 0.01 },
        biasRegularizer: { l1: 0.001 },
        activityRegularizer: { l1: 0.1, l2: 0.01 },
      },
    },
    { type: 'Conv2D', config: { filters: 4, kernelSize: 3, padding: 'same', dataFormat: 'channelsLast', activation: 'hardSigmoid' } },
    { type: 'MaxPooling2D', config: {} },
    { type: 'Dropout', config: { rate: 0.25 } },
    { type: 'LSTM', config: { units: 4, recurrentActivation: 'sigmoid', returnSequences: true, kernelInitializer: 'glorotUniform' } },
    { type: 'Embedding', config: { inputDim: 100, outputDim: 8, inputLength: 10 } },
    { type: 'Flatten', config: {} },
    { type: 'Dense', config: { units: 3, activation: 'swish' } },
  ]);
});

test('optimizers keep only the options written, in tfjs camelCase', () => {
  const optimizerOf = (optimizer: string) =>
    specOf(withSections({ compile: `compile:\n  optimizer: ${optimizer}\n  loss: sparse_categorical_crossentropy` })).compile.optimizer;
  assert.deepEqual(optimizerOf('{ sgd: { learning_rate: 0.01, momentum: 0.9, nesterov: true } }'), {
    name: 'sgd',
    options: { learningRate: 0.01, momentum: 0.9, nesterov: true },
  });
  assert.deepEqual(optimizerOf('{ adamax: { beta_1: 0.8, beta_2: 0.99, epsilon: 1e-7 } }'), {
    name: 'adamax',
    options: { beta1: 0.8, beta2: 0.99, epsilon: 1e-7 },
  });
  assert.deepEqual(optimizerOf('{ rmsprop: { rho: 0.8, centered: true } }'), { name: 'rmsprop', options: { rho: 0.8, centered: true } });
  assert.deepEqual(optimizerOf('{ adagrad: { initial_accumulator_value: 0.2 } }'), { name: 'adagrad', options: { initialAccumulatorValue: 0.2 } });
  assert.deepEqual(optimizerOf('{ Adam: { lr: 0.002 } }'), { name: 'adam', options: { learningRate: 0.002 } });
  assert.deepEqual(optimizerOf('SGD'), { name: 'sgd', options: {} });
});

test('accuracy is resolved from the loss, else from the output units, as Keras does', () => {
  const accuracyWith = (loss: string, units: number) =>
    specOf(
      withSections({
        model: `model:\n  - Dense: { units: ${units} }\n  - Activation: { activation: sigmoid }`,
        compile: `compile: { loss: ${loss}, metrics: [acc, mse, precision] }`,
      }),
    ).compile.metrics;
  assert.deepEqual(accuracyWith('binary_crossentropy', 1)[0], { label: 'acc', tfjsName: 'binaryAccuracy' });
  assert.deepEqual(accuracyWith('categorical_crossentropy', 3)[0], { label: 'acc', tfjsName: 'categoricalAccuracy' });
  assert.deepEqual(accuracyWith('sparse_categorical_crossentropy', 3)[0], { label: 'acc', tfjsName: 'sparseCategoricalAccuracy' });
  assert.deepEqual(accuracyWith('mse', 1), [
    { label: 'acc', tfjsName: 'binaryAccuracy' },
    { label: 'mse', tfjsName: 'meanSquaredError' },
    { label: 'precision', tfjsName: 'precision' },
  ]);
  assert.deepEqual(accuracyWith('hinge', 4)[0], { label: 'acc', tfjsName: 'categoricalAccuracy' });
});

test('loss aliases map to tfjs loss ids', () => {
  const lossOf = (loss: string) => specOf(withSections({ compile: `compile: { loss: ${loss} }` })).compile.loss;
  assert.equal(lossOf('mse'), 'meanSquaredError');
  assert.equal(lossOf('mae'), 'meanAbsoluteError');
  assert.equal(lossOf('kld'), 'kullbackLeiblerDivergence');
  assert.equal(lossOf('categorical_hinge'), 'categoricalHinge');
  assert.equal(lossOf('meanSquaredLogarithmicError'), 'meanSquaredLogarithmicError');
});

test('data options: csv with label and features, preprocessing, test_split', () => {
  const spec = specOf(
    withSections({
      data: 'data:\n  csv: data/houses.csv\n  label: price\n  features: [rooms, 2]\n  test_split: 0.2\n  normalize: standard\n  one_hot: false\n  limit: 100',
    }),
  );
  assert.deepEqual(spec.data, {
    source: { kind: 'csv', path: 'data/houses.csv', label: 'price', features: ['rooms', 2] },
    testSplit: 0.2,
    normalize: 'standard',
    oneHot: false,
    limit: 100,
  });
});

test('inline y may hold class names; y may be left out (the trainer decides)', () => {
  const named = specOf(withSections({ data: 'data:\n  inline: { x: [[1], [2]], y: [cat, dog] }' }));
  assert.deepEqual(named.data.source, { kind: 'inline', x: [[1], [2]], y: ['cat', 'dog'] });
  const unlabeled = specOf(withSections({ data: 'data:\n  inline: { x: [1, 2, 3] }' }));
  assert.deepEqual(unlabeled.data.source, { kind: 'inline', x: [1, 2, 3] });
});

test('early stopping: defaults for the monitor from validation_split, metric monitors', () => {
  const fitOf = (fit: string) => specOf(withSections({ compile: 'compile: { loss: sparse_categorical_crossentropy, metrics: [accuracy] }', fit })).fit;
  assert.deepEqual(fitOf('fit: { early_stopping: true }').earlyStopping, { monitor: 'loss', patience: 0, minDelta: 0 });
  assert.deepEqual(fitOf('fit: { validation_split: 0.2, early_stopping: true }').earlyStopping, { monitor: 'val_loss', patience: 0, minDelta: 0 });
  assert.deepEqual(fitOf('fit: { validation_split: 0.2, early_stopping: { monitor: val_accuracy, patience: 3, min_delta: 0.01 } }').earlyStopping, {
    monitor: 'val_accuracy',
    patience: 3,
    minDelta: 0.01,
  });
  assert.equal(fitOf('fit: { early_stopping: false, shuffle: false }').earlyStopping, undefined);
});

test('the schema compiles in ajv (strict) and accepts both examples', () => {
  const validate = createAjv().compile(buildModelSchema());
  assert.equal(validate(parseYaml(XOR_YAML)), true);
  assert.equal(validate(parseYaml(MNIST_YAML)), true);
  assert.equal(validate({ model: [] }), false);
});

test('the schema documents every property and hides camelCase spellings from completion', () => {
  const schema = buildModelSchema();
  const definitions = schema.definitions ?? {};
  const documentedRef = (s: JsonSchema) => s.$ref !== undefined && definitions[s.$ref.replace('#/definitions/', '')]?.description !== undefined;
  const undocumented: string[] = [];
  const visit = (node: JsonSchema, where: string): void => {
    for (const [key, property] of Object.entries(node.properties ?? {})) {
      if (property.description === undefined && !documentedRef(property)) undocumented.push(`${where}.${key}`);
      if (/[a-z][A-Z]/.test(key) && !/^[A-Z]/.test(key) && property.doNotSuggest !== true) undocumented.push(`${where}.${key} (camelCase, suggested)`);
      visit(property, `${where}.${key}`);
    }
    for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) visit(branch, where);
  };
  visit(schema, '');
  for (const [name, definition] of Object.entries(definitions)) {
    if (definition.description === undefined) undocumented.push(`definitions.${name}`);
    visit(definition, name);
  }
  assert.deepEqual(undocumented, []);
  assert.equal(definitions.Dense.properties?.use_bias.doNotSuggest, undefined);
  assert.equal(definitions.Dense.properties?.useBias.doNotSuggest, true);
});

test('the schema uses anyOf/oneOf only in the forms the error translator understands', () => {
  const odd: string[] = [];
  const visit = (node: unknown, where: string): void => {
    if (typeof node !== 'object' || node === null) return;
    const schema = node as JsonSchema;
    for (const branches of [schema.anyOf, schema.oneOf]) {
      if (!branches) continue;
      const required = branches.every((b) => b.required?.length === 1 && Object.keys(b).length === 1);
      const enums = branches.every((b) => b.enum !== undefined);
      const types = branches.every((b) => b.type !== undefined && b.$ref === undefined);
      if (!required && !enums && !types) odd.push(where);
    }
    for (const [key, child] of Object.entries(schema)) visit(child, `${where}/${key}`);
  };
  visit(buildModelSchema(), '#');
  assert.deepEqual(odd, []);
});

test('rangeOf finds keys and values, tolerating normalized paths and falling back to ancestors', () => {
  const parsed = parseModelText(XOR_YAML, 'xor.nn.yaml');
  assert.deepEqual(parsed.rangeOf(['fit', 'epochs']), { start: { line: 15, column: 11 }, end: { line: 15, column: 14 } });
  assert.deepEqual(parsed.rangeOf(['model', 0, 'Dense', 'input_shape']), { start: { line: 8, column: 56 }, end: { line: 8, column: 59 } });
  // Later stages may skip the layer class and use tfjs spellings.
  assert.deepEqual(parsed.rangeOf(['model', 0, 'inputShape']), parsed.rangeOf(['model', 0, 'Dense', 'input_shape']));
  assert.deepEqual(parsed.rangeOf(['data', 'inline', 'y', 3]).start, { line: 6, column: 24 });
  assert.deepEqual(parsed.rangeOf(['fit', 'no_such_key']), parsed.rangeOf(['fit']));
  assert.deepEqual(parsed.rangeOf(['fit']).start, { line: 15, column: 3 });
  assert.deepEqual(parseModelText('', 'empty.nn.yaml').rangeOf(['fit']), { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });
});

test('diagnosticFromSpecError locates errors found by later stages', () => {
  const parsed = parseModelText(XOR_YAML, 'xor.nn.yaml');
  const diagnostic = diagnosticFromSpecError(parsed, new SpecError(['model', 1, 'Dense', 'units'], 'the output has 1 unit but y has 2 columns', 'shape-mismatch'));
  assert.deepEqual(diagnostic, {
    file: 'xor.nn.yaml',
    range: { start: { line: 9, column: 21 }, end: { line: 9, column: 22 } },
    severity: 'error',
    message: 'the output has 1 unit but y has 2 columns',
    code: 'shape-mismatch',
  });
});

test('readModelFile reads and parses; an unreadable file is one diagnostic at 1:1', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'nn-model-'));
  const file = path.join(dir, 'xor.nn.yaml');
  await writeFile(file, XOR_YAML);
  const parsed = await readModelFile(file);
  assert.deepEqual(parsed.spec, XOR_SPEC);

  const missing = await readModelFile(path.join(dir, 'missing.nn.yaml'));
  assert.equal(missing.spec, undefined);
  assert.equal(missing.diagnostics.length, 1);
  assert.deepEqual(missing.diagnostics[0].range.start, { line: 1, column: 1 });
  assert.match(missing.diagnostics[0].message, /cannot read the model file: no such file/);
});
