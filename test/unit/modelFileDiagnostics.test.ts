/** Invalid model files: one clear, precisely located message per mistake, all of them, in order. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDiagnostic, type Diagnostic } from '../../src/core/diagnostics';
import { parseModelText } from '../../src/core/modelFile';

/** A valid file to break one line at a time; line numbers below refer to it. */
const LINES = [
  'name: demo', // 1
  'data:', // 2
  '  dataset: iris', // 3
  'model:', // 4
  '  - Dense: { units: 8, activation: relu, input_shape: [4] }', // 5
  '  - Dense: { units: 3, activation: softmax }', // 6
  'compile:', // 7
  '  optimizer: adam', // 8
  '  loss: sparse_categorical_crossentropy', // 9
  '  metrics: [accuracy]', // 10
  'fit:', // 11
  '  epochs: 10', // 12
  '  batch_size: 16', // 13
];

/** The base file with some lines replaced (1-based line number -> new text). */
function edited(changes: Record<number, string>, extra: string[] = []): string {
  return [...LINES.map((line, i) => changes[i + 1] ?? line), ...extra].join('\n') + '\n';
}

/** `line:col-line:col code message`, compact enough to compare whole lists. */
function show(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column} ${d.code} ${d.message}`;
}

function diagnosticsOf(text: string, file = 'demo.nn.yaml'): Diagnostic[] {
  const parsed = parseModelText(text, file);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) assert.equal(parsed.spec, undefined);
  return parsed.diagnostics;
}

/** The one diagnostic a text must produce. */
function onlyDiagnostic(text: string, file = 'demo.nn.yaml'): Diagnostic {
  const diagnostics = diagnosticsOf(text, file);
  assert.equal(diagnostics.length, 1, diagnostics.map(show).join('\n'));
  return diagnostics[0];
}

test('the base file is valid', () => {
  assert.deepEqual(diagnosticsOf(edited({})), []);
});

test('an invalid activation names the closest valid one and lists them all, at the value', () => {
  const d = onlyDiagnostic(edited({ 5: '  - Dense: { units: 8, activation: relux, input_shape: [4] }' }));
  assert.equal(
    show(d),
    '5:36-5:41 invalid-value `relux` is not a valid activation. Did you mean `relu`? Valid values are: ' +
      'relu, sigmoid, softmax, tanh, linear, elu, selu, relu6, hard_sigmoid, softplus, softsign, swish, mish, gelu, gelu_new.',
  );
});

test('an unknown key suggests the intended one, at the key, and lists the valid keys', () => {
  const d = onlyDiagnostic(edited({ 6: '  - Dense: { unit: 3, activation: softmax }' }));
  assert.equal(d.code, 'unknown-key');
  assert.deepEqual([d.range.start, d.range.end], [{ line: 6, column: 14 }, { line: 6, column: 18 }]);
  assert.match(d.message, /^unknown key `unit` in Dense\. Did you mean `units`\? Valid keys are: units, activation, use_bias, /);
  // The typo explains the missing `units`: no second message about it.
  assert.doesNotMatch(d.message, /missing/);
});

test('a value of the wrong type says what was expected and what was found', () => {
  assert.equal(show(onlyDiagnostic(edited({ 13: '  batch_size: "abc"' }))), '13:15-13:20 invalid-value expected an integer >= 1 for batch_size, got "abc"');
  assert.equal(show(onlyDiagnostic(edited({ 12: '  epochs: [10]' }))), '12:11-12:15 invalid-value expected an integer >= 1 for epochs, got a list of 1 item');
  assert.equal(
    show(onlyDiagnostic(edited({ 5: '  - Dense: { units: 8, activation: relu, input_shape: 4 }' }))),
    '5:55-5:56 invalid-value expected a list of positive integers such as `[28, 28]` for input_shape, got 4',
  );
});

test('an out-of-range value gives the bounds', () => {
  assert.equal(show(onlyDiagnostic(edited({ 12: '  epochs: 0' }))), '12:11-12:12 invalid-value expected an integer >= 1 for epochs, got 0');
  assert.equal(
    show(onlyDiagnostic(edited({}, ['  validation_split: 1.5']))),
    '14:21-14:24 invalid-value expected a number > 0 and < 1 for validation_split, got 1.5',
  );
  assert.equal(
    show(onlyDiagnostic(edited({ 6: '  - Dropout: { rate: 1 }' }))),
    '6:22-6:23 invalid-value expected a number >= 0 and < 1 for rate, got 1',
  );
});

test('an empty value points at its key', () => {
  assert.equal(show(onlyDiagnostic(edited({ 12: '  epochs:' }))), '12:3-12:9 invalid-value expected an integer >= 1 for epochs, got an empty value');
});

test('a missing required key is reported at the key that needs it', () => {
  assert.equal(show(onlyDiagnostic(edited({ 6: '  - Dense: { activation: softmax }' }))), '6:5-6:10 missing-key missing required key `units` in Dense');
  assert.equal(show(onlyDiagnostic(edited({ 9: '  metrics: [accuracy]', 10: '' }))), '7:1-7:8 missing-key missing required key `loss` in compile');
  assert.equal(
    show(onlyDiagnostic(edited({ 6: '  - Conv2D: { filters: 3 }' }))),
    '6:5-6:11 missing-key missing required key `kernel_size` in Conv2D',
  );
});

test('unknown names: layers, optimizers, losses, metrics, regularizers', () => {
  assert.match(onlyDiagnostic(edited({ 6: '  - Dens: { units: 3 }' })).message, /^`Dens` is not a valid layer\. Did you mean `Dense`\? Valid values are: Dense, Flatten, /);
  assert.match(onlyDiagnostic(edited({ 8: '  optimizer: adm' })).message, /^`adm` is not a valid optimizer\. Did you mean `adam`\? Valid values are: adam, sgd, rmsprop, /);
  assert.match(onlyDiagnostic(edited({ 8: '  optimizer: { sgd: { learning_rat: 0.1 } }' })).message, /^unknown key `learning_rat` in sgd\. Did you mean `learning_rate`\? Valid keys are: learning_rate, momentum, nesterov\.$/);
  assert.match(onlyDiagnostic(edited({ 9: '  loss: sparse_categorical_crossentropyy' })).message, /^`sparse_categorical_crossentropyy` is not a valid loss\. Did you mean `sparse_categorical_crossentropy`\?/);
  assert.match(onlyDiagnostic(edited({ 10: '  metrics: [acuracy]' })).message, /^`acuracy` is not a valid metric\. Did you mean `accuracy`\?/);
  assert.match(onlyDiagnostic(edited({ 6: '  - Dense: { units: 3, kernel_regularizer: l3 }' })).message, /^`l3` is not a valid regularizer\. Valid values are: l1, l2, l1_l2\.$/);
});

test('a layer that needs options, written as a bare name, says how to write it', () => {
  assert.equal(show(onlyDiagnostic(edited({ 6: '  - Dense' }))), '6:5-6:10 invalid-value `Dense` needs options: write it as `Dense: { units: ... }`');
});

test('layer options not indented under the layer get one message each, at the option', () => {
  const text = edited({ 6: '  - Dense:\n    units: 3\n    activation: softmax' });
  assert.deepEqual(diagnosticsOf(text).map(show), [
    '7:5-7:10 misplaced-key `units` is an option of Dense but is not indented under it: indent it further than `Dense:`',
    '8:5-8:15 misplaced-key `activation` is an option of Dense but is not indented under it: indent it further than `Dense:`',
  ]);
});

test('input_shape or input_dim on a later layer is an error at that key', () => {
  assert.equal(
    show(onlyDiagnostic(edited({ 6: '  - Dense: { units: 3, activation: softmax, input_shape: [8] }' }))),
    '6:45-6:56 misplaced-key `input_shape` is only meaningful on the first layer: layer 1 (Dense) takes its input shape from the layer before it. Remove it',
  );
  assert.match(onlyDiagnostic(edited({ 6: '  - Dense: { units: 3, inputDim: 8 }' })).message, /^`inputDim` is only meaningful on the first layer/);
  assert.equal(
    show(onlyDiagnostic(edited({ 5: '  - Dense: { units: 8, input_shape: [4], input_dim: 4 }' }))),
    '5:42-5:51 conflicting-keys give either `input_shape` or `input_dim`, not both (`input_dim: n` means `input_shape: [n]`)',
  );
});

test('data with two sources, or none, or csv options without csv', () => {
  assert.equal(
    show(onlyDiagnostic(edited({ 3: '  dataset: iris\n  csv: flowers.csv' }))),
    '4:3-4:6 conflicting-keys data takes only one of `inline`, `dataset` or `csv`, but has `dataset` and `csv`: keep exactly one',
  );
  assert.equal(show(onlyDiagnostic(edited({ 3: '  scale: 255' }))), '2:1-2:5 missing-key data needs one of `inline`, `dataset` or `csv`');
  assert.equal(show(onlyDiagnostic(edited({ 3: '  dataset: iris\n  label: species' }))), '4:3-4:8 misplaced-key `label` is only valid with `csv`');
});

test('test_split with a built-in dataset explains that it keeps its own split', () => {
  assert.equal(
    show(onlyDiagnostic(edited({ 3: '  dataset: iris\n  test_split: 0.2' }))),
    '4:3-4:13 misplaced-key `test_split` cannot be used with `dataset`: `iris` keeps its own train/test split. Remove it (use `limit` for a quicker run)',
  );
});

test('inline x and y of different lengths: error at y', () => {
  assert.equal(
    show(onlyDiagnostic(edited({ 3: '  inline: { x: [[1], [2], [3]], y: [0, 1] }' }))),
    '3:36-3:42 shape-mismatch y has 2 labels but x has 3 samples: give exactly one label per sample',
  );
});

test('early stopping on a val_ value without validation_split says to add it', () => {
  assert.equal(
    show(onlyDiagnostic(edited({}, ['  early_stopping: { monitor: val_accuracy }']))),
    '14:30-14:42 invalid-value `val_accuracy` is measured on validation data: add `validation_split` to fit (e.g. `validation_split: 0.2`), or monitor `accuracy`',
  );
  assert.match(
    onlyDiagnostic(edited({}, ['  validation_split: 0.1', '  early_stopping: { monitor: val_acuracy }'])).message,
    /^`val_acuracy` is not a valid monitor: it must be a value the training reports\. Did you mean `val_accuracy`\? Valid values are: loss, accuracy, val_loss, val_accuracy\.$/,
  );
});

test('the same metric twice, or the same key in two spellings, is reported once at the repeat', () => {
  assert.equal(
    show(onlyDiagnostic(edited({ 10: '  metrics: [accuracy, acc]' }))),
    '10:23-10:26 duplicate-value `acc` is the same metric as `accuracy` (metrics[0]): list each metric once',
  );
  assert.equal(
    show(onlyDiagnostic(edited({}, ['  batchSize: 8']))),
    '14:3-14:12 duplicate-key `batchSize` is the same option as `batch_size`: keep only one of them',
  );
});

test('predict takes exactly one of inputs and samples', () => {
  assert.equal(
    show(onlyDiagnostic(edited({}, ['predict: { inputs: [[1, 2, 3, 4]], samples: 3 }']))),
    '14:36-14:43 conflicting-keys predict takes only one of `inputs` or `samples`, but has `inputs` and `samples`: keep exactly one',
  );
});

test('a top-level key that belongs in a section says which one', () => {
  assert.equal(
    show(onlyDiagnostic(edited({}, ['epochs: 3']))),
    '14:1-14:7 unknown-key unknown key `epochs` at the top level. It belongs under `fit:`. Valid keys are: name, seed, data, model, compile, fit, predict.',
  );
});

test('several problems in one file are all reported, sorted by position', () => {
  const text = edited({
    5: '  - Dense: { units: 0, activation: relux, input_shape: [4] }',
    6: '  - Dense: { units: 3, activation: softmax, input_dim: 8 }',
    9: '  loss: crossentropy',
    12: '  epochs: -1',
    13: '  batch_sise: 16',
  });
  assert.deepEqual(
    diagnosticsOf(text).map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`),
    ['5:21 invalid-value', '5:36 invalid-value', '6:45 misplaced-key', '9:9 invalid-value', '12:11 invalid-value', '13:3 unknown-key'],
  );
});

