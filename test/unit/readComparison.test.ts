/** The run comparison read from run folders: two real XOR runs, settings side by side, metrics, broken folders. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { readComparison } from '../../src/core/compare/readComparison';
import { lowerIsBetter } from '../../src/core/compare/compareRows';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { readHistory } from '../../src/core/runs/runHistory';
import { runDateLabel } from '../../src/core/runs/runLabels';
import { examplesDir, tempDir } from '../helpers/tempDir';

const xorFile = path.join(examplesDir, 'xor.nn.yaml');
const EPOCHS = 12;

/** Two runs of examples/xor.nn.yaml that differ only by their seed (`--seed`), trained once for every test. */
const trained = (async () => {
  const runsRoot = tempDir();
  const a = await trainModelFile(xorFile, { runsRoot, epochs: EPOCHS, seed: 1 });
  const b = await trainModelFile(xorFile, { runsRoot, epochs: EPOCHS, seed: 2 });
  return { runsRoot, a: a.runDir, b: b.runDir };
})();

/** A copy of a run folder whose model-file copy is edited. */
function editedCopy(runDir: string, edit: (text: string) => string): string {
  const copy = path.join(tempDir(), 'xor', path.basename(runDir));
  cpSync(runDir, copy, { recursive: true });
  const file = path.join(copy, 'xor.nn.yaml');
  const edited = edit(readFileSync(file, 'utf8'));
  assert.notEqual(edited, readFileSync(file, 'utf8'), 'the edit changed the file');
  writeFileSync(file, edited);
  return copy;
}

test('two XOR runs with different seeds differ by the seed alone; every other setting is listed in model-file order', async () => {
  const { a, b } = await trained;
  const data = await readComparison([a, b]);

  assert.deepEqual(data.settings.filter((s) => s.differs).map((s) => [s.key, s.values]), [['seed', ['1', '2']]]);
  const backend = data.settings.find((s) => s.key === 'backend')?.values[0];
  assert.match(backend ?? '', /^(node|wasm|cpu)$/);
  assert.deepEqual(
    data.settings.map((s) => [s.key, s.values[0]]),
    [
      ['layers[0]', 'Dense'],
      ['layers[0].units', '16'],
      ['layers[0].activation', 'relu'],
      ['layers[0].input_shape', '[2]'],
      ['layers[1]', 'Dense'],
      ['layers[1].units', '1'],
      ['layers[1].activation', 'sigmoid'],
      ['optimizer', 'adam'],
      ['optimizer.learning_rate', '0.05'],
      ['loss', 'binary_crossentropy'],
      ['metrics', '[accuracy]'],
      ['batch_size', '4'],
      ['epochs', String(EPOCHS)],
      ['shuffle', 'true'],
      ['seed', '1'],
      ['data.inline.x', '[[0, 0], [0, 1], [1, 0], [1, 1]]'],
      ['data.inline.y', '[[0], [1], [1], [0]]'],
      ['backend', backend],
    ],
  );
});

test('the runs carry their label, history and batch curves; metrics give each run its final and best value', async () => {
  const { a, b } = await trained;
  const data = await readComparison([a, b]);

  const [runA, runB] = data.runs;
  assert.equal(runA.runDir, a);
  assert.equal(runA.label, `xor · ${runDateLabel(runA)}`);
  assert.equal(data.title, `Compare: ${runA.label} vs ${runB.label}`);
  assert.equal(runA.status, 'completed');
  assert.equal(runA.history.length, EPOCHS);
  // XOR's 4 samples in batches of 4: one batch an epoch, at x = 1, 2, … epochs.
  assert.deepEqual(runA.curves?.x, Array.from({ length: EPOCHS }, (_, i) => i + 1));
  assert.deepEqual(Object.keys(runA.curves?.values ?? {}).sort(), ['accuracy', 'loss']);

  assert.deepEqual(data.metrics.map((m) => [m.name, m.lowerIsBetter]), [['loss', true], ['accuracy', false]]);
  const histories = [readHistory(a), readHistory(b)];
  const loss = data.metrics[0];
  assert.deepEqual(loss.final, histories.map((h) => h[EPOCHS - 1].metrics.loss));
  assert.deepEqual(loss.best, histories.map((h) => Math.min(...h.map((r) => r.metrics.loss))));
  const accuracy = data.metrics[1];
  assert.deepEqual(accuracy.best, histories.map((h) => Math.max(...h.map((r) => r.metrics.accuracy))));
  assert.notDeepEqual(loss.final[0], loss.final[1], 'the seeds trained differently');
});

