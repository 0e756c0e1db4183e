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

  /**
   * Creates a fresh, uniquely named run folder and copies the model file into it. A runs folder that
   * cannot be written (read-only, full, not a folder) is a RunFolderError before anything trains.
   */
  static create(runsRoot: string, name: string, modelFile: string, now = new Date()): RunFolder {
    const parent = path.join(runsRoot, sanitize(name));
    const stamp = now.toISOString().replace(/[:]/g, '-').replace(/\..+$/, '');
    let dir = path.join(parent, stamp);
    try {
      fs.mkdirSync(parent, { recursive: true });
      for (let n = 2; fs.existsSync(dir); n++) dir = path.join(parent, `${stamp}-${n}`);
      fs.mkdirSync(dir);
      fs.copyFileSync(modelFile, path.join(dir, path.basename(modelFile)));
      // A full disk can still make folders: a first real write says whether files fit.
      fs.writeFileSync(path.join(dir, SUMMARY_FILE), '');
    } catch (err) {
      // Nothing half-made is left behind: the folder is removed when it could not be filled.
      try {
        fs.rmSync(dir, { recursive: true, force: true });
      } catch {
        // It was never made (a path through a file, a read-only disk).
      }
      throw new RunFolderError(runsRoot, err);
    }
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

/** The runs folder cannot be written: read-only, full, or not a folder. Says which folder, why, and what to do. */
export class RunFolderError extends Error {
  override name = 'RunFolderError';
  constructor(runsRoot: string, cause: unknown) {
    const code = (cause as { code?: string } | undefined)?.code;
    const why = code ? (WRITE_ERRORS[code] ?? code) : cause instanceof Error ? cause.message : String(cause);
    super(`cannot write a run folder in ${runsRoot}: ${why}. Choose a runs folder you can write to (the nnTrainer.runsFolder setting, or the CLI's --out)`);
  }
}

const WRITE_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'it is on a read-only file system',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EEXIST: 'a file of that name is in the way',
};

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