test('an empty file or a list at the top level says what a model file is', () => {
  assert.equal(show(onlyDiagnostic('')), '1:1-1:1 invalid-value expected a map with `data`, `model` and `compile` for the model file, got an empty value');
  assert.match(onlyDiagnostic('- Dense\n- Flatten\n').message, /^expected a map with `data`, `model` and `compile` for the model file, got a list of 2 items$/);
  assert.deepEqual(diagnosticsOf('name: x\n').map(show), [
    '1:1-1:8 missing-key missing required top-level key `compile`',
    '1:1-1:8 missing-key missing required top-level key `data`',
    '1:1-1:8 missing-key missing required top-level key `model`',
  ]);
});

test('YAML syntax errors are diagnostics at their root cause, naming the line to change', () => {
  const badIndent = edited({ 13: ' batch_size: 16' });
  const d = onlyDiagnostic(badIndent);
  assert.equal(show(d), '13:2-13:16 syntax-error bad indentation: `batch_size` starts at column 2, but the other keys of its map at column 3: check the indentation of line 13');
  const unclosed = diagnosticsOf(edited({ 5: '  - Dense: { units: 8, activation: relu' }));
  assert.equal(unclosed[0].code, 'syntax-error');
  assert.match(unclosed[0].message, /not closed: add the missing `\}`/);
  assert.equal(show(onlyDiagnostic(edited({}, ['  epochs: 3']))), '14:3-14:9 syntax-error duplicate key `epochs`: each key may appear only once in a map');
  assert.equal(show(onlyDiagnostic(edited({ 1: 'name: *nope' }))), '1:7-1:12 syntax-error alias `*nope` refers to no anchor `&nope` defined before it');
});

