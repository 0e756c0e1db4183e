/**
 * Training faults never end as a success: a loss that turns NaN or Infinity, labels that are not
 * classes, sizes too big to allocate, a runs folder that cannot be written, a worker that dies.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { checkModelFile } from '../../src/core/session/checkModelFile';
import { ModelFileInvalidError } from '../../src/core/session/modelFileInvalidError';
import { RunInputError } from '../../src/core/session/runInputError';
import { TrainingDivergedError } from '../../src/core/train/trainingDiverged';
import { readRunSummary } from '../../src/core/runs/runFolder';
import { readHistory } from '../../src/core/runs/runHistory';
import { markRunEnded } from '../../src/core/runs/stoppedRun';
import { deadWorkerEnd } from '../../src/host/training/deadWorker';
import { WorkerEndedError, WorkerJobError, WorkerJobHandle } from '../../src/host/worker/workerJob';
import { runCli } from '../helpers/runCli';
import { DIVERGING_MODEL } from '../helpers/divergingModel';
import { examplesDir, repoRoot, tempDir, writeModelFile } from '../helpers/tempDir';


test('a loss that becomes NaN or Infinity ends the run failed at that batch, with a hint, keeping the history before it', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'diverges.nn.yaml', DIVERGING_MODEL);
  const runsRoot = path.join(dir, 'runs');
  await assert.rejects(trainModelFile(file, { runsRoot, backend: 'cpu' }), (err: unknown) => {
    assert.ok(err instanceof TrainingDivergedError, String(err));
    assert.ok(err instanceof RunInputError, 'the user\'s to fix: no stack trace is shown');
    assert.match(err.message, /^the loss became (NaN|Infinity) at epoch \d+, batch \d+ of 4: training stopped there/);
    assert.match(err.message, /Lower the learning rate .* scale the data .* check the labels/);
    return true;
  });
  const [runDir] = fs.readdirSync(path.join(runsRoot, 'diverges')).map((d) => path.join(runsRoot, 'diverges', d));
  const summary = readRunSummary(runDir);
  assert.equal(summary.status, 'failed');
  assert.equal(summary.evaluation, undefined, 'no evaluation is claimed');
  assert.match(summary.error ?? '', /the loss became/);
  const epochs = readHistory(runDir);
  assert.equal(summary.epochsCompleted, epochs.length);
  assert.ok(epochs.every((e) => Number.isFinite(e.metrics.loss)), 'the kept epochs are the finite ones');
});

test('with early stopping too, a diverging run ends failed, never early_stopped', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'diverges.nn.yaml', DIVERGING_MODEL.replace('  batch_size: 2\n', '  batch_size: 2\n  early_stopping: { monitor: loss, patience: 2 }\n'));
  await assert.rejects(trainModelFile(file, { runsRoot: path.join(dir, 'runs'), backend: 'cpu' }), TrainingDivergedError);
});

test('the CLI says so on one line and exits 1', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'diverges.nn.yaml', DIVERGING_MODEL);
  const result = await runCli(['train', file, '--backend', 'cpu', '--out', path.join(dir, 'runs')]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /the loss became (NaN|Infinity) at epoch \d+, batch \d+/);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
});

/** A CSV of two features and a label column `ts` holding `labels`. */
function csvModel(labels: number[], loss: string, extra = ''): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'rows.csv'), 'a,b,ts\n' + labels.map((l, i) => `${i},${i % 3},${l}`).join('\n') + '\n');
  return writeModelFile(
    dir,
    'labels.nn.yaml',
    `name: labels\ndata:\n  csv: rows.csv\n  label: ts\n${extra}model:\n  - Dense: { units: 4, activation: relu }\n  - Dense: { units: 1, activation: sigmoid }\ncompile:\n  optimizer: adam\n  loss: ${loss}\nfit:\n  epochs: 1\n`,
  );
}

async function firstProblem(file: string): Promise<{ line: number; message: string }> {
  const diagnostics = await checkModelFile(file);
  assert.ok(diagnostics.length > 0, 'a problem was expected');
  return { line: diagnostics[0].range.start.line, message: diagnostics[0].message };
}

