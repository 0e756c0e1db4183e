/**
 * Import of Keras and TensorFlow.js model JSONs: Keras 2 and 3 `model.to_json()`, the converter's and
 * TensorFlow.js' model.json (fixtures in test/fixtures/keras/json follow the real structures), and
 * the model.json a real training run saves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { importKerasModelJson } from '../../src/core/keras/importKerasModelJson';
import { parseModelText } from '../../src/core/modelFile';
import { checkModelFile } from '../../src/core/session/checkModelFile';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { examplesDir, repoRoot, tempDir } from '../helpers/tempDir';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'keras', 'json');

function imported(name: string): { body: string; header: string[]; warnings: string[] } {
  const file = path.join(fixtures, name);
  const result = importKerasModelJson(fs.readFileSync(file, 'utf8'), file);
  assert.equal(result.error, undefined, result.error?.message);
  assert.ok(result.text);
  const parsed = parseModelText(result.text, name.replace(/\.json$/, '.nn.yaml'));
  assert.deepEqual(parsed.diagnostics, [], `the imported file is valid:\n${result.text}`);
  const lines = result.text.split('\n');
  const header = lines.filter((l) => l.startsWith('#')).map((l) => l.replace(/^# ?/, ''));
  return { body: lines.filter((l) => !l.startsWith('#')).join('\n').trim(), header, warnings: result.warnings.map((w) => `${w.line}:${w.column} ${w.message}`) };
}

const placeholder = 'data:\n  csv: your-data.csv # a model JSON holds no data: point this at your CSV';

test('Keras 2 to_json: the InputLayer becomes input_shape, every setting nobody chose is left out, compile is a guess it says is one', () => {
  const { body, header, warnings } = imported('keras2-mnist-mlp.json');
  assert.equal(
    body,
    `name: keras2-mnist-mlp
${placeholder}
model:
  - Flatten: { input_shape: [28, 28] }
  - Dense: { units: 128, activation: relu }
  - Dropout: { rate: 0.2 }
  - Dense: { units: 10, activation: softmax }
compile:
  optimizer: adam
  loss: sparse_categorical_crossentropy
  metrics: [accuracy]`,
  );
  assert.match(header[0], /^Imported from keras2-mnist-mlp\.json \(Keras 2\.15\.0 model\.to_json\(\)\) by nn-trainer\.$/);
  assert.match(header.join('\n'), /data\.csv is a placeholder; point it at your CSV/);
  assert.match(header.join('\n'), /compile is a guess from the last layer/);
  assert.deepEqual(warnings, []);
});

test('Keras 2 settings that differ from the defaults are kept: initializers, float32 regularizer factors, padding, strides, momentum', () => {
  const { body } = imported('keras2-cnn.json');
  assert.equal(
    body,
    `name: mnist_cnn
${placeholder}
model:
  - Conv2D: { filters: 32, kernel_size: [3, 3], activation: relu, kernel_initializer: he_normal, kernel_regularizer: { l2: 0.001 }, input_shape: [28, 28, 1] }
  - MaxPooling2D
  - Conv2D: { filters: 64, kernel_size: [3, 3], padding: same, activation: relu }
  - AveragePooling2D: { strides: [1, 1] }
  - BatchNormalization: { axis: 3, momentum: 0.9 }
  - Flatten
  - Dense: { units: 10, name: logits }
compile:
  optimizer: adam
  loss: { sparse_categorical_crossentropy: { from_logits: true } }
  metrics: [accuracy]`,
  );
});

test('Keras 3 to_json: batch_shape, module and registered_name, DTypePolicy, and compile from compile_config with a from_logits loss object', () => {
  const { body, header, warnings } = imported('keras3-iris.json');
  assert.equal(
    body,
    `name: iris_classifier
${placeholder}
model:
  - Dense: { units: 8, activation: relu, kernel_regularizer: { l2: 0.01 }, input_shape: [4], name: hidden }
  - Dense: { units: 3 }
compile:
  optimizer: { adam: { learning_rate: 0.01 } }
  loss: { sparse_categorical_crossentropy: { from_logits: true } }
  metrics: [accuracy]`,
  );
  assert.match(header[0], /\(Keras 3 model\.to_json\(\)\)/);
  assert.match(header.join('\n'), /compile comes from its training settings/);
  assert.deepEqual(warnings, []);
});

test("the converter's model.json: model_config and training_config in modelTopology, Custom>RMSprop, MeanMetricWrapper metrics", () => {
  const { body, warnings } = imported('tfjs-converted-lstm.json');
  assert.equal(
    body,
    `name: tfjs-converted-lstm
${placeholder}
model:
  - Embedding: { input_dim: 10000, output_dim: 16, input_length: 100 }
  - LSTM: { units: 32, recurrent_activation: sigmoid }
  - Dense: { units: 1, activation: sigmoid }
compile:
  optimizer: rmsprop
  loss: binary_crossentropy
  metrics: [accuracy]`,
  );
  // Keras' sigmoid is kept: the trainer's TensorFlow.js would otherwise use its own hard_sigmoid.
  assert.deepEqual(warnings, ['1:2884 rmsprop ema_overwrite_frequency: 100 is not in the format: left out']);
});

test("TensorFlow.js' own model.json: VarianceScaling read as the initializer it is, L1L2 with one factor, camelCase trainingConfig", () => {
  const { body } = imported('tfjs-regression.json');
  assert.equal(
    body,
    `name: tfjs-regression
${placeholder}
model:
  - Dense: { units: 8, activation: tanh, kernel_regularizer: { l2: 0.001 }, input_shape: [3] }
  - Dense: { units: 1, kernel_initializer: he_uniform }
compile:
  optimizer: { sgd: { learning_rate: 0.05 } }
  loss: mean_squared_error
  metrics: [mae]`,
  );
});

test('a layer the format lacks stops the import with an error at its class_name', () => {
  const file = path.join(fixtures, 'keras2-leaky-relu.json');
  const result = importKerasModelJson(fs.readFileSync(file, 'utf8'), file);
  assert.equal(result.text, undefined);
  assert.equal(`${result.error?.line}:${result.error?.column}`, '46:9');
  assert.match(result.error?.message ?? '', /^LeakyReLU is not a layer of the format: the layers it has are Dense, Flatten/);
});

test('a functional model is an error saying only Sequential models are read', () => {
  const file = path.join(fixtures, 'keras2-functional.json');
  const result = importKerasModelJson(fs.readFileSync(file, 'utf8'), file);
  assert.equal(result.text, undefined);
  assert.deepEqual([result.error?.line, result.error?.column], [2, 3]);
  assert.match(result.error?.message ?? '', /a Functional model: the importer reads Sequential models only/);
});

test('settings the format lacks are located warnings, written at the top of the file; harmless ones say nothing', () => {
  const json = `{
  "class_name": "Sequential",
  "config": {
    "name": "sequential",
    "layers": [
      {"class_name": "LSTM", "config": {"units": 4, "stateful": true, "return_state": false, "batch_input_shape": [null, 5, 2]}},
      {"class_name": "Dense", "config": {"units": 1, "kernel_constraint": {"class_name": "MaxNorm", "config": {"max_value": 2}}, "activation": "leaky_relu"}}
    ]
  },
  "keras_version": "2.15.0"
}`;
  const result = importKerasModelJson(json, 'rnn.json');
  assert.deepEqual(
    result.warnings.map((w) => `${w.line}:${w.column} ${w.message}`),
    [
      '6:53 LSTM stateful: true is not in the format: left out',
      '7:54 Dense kernel_constraint: {"class_name":"MaxNorm","config":{"max_value":2}} is not in the format: left out',
      '7:130 Dense activation "leaky_relu" is not an activation of the format: left out (linear)',
    ],
  );
  assert.match(result.text ?? '', /^# {3}rnn\.json:6:53 {2}LSTM stateful: true is not in the format: left out$/m);
  assert.match(result.text ?? '', /- LSTM: \{ units: 4, input_shape: \[5, 2\] \}/);
});

test('a file that is not JSON, or JSON that is no model, is one located error', () => {
  const broken = importKerasModelJson('{\n  "class_name": "Sequential",\n  "config": {,\n}', 'broken.json');
  assert.deepEqual([broken.error?.line, broken.error?.column], [3, 14]);
  assert.match(broken.error?.message ?? '', /^not a readable JSON file: value expected/);
  const other = importKerasModelJson('{"weightsManifest": []}', 'weights.json');
  assert.match(other.error?.message ?? '', /^not a Keras model JSON/);
  const empty = importKerasModelJson('{"class_name": "Sequential", "config": {"layers": []}}', 'empty.json');
  assert.match(empty.error?.message ?? '', /the model has no layers/);
});

test('Keras 2.0-2.2: the config is the layer list itself', () => {
  const json = JSON.stringify({ class_name: 'Sequential', config: [{ class_name: 'Dense', config: { units: 2, activation: 'softmax', batch_input_shape: [null, 3], kernel_initializer: { class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null } } } }], keras_version: '2.1.6', backend: 'tensorflow' });
  const text = importKerasModelJson(json, 'old.json').text ?? '';
  assert.match(text, /^ {2}- Dense: \{ units: 2, activation: softmax, input_shape: \[3\] \}$/m);
});

test("the placeholder CSV is what validation points at: 'point this at your CSV', at the data.csv line", async () => {
  const dir = tempDir();
  const file = path.join(dir, 'mlp.nn.yaml');
  fs.writeFileSync(file, importKerasModelJson(fs.readFileSync(path.join(fixtures, 'keras2-mnist-mlp.json'), 'utf8'), 'keras2-mnist-mlp.json').text ?? '');
  const diagnostics = await checkModelFile(file);
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0].message, /point this at your CSV/);
  assert.equal(diagnostics[0].range.start.line, fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('csv: your-data.csv')) + 1);
});

for (const example of ['xor.nn.yaml', 'iris.nn.yaml']) {
  test(`the model.json of a real ${example} run imports as the model it trained; with its data back, it checks clean`, async () => {
    const runsRoot = tempDir();
    const modelFile = path.join(examplesDir, example);
    const { runDir } = await trainModelFile(modelFile, { runsRoot, epochs: 2 });
    const jsonPath = path.join(runDir, 'model.json');
    const result = importKerasModelJson(fs.readFileSync(jsonPath, 'utf8'), jsonPath);
    assert.equal(result.error, undefined, result.error?.message);
    assert.deepEqual(result.warnings, []);
    const original = parseModelText(fs.readFileSync(modelFile, 'utf8'), modelFile).spec;
    const back = parseModelText(result.text ?? '', 'back.nn.yaml').spec;
    assert.ok(original && back, result.text);
    assert.equal(back.name, original.name);
    // The run's model knows its input shape, which the model file may have left to the data.
    const withoutShape = (layers: typeof back.model) => layers.map((l) => ({ type: l.type, config: Object.fromEntries(Object.entries(l.config).filter(([k]) => k !== 'inputShape')) }));
    assert.deepEqual(withoutShape(back.model), withoutShape(original.model));
    assert.equal(back.compile.loss, original.compile.loss);

    const dir = tempDir();
    const restored = path.join(dir, example);
    const data = fs.readFileSync(modelFile, 'utf8').match(/^data:\n(?: {2}.*\n)+/m)?.[0] ?? '';
    fs.writeFileSync(restored, (result.text ?? '').replace(/^data:\n {2}csv: your-data\.csv.*\n/m, data));
    assert.deepEqual(await checkModelFile(restored), []);
  });
}

test("Keras 3's newer settings that change nothing (quantization_config, use_cudnn, null strides) are passed over; a GRU's reset_after is a warning", () => {
  const layer = (class_name: string, config: Record<string, unknown>) => ({ module: 'keras.layers', class_name, config, registered_name: null });
  const json = JSON.stringify({
    module: 'keras',
    class_name: 'Sequential',
    config: {
      name: 'sequential',
      layers: [
        layer('InputLayer', { batch_shape: [null, 28, 28, 1], dtype: 'float32', sparse: false, name: 'input_layer', optional: false }),
        layer('MaxPooling2D', { name: 'max_pooling2d', trainable: true, pool_size: [2, 2], padding: 'valid', strides: null, data_format: 'channels_last' }),
        layer('Reshape', { name: 'reshape', target_shape: [196, 4] }),
        layer('GRU', { name: 'gru', units: 4, use_cudnn: 'auto', seed: null, reset_after: true, recurrent_activation: 'sigmoid' }),
        layer('Dense', { name: 'dense', units: 2, activation: 'softmax', quantization_config: null, lora_rank: null }),
      ],
    },
    registered_name: null,
  });
  const result = importKerasModelJson(json, 'k3.json');
  assert.deepEqual(result.warnings.map((w) => w.message), ['GRU reset_after: true (Keras 2 and 3 default) is not supported by TensorFlow.js, which trains this GRU with reset_after: false (the reset gate before the matrix product)']);
  assert.match(result.text ?? '', /^model:\n {2}- MaxPooling2D: \{ input_shape: \[28, 28, 1\] \}\n {2}- Reshape: \{ target_shape: \[196, 4\] \}\n {2}- GRU: \{ units: 4, recurrent_activation: sigmoid \}\n {2}- Dense: \{ units: 2, activation: softmax \}$/m);
  assert.deepEqual(parseModelText(result.text ?? '', 'k3.nn.yaml').diagnostics, []);
});
