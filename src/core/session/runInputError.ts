import * as fs from 'fs';
import * as path from 'path';
import { readRunSummary } from '../runs/runFolder';
import { MODEL_JSON, SUMMARY_FILE } from '../runs/runSummary';

/** A problem with a run folder or the inputs given for it (not with a model file). */
export class RunInputError extends Error {
  override name = 'RunInputError';
}

/**
 * Throws a RunInputError naming the first of `files` the run folder lacks, with `advice` on what to do.
 * Weights are saved at every epoch end, so any run with model.json can be used, stopped and
 * interrupted ones included; one that ended before its first epoch did says so.
 */
export function assertRunHolds(runDir: string, files: readonly string[], advice: string): void {
  for (const needed of files) {
    if (fs.existsSync(path.join(runDir, needed))) continue;
    const early = needed === MODEL_JSON ? endedBeforeFirstEpoch(runDir) : undefined;
    throw new RunInputError(early ?? `${runDir} holds no trained model (${needed} is missing); ${advice}`);
  }
}

/** Why a run has no weights yet, when its summary tells: it ended (or is still) before its first epoch end. */
function endedBeforeFirstEpoch(runDir: string): string | undefined {
  if (!fs.existsSync(path.join(runDir, SUMMARY_FILE))) return undefined;
  let status: string;
  try {
    status = readRunSummary(runDir).status;
  } catch {
    return undefined;
  }
  const run = `run ${runDir}`;
  if (status === 'running') return `${run} has not finished its first epoch yet: it has no saved weights; try again after an epoch ends.`;
  if (status === 'stopped' || status === 'interrupted') return `${run} was ${status} before its first epoch ended: it has no saved weights. Train it again.`;
  if (status === 'failed') return `${run} failed before its first epoch ended: it has no saved weights. Train it again.`;
  return undefined;
}
