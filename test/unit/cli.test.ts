import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../helpers/runCli';
import { loadTfjsNode } from '../../src/core/backend/loadTfjsNode';
import { spawnSync } from 'child_process';
import { examplesDir, repoRoot, tempDir, writeModelFile } from '../helpers/tempDir';

const xor = path.join(examplesDir, 'xor.nn.yaml');
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

test('validate: every example is valid and exits 0', async () => {
  const files = fs.readdirSync(examplesDir).filter((f) => /\.nn\.(yaml|json)$/.test(f)).map((f) => path.join(examplesDir, f));
  assert.ok(files.length >= 5);
  const result = await runCli(['validate', ...files]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout.trim().split('\n').length, files.length);
});

test('validate: a broken file prints every problem as FILE:LINE:COLUMN: error: and exits 1', async () => {
  const file = writeModelFile(tempDir(), 'broken.nn.yaml', broken);
  const result = await runCli(['validate', file]);
  assert.equal(result.code, 1);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 2, result.stderr);
  assert.match(lines[0], new RegExp(`^${escape(file)}:5:\\d+: error: .*relux.*relu`));
  assert.match(lines[1], new RegExp(`^${escape(file)}:6:\\d+: error: .*unit.*units`));
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
});

test('usage errors exit 2 with the usage text', async () => {
  for (const args of [[], ['frobnicate'], ['train'], ['train', xor, '--epochs', 'zero'], ['train', xor, '--backend', 'gpu'], ['train', xor, '--bogus']]) {
    const result = await runCli(args);
    assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, /Usage: nn-trainer/);
  }
});

test('summary prints a Keras-style table with output shapes and parameter counts', async () => {
  const result = await runCli(['summary', path.join(examplesDir, 'mnist-mlp.nn.yaml')]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /Model: "mnist-mlp"/);
  assert.match(result.stdout, /^flatten \(Flatten\)\s+\(None, 784\)\s+0$/m);
  assert.match(result.stdout, /^dense \(Dense\)\s+\(None, 128\)\s+100,480$/m);
  assert.match(result.stdout, /^dense_1 \(Dense\)\s+\(None, 10\)\s+1,290$/m);
  assert.match(result.stdout, /Total params: 101,770/);
});

