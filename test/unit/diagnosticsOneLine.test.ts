/**
 * Diagnostics are one located line each and one per mistake: no raw newlines or control characters,
 * no stack overflow or parser warning reaching the user, the root cause of a cascade instead of
 * its echoes, and TensorFlow.js' wording replaced by ours.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { formatDiagnostic, SpecError, type Diagnostic } from '../../src/core/diagnostics';
import { diagnosticFromSpecError, parseModelText } from '../../src/core/modelFile';
import { MAX_NESTING_DEPTH } from '../../src/core/modelFile/nestingDepth';
import { MAX_SYNTAX_ERRORS } from '../../src/core/modelFile/diagnosticCap';
import { oneLine } from '../../src/core/modelFile/oneLineMessage';
import { layerRejectionMessage } from '../../src/core/check/layerRejection';
import { predictSamplesWarnings } from '../../src/core/check/dataWarnings';
import { loadData } from '../../src/core/data';
import { checkModelFile } from '../../src/core/session/checkModelFile';
import { renderDiagnostic } from '../../src/cli/diagnosticText';
import { examplesDir, tempDir, writeModelFile } from '../helpers/tempDir';

const IRIS = fs.readFileSync(path.join(examplesDir, 'iris.nn.yaml'), 'utf8');
const IRIS_LINES = IRIS.split('\n');
/** 1-based line of the first line of iris.nn.yaml that starts with `start`. */
const lineOf = (start: string): number => IRIS_LINES.findIndex((l) => l.startsWith(start)) + 1;

/** The located one-line form every problem prints as. */
const LOCATED = /^[^\n]+:\d+:\d+: (error|warning|info): \S[^\n]*$/;
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

function diagnosticsOf(text: string, file = 'iris.nn.yaml'): Diagnostic[] {
  return parseModelText(text, file).diagnostics;
}

function errorsOf(text: string, file = 'iris.nn.yaml'): Diagnostic[] {
  return diagnosticsOf(text, file).filter((d) => d.severity === 'error');
}

const show = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.column} ${d.message}`;

/** Every diagnostic is one clean line, as the CLI prints it and as the Problems panel shows it. */
function assertOneLineEach(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    assert.ok(!CONTROL.test(d.message) && !/[\r\n]/.test(d.message), `raw control character in ${JSON.stringify(d.message)}`);
    assert.match(formatDiagnostic(d), LOCATED);
  }
}

test('oneLine collapses line breaks, escapes control characters and strips the edges', () => {
  assert.equal(oneLine('first line\nsecond line'), 'first line; second line');
  assert.equal(oneLine('ends with a colon:\n  then more\r\nand more.\n'), 'ends with a colon: then more; and more.');
  assert.equal(oneLine('a\u0000b\u001b[31mc\ufeffd\u0085e\u202ef'), 'aU+0000bU+001B[31mcU+FEFFdU+0085eU+202Ef');
  assert.equal(oneLine('tab\there'), 'tabU+0009here');
  assert.equal(oneLine('a lone \ud800 surrogate'), 'a lone U+D800 surrogate');
});

test('a key holding a line break or a control character reads on one line, escaped', () => {
  const withNewline = errorsOf(IRIS.replace('  epochs: 100', '  "epo\\nchs": 100'));
  assert.equal(withNewline.length, 1, withNewline.map(show).join('\n'));
  assertOneLineEach(withNewline);
  assert.match(withNewline[0].message, /^unknown key `epo(U\+000A|\\n| )chs` in fit/);
  const withNul = diagnosticsOf(IRIS.replace('name: iris', 'na\u0000me: iris'));
  assertOneLineEach(withNul);
  assert.match(withNul[0].message, /U\+0000/);
});

test('a control character in the file is one error at it, and the rest of the file is still checked', () => {
  const errors = errorsOf(IRIS.replace('name: iris', 'name: ir\u0000is').replace('activation: relu,', 'activation: relux,'));
  assert.deepEqual(
    errors.map((d) => `${d.range.start.line}:${d.range.start.column}`),
    [`${lineOf('name:')}:9`, `${lineOf('  - Dense: { units: 8')}:36`],
    errors.map(show).join('\n'),
  );
  assert.match(errors[0].message, /control character U\+0000/);
  assertOneLineEach(errors);
});

test('a BOM at the start of the file is dropped before parsing; a bare CR is a line break, as editors count lines', () => {
  assert.deepEqual(diagnosticsOf(`\ufeff${IRIS}`), []);
  const bom = errorsOf(`\ufeff${IRIS.replace('activation: relu,', 'activation: relux,')}`);
  assert.deepEqual(bom.map((d) => `${d.range.start.line}:${d.range.start.column}`), [`${lineOf('  - Dense: { units: 8')}:36`]);
  // `name: iris<CR>seed: 3` is two lines to an editor: a duplicate `seed`, on line N + 1.
  const cr = errorsOf(IRIS.replace('name: iris', 'name: iris\rseed: 3'));
  assert.equal(cr.length, 1, cr.map(show).join('\n'));
  assert.match(cr[0].message, /^duplicate key `seed`/);
  assert.equal(cr[0].range.start.line, lineOf('seed:') + 1);
});

test(`nesting deeper than ${MAX_NESTING_DEPTH} levels is one located error at the first level past the limit`, () => {
  const depth = 6000;
  const json = `{\n  "name": ${'['.repeat(depth)}${']'.repeat(depth)}\n}`;
  const d = errorsOf(json, 'deep.nn.json');
  assert.equal(d.length, 1, d.map(show).join('\n'));
  // `{` is level 1, so the first `[` past the limit is the (limit)th bracket on line 2.
  assert.deepEqual(d[0].range.start, { line: 2, column: 11 + MAX_NESTING_DEPTH - 1 });
  assert.match(d[0].message, new RegExp(`nested more than ${MAX_NESTING_DEPTH} levels deep`));
  assert.doesNotMatch(d[0].message, /call stack/i);
  const yaml = errorsOf(`name: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
  assert.equal(yaml.length, 1, yaml.map(show).join('\n'));
  assert.deepEqual(yaml[0].range.start, { line: 1, column: 7 + MAX_NESTING_DEPTH - 1 });
  const dashes = errorsOf(`${'- '.repeat(depth)}x\n`);
  assert.equal(dashes.length, 1);
  assert.match(dashes[0].message, /nested more than/);
});

