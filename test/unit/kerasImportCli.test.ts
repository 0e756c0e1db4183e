import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../helpers/runCli';
import { repoRoot, tempDir } from '../helpers/tempDir';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'keras');

function copyScript(from: string): string {
  const dir = tempDir();
  const script = path.join(dir, path.basename(from));
  fs.copyFileSync(from, script);
  return script;
}

test('import SCRIPT.py writes SCRIPT.nn.yaml beside it, names it, and hints at train; the file validates', async () => {
  const script = copyScript(path.join(fixtures, 'seeds', 'seed-002.py'));
  const result = await runCli(['import', script]);
  assert.equal(result.code, 0, result.stderr);
  const out = path.join(path.dirname(script), 'seed-002.nn.yaml');
  assert.equal(fs.readFileSync(out, 'utf8'), fs.readFileSync(path.join(fixtures, 'seeds', 'seed-002.nn.yaml'), 'utf8'));
  assert.equal(result.stdout, `Wrote ${out}\nTrain it: nn-trainer train ${out}\n`);
  assert.equal(result.stderr, '');
  const validate = await runCli(['validate', out]);
  assert.equal(validate.code, 0, validate.stderr);
});

test('import prints each warning as SCRIPT.py:LINE:COL: warning: and refuses to overwrite without --force', async () => {
  const script = copyScript(path.join(fixtures, 'corpus', 'untranslatable.py'));
  const first = await runCli(['import', script]);
  assert.equal(first.code, 0, first.stderr);
  const lines = first.stderr.trim().split('\n');
  assert.equal(lines.length, 10);
  assert.equal(lines[0], `${script}:7:1: warning: not translated: the function f1_metric: functions are translated only where the model's code calls them`);
  for (const line of lines) assert.match(line, new RegExp(`^${escape(script)}:\\d+:\\d+: warning: not translated: `));
  const out = path.join(path.dirname(script), 'untranslatable.nn.yaml');
  fs.writeFileSync(out, 'mine\n');
  const again = await runCli(['import', script]);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already exists: add --force to overwrite it/);
  assert.equal(fs.readFileSync(out, 'utf8'), 'mine\n');
  const forced = await runCli(['import', script, '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(fs.readFileSync(out, 'utf8'), /^# Imported from untranslatable\.py by nn-trainer import\./);
});

test('import --out writes where asked', async () => {
  const script = copyScript(path.join(fixtures, 'seeds', 'seed-000.py'));
  const out = path.join(tempDir(), 'digits-of-mnist.nn.yaml');
  const result = await runCli(['import', script, '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(fs.readFileSync(out, 'utf8'), /^name: seed-000$/m);
  assert.ok(!fs.existsSync(path.join(path.dirname(script), 'seed-000.nn.yaml')));
});

test('a script without a Sequential model is SCRIPT.py:LINE:COL: error:, exit 1, nothing written', async () => {
  const script = copyScript(path.join(fixtures, 'corpus', 'functional-api.py'));
  const result = await runCli(['import', script]);
  assert.equal(result.code, 1);
  assert.equal(result.stderr.trim(), `${script}:7:9: error: the functional API (keras.Model(inputs, outputs)) is not supported: the importer reads Sequential models: Sequential([...]), or Sequential() followed by model.add(...)`);
  assert.deepEqual(fs.readdirSync(path.dirname(script)), ['functional-api.py']);
});

test('import: a missing script exits 1; no script is a usage error', async () => {
  const missing = await runCli(['import', path.join(tempDir(), 'nope.py')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /cannot read .*nope\.py: no such file/);
  const usage = await runCli(['import']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /import SCRIPT\.py/);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('import MODEL.json reads a Keras model JSON through the JSON importer', async () => {
  const json = copyScript(path.join(fixtures, 'json', 'keras3-iris.json'));
  const result = await runCli(['import', json]);
  assert.equal(result.code, 0, result.stderr);
  const out = path.join(path.dirname(json), 'keras3-iris.nn.yaml');
  assert.match(fs.readFileSync(out, 'utf8'), /^model:$/m);
  assert.equal(result.stdout.split('\n')[0], `Wrote ${out}`);
});

test('a script that loads scikit-learn\'s breast cancer data gets the shipped CSV beside its model file, and trains', async () => {
  const script = copyScript(path.join(fixtures, 'corpus', 'breast-cancer-sklearn.py'));
  const result = await runCli(['import', script]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^Copied breast-cancer\.csv beside it/m);
  const dir = path.dirname(script);
  assert.equal(fs.readFileSync(path.join(dir, 'breast-cancer.csv'), 'utf8'), fs.readFileSync(path.join(repoRoot, 'examples', 'breast-cancer.csv'), 'utf8'));
  const train = await runCli(['train', path.join(dir, 'breast-cancer-sklearn.nn.yaml'), '--epochs', '1', '--json', '--out', tempDir()]);
  assert.equal(train.code, 0, train.stderr);
  assert.equal(JSON.parse(train.stdout).status, 'completed');
});
