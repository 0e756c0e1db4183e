/** Hover, outline and quick-fix edits of model files, as the editor receives them from the worker. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverModelText } from '../../src/core/editing/hover';
import { outlineModelText } from '../../src/core/editing/outline';
import { parseModelText } from '../../src/core/modelFile';
import type { SourceEdit } from '../../src/shared/diagnosticTypes';

const FILE = [
  'name: demo',
  'data:',
  '  dataset: iris',
  'model:',
  '  - Dense: { units: 8, activation: relu, input_shape: [4] }',
  '  - Dropout: { rate: 0.2 }',
  '  - Flatten',
  '  - Dense: { units: 3, activation: softmax }',
  'compile:',
  '  optimizer: adam',
  '  loss: sparse_categorical_crossentropy',
  '  metrics: [accuracy]',
  'fit:',
  '  batch_size: 16',
].join('\n');

const hoverAt = (text: string, word: string, delta = 1) => hoverModelText(text, text.indexOf(word) + delta);

test('hover on a loss says when to use it and names the Keras class', () => {
  const hover = hoverAt(FILE, 'sparse_categorical_crossentropy');
  assert.ok(hover);
  assert.match(hover.markdown, /^\*\*sparse_categorical_crossentropy\*\* · loss/);
  assert.match(hover.markdown, /class indices/);
  assert.match(hover.markdown, /`categorical_crossentropy` instead only when the labels are one-hot/);
  assert.match(hover.markdown, /Keras: `keras\.losses\.SparseCategoricalCrossentropy`/);
  assert.deepEqual(hover.range, { start: FILE.indexOf('sparse_'), end: FILE.indexOf('sparse_') + 'sparse_categorical_crossentropy'.length });
});

test('hover on a key gives its type, default and doc; on a layer its index', () => {
  const batch = hoverAt(FILE, 'batch_size');
  assert.match(batch?.markdown ?? '', /\*\*batch_size\*\* · `integer ≥ 1` · default `32`/);
  assert.match(batch?.markdown ?? '', /samples per gradient update/);
  const dense = hoverAt(FILE, 'Dense: { units: 3');
  assert.equal(dense?.layerIndex, 3);
  assert.match(dense?.markdown ?? '', /keras\.layers\.Dense/);
  const flatten = hoverAt(FILE, 'Flatten');
  assert.equal(flatten?.layerIndex, 2);
  const relu = hoverAt(FILE, 'relu');
  assert.match(relu?.markdown ?? '', /\*\*relu\*\* · activation/);
  assert.match(relu?.markdown ?? '', /keras\.activations\.relu/);
  const units = hoverAt(FILE, '8,', 0);
  assert.match(units?.markdown ?? '', /\*\*units\*\*/, 'a number shows its key');
  assert.equal(hoverModelText(FILE, FILE.indexOf('model:') + 6), undefined, 'nothing on punctuation');
});

test('hover on a tfjs spelling says which Keras name it is', () => {
  const text = FILE.replace('activation: relu', 'activation: hardSigmoid');
  assert.match(hoverAt(text, 'hardSigmoid')?.markdown ?? '', /Same as `hard_sigmoid`/);
});

test('the outline lists the sections and the layers with their main options', () => {
  const outline = outlineModelText(FILE);
  assert.deepEqual(outline.map((s) => s.name), ['name', 'data', 'model', 'compile', 'fit']);
  const model = outline[2];
  assert.equal(model.detail, '4 layers');
  assert.deepEqual(model.children.map((c) => [c.name, c.detail, c.layerIndex]), [
    ['Dense', 'units: 8 · relu', 0],
    ['Dropout', 'rate: 0.2', 1],
    ['Flatten', '', 2],
    ['Dense', 'units: 3 · softmax', 3],
  ]);
  assert.deepEqual(outline[3].children.map((c) => [c.name, c.detail]), [['optimizer', 'adam'], ['loss', 'sparse_categorical_crossentropy'], ['metrics', '']]);
  assert.equal(FILE.slice(model.selectionRange.start, model.selectionRange.end), 'model');
  assert.ok(outlineModelText('model:\n  - Dense: { units: 8, activation: relux }\n  - Dens').length === 1, 'a broken file still has an outline');
});

/** Applies edits to the text, last first so earlier offsets stay valid. */
function apply(text: string, edits: readonly SourceEdit[]): string {
  const offset = (p: { line: number; column: number }) => {
    let at = 0;
    for (let l = 1; l < p.line; l++) at = text.indexOf('\n', at) + 1;
    return at + p.column - 1;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  return sorted.reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

test('every "did you mean" carries a fix that replaces the key or value, keeping JSON quotes', () => {
  const yaml = parseModelText(FILE.replace('activation: relu', 'activation: relux').replace('rate: 0.2', 'rat: 0.2'), 'm.nn.yaml');
  const fixes = yaml.diagnostics.map((d) => d.fixes?.[0]?.title);
  assert.deepEqual(fixes, ['Change to `relu`', 'Change to `rate`']);
  const fixed = apply(yaml.text, yaml.diagnostics.flatMap((d) => d.fixes?.[0]?.edits ?? []));
  assert.equal(fixed, FILE);

  const json = JSON.stringify({ data: { dataset: 'iris' }, model: [{ Dense: { units: 3, activation: 'softmaks' } }], compile: { loss: 'mse', optimizer: 'addam' } });
  const parsed = parseModelText(json, 'm.nn.json');
  const repaired = apply(json, parsed.diagnostics.flatMap((d) => d.fixes?.[0]?.edits ?? []));
  assert.deepEqual(JSON.parse(repaired).model[0].Dense.activation, 'softmax');
  assert.deepEqual(JSON.parse(repaired).compile.optimizer, 'adam');
});

test('a repair that sets options edits existing values and adds missing ones, in flow and block style', () => {
  const flow = parseModelText(FILE, 'm.nn.yaml');
  const edits = flow.fixOf({ path: ['model', 3, 'Dense', 'units'], at: 'value' }, { kind: 'setOptions', map: ['model', 3, 'Dense'], options: [['units', 10], ['activation', 'softmax'], ['use_bias', 'true']] });
  assert.equal(edits?.title, 'Set units: 10 and activation: softmax and use_bias: true');
  assert.match(apply(FILE, edits?.edits ?? []), /- Dense: \{ units: 10, activation: softmax, use_bias: true \}/);

  const blockText = FILE.replace('  - Dense: { units: 3, activation: softmax }', '  - Dense:\n      units: 3');
  const block = parseModelText(blockText, 'm.nn.yaml');
  const blockEdits = block.fixOf({ path: ['model', 3, 'Dense', 'units'], at: 'value' }, { kind: 'setOptions', map: ['model', 3, 'Dense'], options: [['units', 10], ['activation', 'softmax']] });
  assert.match(apply(blockText, blockEdits?.edits ?? []), /- Dense:\n {6}units: 10\n {6}activation: softmax\ncompile:/);
});