test('a complex key (`?` and a collection) is one error at the key, and no warning reaches the terminal', () => {
  const warnings: unknown[] = [];
  const onWarning = (w: Error) => warnings.push(w);
  process.on('warning', onWarning);
  const emit = process.emitWarning;
  process.emitWarning = ((w: unknown) => void warnings.push(w)) as typeof process.emitWarning;
  try {
    const d = errorsOf(`${IRIS}? [a, b]\n: 3\n`);
    assert.equal(d.length, 1, d.map(show).join('\n'));
    assert.equal(d[0].range.start.line, IRIS_LINES.length);
    assert.match(d[0].message, /a key must be a name/);
  } finally {
    process.emitWarning = emit;
    process.off('warning', onWarning);
  }
  assert.deepEqual(warnings, []);
});

test('a stray line pasted above `name:` is one error at that line, and the rest is still checked', () => {
  const at = lineOf('name:');
  const lines = [...IRIS_LINES];
  lines.splice(at - 1, 0, 'oops this is pasted');
  const d = errorsOf(lines.join('\n'));
  assert.deepEqual(d.map(show), [`${at}:1 line ${at} (\`oops this is pasted\`) does not fit the structure of the file: it is neither a \`key: value\` pair nor a \`- item\` here. Remove it, or make it a comment with \`#\``]);
  const alsoTypo = errorsOf(lines.join('\n').replace('activation: relu,', 'activation: relux,'));
  assert.deepEqual(alsoTypo.map((e) => e.range.start.line), [at, lineOf('  - Dense: { units: 8') + 1]);
});

test('a mis-indented key is one error naming the line to re-indent', () => {
  const epochs = lineOf('  epochs:');
  for (const indent of ['    ', ' ', '   ']) {
    const d = errorsOf(IRIS.replace('  epochs: 100', `${indent}epochs: 100`));
    assert.equal(d.length, 1, `${JSON.stringify(indent)}: ${d.map(show).join('\n')}`);
    assert.equal(d[0].range.start.line, epochs);
    assert.match(d[0].message, new RegExp(`^bad indentation: .*check the indentation of line ${epochs}$`));
  }
  const misaligned = errorsOf(IRIS.replace('  batch_size: 16', ' batch_size: 16'));
  assert.equal(misaligned.length, 1, misaligned.map(show).join('\n'));
  assert.equal(misaligned[0].message, `bad indentation: \`batch_size\` starts at column 2, but the other keys of its map at column 3: check the indentation of line ${epochs + 1}`);
});

