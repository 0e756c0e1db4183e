import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { readRunSummary } from '../../src/core/runs/runFolder';
import { examplesDir, tempDir } from '../helpers/tempDir';

test('a run that crashes midway is marked failed with the error, keeping the epochs it finished', async () => {
  const runsRoot = tempDir();
  let runDir = '';
  await assert.rejects(
    trainModelFile(path.join(examplesDir, 'xor.nn.yaml'), {
      runsRoot,
      onEvent: (event) => {
        if (event.type === 'runStarted') runDir = event.runDir;
        if (event.type === 'epochEnd' && event.epoch === 3) throw new Error('disk full');
      },
    }),
    /disk full/,
  );
  const summary = readRunSummary(runDir);
  assert.equal(summary.status, 'failed');
  assert.equal(summary.error, 'disk full');
  assert.equal(summary.evaluation, undefined);
  assert.equal(fs.readFileSync(path.join(runDir, 'history.jsonl'), 'utf8').trim().split('\n').length, 3);
  assert.deepEqual(fs.readdirSync(runDir).filter((f) => f.endsWith('.tmp')), [], 'no half-written files');
});

test('while training, summary.json says running, never a success it has not had', async () => {
  const runsRoot = tempDir();
  const seen: string[] = [];
  await trainModelFile(path.join(examplesDir, 'xor.nn.yaml'), {
    runsRoot,
    epochs: 5,
    onEvent: (event) => {
      if (event.type === 'epochEnd') seen.push(readRunSummary(findRun(runsRoot)).status);
    },
  });
  assert.deepEqual(seen, ['running', 'running', 'running', 'running', 'running']);
  assert.equal(readRunSummary(findRun(runsRoot)).status, 'completed');
});

function findRun(runsRoot: string): string {
  const parent = path.join(runsRoot, 'xor');
  return path.join(parent, fs.readdirSync(parent)[0]);
}