test('JSON syntax errors read like JSON errors, at their position', () => {
  const json = (lines: string[]) => lines.join('\n');
  assert.equal(
    show(onlyDiagnostic(json(['{', '  "name": "x",', '  "seed": 7', '  "data": {}', '}']), 'demo.nn.json')),
    '3:12-3:12 syntax-error missing `,` after this value',
  );
  assert.equal(
    show(onlyDiagnostic(json(['{', '  "fit": { "epochs": 3, }', '}']), 'demo.nn.json')),
    '2:23-2:24 syntax-error trailing comma: JSON does not allow a comma before `}`',
  );
  assert.equal(show(onlyDiagnostic(json(['{', '  name: "x"', '}']), 'demo.nn.json')), '2:3-2:7 syntax-error property names must be in double quotes: write "name"');
  assert.equal(
    show(onlyDiagnostic(json(['{', '  "fit": { "shuffle": True }', '}']), 'demo.nn.json')),
    '2:23-2:27 syntax-error `True` is Python; JSON writes `true`',
  );
  assert.equal(show(onlyDiagnostic(json(['{', '  "model": [1, 2']), 'demo.nn.json')), '2:12-2:13 syntax-error unexpected end of file: this `[` is never closed');
  assert.equal(show(onlyDiagnostic('{ "name": "x" } // done', 'demo.nn.json')), '1:17-1:19 syntax-error comments are not allowed in JSON');
  // YAML would accept single quotes; a .json file is held to JSON.
  assert.match(onlyDiagnostic("{ 'name': 'x' }", 'demo.nn.json').message, /double quotes/);
});

