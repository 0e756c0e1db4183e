/** Completion in model files: what a user typing YAML or JSON is offered at the cursor. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeModelText, type CompletionSources } from '../../src/core/editing/completions';
import type { CompletionEntry } from '../../src/shared/editingTypes';

const NO_FILES: CompletionSources = { csvColumns: () => undefined };

/** Completes where `|` stands in `text`. */
function complete(textWithCursor: string, file = 'm.nn.yaml', sources = NO_FILES): CompletionEntry[] {
  const offset = textWithCursor.indexOf('|');
  assert.ok(offset >= 0, 'the text needs a | cursor');
  return completeModelText(textWithCursor.replace('|', ''), offset, file, sources);
}

const labels = (entries: CompletionEntry[]) => entries.map((e) => e.label);
const find = (entries: CompletionEntry[], label: string) => {
  const entry = entries.find((e) => e.label === label);
  assert.ok(entry, `no ${label} in ${labels(entries).join(', ')}`);
  return entry;
};

const FILE = [
  'name: demo',
  'data:',
  '  dataset: iris',
  'model:',
  '  - Dense: { units: 8, activation: relu, input_shape: [4] }',
  '  - Dense: { units: 3, activation: softmax }',
  'compile:',
  '  optimizer: adam',
  '  loss: sparse_categorical_crossentropy',
  '  metrics: [accuracy]',
  'fit:',
  '  epochs: 10',
].join('\n');

test('top-level keys offer the sections not yet written, with docs', () => {
  const entries = complete(`${FILE}\n|`);
  assert.deepEqual(labels(entries).sort(), ['predict', 'seed']);
  const blank = complete('|');
  for (const section of ['name', 'seed', 'data', 'model', 'compile', 'fit', 'predict']) assert.ok(labels(blank).includes(section), section);
  assert.equal(find(blank, 'model').kind, 'section');
  assert.match(find(blank, 'seed').documentation ?? '', /reproducible/);
});

test('a blank file also offers a whole model file snippet', () => {
  const snippet = find(complete('|'), 'model file');
  assert.equal(snippet.kind, 'snippet');
  assert.match(snippet.insertText, /^name: /);
  assert.match(snippet.insertText, /compile:\n {2}optimizer: adam/);
});

test('inside a layer: that layer\'s options, without those already written', () => {
  const entries = complete(FILE.replace('{ units: 3, activation: softmax }', '{ units: 3, | }'));
  const names = labels(entries);
  assert.ok(names.includes('activation') && names.includes('kernel_initializer') && names.includes('use_bias'), names.join(', '));
  assert.ok(!names.includes('units'), 'units is already there');
  assert.ok(!names.includes('rate'), 'rate is a Dropout option');
  assert.ok(!names.includes('useBias'), 'tfjs spellings are not suggested');
  assert.match(find(entries, 'kernel_initializer').detail ?? '', /default glorot_uniform/);
});

test('a Dropout layer offers rate; a Conv2D filters and kernel_size', () => {
  const dropout = complete('model:\n  - Dropout: { | }\n');
  assert.ok(labels(dropout).includes('rate'));
  assert.ok(!labels(dropout).includes('units'));
  const conv = complete('model:\n  - Conv2D:\n      |\n');
  assert.ok(labels(conv).includes('filters') && labels(conv).includes('kernel_size'), labels(conv).join(', '));
});

test('a new list item under model: offers layers as snippets with their required options', () => {
  const entries = complete(FILE.replace('  - Dense: { units: 3, activation: softmax }', '  - |'));
  const dense = find(entries, 'Dense');
  assert.equal(dense.kind, 'layer');
  assert.equal(dense.snippet, true);
  assert.match(dense.insertText, /^Dense: \{ units: \$\{1:64\}, activation: \$\{2\|relu,sigmoid,softmax,tanh,linear\|\} \}$/);
  assert.equal(find(entries, 'Flatten').insertText, 'Flatten');
  assert.match(find(entries, 'Dropout').insertText, /rate: \$\{1:0\.2\}/);
  assert.match(dense.documentation ?? '', /keras\.layers\.Dense/);
});

