import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { checkModelFile } from '../../src/core/session/checkModelFile';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { ModelFileInvalidError } from '../../src/core/session/modelFileInvalidError';
import { formatDiagnostic } from '../../src/core/diagnostics';
import { tempDir, writeModelFile } from '../helpers/tempDir';

const digitsWith = (model: string, loss = 'sparse_categorical_crossentropy', dataExtra = '') => `name: d
data:
  dataset: digits
  scale: 16${dataExtra}
model:
${model}
compile:
  optimizer: adam
  loss: ${loss}
  metrics: [accuracy]
fit:
  epochs: 1
`;

async function only(text: string) {
  const dir = tempDir();
  const file = writeModelFile(dir, 'm.nn.yaml', text);
  const diagnostics = await checkModelFile(file);
  assert.equal(diagnostics.length, 1, diagnostics.map(formatDiagnostic).join('\n'));
  return { file, dir, d: diagnostics[0] };
}

test('a 1-unit sigmoid output with categorical_crossentropy over 10 classes is caught before training, at units', async () => {
  const { d } = await only(digitsWith('  - Dense: { units: 32, activation: relu }\n  - Dense: { units: 1, activation: sigmoid }', 'categorical_crossentropy'));
  assert.equal(d.range.start.line, 7);
  assert.equal(d.code, 'shape-mismatch');
  assert.match(d.message, /outputs 1 value per sample, but categorical_crossentropy over 10 classes needs 10: set units: 10 and activation: softmax/);
});

test('an input_shape that does not match the data points at input_shape and says what fits', async () => {
  const { d } = await only(digitsWith('  - Dense: { units: 10, activation: softmax, input_shape: [8, 8] }'));
  assert.equal(d.range.start.line, 6);
  assert.match(d.message, /input_shape \[8, 8\] does not match the data: each sample of .* has shape \[64\]/);
});

test('a wrong input_shape carries a quick fix that puts in the data\'s shape, after which the file checks clean', async () => {
  const { file, d } = await only(digitsWith('  - Dense: { units: 10, activation: softmax, input_shape: [8, 8] }'));
  const fix = d.fixes?.[0];
  assert.ok(fix, 'the input_shape problem has a fix');
  assert.equal(fix.title, 'Change to `[64]`');
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  for (const edit of fix.edits) {
    assert.equal(edit.range.start.line, edit.range.end.line);
    const line = lines[edit.range.start.line - 1];
    lines[edit.range.start.line - 1] = line.slice(0, edit.range.start.column - 1) + edit.newText + line.slice(edit.range.end.column - 1);
  }
  fs.writeFileSync(file, lines.join('\n'));
  assert.match(lines[5], /input_shape: \[64\] \}/);
  assert.deepEqual((await checkModelFile(file)).map(formatDiagnostic), []);
});

test('sparse labels with a one-hot loss point at the loss', async () => {
  const { d } = await only(digitsWith('  - Dense: { units: 10, activation: softmax }', 'categorical_crossentropy', '\n  one_hot: false'));
  assert.equal(d.range.start.line, 10);
  assert.match(d.message, /categorical_crossentropy needs one-hot labels.*sparse_categorical_crossentropy/);
});

test('a layer tfjs cannot stack is reported at that layer', async () => {
  const { d } = await only(digitsWith('  - Dense: { units: 16 }\n  - MaxPooling2D: { pool_size: 2 }\n  - Dense: { units: 10, activation: softmax }'));
  assert.equal(d.range.start.line, 7);
  assert.match(d.message, /MaxPooling2D cannot follow the previous layer \(output shape \[None, 16\]\)/);
});

test('a missing CSV is reported at the csv key with the path it looked for', async () => {
  const { d, dir } = await only(`name: c
data:
  csv: nowhere.csv
model:
  - Dense: { units: 1, activation: sigmoid }
compile:
  optimizer: adam
  loss: binary_crossentropy
`);
  assert.equal(d.range.start.line, 3);
  assert.ok(d.message.includes(path.join(dir, 'nowhere.csv')), d.message);
});

test('an invalid file trains nothing and writes no run folder', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'm.nn.yaml', digitsWith('  - Dense: { units: 1, activation: sigmoid }', 'categorical_crossentropy'));
  const runsRoot = path.join(dir, 'runs');
  await assert.rejects(trainModelFile(file, { runsRoot }), (err: unknown) => err instanceof ModelFileInvalidError && err.diagnostics.length === 1);
  assert.equal(fs.existsSync(runsRoot), false);
});

test('a wrong input_shape and a wrong output are both reported, without the echo of the first', async () => {
  const dir = tempDir();
  const file = writeModelFile(
    dir,
    'm.nn.yaml',
    `name: m
data:
  dataset: mnist
model:
  - Dense: { units: 128, activation: relu, input_shape: [784] }
  - Dense: { units: 1, activation: sigmoid }
compile:
  optimizer: adam
  loss: categorical_crossentropy
`,
  );
  const diagnostics = await checkModelFile(file);
  assert.deepEqual(diagnostics.map((d) => d.range.start.line), [5, 6]);
  assert.match(diagnostics[1].message, /^the last layer outputs 1 value per sample, but categorical_crossentropy over 10 classes needs 10/);
  assert.match(diagnostics[0].message, /Use input_shape: \[28, 28\] on a Flatten layer put first\.$/);
});
