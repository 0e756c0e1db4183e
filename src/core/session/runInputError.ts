import * as fs from 'fs';
import * as path from 'path';

/** A problem with a run folder or the inputs given for it (not with a model file). */
export class RunInputError extends Error {
  override name = 'RunInputError';
}

/** Throws a RunInputError naming the first of `files` the run folder lacks, with `advice` on what to do. */
export function assertRunHolds(runDir: string, files: readonly string[], advice: string): void {
  for (const needed of files) {
    if (!fs.existsSync(path.join(runDir, needed))) throw new RunInputError(`${runDir} holds no trained model (${needed} is missing); ${advice}`);
  }
}