test('labels that are numbers, not class indices, are refused at `label:` before anything is allocated per class', async () => {
  // A Unix timestamp taken for a class index: 1.7e9 classes would exhaust memory.
  const timestamps = Array.from({ length: 40 }, (_, i) => 1_700_000_000 + i * 3600);
  for (const loss of ['binary_crossentropy', 'sparse_categorical_crossentropy']) {
    const started = performance.now();
    const problem = await firstProblem(csvModel(timestamps, loss));
    assert.ok(performance.now() - started < 20_000, 'answered, not after minutes of allocation');
    assert.equal(problem.line, 4, '`label: ts`');
    assert.match(problem.message, /label column 'ts'/);
    assert.match(problem.message, /1,700,\d{3},\d{3}|labels 0 and 1/);
    assert.match(problem.message, /regression loss \(mean_squared_error\)/);
  }
  const sparse = await firstProblem(csvModel(Array.from({ length: 40 }, (_, i) => (i % 2 ? 100_000_000 : 0)), 'sparse_categorical_crossentropy'));
  assert.match(sparse.message, /go up to 100,000,000 with only 2 distinct values: class labels are the integers 0\.\.K-1/);
  const huge = await firstProblem(csvModel(Array.from({ length: 40 }, (_, i) => (i % 2 ? 1e12 : 0)), 'sparse_categorical_crossentropy'));
  assert.match(huge.message, /go up to 1,000,000,000,000/);
});

test('binary_crossentropy refuses labels like -1 or 2.5, and hinge ones other than -1/+1', async () => {
  const minusOne = await firstProblem(csvModel(Array.from({ length: 20 }, (_, i) => (i % 2 ? 1 : -1)), 'binary_crossentropy'));
  assert.match(minusOne.message, /^binary_crossentropy needs labels 0 and 1 \(or probabilities between them\), but the label column 'ts' has -1 \(its values go from -1 to 1\)/);
  const fraction = await firstProblem(csvModel(Array.from({ length: 20 }, (_, i) => (i % 2 ? 2.5 : 0)), 'binary_crossentropy'));
  assert.match(fraction.message, /has 2\.5/);
  const hinge = await firstProblem(csvModel(Array.from({ length: 20 }, (_, i) => (i % 2 ? 3 : 1)), 'hinge'));
  assert.match(hinge.message, /^hinge needs labels -1 and 1/);
  // Probabilities between 0 and 1 and plain 0/1 stay accepted.
  const diagnostics = await checkModelFile(csvModel(Array.from({ length: 20 }, (_, i) => (i % 4) / 3), 'binary_crossentropy'));
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
});

test('sizes over the limits are located errors that say how big, never a raw typed-array error', async () => {
  const dir = tempDir();
  const xor = fs.readFileSync(path.join(examplesDir, 'xor.nn.yaml'), 'utf8');
  const units = await firstProblem(writeModelFile(dir, 'units.nn.yaml', xor.replace('units: 16, activation: relu', 'units: 1e12, activation: relu')));
  assert.equal(units.line, 10);
  assert.match(units.message, /^this Dense layer would have 3,000,000,000,000 parameters, over the limit of 100,000,000: use a smaller units/);
  const batch = await firstProblem(writeModelFile(dir, 'batch.nn.yaml', xor.replace('batch_size: 4', 'batch_size: 1000000000')));
  assert.equal(batch.line, 18);
  assert.match(batch.message, /a batch of 1,000,000,000 samples of 2 values is 2,000,000,000 values, over the limit of 100,000,000: use batch_size 50,000,000 or less/);
  const image = await firstProblem(writeModelFile(dir, 'image.nn.yaml', xor.replace('input_shape: [2]', 'input_shape: [100000, 100000]')));
  assert.doesNotMatch(image.message, /Invalid typed array|Array buffer/);
});

test('a runs folder that cannot be written is a clear error before training starts, and leaves no folder', async () => {
  const dir = tempDir();
  const blocker = path.join(dir, 'not-a-folder');
  fs.writeFileSync(blocker, '');
  await assert.rejects(trainModelFile(path.join(examplesDir, 'xor.nn.yaml'), { runsRoot: path.join(blocker, 'runs'), backend: 'cpu' }), (err: unknown) => {
    assert.ok(err instanceof RunInputError, String(err));
    assert.match(err.message, /^cannot write a run folder in .*not-a-folder\/runs: a part of its path is a file, not a folder\. Choose a runs folder you can write to/);
    return true;
  });
  const result = await runCli(['train', path.join(examplesDir, 'xor.nn.yaml'), '--out', path.join(blocker, 'runs')]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /cannot write a run folder/);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
});

