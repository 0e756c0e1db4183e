/** `nn-trainer export`: the script beside the model file, no overwrite without --force, nothing written for an invalid file. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../helpers/runCli';
import { examplesDir, tempDir, writeModelFile } from '../helpers/tempDir';
import { hasPython, pythonSyntaxError } from '../helpers/pythonSyntax';

function xorCopy(): string {
  const dir = tempDir();
  const file = path.join(dir, 'xor.nn.yaml');
  fs.copyFileSync(path.join(examplesDir, 'xor.nn.yaml'), file);
  return file;
}

test('export writes <stem>.py beside the model file and says where', async () => {
  const file = xorCopy();
  const result = await runCli(['export', file]);
  assert.equal(result.code, 0, result.stderr);
  const script = path.join(path.dirname(file), 'xor.py');
  assert.equal(result.stdout.trim(), `Wrote ${script}`);
  assert.equal(result.stderr, '');
  const text = fs.readFileSync(script, 'utf8');
  assert.match(text, /model = keras\.Sequential\(\[/);
  if (hasPython) assert.equal(pythonSyntaxError(text), undefined);
});

test('export refuses to overwrite without --force, and overwrites with it', async () => {
  const file = xorCopy();
  const script = path.join(path.dirname(file), 'xor.py');
  fs.writeFileSync(script, '# mine\n');
  const refused = await runCli(['export', file]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /^nn-trainer: .*xor\.py already exists: pass --force to overwrite it/);
  assert.equal(fs.readFileSync(script, 'utf8'), '# mine\n');
  const forced = await runCli(['export', file, '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(fs.readFileSync(script, 'utf8'), /keras\.Sequential/);
});

test('export --out writes where it is told, with a CSV path relative to the script', async () => {
  const dir = tempDir();
  fs.copyFileSync(path.join(examplesDir, 'breast-cancer.csv'), path.join(dir, 'breast-cancer.csv'));
  const file = path.join(dir, 'breast-cancer.nn.yaml');
  fs.copyFileSync(path.join(examplesDir, 'breast-cancer.nn.yaml'), file);
  const out = path.join(dir, 'scripts', 'train.py');
  fs.mkdirSync(path.dirname(out));
  const result = await runCli(['export', file, '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(fs.readFileSync(out, 'utf8'), /pd\.read_csv\('\.\.\/breast-cancer\.csv'\)/);
  assert.equal(fs.existsSync(path.join(dir, 'breast-cancer.py')), false);
});

test('an invalid model file prints its located diagnostics, exits 1 and writes nothing', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'broken.nn.yaml', `name: broken
data:
  dataset: xor
model:
  - Dense: { units: 4, activation: relux, input_shape: [2] }
compile:
  optimizer: adam
  loss: binary_crossentropy
`);
  const result = await runCli(['export', file]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:\\d+: error: .*relux`));
  assert.deepEqual(fs.readdirSync(dir), ['broken.nn.yaml']);
});

test('export without a file, or with two, is a usage error', async () => {
  for (const args of [['export'], ['export', 'a.nn.yaml', 'b.nn.yaml'], ['export', 'a.nn.yaml', '--bogus']]) {
    const result = await runCli(args);
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, /Usage: nn-trainer/);
  }
});

test('the usage text lists export', async () => {
  const result = await runCli(['help']);
  assert.match(result.stdout, /^ {2}export FILE \[options\]/m);
});