test('a section header indented into the section above is one error, not one per key', () => {
  const fit = lineOf('fit:');
  const d = errorsOf(IRIS.replace('\nfit:', '\n  fit:'));
  assert.deepEqual(d.map(show), [
    `${fit}:3 \`fit:\` is indented under \`compile:\`, so it and the keys after it (\`epochs\`, \`batch_size\`) are read as options of compile: a section starts at column 1. Check the indentation of line ${fit}`,
  ]);
  const keysNotIndented = errorsOf(IRIS.replace('  epochs: 100\n  batch_size: 16', 'epochs: 100\nbatch_size: 16'));
  assert.deepEqual(keysNotIndented.map(show), [
    `${fit}:1 the keys after \`fit:\` (\`epochs\`, \`batch_size\`) are not indented under it, so fit is empty: indent them by 2 spaces. Check the indentation of lines ${fit + 1}-${fit + 2}`,
  ]);
});

test('a tab in the indentation does not hide the other problems of the file', () => {
  const text = IRIS.replace('  loss: sparse', '\tloss: sparse').replace('activation: relu,', 'activation: relux,');
  const d = errorsOf(text);
  assert.deepEqual(
    d.map((e) => `${e.range.start.line}:${e.range.start.column}`),
    [`${lineOf('  - Dense: { units: 8')}:36`, `${lineOf('  loss:')}:1`],
    d.map(show).join('\n'),
  );
  assert.match(d[1].message, /^tabs are not allowed for indentation in YAML: indent with spaces/);
  assert.match(d[0].message, /`relux` is not a valid activation/);
});

test('a second document, a duplicate key or an alias to nothing does not hide the other problems either', () => {
  const typo = (text: string) => text.replace('activation: relu,', 'activation: relux,');
  const relux = `${lineOf('  - Dense: { units: 8')}:36`;
  const at = (d: Diagnostic[]) => d.map((e) => `${e.range.start.line}:${e.range.start.column}`);
  const twoDocuments = errorsOf(typo(IRIS.replace('\ncompile:', '\n---\ncompile:')));
  assert.deepEqual(at(twoDocuments), [relux, `${lineOf('compile:')}:1`], twoDocuments.map(show).join('\n'));
  assert.match(twoDocuments[1].message, /^a model file holds a single YAML document: remove this `---`/);
  const alias = errorsOf(typo(IRIS.replace('seed: 42', 'seed: *nope')));
  assert.deepEqual(at(alias), [`${lineOf('seed:')}:7`, relux], alias.map(show).join('\n'));
  const duplicate = errorsOf(typo(IRIS.replace('seed: 42', 'seed: 42\nseed: 3')));
  assert.deepEqual(at(duplicate), [`${lineOf('seed:') + 1}:1`, `${lineOf('  - Dense: { units: 8') + 1}:36`], duplicate.map(show).join('\n'));
});

test(`a syntax cascade is capped at ${MAX_SYNTAX_ERRORS} errors and a located \`… and N more\``, () => {
  // Eight layers closing a bracket they never opened: eight mistakes, no one repair explains them all.
  const layers = Array.from({ length: 8 }, () => '  - Dense: { units: 3 } ]').join('\n');
  const d = errorsOf(IRIS.replace('  - Dense: { units: 3, activation: softmax }', layers));
  assert.equal(d.length, MAX_SYNTAX_ERRORS + 1, d.map(show).join('\n'));
  assert.match(d[0].message, /^unexpected `]`: nothing is open for it to close here\. Remove it$/);
  assert.match(d[MAX_SYNTAX_ERRORS].message, /^… and 5 more syntax errors from here on/);
  assert.equal(d[MAX_SYNTAX_ERRORS].range.start.line, d[MAX_SYNTAX_ERRORS - 1].range.start.line + 1);
  assertOneLineEach(d);
});

test('the CLI printer keeps every problem on its line, whatever the message holds', () => {
  const d: Diagnostic = {
    file: 'a\nb.nn.yaml',
    range: { start: { line: 2, column: 3 }, end: { line: 2, column: 5 } },
    severity: 'error',
    message: 'two\nlines\u0000 and a \u001b[2J clear',
    code: 'x',
  };
  const plain = renderDiagnostic(d, undefined, { rich: false, color: false });
  assert.equal(plain.split('\n').length, 1);
  assert.match(plain, LOCATED);
  assert.ok(!CONTROL.test(plain), plain);
  assert.ok(!CONTROL.test(formatDiagnostic(d)) && !formatDiagnostic(d).includes('\n'));
  const rich = renderDiagnostic(d, ['first', 'se\rco\u0000nd'], { rich: true, color: false }).split('\n');
  assert.equal(rich.length, 3);
  assert.ok(!rich.some((l) => CONTROL.test(l)), JSON.stringify(rich));
});

