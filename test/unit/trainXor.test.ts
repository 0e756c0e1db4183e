import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { loadLayersModelFromDir } from '../../src/core/runs/modelFiles';
import { readRunSummary } from '../../src/core/runs/runFolder';
import { predictFromRun } from '../../src/core/session/predictFromRun';
import { examplesDir, tempDir } from '../helpers/tempDir';

const xorFile = path.join(examplesDir, 'xor.nn.yaml');

test('examples/xor.nn.yaml trains to 100% accuracy and predicts XOR', async () => {
  const runsRoot = tempDir();
  const events: string[] = [];
  const outcome = await trainModelFile(xorFile, { runsRoot, onEvent: (e) => void events.push(e.type) });
  assert.equal(outcome.summary.status, 'completed');
  assert.equal(outcome.summary.epochsCompleted, 300);
  assert.equal(outcome.summary.evaluation?.split, 'train');
  assert.equal(outcome.summary.evaluation?.metrics.accuracy, 1);
  assert.deepEqual(outcome.summary.predictions?.map((p) => p.label), [0, 1, 1, 0]);
  assert.deepEqual(outcome.summary.predictions?.map((p) => p.input), [[0, 0], [0, 1], [1, 0], [1, 1]]);
  assert.equal(outcome.history.loss.length, 300);
  assert.equal(outcome.history.accuracy.at(-1), 1);
  assert.ok(outcome.history.loss[299] < outcome.history.loss[0] / 5, 'loss fell');
  assert.equal(events.filter((t) => t === 'epochEnd').length, 300);
  assert.equal(events[0], 'phase');
  assert.ok(events.includes('runStarted'));
});

test('a run folder holds the model file, the history as it happened, the model and a summary', async () => {
  const runsRoot = tempDir();
  const { runDir } = await trainModelFile(xorFile, { runsRoot, epochs: 20 });
  assert.equal(path.dirname(path.dirname(runDir)), runsRoot);
  assert.equal(path.basename(path.dirname(runDir)), 'xor');
  assert.deepEqual(fs.readdirSync(runDir).sort(), ['batches.jsonl', 'history.jsonl', 'insights.json', 'model.json', 'preprocessing.json', 'summary.json', 'weights.bin', 'xor.nn.yaml']);
  const lines = fs.readFileSync(path.join(runDir, 'history.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 20);
  assert.deepEqual(Object.keys(lines[0]).sort(), ['accuracy', 'epoch', 'loss']);
  assert.equal(lines[19].epoch, 20);
  const summary = readRunSummary(runDir);
  assert.equal(summary.status, 'completed');
  assert.equal(summary.epochsPlanned, 20);
  assert.equal(summary.seed, 7);
  assert.equal(summary.weightsEpoch, 20);
  assert.match(summary.backend, /^(node|wasm|cpu)$/);
  assert.ok((summary.samplesPerSecond ?? 0) > 0);
  assert.ok((summary.durationMs ?? 0) > 0);
});

test('the saved model loads with tf.loadLayersModel and predicts what the run predicted', async () => {
  const runsRoot = tempDir();
  const { runDir, summary } = await trainModelFile(xorFile, { runsRoot });
  const tf = await import('@tensorflow/tfjs');
  const model = await loadLayersModelFromDir(tf, runDir);
  const out = (model.predict(tf.tensor2d([[0, 0], [0, 1], [1, 0], [1, 1]])) as import('@tensorflow/tfjs').Tensor).dataSync();
  summary.predictions?.forEach((p, i) => assert.ok(Math.abs(p.output[0] - out[i]) < 1e-5));
  const fromRun = await predictFromRun(runDir, [[1, 0], [1, 1]]);
  assert.deepEqual(fromRun.map((p) => p.label), [1, 0]);
  const single = await predictFromRun(runDir, [0, 1]);
  assert.equal(single.length, 1);
  assert.equal(single[0].label, 1);
});

test('the same file and seed give the same history; another seed gives another', async () => {
  const runsRoot = tempDir();
  const a = await trainModelFile(xorFile, { runsRoot, epochs: 15 });
  const b = await trainModelFile(xorFile, { runsRoot, epochs: 15 });
  const c = await trainModelFile(xorFile, { runsRoot, epochs: 15, seed: 8 });
  assert.deepEqual(a.history, b.history);
  assert.notDeepEqual(a.history.loss, c.history.loss);
  assert.notEqual(a.runDir, b.runDir, 'each run gets its own folder');
});