test('JSON files get the same validation messages, at JSON positions', () => {
  const text = ['{', '  "data": { "dataset": "iris" },', '  "model": [{ "Dense": { "units": 3, "activation": "relux" } }],', '  "compile": { "loss": "mse" }', '}'].join('\n');
  const d = onlyDiagnostic(text, 'demo.nn.json');
  assert.deepEqual(d.range.start, { line: 3, column: 52 });
  assert.match(d.message, /^`relux` is not a valid activation\. Did you mean `relu`\?/);
});

test('formatDiagnostic prints FILE:LINE:COL: error: MESSAGE', () => {
  const d = onlyDiagnostic(edited({ 12: '  epochs: 0' }), 'models/demo.nn.yaml');
  assert.equal(formatDiagnostic(d), 'models/demo.nn.yaml:12:11: error: expected an integer >= 1 for epochs, got 0');
});

test('other JSON mistakes: empty file, missing colon, unterminated string, bad number, trailing text', () => {
  const at = (text: string) => show(onlyDiagnostic(text, 'demo.nn.json'));
  assert.match(at(''), /^1:1-1:1 syntax-error the file is empty/);
  assert.equal(at('{"name" "x"}'), '1:9-1:12 syntax-error expected `:` after the property name, found `"`');
  assert.equal(at('{"name": "x}'), '1:10-1:13 syntax-error unterminated string: missing the closing "');
  assert.equal(at('{"seed": 1.e}'), '1:10-1:12 syntax-error invalid number: JSON numbers look like 12, -3.5 or 1e-3');
  assert.equal(at('{"name": "x"} x'), '1:15-1:16 syntax-error unexpected text after the end of the JSON document');
});
