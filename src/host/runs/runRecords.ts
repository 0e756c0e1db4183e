import * as fs from 'fs';
import * as path from 'path';
import { readRunSummary, writeFileAtomic, defaultRunsRoot } from '../../core/runs/runFolder';
import { HISTORY_FILE, MODEL_JSON, SUMMARY_FILE, type RunSummary } from '../../core/runs/runSummary';
import type { MetricValues } from '../../shared/trainingEvents';

/** A run folder of a model file, as found on disk. */
export interface RunRecord {
  dir: string;
  summary: RunSummary;
}

/** Every run of `modelFile` under its runs root, newest first. Unreadable folders are skipped. */
export function listRuns(modelFile: string, runsRoot = defaultRunsRoot(modelFile)): RunRecord[] {
  const target = path.resolve(modelFile);
  const records: RunRecord[] = [];
  for (const nameDir of subfolders(runsRoot)) {
    for (const dir of subfolders(nameDir)) {
      if (!fs.existsSync(path.join(dir, SUMMARY_FILE))) continue;
      try {
        const summary = readRunSummary(dir);
        if (path.resolve(summary.modelFile) === target) records.push({ dir, summary });
      } catch {
        // A summary is replaced atomically, so an unreadable one is not ours to report here.
      }
    }
  }
  return records.sort((a, b) => b.summary.startedAt.localeCompare(a.summary.startedAt));
}

/** Runs whose saved model can be evaluated or used for predictions, newest first. */
export function runsWithModel(modelFile: string, runsRoot?: string): RunRecord[] {
  return listRuns(modelFile, runsRoot).filter((r) => r.summary.status !== 'running' && fs.existsSync(path.join(r.dir, MODEL_JSON)));
}

/** The per-epoch metrics of a run (history.jsonl). */
export function readHistory(runDir: string): Array<{ epoch: number; metrics: MetricValues }> {
  const file = path.join(runDir, HISTORY_FILE);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const { epoch, ...metrics } = JSON.parse(line) as { epoch: number } & MetricValues;
      return { epoch, metrics };
    });
}

/**
 * Marks a run stopped after its worker had to be terminated: the worker could not write its final
 * summary, and a run must never keep saying `running` once nothing runs it.
 */
export function markRunStopped(runDir: string, reason: string): void {
  const file = path.join(runDir, SUMMARY_FILE);
  if (!fs.existsSync(file)) return;
  const summary = readRunSummary(runDir);
  if (summary.status !== 'running') return;
  const epochsCompleted = readHistory(runDir).length;
  writeFileAtomic(file, JSON.stringify({ ...summary, status: 'stopped', epochsCompleted, finishedAt: new Date().toISOString(), error: reason }, null, 2) + '\n');
}

function subfolders(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(dir, e.name));
  } catch {
    return [];
  }
}
