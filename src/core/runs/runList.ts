import * as fs from 'fs';
import * as path from 'path';
import { defaultRunsRoot, readRunSummary } from './runFolder';
import { MODEL_JSON, SUMMARY_FILE, type RunSummary } from './runSummary';

/** A run folder found on disk, with its summary. */
export interface FoundRun {
  dir: string;
  summary: RunSummary;
}

/**
 * Every run folder in `folder`, newest first: `folder` may be a runs root (`.nn-runs`, holding
 * `<name>/<timestamp>/`) or one model's folder in it (`.nn-runs/<name>/`). Folders without a readable
 * summary are skipped: a summary is replaced atomically, so an unreadable one is not a run. Statuses
 * are as readRunSummary reads them: a `running` run whose process is gone is `interrupted`.
 */
export function runsIn(folder: string): FoundRun[] {
  const runs: FoundRun[] = [];
  for (const child of subfolders(folder)) {
    for (const dir of isRunFolder(child) ? [child] : subfolders(child)) {
      if (!isRunFolder(dir)) continue;
      try {
        runs.push({ dir, summary: readRunSummary(dir) });
      } catch {
        // Not a run to offer.
      }
    }
  }
  return runs.sort((a, b) => b.summary.startedAt.localeCompare(a.summary.startedAt));
}

/** The runs of one model file under its runs root (by default `.nn-runs` beside it), newest first. */
export function runsOfModelFile(modelFile: string, runsRoot = defaultRunsRoot(modelFile)): FoundRun[] {
  const target = path.resolve(modelFile);
  return runsIn(runsRoot).filter((run) => path.resolve(run.summary.modelFile) === target);
}

/** A model file's runs whose saved model can be evaluated or predicted with, newest first: any that no longer runs and has a model.json. */
export function runsWithModel(modelFile: string, runsRoot?: string): FoundRun[] {
  return runsOfModelFile(modelFile, runsRoot).filter((run) => run.summary.status !== 'running' && fs.existsSync(path.join(run.dir, MODEL_JSON)));
}

/** Whether a folder is one run (it has a summary or a saved model), not a folder of runs. */
export function isRunFolder(dir: string): boolean {
  return fs.existsSync(path.join(dir, SUMMARY_FILE)) || fs.existsSync(path.join(dir, MODEL_JSON));
}

/** A run that finished training and saved its model: the ones worth predicting with. */
export function isCompletedRun(run: FoundRun): boolean {
  return (run.summary.status === 'completed' || run.summary.status === 'early_stopped') && fs.existsSync(path.join(run.dir, MODEL_JSON));
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
