import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Writable } from 'stream';
import { main } from '../../src/cli';
import { terminalStyle } from '../../src/cli/terminalStyle';
import { runCli } from '../helpers/runCli';
import { tempDir, writeModelFile } from '../helpers/tempDir';

const broken = `name: broken
data:
  dataset: xor
model:
  - Dense: { units: 4, activation: relux, input_shape: [2] }
  - Dense: { unit: 1, activation: sigmoid }
compile:
  optimizer: adam
  loss: binary_crossentropy
`;

const ESC = '\x1b';
// eslint-disable-next-line no-control-regex -- removing the colours is the point
const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

/** A stream that says it is a terminal, as process.stderr does in a shell. */
function terminal(): { stream: Writable & { isTTY: boolean }; text: () => string } {
  let text = '';
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        text += chunk.toString();
        done();
      },
    }),
    { isTTY: true },
  );
  return { stream, text: () => text };
}

async function validateOnTerminal(file: string, env: Record<string, string | undefined> = {}): Promise<string> {
  const saved = process.env.NO_COLOR;
  process.env.NO_COLOR = env.NO_COLOR;
  if (env.NO_COLOR === undefined) delete process.env.NO_COLOR;
  try {
    const stderr = terminal();
    const code = await main(['validate', file], { stdout: terminal().stream, stderr: stderr.stream });
    assert.equal(code, 1);
    return stderr.text();
  } finally {
    if (saved === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = saved;
  }
}

test('validate on a terminal: a coloured FILE:LINE:COLUMN line, then the source line with carets under the span', async () => {
  const file = writeModelFile(tempDir(), 'broken.nn.yaml', broken);
  const text = await validateOnTerminal(file);
  assert.match(text, new RegExp(`\\x1b\\[1m${escape(file)}:5:36:\\x1b\\[0m \\x1b\\[1;31merror\\x1b\\[0m: `));
  const lines = stripAnsi(text).split('\n');
  assert.match(lines[0], new RegExp(`^${escape(file)}:5:36: error: \`relux\` is not a valid activation`));
  assert.equal(lines[1], '  5 |   - Dense: { units: 4, activation: relux, input_shape: [2] }');
  assert.equal(lines[2], '    |                                    ^^^^^');
  assert.match(lines[3], new RegExp(`^${escape(file)}:6:14: error: unknown key \`unit\``));
  assert.equal(lines[5], '    |              ^^^^');
});

test('NO_COLOR keeps the source excerpts on a terminal but drops the colours', async () => {
  const file = writeModelFile(tempDir(), 'broken.nn.yaml', broken);
  const text = await validateOnTerminal(file, { NO_COLOR: '1' });
  assert.ok(!text.includes(ESC), 'no escape codes');
  assert.match(text, /\n {4}\| {36}\^{5}\n/);
});

test('validate through a pipe prints the plain lines only, unless --color is given', async () => {
  const file = writeModelFile(tempDir(), 'broken.nn.yaml', broken);
  const plain = await runCli(['validate', file]);
  assert.equal(plain.stderr.trim().split('\n').length, 2, plain.stderr);
  assert.ok(!plain.stderr.includes(ESC) && !plain.stderr.includes('^'), plain.stderr);
  const coloured = await runCli(['validate', '--color', file]);
  assert.equal(coloured.code, 1);
  assert.ok(coloured.stderr.includes(`${ESC}[1;31merror${ESC}[0m`), coloured.stderr);
  // Each problem's first line is still exactly the plain one.
  const firstLines = stripAnsi(coloured.stderr).split('\n').filter((l) => l.startsWith(file));
  assert.deepEqual(firstLines, plain.stderr.trim().split('\n'));
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('colour: on a terminal or with --color; NO_COLOR turns it off unless --color is given', () => {
  assert.deepEqual(terminalStyle({ isTTY: true }, false, {}), { rich: true, color: true });
  assert.deepEqual(terminalStyle({ isTTY: false }, false, {}), { rich: false, color: false });
  assert.deepEqual(terminalStyle({ isTTY: true }, false, { NO_COLOR: '1' }), { rich: true, color: false });
  assert.deepEqual(terminalStyle({ isTTY: true }, false, { NO_COLOR: '' }), { rich: true, color: true });
  assert.deepEqual(terminalStyle({}, true, { NO_COLOR: '1' }), { rich: true, color: true });
});
