/** A `running` run whose process has died reads as `interrupted`, and can be marked so on disk. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { effectiveStatus, markInterruptedIfDead } from '../../src/core/runs/interruptedRuns';
import { readRunSummary } from '../../src/core/runs/runFolder';
import type { RunSummary } from '../../src/core/runs/runSummary';
import { predictFromRun } from '../../src/core/session/predictFromRun';
import { evaluateRun } from '../../src/core/session/savedRun';
import { examplesDir, tempDir } from '../helpers/tempDir';

const xorFile = path.join(examplesDir, 'xor.nn.yaml');

/** The pid of a process that has started and exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  assert.ok(child.pid);
  return child.pid;
}

/** A finished XOR run rewritten as its process would have left it mid-training. */
async function runLeftRunning(pid: number, hostname = os.hostname()): Promise<{ runDir: string; file: string; raw: () => RunSummary }> {
  const { runDir } = await trainModelFile(xorFile, { backend: 'cpu', runsRoot: tempDir(), epochs: 5 });
  const file = path.join(runDir, 'summary.json');
  const raw = () => JSON.parse(readFileSync(file, 'utf8')) as RunSummary;
  const left: Partial<RunSummary> = raw();
  delete left.evaluation;
  delete left.finishedAt;
  writeFileSync(file, JSON.stringify({ ...left, status: 'running', epochsCompleted: 4, pid, hostname }));
  return { runDir, file, raw };
}

test('a training run records its process and host while it runs', async () => {
  const { summary } = await trainModelFile(xorFile, { backend: 'cpu', runsRoot: tempDir(), epochs: 1 });
  assert.equal(summary.pid, process.pid);
  assert.equal(summary.hostname, os.hostname());
});

test('a running summary whose process is gone is interrupted, and is marked so keeping its epochs', async () => {
  const pid = await deadPid();
  const run = await runLeftRunning(pid);
  assert.equal(effectiveStatus(run.raw()), 'interrupted');
  assert.equal(readRunSummary(run.runDir).status, 'interrupted');
  assert.equal(run.raw().status, 'running', 'reading rewrites nothing');

  assert.equal(markInterruptedIfDead(run.runDir), true);
  const marked = run.raw();
  assert.equal(marked.status, 'interrupted');
  assert.equal(marked.epochsCompleted, 5, 'the epochs history.jsonl holds count');
  assert.equal(marked.weightsEpoch, 5);
  assert.equal(marked.pid, pid);
  assert.equal(markInterruptedIfDead(run.runDir), false, 'only once');
  // Its weights of the last finished epoch are usable.
  assert.equal((await predictFromRun(run.runDir, [[0, 1]], 'cpu')).length, 1);
  assert.equal((await evaluateRun(run.runDir, 'cpu')).evaluation.samples, 4);
});

test('a running summary whose process lives, or that was written on another host, stays running', async () => {
  const alive = await runLeftRunning(process.pid);
  assert.equal(effectiveStatus(alive.raw()), 'running');
  assert.equal(markInterruptedIfDead(alive.runDir), false);
  assert.equal(alive.raw().status, 'running');

  const elsewhere = await runLeftRunning(await deadPid(), `not-${os.hostname()}`);
  assert.equal(effectiveStatus(elsewhere.raw()), 'running');
  assert.equal(markInterruptedIfDead(elsewhere.runDir), false);
});

test('a summary that is not running keeps its status whatever its pid', async () => {
  const pid = await deadPid();
  const summary = readRunSummary((await trainModelFile(xorFile, { backend: 'cpu', runsRoot: tempDir(), epochs: 1 })).runDir);
  assert.equal(effectiveStatus({ ...summary, pid }), 'completed');
});
