/**
 * The class, not the cases: thousands of single mutations of the examples (YAML and JSON), each
 * checked as `nn-trainer validate` prints it, without data or TensorFlow.js. Whatever the mistake,
 * the output is located one-line diagnostics only, with no control character, no stack, a handful
 * of errors at most, and it comes fast. Seeded; FUZZ_SEED and FUZZ_RUNS override the seed and count.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { parseModelText } from '../../src/core/modelFile';
import { renderDiagnostic } from '../../src/cli/diagnosticText';
import { exitCodeOf } from '../../src/cli/commands/validateCommand';
import { examplesDir } from '../helpers/tempDir';

const SEED = Number(process.env.FUZZ_SEED ?? 20250611);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
/** Errors one mutation may cause: the root cause, and at most a few independent consequences. */
const MAX_ERRORS = 5;
/** A keystroke's check must never stall the editor. */
const MAX_MS = 1000;

interface Base {
  file: string;
  text: string;
}

const BASES: Base[] = fs
  .readdirSync(examplesDir)
  .filter((f) => f.endsWith('.nn.yaml'))
  .sort()
  .flatMap((f) => {
    const yaml = fs.readFileSync(path.join(examplesDir, f), 'utf8');
    return [
      { file: f, text: yaml },
      { file: f.replace(/\.yaml$/, '.json'), text: `${JSON.stringify(parseYaml(yaml), null, 2)}\n` },
    ];
  });

/** Characters a slip of the keyboard, a paste or a broken editor may put anywhere. */
const INSERTED = [':', '-', ' ', '  ', '\t', '\n', '\r', '\r\n', '[', ']', '{', '}', ',', '"', "'", '#', '?', '&a', '*a', '!', '|', '>', '%', '@', '`', 'x', '0', '.', '\\', '\u0000', '\u0007', '\u001b[2J', '\u007f', '\u0085', '\ufeff', '\u2028', '\u202e', '\ud800', 'é', '😀'];
/** What a number may be replaced with. */
const NUMBERS = ['0', '-1', '1.5', '1e400', '-0', '1000000000', 'NaN', '.inf', '0x10', '"7"', '', 'null', 'true', '[]', '{}', 'abc', '1 2'];
/** What a key may be replaced with: near misses, other valid keys, junk. */
const KEYS = ['', 'unit', 'Units', 'input_shap', 'epoch', 'batchSize', 'fit', 'compile', 'data', 'model', 'name', 'activation', 'dataset', 'x', '"a b"', '?', '- x', 'units units'];

type Mutation =
  | { kind: 'deleteLine'; at: number }
  | { kind: 'duplicateLine'; at: number }
  | { kind: 'shiftIndent'; at: number; by: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'number'; at: number; with: string }
  | { kind: 'key'; at: number; with: string }
  | { kind: 'swapLines'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('shiftIndent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }).filter((n) => n !== 0) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...INSERTED) }),
  fc.record({ kind: fc.constant('number' as const), at: fc.nat(), with: fc.constantFrom(...NUMBERS) }),
  fc.record({ kind: fc.constant('key' as const), at: fc.nat(), with: fc.constantFrom(...KEYS) }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat() }),
);

