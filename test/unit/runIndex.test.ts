/** Listing every run folder for the Runs view: many, broken ones included, with async fs only. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { groupRuns, listRuns, startFromFolderName } from '../../src/core/runs/runIndex';
import type { RunStatus, RunSummary } from '../../src/core/runs/runSummary';
import { tempDir } from '../helpers/tempDir';

const MODELS = ['xor', 'iris', 'mnist-mlp'];
const STATUSES: RunStatus[] = ['completed', 'early_stopped', 'stopped', 'failed', 'interrupted', 'running'];
const START = Date.parse('2026-12-01T10:00:00.000Z');

/** What the 200 folders were made as, by folder. */
interface Made {
  model: string;
  startedAt: string;
  kind: 'run' | 'half-written' | 'corrupt';
}

/** The folder name RunFolder.create gives a run started at `iso`. */
function stampOf(iso: string): string {
  return iso.replace(/:/g, '-').replace(/\..+$/, '');
}

/**
 * `count` run folders under `root`, a minute apart, models and statuses in turn: every 20th only the
 * model-file copy (cut off while starting), every 25th a summary.json cut in half.
 */
function makeRuns(root: string, count: number): Map<string, Made> {
  const made = new Map<string, Made>();
  for (let i = 0; i < count; i++) {
    const model = MODELS[i % MODELS.length];
    const startedAt = new Date(START + i * 60_000).toISOString();
    const dir = path.join(root, model, stampOf(startedAt));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${model}.nn.yaml`), `name: ${model}\n`);
    const kind: Made['kind'] = i % 20 === 7 ? 'half-written' : i % 25 === 3 ? 'corrupt' : 'run';
    if (kind !== 'half-written') {
      const status = STATUSES[i % STATUSES.length];
      // `running` of another machine stays running: its pid cannot be checked from here.
      const summary: RunSummary = { status, name: model, modelFile: `/w/${model}.nn.yaml`, startedAt, backend: 'cpu', backendReason: 'test', seed: i, epochsPlanned: 5, epochsCompleted: 2, notes: [], pid: 1, hostname: 'elsewhere' };
      const text = JSON.stringify(summary, null, 2);
      writeFileSync(path.join(dir, 'summary.json'), kind === 'corrupt' ? text.slice(0, 40) : text);
      writeFileSync(path.join(dir, 'history.jsonl'), '{"epoch":1,"loss":0.5}\n{"epoch":2,"loss":0.25}\n');
    }
    made.set(dir, { model, startedAt, kind });
  }
  return made;
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  assert.ok(child.pid);
  return child.pid;
}

test('200 run folders are all listed newest first, the broken ones as unreadable with the reason', async () => {
  const root = path.join(tempDir(), '.nn-runs');
  const made = makeRuns(root, 200);

  const runs = await listRuns([root]);

  assert.equal(runs.length, 200);
  assert.deepEqual(new Set(runs.map((r) => r.dir)), new Set(made.keys()));
  for (let i = 1; i < runs.length; i++) assert.ok(Date.parse(runs[i - 1].startedAt) >= Date.parse(runs[i].startedAt), `${runs[i - 1].dir} before ${runs[i].dir}`);
  for (const run of runs) {
    const expected = made.get(run.dir);
    assert.ok(expected);
    assert.equal(run.group, expected.model);
    assert.equal(run.startedAt, expected.startedAt, 'from the summary, else from the folder name');
    if (expected.kind === 'run') {
      assert.equal(run.unreadable, undefined);
      assert.equal(run.summary?.name, expected.model);
    } else {
      assert.equal(run.summary, undefined);
      assert.match(run.unreadable ?? '', expected.kind === 'corrupt' ? /^summary\.json is not valid JSON: / : /^no summary\.json \(the run never started or was cut off while starting\)$/);
    }
  }
  const statuses = new Set(runs.map((r) => r.summary?.status));
  for (const status of STATUSES) assert.ok(statuses.has(status), status);
  assert.equal(runs.filter((r) => r.unreadable).length, 10 + 8);
});

test('runs group by model name, each newest first, the groups ordered by their newest run', async () => {
  const root = tempDir();
  makeRuns(root, 200);
  // The newest run of all is iris's: iris comes first.
  const late = path.join(root, 'iris', '2027-01-01T00-00-00');
  mkdirSync(late, { recursive: true });
  writeFileSync(path.join(late, 'iris.nn.yaml'), 'name: iris\n');

  const groups = groupRuns(await listRuns([root]));

  assert.deepEqual(groups.map((g) => g.name), ['iris', 'xor', 'mnist-mlp']);
  assert.equal(groups[0].runs[0].dir, late);
  assert.deepEqual(groups.map((g) => g.runs.length), [68, 67, 66]);
  for (const group of groups) {
    assert.ok(group.runs.every((r) => r.group === group.name));
    const starts = group.runs.map((r) => Date.parse(r.startedAt));
    assert.deepEqual(starts, [...starts].sort((a, b) => b - a));
  }
});

test('a root given twice, or inside another, lists each run once; a missing root lists none', async () => {
  const dir = tempDir();
  const root = path.join(dir, '.nn-runs');
  makeRuns(root, 30);

  const once = await listRuns([root]);
  const repeated = await listRuns([root, `${root}${path.sep}`, path.join(root, 'xor'), path.join(root, 'iris', '..', 'iris'), path.join(dir, 'missing')]);

  assert.deepEqual(repeated.map((r) => r.dir), once.map((r) => r.dir));
  assert.deepEqual(await listRuns([path.join(dir, 'missing')]), []);
  assert.deepEqual(await listRuns([]), []);
});

test("what is not a run is not listed; a summary that is JSON but no summary says so; a dead process's run is interrupted", async () => {
  const root = tempDir();
  const notes = path.join(root, 'xor', 'notes');
  mkdirSync(notes, { recursive: true });
  writeFileSync(path.join(notes, 'README.txt'), 'not a run');
  writeFileSync(path.join(root, 'stray.txt'), 'a file beside the models');
  const empty = path.join(root, 'xor', '2026-12-01T09-00-00');
  mkdirSync(empty);
  const list = path.join(root, 'xor', '2026-12-01T09-01-00');
  mkdirSync(list);
  writeFileSync(path.join(list, 'summary.json'), '[]');
  const blank = path.join(root, 'xor', '2026-12-01T09-02-00');
  mkdirSync(blank);
  writeFileSync(path.join(blank, 'summary.json'), '');
  const died = path.join(root, 'xor', '2026-12-01T09-03-00');
  mkdirSync(died);
  const summary = { status: 'running', name: 'xor', modelFile: '/w/xor.nn.yaml', startedAt: '2026-12-01T09:03:00.000Z', backend: 'cpu', backendReason: '', seed: 1, epochsPlanned: 5, epochsCompleted: 1, notes: [], pid: await deadPid(), hostname: os.hostname() };
  writeFileSync(path.join(died, 'summary.json'), JSON.stringify(summary));

  const runs = await listRuns([root]);

  assert.deepEqual(
    runs.map((r) => [path.basename(r.dir), r.summary?.status ?? r.unreadable]),
    [
      ['2026-12-01T09-03-00', 'interrupted'],
      ['2026-12-01T09-02-00', 'summary.json is empty'],
      ['2026-12-01T09-01-00', 'summary.json is not a run summary: it is not an object'],
      ['2026-12-01T09-00-00', 'no summary.json (the run never started or was cut off while starting)'],
    ],
  );
  assert.ok(runs.every((r) => r.group === 'xor'));
});

test('a run folder name is its start in UTC; a second run in the same second has -2', () => {
  assert.equal(startFromFolderName('2026-12-01T10-15-02'), '2026-12-01T10:15:02.000Z');
  assert.equal(startFromFolderName('2026-12-01T10-15-02-2'), '2026-12-01T10:15:02.000Z');
  assert.equal(startFromFolderName('2026-13-45T10-15-02'), undefined);
  assert.equal(startFromFolderName('notes'), undefined);
});
