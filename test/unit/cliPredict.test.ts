import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../helpers/runCli';
import { examplesDir, tempDir, writeModelFile } from '../helpers/tempDir';

/** A copy of the XOR example in a fresh folder, so its `.nn-runs` holds only this test's runs. */
async function trainedXor(): Promise<{ file: string; runDir: string }> {
  const file = writeModelFile(tempDir(), 'xor.nn.yaml', fs.readFileSync(path.join(examplesDir, 'xor.nn.yaml'), 'utf8'));
  const trained = await runCli(['train', file, '--json']);
  assert.equal(trained.code, 0, trained.stderr);
  return { file, runDir: JSON.parse(trained.stdout).runDir };
}

const xorLines = /^\[0, 0\] -> 0 \(0\.\d{4}\)\n\[0, 1\] -> 1 \(0\.\d{4}\)\n\[1, 0\] -> 1 \(0\.\d{4}\)\n\[1, 1\] -> 0 \(0\.\d{4}\)\n$/;

test('predict MODEL_FILE or a runs folder uses the latest completed run and, without --input, the file\'s predict: samples', async () => {
  const { file, runDir } = await trainedXor();
  const runsRoot = path.join(path.dirname(file), '.nn-runs');
  for (const target of [file, runsRoot, path.join(runsRoot, 'xor')]) {
    const result = await runCli(['predict', target]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, xorLines, target);
    assert.equal(result.stderr, `Run: ${runDir}\n`, 'says which run answered, on stderr');
  }
});

test('a later run that did not complete is passed over for the latest completed one', async () => {
  const { file, runDir } = await trainedXor();
  const stopped = path.join(path.dirname(runDir), '9999-12-31T00-00-00');
  fs.cpSync(runDir, stopped, { recursive: true });
  const summaryFile = path.join(stopped, 'summary.json');
  const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
  fs.writeFileSync(summaryFile, JSON.stringify({ ...summary, status: 'stopped', startedAt: '9999-12-31T00:00:00.000Z' }));
  const result = await runCli(['predict', file, '--json']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).runDir, runDir);
  fs.writeFileSync(summaryFile, JSON.stringify({ ...summary, startedAt: '9999-12-31T00:00:00.000Z' }));
  assert.equal(JSON.parse((await runCli(['predict', file, '--json'])).stdout).runDir, stopped);
});

test('predict on something without a completed run says so in one line, without a stack', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'xor.nn.yaml', fs.readFileSync(path.join(examplesDir, 'xor.nn.yaml'), 'utf8'));
  const untrained = await runCli(['predict', file]);
  assert.equal(untrained.code, 1);
  assert.equal(untrained.stderr, `nn-trainer: ${file} has no completed run in ${path.join(dir, '.nn-runs')}; train it first: nn-trainer train ${file}\n`);
  const missing = await runCli(['predict', path.join(dir, 'nothing-here')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^nn-trainer: .*nothing-here does not exist; give a run folder, a runs folder \(\.nn-runs\) or a model file\.\n$/);
  const json = await runCli(['predict', file, '--json']);
  assert.equal(JSON.parse(json.stdout).status, 'failed');
});

test('images are too big to print: predictions read `sample N -> label (confidence)`, with the true label', async () => {
  const dir = tempDir();
  const text = fs.readFileSync(path.join(examplesDir, 'digits.nn.yaml'), 'utf8');
  const file = writeModelFile(dir, 'digits.nn.yaml', text);
  assert.equal((await runCli(['train', file, '--epochs', '1'])).code, 0);
  const result = await runCli(['predict', file]);
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout.trim().split('\n');
  assert.equal(lines.length, 8, 'the file asks for 8 samples');
  lines.forEach((line, i) => assert.match(line, new RegExp(`^sample ${i + 1} -> \\d \\(0\\.\\d{4}\\), expected \\d [✓✗]$`)));
});

test('regression prints the predicted value itself', async () => {
  const dir = tempDir();
  const file = writeModelFile(
    dir,
    'line.nn.yaml',
    `name: line
seed: 1
data:
  inline:
    x: [[0], [1], [2], [3]]
    y: [[1], [3], [5], [7]]
model:
  - Dense: { units: 1, input_shape: [1] }
compile:
  optimizer: { adam: { learning_rate: 0.1 } }
  loss: mse
fit:
  epochs: 5
`,
  );
  assert.equal((await runCli(['train', file])).code, 0);
  const result = await runCli(['predict', file, '--input', '[[4], [5]]']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^\[4\] -> -?\d+\.\d{4}\n\[5\] -> -?\d+\.\d{4}\n$/);
});