test('a layer change shows as differing layer rows; the same file in tfjs camelCase shows none', async () => {
  const { a } = await trained;
  const changed = editedCopy(a, (text) => text.replace('{ units: 16, activation: relu,', '{ units: 8, activation: tanh,').replace('{ adam: { learning_rate: 0.05 } }', '{ sgd: { learning_rate: 0.1, momentum: 0.9 } }'));
  const data = await readComparison([a, changed]);
  assert.deepEqual(
    data.settings.filter((s) => s.differs).map((s) => [s.key, s.values]),
    [
      ['layers[0].units', ['16', '8']],
      ['layers[0].activation', ['relu', 'tanh']],
      ['optimizer', ['adam', 'sgd']],
      ['optimizer.learning_rate', ['0.05', '0.1']],
      ['optimizer.momentum', [undefined, '0.9']],
    ],
  );

  const camel = editedCopy(a, (text) => text.replace('input_shape', 'inputShape').replace('learning_rate', 'learningRate').replace('binary_crossentropy', 'binaryCrossentropy'));
  assert.deepEqual((await readComparison([a, camel])).settings.filter((s) => s.differs), []);
});

test('a third layer of one run is listed after the second layer, and three runs are titled by their count', async () => {
  const { a, b } = await trained;
  const deeper = editedCopy(a, (text) => text.replace('  - Dense: { units: 1, activation: sigmoid }', '  - Dropout: { rate: 0.1 }\n  - Dense: { units: 1, activation: sigmoid }'));
  const data = await readComparison([a, b, deeper]);
  assert.equal(data.title, 'Compare: 3 runs');
  const keys = data.settings.map((s) => s.key);
  assert.deepEqual(keys.slice(4, 11), ['layers[1]', 'layers[1].rate', 'layers[1].units', 'layers[1].activation', 'layers[2]', 'layers[2].units', 'layers[2].activation']);
  assert.deepEqual(data.settings.find((s) => s.key === 'layers[1]')?.values, ['Dense', 'Dense', 'Dropout']);
  assert.deepEqual(data.settings.find((s) => s.key === 'layers[2]')?.values, [undefined, undefined, 'Dense']);
});

test('a folder that cannot be read throws, naming the folder and the reason', async () => {
  const { a } = await trained;
  const root = tempDir();
  const corrupt = path.join(root, 'xor', '2026-12-01T10-15-02');
  mkdirSync(corrupt, { recursive: true });
  writeFileSync(path.join(corrupt, 'summary.json'), '{"status": "compl');
  await assert.rejects(readComparison([a, corrupt]), (err: Error) => err.message.includes(corrupt) && /summary\.json is not valid JSON/.test(err.message));

  const missing = path.join(root, 'gone');
  await assert.rejects(readComparison([missing, a]), (err: Error) => err.message === `Cannot compare the run in ${missing}: the folder does not exist`);

  const noCopy = path.join(tempDir(), 'xor', path.basename(a));
  mkdirSync(noCopy, { recursive: true });
  cpSync(path.join(a, 'summary.json'), path.join(noCopy, 'summary.json'));
  await assert.rejects(readComparison([a, noCopy]), (err: Error) => err.message === `Cannot compare the run in ${noCopy}: it holds no copy of the model file (xor.nn.yaml)`);

  const invalid = editedCopy(a, (text) => text.replace('relu', 'relux'));
  await assert.rejects(readComparison([a, invalid]), (err: Error) => err.message.includes(invalid) && /copy of the model file is not valid: .*xor\.nn\.yaml:\d+:\d+: error: .*relux/.test(err.message));
});

test('losses and errors are best lowest, everything else highest', () => {
  for (const name of ['loss', 'val_loss', 'mse', 'val_mae', 'mean_absolute_percentage_error', 'binary_crossentropy', 'kld']) assert.equal(lowerIsBetter(name), true, name);
  for (const name of ['accuracy', 'val_accuracy', 'precision', 'recall', 'r2_score', 'auc']) assert.equal(lowerIsBetter(name), false, name);
});