test('a worker that runs out of memory fails its job with a worded reason; the process goes on', async () => {
  const job = new WorkerJobHandle(path.join(repoRoot, 'dist', 'worker.js'), { kind: 'check', file: path.join(examplesDir, 'mnist-mlp.nn.yaml') }, 60_000, { maxOldGenerationSizeMb: 8 });
  await assert.rejects(job.result, (err: unknown) => {
    if (err instanceof WorkerJobError) {
      assert.equal(err.error.kind, 'run-input');
      assert.equal(err.crashed, true);
      assert.match(err.message, /ran out of memory and was ended \(the extension host is fine\)/);
    } else {
      // A worker whose heap cannot even load the bundle may exit before it reports.
      assert.ok(err instanceof WorkerEndedError, String(err));
    }
    return true;
  });
});

test('a run whose worker died is ended by the host: stopped when the user stopped it, else failed with the reason', () => {
  assert.deepEqual(deadWorkerEnd(new WorkerEndedError('The training worker ended (exit code 1) before the job finished.'), true), {
    status: 'stopped',
    reason: 'The training worker ended (exit code 1) before the job finished.',
  });
  assert.equal(deadWorkerEnd(new WorkerEndedError('gone'), false)?.status, 'failed');
  assert.equal(deadWorkerEnd(new WorkerJobError({ kind: 'run-input', message: 'out of memory' }, true), false)?.status, 'failed');
  // A failure the worker reported itself: it wrote its own summary.
  assert.equal(deadWorkerEnd(new WorkerJobError({ kind: 'internal', message: 'bug' }), false), undefined);

  const runDir = tempDir();
  fs.writeFileSync(path.join(runDir, 'summary.json'), JSON.stringify({ status: 'running', name: 'x', modelFile: '/x.nn.yaml', startedAt: '', backend: 'cpu', backendReason: '', seed: 1, epochsPlanned: 3, epochsCompleted: 0, notes: [] }));
  fs.writeFileSync(path.join(runDir, 'history.jsonl'), '{"epoch":1,"loss":0.5}\n');
  markRunEnded(runDir, 'failed', 'The worker ran out of memory');
  const summary = readRunSummary(runDir);
  assert.equal(summary.status, 'failed');
  assert.equal(summary.epochsCompleted, 1);
  assert.equal(summary.error, 'The worker ran out of memory');
  markRunEnded(runDir, 'stopped', 'later');
  assert.equal(readRunSummary(runDir).status, 'failed', 'an ended run is left alone');
});

test('an invalid file still throws ModelFileInvalidError, not a training fault', async () => {
  const dir = tempDir();
  const file = writeModelFile(dir, 'bad.nn.yaml', fs.readFileSync(path.join(examplesDir, 'xor.nn.yaml'), 'utf8').replace('relu', 'relux'));
  await assert.rejects(trainModelFile(file, { runsRoot: path.join(dir, 'runs'), backend: 'cpu' }), ModelFileInvalidError);
});

test('a CLI killed with SIGKILL while it trains leaves a run that reads as interrupted, never as a success', async () => {
  const out = tempDir();
  let killed = false;
  const result = await runCli(['train', path.join(examplesDir, 'mnist-mlp.nn.yaml'), '--out', out], (soFar, child) => {
    // Once the first batches have gone by, the run folder and its `running` summary exist.
    if (!killed && /Epoch 1\/5/.test(soFar)) {
      killed = true;
      child.kill('SIGKILL');
    }
  });
  assert.equal(result.signal, 'SIGKILL');
  const runs = fs.readdirSync(path.join(out, 'mnist-mlp'));
  assert.equal(runs.length, 1);
  const summary = readRunSummary(path.join(out, 'mnist-mlp', runs[0]));
  assert.equal(summary.status, 'interrupted', 'its process is gone: it cannot still be running');
  assert.ok(summary.pid && summary.hostname, 'the summary says which process trained it, and where');
});
