/** Export: each model file becomes a valid, tutorial-shaped TensorFlow 2 Keras script. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { exportKerasScript, exportKerasScriptOfFile } from '../../src/core/keras/exportKerasScript';
import { examplesDir, tempDir } from '../helpers/tempDir';
import { hasPython, pythonSyntaxError } from '../helpers/pythonSyntax';

const examples = fs.readdirSync(examplesDir).filter((f) => f.endsWith('.nn.yaml'));
const syntaxCheck = hasPython ? {} : { skip: 'python3 is not installed: the Python syntax of the scripts is not checked' };

function exported(text: string, file = 'model.nn.yaml'): string {
  const result = exportKerasScript(text, file);
  assert.ok(result.text, result.diagnostics.map((d) => d.message).join('\n'));
  return result.text;
}

const base = (data: string, extra = '') => `name: t
data:
${data}
model:
  - Dense: { units: 3, activation: softmax }
compile:
  optimizer: adam
  loss: sparse_categorical_crossentropy
${extra}`;

for (const example of examples) {
  test(`${example} exports as a script Python parses`, syntaxCheck, async () => {
    const file = path.join(examplesDir, example);
    const result = await exportKerasScriptOfFile(file, path.join(examplesDir, example.replace('.nn.yaml', '.py')));
    assert.ok(result.text);
    assert.equal(pythonSyntaxError(result.text), undefined);
  });
}

test('the XOR example: arrays, the Sequential model, compile with an optimizer object, fit, evaluate, predict', async () => {
  const text = exported(fs.readFileSync(path.join(examplesDir, 'xor.nn.yaml'), 'utf8'), 'xor.nn.yaml');
  assert.match(text, /^"""xor: exported from xor\.nn\.yaml by Neural Network Trainer\.\n\nXOR, the classic/);
  assert.match(text, /^import numpy as np\nfrom tensorflow import keras\nfrom tensorflow\.keras import layers$/m);
  assert.match(text, /^keras\.utils\.set_random_seed\(7\)$/m);
  assert.match(text, /^x_train = np\.array\(\[\[0, 0\], \[0, 1\], \[1, 0\], \[1, 1\]\]\)\ny_train = np\.array\(\[\[0\], \[1\], \[1\], \[0\]\]\)$/m);
  assert.match(text, /^model = keras\.Sequential\(\[\n {4}layers\.Dense\(16, activation='relu', input_shape=\(2,\)\),\n {4}layers\.Dense\(1, activation='sigmoid'\),\n\]\)$/m);
  assert.match(text, /optimizer=keras\.optimizers\.Adam\(learning_rate=0\.05\)/);
  assert.match(text, /^history = model\.fit\(x_train, y_train, epochs=300, batch_size=4\)$/m);
  assert.match(text, /^train_loss, train_accuracy = model\.evaluate\(x_train, y_train\)$/m);
  assert.match(text, /^predictions = model\.predict\(np\.array\(\[\[0, 0\], \[0, 1\], \[1, 0\], \[1, 1\]\]\)\)$/m);
});

test('MNIST: load_data, / 255.0, and the first test samples predicted', () => {
  const text = exported(fs.readFileSync(path.join(examplesDir, 'mnist-mlp.nn.yaml'), 'utf8'));
  assert.match(text, /^\(x_train, y_train\), \(x_test, y_test\) = keras\.datasets\.mnist\.load_data\(\)$/m);
  assert.match(text, /^x_train, x_test = x_train \/ 255\.0, x_test \/ 255\.0$/m);
  assert.match(text, /layers\.Flatten\(input_shape=\(28, 28\)\)/);
  assert.match(text, /validation_split=0\.1/);
  assert.match(text, /^predictions = model\.predict\(x_test\[:12\]\)$/m);
});

test('iris and digits come from scikit-learn with a stratified 20% test split; categorical losses get to_categorical', () => {
  const digits = exported(fs.readFileSync(path.join(examplesDir, 'digits.nn.yaml'), 'utf8'));
  assert.match(digits, /^x, y = load_digits\(return_X_y=True\)$/m);
  assert.match(digits, /train_test_split\(x, y, test_size=0\.2, stratify=y/);
  assert.match(digits, /^y_train = keras\.utils\.to_categorical\(y_train, num_classes=10\)$/m);
  assert.match(digits, /callbacks=\[keras\.callbacks\.EarlyStopping\(monitor='val_loss', patience=5\)\]/);
  const iris = exported(fs.readFileSync(path.join(examplesDir, 'iris.nn.yaml'), 'utf8'));
  assert.match(iris, /^x, y = load_iris\(return_X_y=True\)$/m);
  assert.match(iris, /^scaler = StandardScaler\(\)\nx_train = scaler\.fit_transform\(x_train\)\nx_test = scaler\.transform\(x_test\)$/m);
  assert.match(iris, /kernel_regularizer=keras\.regularizers\.l2\(0\.01\)/);
  assert.doesNotMatch(iris, /to_categorical/, 'a sparse loss takes class indices');
});

test('a CSV is read with pandas, label and features as the file says, class names encoded, the split seeded', async () => {
  const dir = tempDir();
  fs.copyFileSync(path.join(examplesDir, 'breast-cancer.csv'), path.join(dir, 'cancer.csv'));
  const file = path.join(dir, 'cancer.nn.yaml');
  fs.writeFileSync(file, fs.readFileSync(path.join(examplesDir, 'breast-cancer.nn.yaml'), 'utf8').replace('breast-cancer.csv', 'cancer.csv'));
  const result = await exportKerasScriptOfFile(file, path.join(dir, 'scripts', 'cancer.py'));
  const text = result.text ?? '';
  assert.match(text, /^df = pd\.read_csv\('\.\.\/cancer\.csv'\)$/m, 'the CSV is opened relative to the script');
  assert.match(text, /^x = df\.drop\('diagnosis', axis=1\)\.values\ny = df\['diagnosis'\]\.values$/m);
  assert.match(text, /^y = LabelEncoder\(\)\.fit_transform\(y\)$/m, 'benign/malignant become 0/1');
  assert.match(text, /^x_train, x_test, y_train, y_test = train_test_split\(x, y, test_size=0\.2, stratify=y, random_state=3\)$/m);
  assert.match(text, /metrics=\['accuracy', keras\.metrics\.Precision\(\), keras\.metrics\.Recall\(\)\]/);
});

test('CSV columns by index, by name list, the default last label, and a header-less file', () => {
  assert.match(exported(base('  csv: d.csv\n  label: 0')), /^x_train = df\.drop\(df\.columns\[0\], axis=1\)\.values\ny_train = df\.iloc\[:, 0\]\.values$/m);
  assert.match(exported(base('  csv: d.csv\n  features: [a, b]\n  label: c')), /^x_train = df\[\['a', 'b'\]\]\.values\ny_train = df\['c'\]\.values$/m);
  assert.match(exported(base('  csv: d.csv\n  features: [0, 2]')), /^x_train = df\.iloc\[:, \[0, 2\]\]\.values\ny_train = df\.iloc\[:, -1\]\.values$/m);
  const headerless = exportKerasScript(base('  csv: d.csv'), 'm.nn.yaml', { csvHasHeader: false }).text ?? '';
  assert.match(headerless, /^df = pd\.read_csv\('d\.csv', header=None\)\nx_train = df\.iloc\[:, :-1\]\.values$/m);
  const byPosition = exportKerasScript(base('  csv: d.csv\n  label: -2'), 'm.nn.yaml', { csvHasHeader: false }).text ?? '';
  assert.match(byPosition, /^x_train = df\.drop\(df\.columns\[-2\], axis=1\)\.values\ny_train = df\.iloc\[:, -2\]\.values$/m);
});

test('camelCase keys and aliases are written in Keras spelling', () => {
  const text = exported(`data: { dataset: mnist }
model:
  - Conv2D: { filters: 8, kernelSize: [3, 3], activation: relu, inputShape: [28, 28, 1], kernelInitializer: heNormal, padding: same }
  - MaxPool2D: { poolSize: 2 }
  - Flatten
  - Dense: { units: 10, activation: softmax, useBias: false }
compile:
  optimizer: { sgd: { lr: 0.1, momentum: 0.9, nesterov: true } }
  loss: sparse_categorical_crossentropy
  metrics: [acc]
fit: { epochs: 2, batchSize: 64, shuffle: false }
`);
  assert.match(text, /layers\.Conv2D\(8, \(3, 3\), activation='relu', input_shape=\(28, 28, 1\), kernel_initializer='he_normal', padding='same'\)/);
  assert.match(text, /layers\.MaxPooling2D\(2\)/);
  assert.match(text, /layers\.Flatten\(\)/);
  assert.match(text, /layers\.Dense\(10, activation='softmax', use_bias=False\)/);
  assert.match(text, /optimizer=keras\.optimizers\.SGD\(learning_rate=0\.1, momentum=0\.9, nesterov=True\)/);
  assert.match(text, /metrics=\['acc'\]/);
  assert.match(text, /epochs=2, batch_size=64, shuffle=False/);
});

test('without an optimizer Keras compiles with rmsprop, said explicitly; without a monitor early stopping watches loss', () => {
  const text = exported(base('  dataset: iris', 'fit:\n  early_stopping: true\n'));
  assert.match(text, /optimizer='adam'/);
  const noOptimizer = exported(base('  dataset: iris', 'fit:\n  early_stopping: true\n').replace('  optimizer: adam\n', ''));
  assert.match(noOptimizer, /optimizer='rmsprop'/);
  assert.match(text, /EarlyStopping\(monitor='loss'\)/);
});

test('predict inputs are prepared as the training data was', () => {
  const text = exported(base('  dataset: digits\n  scale: 16\n  normalize: minmax', 'predict:\n  inputs: [[' + Array(64).fill(0).join(', ') + ']]\n'));
  assert.match(text, /^x_new = np\.array\(\[\[0, 0,.*\]\]\)\nx_new = x_new \/ 16\.0\nx_new = scaler\.transform\(x_new\)\npredictions = model\.predict\(x_new\)$/m);
});

test('inline class names are label-encoded; an inline test_split is train_test_split', () => {
  const text = exported(base("  inline:\n    x: [[1], [2], [3], [4], [5]]\n    y: [cat, dog, cat, dog, cat]\n  test_split: 0.4"));
  assert.match(text, /^x = np\.array\(\[\[1\], \[2\], \[3\], \[4\], \[5\]\]\)\ny = np\.array\(\['cat', 'dog', 'cat', 'dog', 'cat'\]\)$/m);
  assert.match(text, /^y = LabelEncoder\(\)\.fit_transform\(y\)$/m);
  assert.match(text, /test_size=0\.4, stratify=y\)$/m);
});

test('an invalid model file exports nothing and gives its located diagnostics', () => {
  const result = exportKerasScript(base('  dataset: iris').replace('softmax', 'softmaxx'), 'bad.nn.yaml');
  assert.equal(result.text, undefined);
  assert.ok(result.diagnostics.some((d) => d.severity === 'error' && d.range.start.line === 5 && /softmaxx/.test(d.message)));
});

test('comments copied from the model file cannot end the docstring', syntaxCheck, () => {
  const text = exported('# a """ quote and a \\ backslash\n' + base('  dataset: iris'));
  assert.equal(pythonSyntaxError(text), undefined);
});

test('the tutorial additions: from_logits losses, restore_best_weights, feature ranges, a negative label, reshape', () => {
  const text = exported(`data:
  csv: d.csv
  features: "0:8"
  label: -1
  test_split: 0.25
model:
  - Dense: { units: 10 }
compile:
  optimizer: adam
  loss: { sparse_categorical_crossentropy: { from_logits: true } }
  metrics: [accuracy]
fit:
  epochs: 3
  validation_split: 0.2
  early_stopping: { monitor: val_accuracy, patience: 2, min_delta: 0.01, restore_best_weights: true }
predict:
  samples: 3
`);
  assert.match(text, /^x = df\.iloc\[:, 0:8\]\.values\ny = df\.iloc\[:, -1\]\.values$/m);
  assert.match(text, /loss=keras\.losses\.SparseCategoricalCrossentropy\(from_logits=True\)/);
  assert.match(text, /keras\.callbacks\.EarlyStopping\(monitor='val_accuracy', patience=2, min_delta=0\.01, restore_best_weights=True\)/);
  assert.match(text, /^print\('probabilities:', tf\.nn\.softmax\(predictions\)\.numpy\(\)\.round\(3\)\)/m, 'logits become probabilities');
  assert.match(text, /^import tensorflow as tf$/m);
  const mixed = exported(base('  csv: d.csv\n  features: ["0:3", 5]'));
  assert.match(mixed, /^x_train = df\.iloc\[:, np\.r_\[0:3, 5\]\]\.values$/m);
  const reshaped = exported(base('  dataset: mnist\n  scale: 255\n  reshape: [28, 28, 1]').replace('Dense: { units: 3', 'Flatten\n  - Dense: { units: 10'));
  assert.match(reshaped, /^x_train = x_train\.reshape\(-1, 28, 28, 1\)\nx_test = x_test\.reshape\(-1, 28, 28, 1\)$/m);
});

test('normalizing MNIST flattens the images for the scaler and gives them their shape back', syntaxCheck, () => {
  const text = exported(base('  dataset: mnist\n  normalize: standard').replace('Dense: { units: 3', 'Flatten\n  - Dense: { units: 10'));
  assert.match(text, /^x_train = x_train\.reshape\(len\(x_train\), -1\)\n.*\nscaler = StandardScaler\(\)\nx_train = scaler\.fit_transform\(x_train\)\nx_test = scaler\.transform\(x_test\)\nx_train = x_train\.reshape\(-1, 28, 28\)/m);
  assert.equal(pythonSyntaxError(text), undefined);
});

test('the script check finds what would stop a script: a syntax error, a name used before it is defined', syntaxCheck, () => {
  assert.match(pythonSyntaxError('x = (\n') ?? '', /SyntaxError/);
  assert.match(pythonSyntaxError('import numpy as np\nx_train = scaler.transform(np.array([1]))\n') ?? '', /line 2: scaler is used before it is defined/);
  assert.equal(pythonSyntaxError('from tensorflow import keras\nmodel = keras.Sequential([])\nprint(model)\n'), undefined);
});

test("recurrent layers compute what the trainer's TensorFlow.js does: hard_sigmoid gates, a GRU's reset_after=False", () => {
  const text = exported(`data:
  inline: { x: [[[1], [2]], [[3], [4]]], y: [1, 2] }
model:
  - LSTM: { units: 4, return_sequences: true, input_shape: [2, 1] }
  - GRU: { units: 2, recurrent_activation: sigmoid }
  - Dense: { units: 1 }
compile: { optimizer: adam, loss: mse }
`);
  assert.match(text, /layers\.LSTM\(4, return_sequences=True, input_shape=\(2, 1\), recurrent_activation='hard_sigmoid'\)/);
  assert.match(text, /layers\.GRU\(2, recurrent_activation='sigmoid', reset_after=False\)/, 'a gate the file names is kept');
});