/** The base text with one mutation applied; positions wrap around the text. */
function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = m.at % lines.length;
  switch (m.kind) {
    case 'deleteLine':
      return [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
    case 'duplicateLine':
      return [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
    case 'swapLines': {
      const next = (line + 1) % lines.length;
      const swapped = [...lines];
      [swapped[line], swapped[next]] = [swapped[next], swapped[line]];
      return swapped.join('\n');
    }
    case 'shiftIndent': {
      const shifted = [...lines];
      shifted[line] = m.by > 0 ? ' '.repeat(m.by) + lines[line] : lines[line].replace(new RegExp(`^ {0,${-m.by}}`), '');
      return shifted.join('\n');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'number':
      return replaceNth(text, /-?\b\d+(\.\d+)?\b/g, m.at, m.with);
    case 'key':
      return replaceNth(text, /(?<=^\s*(?:-\s+)?"?)[A-Za-z_]\w*(?="?\s*:)/gm, m.at, m.with);
  }
}

function replaceNth(text: string, pattern: RegExp, n: number, replacement: string): string {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const match = matches[n % matches.length];
  const at = match.index ?? 0;
  return text.slice(0, at) + replacement + text.slice(at + match[0].length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A text with its invisible characters escaped, for failure messages. */
const visible = (text: string) => text.replace(new RegExp(CONTROL.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** What `nn-trainer validate` prints on stderr through a pipe, and its exit code. */
function validateInProcess(file: string, text: string): { stderr: string; code: number; errors: number } {
  const diagnostics = parseModelText(text, file).diagnostics;
  const stderr = diagnostics.map((d) => `${renderDiagnostic(d, undefined, { rich: false, color: false })}\n`).join('');
  return { stderr, code: exitCodeOf(diagnostics), errors: diagnostics.filter((d) => d.severity === 'error').length };
}

/** Calls `work` and returns what it made Node, the YAML library or anything else write besides. */
function capturingStrayOutput(work: () => void): string[] {
  const stray: string[] = [];
  const saved = { emitWarning: process.emitWarning, warn: console.warn, error: console.error, log: console.log, info: console.info };
  process.emitWarning = ((w: unknown) => void stray.push(`warning: ${String(w)}`)) as typeof process.emitWarning;
  console.warn = console.error = console.log = console.info = (...args: unknown[]) => void stray.push(args.map(String).join(' '));
  try {
    work();
  } finally {
    Object.assign(console, { warn: saved.warn, error: saved.error, log: saved.log, info: saved.info });
    process.emitWarning = saved.emitWarning;
  }
  return stray;
}

test('every example, as YAML and as JSON, validates clean', () => {
  assert.equal(BASES.length, 10);
  for (const base of BASES) assert.deepEqual(validateInProcess(base.file, base.text), { stderr: '', code: 0, errors: 0 }, base.file);
});

test(`${RUNS} single mutations of the examples: located one-line diagnostics, no control character, no stack, at most ${MAX_ERRORS} errors, each under ${MAX_MS} ms`, (t) => {
  validateInProcess(BASES[0].file, BASES[0].text); // compiles the schema validator once, outside the timings
  let slowest = 0;
  const started = performance.now();
  const property = fc.property(fc.nat({ max: BASES.length - 1 }), mutation, (baseIndex, m) => {
    const base = BASES[baseIndex];
    const text = mutate(base.text, m);
    let result: ReturnType<typeof validateInProcess> | undefined;
    const before = performance.now();
    const stray = capturingStrayOutput(() => (result = validateInProcess(base.file, text)));
    const ms = performance.now() - before;
    slowest = Math.max(slowest, ms);
    assert.ok(result);
    const context = `${base.file} ${visible(JSON.stringify(m))}\n${visible(result.stderr)}`;
    assert.deepEqual(stray, [], `output besides the diagnostics: ${context}`);
    assert.ok(result.code === 0 || result.code === 1, context);
    const located = new RegExp(`^${escapeRegExp(base.file)}:\\d+:\\d+: (error|warning|info): \\S.*$`);
    for (const line of result.stderr.split('\n').slice(0, -1)) {
      assert.match(line, located, context);
      assert.ok(!CONTROL.test(line), `control character in ${JSON.stringify(line)}`);
      assert.doesNotMatch(line, /\bat .*\(.*:\d+:\d+\)|call stack|TypeError|RangeError|ReferenceError|internal:/, context);
    }
    assert.ok(result.errors <= MAX_ERRORS, `${result.errors} errors for one mutation: ${context}`);
    assert.ok(ms < MAX_MS, `${ms.toFixed(0)} ms: ${context}`);
  });
  try {
    fc.assert(property, { seed: SEED, numRuns: RUNS });
  } catch (err) {
    // fast-check's report names the seed and the shrunk path; say how to replay it here too.
    const cause = err instanceof Error && err.cause instanceof Error ? `\n${err.cause.message}` : '';
    throw new Error(`fuzz failed with seed ${SEED} (replay: FUZZ_SEED=${SEED} node --test out/test/unit/fuzzModelFiles.test.js)\n${err instanceof Error ? err.message : String(err)}${cause}`);
  }
  t.diagnostic(`${RUNS} cases, seed ${SEED}, ${((performance.now() - started) / 1000).toFixed(1)} s in all, slowest ${slowest.toFixed(0)} ms`);
});
