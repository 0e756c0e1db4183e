import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { importKerasScript } from '../../src/core/keras/importKerasScript';
import { checkModelFile } from '../../src/core/session/checkModelFile';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { examplesDir, repoRoot, tempDir } from '../helpers/tempDir';

// The five seed tutorials' Python (test/fixtures/keras/seeds/seed-00N.py, extracted from
// ../shared/seeds/): each imports to its expected model file, validates and trains.
const seeds = path.join(repoRoot, 'test', 'fixtures', 'keras', 'seeds');

function imported(n: number): { dir: string; file: string; text: string } {
  const script = path.join(seeds, `seed-00${n}.py`);
  const result = importKerasScript(fs.readFileSync(script, 'utf8'), script);
  assert.equal(result.error, undefined);
  assert.equal(result.text, fs.readFileSync(path.join(seeds, `seed-00${n}.nn.yaml`), 'utf8'));
  const dir = tempDir();
  const file = path.join(dir, `seed-00${n}.nn.yaml`);
  fs.writeFileSync(file, result.text!);
  return { dir, file, text: result.text! };
}

/** Small enough for a unit test: the first 300 samples of each split, one epoch. */
function limited(file: string, text: string): void {
  fs.writeFileSync(file, text.replace(/^data:\n/m, 'data:\n  limit: 300\n'));
}

for (const n of [0, 2, 3, 4]) {
  test(`seed 00${n} imports, validates and trains`, async () => {
    const { dir, file, text } = imported(n);
    assert.deepEqual((await checkModelFile(file)).filter((d) => d.severity === 'error'), []);
    limited(file, text);
    const { summary } = await trainModelFile(file, { epochs: 1, seed: 1, backend: 'cpu', runsRoot: path.join(dir, 'runs') });
    assert.equal(summary.status, 'completed');
    assert.equal(summary.epochsCompleted, 1);
  });
}

test('seed 001 writes a csv placeholder that validation flags at its line with "point this at your CSV"; pointed at a CSV, it trains', async () => {
  const { dir, file, text } = imported(1);
  const errors = (await checkModelFile(file)).filter((d) => d.severity === 'error');
  assert.equal(errors.length, 1, JSON.stringify(errors));
  const csvLine = text.split('\n').findIndex((l) => l.startsWith('  csv: your-data.csv')) + 1;
  assert.ok(csvLine > 0);
  assert.equal(errors[0].range.start.line, csvLine);
  assert.equal(errors[0].range.start.column, 8);
  assert.match(errors[0].message, /point this at your CSV/);
  // The tutorial's 32-16-1 binary network, pointed at the breast cancer CSV as its comment says.
  fs.copyFileSync(path.join(examplesDir, 'breast-cancer.csv'), path.join(dir, 'breast-cancer.csv'));
  limited(file, text.replace('csv: your-data.csv', 'csv: breast-cancer.csv'));
  assert.deepEqual((await checkModelFile(file)).filter((d) => d.severity === 'error'), []);
  const { summary } = await trainModelFile(file, { epochs: 1, seed: 1, backend: 'cpu', runsRoot: path.join(dir, 'runs') });
  assert.equal(summary.status, 'completed');
});
