/** Finding a model file's runs on disk and reading their history, without training any. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runsOfModelFile, runsWithModel } from '../../src/core/runs/runList';
import { readHistory } from '../../src/core/runs/runHistory';
import type { RunSummary } from '../../src/core/runs/runSummary';
import { tempDir } from '../helpers/tempDir';

/** A run folder as training leaves it: summary.json, and model.json when a model was saved. */
function runFolder(root: string, name: string, summary: Partial<RunSummary> & Pick<RunSummary, 'modelFile' | 'startedAt'>, withModel = true): string {
  const dir = path.join(root, name, summary.startedAt.replace(/[:.]/g, '-'));
  mkdirSync(dir, { recursive: true });
  const full: RunSummary = { status: 'completed', name, backend: 'cpu', backendReason: 'test', seed: 1, epochsPlanned: 2, epochsCompleted: 2, notes: [], ...summary };
  writeFileSync(path.join(dir, 'summary.json'), JSON.stringify(full));
  if (withModel) writeFileSync(path.join(dir, 'model.json'), '{}');
  return dir;
}

/** The pid of a process that has started and exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  assert.ok(child.pid);
  return child.pid;
}

test("a model file's runs are its own, newest first, from .nn-runs beside it or a given root", () => {
  const dir = tempDir();
  const file = path.join(dir, 'xor.nn.yaml');
  const other = path.join(dir, 'iris.nn.yaml');
  const root = path.join(dir, '.nn-runs');
  const older = runFolder(root, 'xor', { modelFile: file, startedAt: '2024-01-01T10:00:00.000Z' });
  const newer = runFolder(root, 'xor', { modelFile: file, startedAt: '2024-01-02T10:00:00.000Z' });
  runFolder(root, 'iris', { modelFile: other, startedAt: '2024-01-03T10:00:00.000Z' });
  // Half a run (no summary) and an unreadable summary are not runs.
  mkdirSync(path.join(root, 'xor', 'empty'));
  const broken = path.join(root, 'xor', 'broken');
  mkdirSync(broken);
  writeFileSync(path.join(broken, 'summary.json'), '{"status": "runn');

  assert.deepEqual(runsOfModelFile(file).map((run) => run.dir), [newer, older]);
  assert.deepEqual(runsOfModelFile(file, root).map((run) => run.dir), [newer, older]);
  assert.deepEqual(runsOfModelFile(path.join(dir, 'none.nn.yaml')), []);
  assert.deepEqual(runsOfModelFile(file, path.join(dir, 'missing')), []);
});

test('runs with a model are those no longer running that saved one; a run whose process died reads as interrupted and counts', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'xor.nn.yaml');
  const root = tempDir();
  const stopped = runFolder(root, 'xor', { modelFile: file, startedAt: '2024-01-01T10:00:00.000Z', status: 'stopped' });
  runFolder(root, 'xor', { modelFile: file, startedAt: '2024-01-02T10:00:00.000Z', status: 'failed' }, false);
  const live = runFolder(root, 'xor', { modelFile: file, startedAt: '2024-01-03T10:00:00.000Z', status: 'running', pid: process.pid, hostname: os.hostname() });
  const died = runFolder(root, 'xor', { modelFile: file, startedAt: '2024-01-04T10:00:00.000Z', status: 'running', pid: await deadPid(), hostname: os.hostname() });

  const statuses = runsOfModelFile(file, root).map((run) => [run.dir, run.summary.status]);
  assert.deepEqual(statuses.slice(0, 2), [
    [died, 'interrupted'],
    [live, 'running'],
  ]);
  assert.deepEqual(runsWithModel(file, root).map((run) => run.dir), [died, stopped]);
});

test('a history is its whole lines: one being appended while it is read is not an epoch yet', () => {
  const dir = tempDir();
  assert.deepEqual(readHistory(dir), [], 'no history.jsonl yet');
  const file = path.join(dir, 'history.jsonl');
  writeFileSync(file, '{"epoch":1,"loss":0.5}\n{"epoch":2,"loss":0.25}\n');
  appendFileSync(file, '{"epoch":3,"lo');
  assert.deepEqual(readHistory(dir), [
    { epoch: 1, metrics: { loss: 0.5 } },
    { epoch: 2, metrics: { loss: 0.25 } },
  ]);
});
