import * as fs from 'fs';
import * as path from 'path';
import type { BatchPoint, MetricValues } from '../../shared/trainingEvents';
import { writeFileAtomic } from './atomicFile';
import { batchLogLines } from './batchLog';
import { effectiveStatus } from './interruptedRuns';
import { BATCHES_FILE, HISTORY_FILE, SUMMARY_FILE, type RunSummary } from './runSummary';

export { writeFileAtomic };

/**
 * One run's folder: `<runsRoot>/<name>/<timestamp>/`. The summary is always replaced atomically
 * (write then rename), so a reader never sees half a file and a run that dies keeps saying
 * `running` (read as `interrupted` once its process is gone) or `stopped`, never a success it did not have.
 */
export class RunFolder {
  private constructor(readonly dir: string) {}

  /** Creates a fresh, uniquely named run folder and copies the model file into it. */
  static create(runsRoot: string, name: string, modelFile: string, now = new Date()): RunFolder {
    const parent = path.join(runsRoot, sanitize(name));
    fs.mkdirSync(parent, { recursive: true });
    const stamp = now.toISOString().replace(/[:]/g, '-').replace(/\..+$/, '');
    let dir = path.join(parent, stamp);
    for (let n = 2; fs.existsSync(dir); n++) dir = path.join(parent, `${stamp}-${n}`);
    fs.mkdirSync(dir);
    fs.copyFileSync(modelFile, path.join(dir, path.basename(modelFile)));
    return new RunFolder(dir);
  }

  /** Appends one epoch's metrics as a JSON line, as soon as the epoch ends. */
  appendEpoch(epoch: number, metrics: MetricValues): void {
    fs.appendFileSync(path.join(this.dir, HISTORY_FILE), JSON.stringify({ epoch, ...metrics }) + '\n');
  }

  /** Appends batches' own metrics to batches.jsonl in one write (an epoch of MNIST is 1,875 lines). */
  appendBatches(points: readonly BatchPoint[]): void {
    if (points.length > 0) fs.appendFileSync(path.join(this.dir, BATCHES_FILE), batchLogLines(points));
  }

  writeSummary(summary: RunSummary): void {
    writeFileAtomic(path.join(this.dir, SUMMARY_FILE), JSON.stringify(summary, null, 2) + '\n');
  }
}

/** Reads a run folder's summary.json, with its effective status: a `running` run whose process died reads as `interrupted`. */
export function readRunSummary(runDir: string): RunSummary {
  const summary = JSON.parse(fs.readFileSync(path.join(runDir, SUMMARY_FILE), 'utf8')) as RunSummary;
  return { ...summary, status: effectiveStatus(summary) };
}

/** The default runs folder: `.nn-runs` beside the model file. */
export function defaultRunsRoot(modelFile: string): string {
  return path.join(path.dirname(path.resolve(modelFile)), '.nn-runs');
}

function sanitize(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[.-]+/, '') || 'model';
}