test('train --json prints exactly one JSON object with the results, and progress on stderr', async () => {
  const out = tempDir();
  const result = await runCli(['train', xor, '--json', '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  const json = JSON.parse(result.stdout);
  assert.deepEqual(Object.keys(json).sort(), ['backend', 'durationMs', 'epochs', 'evaluation', 'history', 'predictions', 'runDir', 'samplesPerSecond', 'status']);
  assert.equal(json.epochs, 300);
  assert.equal(json.history.loss.length, 300);
  assert.equal(json.history.accuracy.length, 300);
  assert.equal(json.evaluation.accuracy, 1);
  assert.equal(typeof json.evaluation.loss, 'number');
  assert.deepEqual(json.predictions.map((p: { label: number }) => p.label), [0, 1, 1, 0]);
  assert.deepEqual(json.predictions[1].input, [0, 1]);
  assert.ok(json.runDir.startsWith(out));
  assert.ok(json.samplesPerSecond > 0 && json.durationMs > 0);
  // Not a terminal: one line per epoch, as Keras' verbose=2.
  assert.match(result.stderr, /^Backend: (node|wasm|cpu) \(/m);
  assert.match(result.stderr, /^Epoch 300\/300 - \d+s - loss: [\d.]+ - accuracy: 1\.0000$/m);
});

test('the backend line is one short sentence; --verbose adds why, and summary.json keeps the full reason', async () => {
  const out = tempDir();
  const quiet = await runCli(['train', xor, '--epochs', '1', '--json', '--out', out]);
  assert.equal(quiet.code, 0, quiet.stderr);
  assert.match(quiet.stderr, /^Backend: (wasm \(WebAssembly, SIMD\)|node \(native TensorFlow, through @tensorflow\/tfjs-node\)|cpu \(plain JavaScript, the (slowest|fastest for a model this small)\))\.( Install @tensorflow\/tfjs-node for native speed\.)?$/m);
  assert.doesNotMatch(quiet.stderr, /Cannot find module|not available/);
  const summary = JSON.parse(fs.readFileSync(path.join(JSON.parse(quiet.stdout).runDir, 'summary.json'), 'utf8'));
  const verbose = await runCli(['train', xor, '--epochs', '1', '--verbose', '--out', out]);
  assert.equal(verbose.code, 0, verbose.stderr);
  assert.ok(verbose.stderr.includes(`\nBackend details: ${summary.backendReason}\n`), verbose.stderr);
});

test('predict RUN_DIR --input prints one line per sample: input -> label (confidence)', async () => {
  const out = tempDir();
  const trained = JSON.parse((await runCli(['train', xor, '--json', '--out', out])).stdout);
  const result = await runCli(['predict', trained.runDir, '--input', '[[0,1],[1,1]]']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^\[0, 1\] -> 1 \(0\.9\d{3}\)\n\[1, 1\] -> 0 \(0\.9\d{3}\)\n$/);
  assert.equal(result.stderr, '', 'the run was given, so no "Run:" line');
  const json = JSON.parse((await runCli(['predict', trained.runDir, '--input', '[[0,1],[1,1]]', '--json'])).stdout);
  assert.equal(json.runDir, trained.runDir);
  assert.deepEqual(json.predictions.map((p: { label: number }) => p.label), [1, 0]);
  const wrongShape = await runCli(['predict', trained.runDir, '--input', '[[0,1,2]]']);
  assert.equal(wrongShape.code, 1);
  assert.match(wrongShape.stderr, /^nn-trainer: input 1 has 3 values; the model takes 2.*\n$/);
  const notARun = await runCli(['predict', tempDir(), '--input', '[0,1]']);
  assert.equal(notARun.code, 1);
  assert.match(notARun.stderr, /^nn-trainer: .* holds no completed run; train a model first: nn-trainer train FILE\n$/);
});

test('train on an invalid file exits 1 with located errors, and --json still prints one object', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'broken.nn.yaml', broken);
  const result = await runCli(['train', file, '--json', '--out', path.join(dir, 'runs')]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /broken\.nn\.yaml:5:\d+: error:/);
  const json = JSON.parse(result.stdout);
  assert.equal(json.status, 'invalid');
  assert.equal(json.diagnostics.length, 2);
  assert.equal(fs.existsSync(path.join(dir, 'runs')), false);
});

test('asking for the node backend where tfjs-node is not installed exits 1 with the reason', async (t) => {
  if (loadTfjsNode().ok) return t.skip('tfjs-node is installed on this machine');
  const result = await runCli(['train', xor, '--backend', 'node', '--out', tempDir()]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^nn-trainer: the node backend is not available: @tensorflow\/tfjs-node /m);
});

test('Ctrl-C stops training cleanly: exit 130, run folder marked stopped with the epochs so far', async () => {
  const dir = tempDir();
  const text = fs.readFileSync(path.join(examplesDir, 'mnist-mlp.nn.yaml'), 'utf8').replace('  scale: 255', '  scale: 255\n  limit: 3000');
  const file = writeModelFile(dir, 'mnist.nn.yaml', text);
  let sent = false;
  const result = await runCli(['train', file, '--epochs', '50', '--out', path.join(dir, 'runs')], (stderr, child) => {
    if (!sent && /^Epoch 2\/50/m.test(stderr)) {
      sent = true;
      child.kill('SIGINT');
    }
  });
  assert.equal(result.code, 130, result.stderr);
  assert.match(result.stderr, /Stopping after the current batch/);
  assert.match(result.stdout, /Stopped after \d+ of 50 epochs/);
  const runDir = /Run folder: (.*)/.exec(result.stdout)?.[1] ?? '';
  const summary = JSON.parse(fs.readFileSync(path.join(runDir, 'summary.json'), 'utf8'));
  assert.equal(summary.status, 'stopped');
  assert.ok(summary.epochsCompleted >= 2 && summary.epochsCompleted < 50);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('a *.nn.json model file trains from the CLI like its YAML twin', async () => {
  const dir = tempDir();
  const yaml = await import('yaml');
  const spec = yaml.parse(fs.readFileSync(xor, 'utf8'));
  const file = writeModelFile(dir, 'xor.nn.json', JSON.stringify(spec, null, 2));
  const result = await runCli(['train', file, '--epochs', '300', '--json', '--out', path.join(dir, 'runs')]);
  assert.equal(result.code, 0, result.stderr);
  const json = JSON.parse(result.stdout);
  assert.equal(json.evaluation.accuracy, 1);
  const fromYaml = JSON.parse((await runCli(['train', xor, '--json', '--out', path.join(dir, 'runs')])).stdout);
  assert.deepEqual(json.history, fromYaml.history, 'same file, same seed, same history');
});

test('`npx nn-trainer` runs the built CLI through the package bin', () => {
  const result = spawnSync('npx', ['--no-install', 'nn-trainer', 'validate', xor], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /xor\.nn\.yaml: valid/);
});