test('values: activations, losses, metrics, optimizers, initializers, datasets', () => {
  const activation = complete(FILE.replace('activation: softmax', 'activation: so|'));
  assert.ok(labels(activation).includes('softmax') && labels(activation).includes('relu'));
  assert.ok(!labels(activation).includes('hardSigmoid'), 'tfjs spellings are hidden');
  assert.deepEqual(find(activation, 'relu').range, { start: FILE.indexOf('activation: softmax') + 'activation: '.length, end: FILE.indexOf('activation: softmax') + 'activation: so'.length });

  const loss = complete(FILE.replace('loss: sparse_categorical_crossentropy', 'loss: |'));
  const sparse = find(loss, 'sparse_categorical_crossentropy');
  assert.match(sparse.documentation ?? '', /class indices/);
  assert.match(sparse.documentation ?? '', /keras\.losses\.SparseCategoricalCrossentropy/);

  const metric = complete(FILE.replace('metrics: [accuracy]', 'metrics: [accuracy, |]'));
  assert.ok(labels(metric).includes('precision'), labels(metric).join(', '));
  const optimizer = complete(FILE.replace('optimizer: adam', 'optimizer: |'));
  assert.ok(['adam', 'sgd', 'rmsprop'].every((o) => labels(optimizer).includes(o)), labels(optimizer).join(', '));
  const init = complete(FILE.replace('activation: relu,', 'kernel_initializer: |, activation: relu,'));
  assert.ok(labels(init).includes('he_normal'));
  const dataset = complete(FILE.replace('dataset: iris', 'dataset: |'));
  assert.deepEqual(labels(dataset).sort(), ['digits', 'iris', 'mnist', 'xor']);
  assert.match(find(dataset, 'mnist').documentation ?? '', /60,000/);
});

test('optimizer options under the chosen optimizer', () => {
  const entries = complete('compile:\n  optimizer:\n    sgd: { | }\n  loss: mse\n');
  assert.ok(['learning_rate', 'momentum', 'nesterov'].every((o) => labels(entries).includes(o)), labels(entries).join(', '));
  assert.ok(!labels(entries).includes('beta_1'), 'beta_1 is an adam option');
});

test('label: and features: offer the columns of the file\'s CSV', () => {
  const sources: CompletionSources = { csvColumns: (csv) => (csv === 'flowers.csv' ? ['sepal length', 'petal_width', 'species'] : undefined) };
  const text = 'data:\n  csv: flowers.csv\n  label: |\n';
  const entries = complete(text, 'm.nn.yaml', sources);
  assert.deepEqual(labels(entries), ['sepal length', 'petal_width', 'species']);
  assert.equal(find(entries, 'sepal length').insertText, '"sepal length"');
  const features = complete('data:\n  csv: flowers.csv\n  features: [petal_width, |]\n', 'm.nn.yaml', sources);
  assert.ok(labels(features).includes('species'));
});

test('fit keys carry the Keras defaults', () => {
  const entries = complete(FILE.replace('  epochs: 10', '  epochs: 10\n  |'));
  assert.match(find(entries, 'batch_size').detail ?? '', /default 32/);
  assert.equal(find(entries, 'shuffle').suggestValue, true, 'true/false follow a boolean key');
  assert.equal(find(entries, 'batch_size').suggestValue, false, 'a number has nothing to propose');
  assert.ok(!labels(entries).includes('epochs'));
  const shuffle = complete('fit:\n  shuffle: |\n');
  assert.deepEqual(labels(shuffle), ['true', 'false']);
});

test('JSON model files: keys and values are quoted, and not twice inside quotes', () => {
  const key = complete('{\n  "data": { "dataset": "iris" },\n  |\n}', 'm.nn.json');
  assert.equal(find(key, 'model').insertText, '"model": $0');
  const value = complete('{ "compile": { "loss": "|" } }', 'm.nn.json');
  assert.equal(find(value, 'mean_squared_error').insertText, 'mean_squared_error');
  const unquoted = complete('{ "compile": { "loss": | } }', 'm.nn.json');
  assert.equal(find(unquoted, 'mean_squared_error').insertText, '"mean_squared_error"');
  const layer = complete('{ "model": [ { | } ] }', 'm.nn.json');
  assert.match(find(layer, 'Dense').insertText, /^"Dense": \{ "units": \$\{1:64\}, "activation": "\$\{2\|relu/);
});

test('nothing inside a comment', () => {
  assert.deepEqual(complete('# a comm|ent\nname: x\n'), []);
});

test('label: and features: complete the column names read from the real CSV beside the model file', async () => {
  const { readCsvHeader } = await import('../../src/core/editing/csvHeader');
  const fs = await import('fs');
  const os = await import('os');
  const path = await import('path');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-csv-columns-'));
  const modelFile = path.join(dir, 'm.nn.yaml');
  fs.copyFileSync(path.resolve('examples/breast-cancer.csv'), path.join(dir, 'cancer.csv'));
  fs.writeFileSync(path.join(dir, 'numbers.csv'), '1,2,3\n4,5,6\n');
  const fromDisk: CompletionSources = { csvColumns: (csv) => readCsvHeader(modelFile, csv) };
  const header = fs.readFileSync(path.join(dir, 'cancer.csv'), 'utf8').split('\n')[0].split(',');
  const entries = complete('data:\n  csv: cancer.csv\n  label: |\n', modelFile, fromDisk);
  for (const column of [header[0], header.at(-1) ?? '']) assert.ok(labels(entries).includes(column), `${column} in ${labels(entries).join(', ')}`);
  // A first row of numbers is data, and a missing file has no columns: nothing to offer, no error.
  assert.equal(readCsvHeader(modelFile, 'numbers.csv'), undefined);
  assert.equal(readCsvHeader(modelFile, 'missing.csv'), undefined);
});