test("TensorFlow.js' rejection of a layer is said in our words: what the layer needs, what it got, what to do", () => {
  const conv = layerRejectionMessage('Conv2D', [null, 16], false, new Error('Input 0 is incompatible with layer conv2d_Conv2D1: expected ndim=4, found ndim=2'));
  assert.doesNotMatch(conv, /ndim|conv2d_Conv2D1|Input 0/);
  assert.match(conv, /^Conv2D cannot follow the previous layer \(output shape \[None, 16\]\): it needs images, shaped \[None, height, width, channels\], but gets \[None, 16\]/);
  const lstm = layerRejectionMessage('LSTM', [null, 4], true, new Error('Input 0 is incompatible with layer lstm_LSTM1: expected ndim=3, found ndim=2'));
  assert.match(lstm, /^LSTM cannot follow the input \(shape \[None, 4\]\): it needs sequences, shaped \[None, timesteps, features\], but gets \[None, 4\]/);
  const flatten = layerRejectionMessage('Flatten', [null, 8], false, new Error('Input 0 is incompatible with layer flatten_Flatten2: expected min_ndim=3, found ndim=2.'));
  assert.match(flatten, /is already flat: remove the Flatten/);
  const small = layerRejectionMessage('Conv2D', [null, 2, 2, 1], true, new Error('Negative dimension size caused by adding layer conv2d_Conv2D3 with input shape [,2,2,1]'));
  assert.match(small, /larger than its input/);
  assert.doesNotMatch(small, /Negative dimension/);
});

test('a layer tfjs rejects, found by validate with the data, reads in our words at that layer', async () => {
  const file = writeModelFile(
    tempDir(),
    'conv.nn.yaml',
    IRIS.replace('  - Dense: { units: 3, activation: softmax }', '  - Conv2D: { filters: 3, kernel_size: 2 }\n  - Dense: { units: 3, activation: softmax }'),
  );
  const d = await checkModelFile(file);
  assert.equal(d.length, 1, d.map(formatDiagnostic).join('\n'));
  assert.equal(d[0].range.start.line, lineOf('  - Dense: { units: 3'));
  assert.doesNotMatch(d[0].message, /ndim|Input 0|_Conv2D\d/);
  assert.match(d[0].message, /Conv2D cannot follow the previous layer \(output shape \[None, 8\]\): it needs images/);
});

test('later-stage errors are cleaned where they become diagnostics: one line, our words', () => {
  const parsed = parseModelText(IRIS, 'iris.nn.yaml');
  const d = diagnosticFromSpecError(parsed, new SpecError(['model', 1], 'Dense cannot follow the previous layer (output shape [None, 8]): Input 0 is incompatible with layer x: expected ndim=4, found ndim=2\nmore'));
  assert.doesNotMatch(d.message, /ndim|\n/);
  assert.equal(diagnosticFromSpecError(parsed, new SpecError(['predict', 'samples'], 'w', 'predict-samples', undefined, 'warning')).severity, 'warning');
});

test('predict: samples beyond the test split is a warning at samples that says how many there are', async () => {
  const parsed = parseModelText(IRIS.replace('samples: 5', 'samples: 500'), 'iris.nn.yaml');
  assert.ok(parsed.spec);
  const data = await loadData(parsed.spec.data, { baseDir: examplesDir, loss: parsed.spec.compile.loss });
  const warnings = predictSamplesWarnings(parsed.spec, data);
  assert.equal(warnings.length, 1);
  const d = diagnosticFromSpecError(parsed, warnings[0]);
  assert.equal(d.severity, 'warning');
  assert.equal(d.range.start.line, lineOf('  samples:'));
  assert.equal(d.message, 'predict asks for 500 samples, but the test split has 30: only those 30 are shown. Use `samples: 30` or fewer');
  assert.equal(formatDiagnostic(d), `iris.nn.yaml:${lineOf('  samples:')}:12: warning: ${d.message}`);
  assert.deepEqual(predictSamplesWarnings({ ...parsed.spec, predict: { kind: 'samples', samples: 30 } }, data), []);
});
