import * as fs from 'fs';
import * as path from 'path';
import { MODEL_FILE_PATTERN } from '../modelFile/modelFileName';
import { defaultRunsRoot } from '../runs/runFolder';
import { isCompletedRun, isRunFolder, runsIn, runsOfModelFile, type FoundRun } from '../runs/runList';
import { RunInputError } from './runInputError';

export interface ResolvedRun {
  runDir: string;
  /** False when `target` was the run folder itself; true when its latest completed run was taken. */
  picked: boolean;
}

/**
 * The run folder a user means by `target`: a run folder as given; a model file's or a runs folder's
 * latest completed run. Throws RunInputError saying what was found instead.
 */
export function resolveRunFolder(target: string): ResolvedRun {
  const stat = statOf(target);
  if (!stat) throw new RunInputError(`${target} does not exist; give a run folder, a runs folder (.nn-runs) or a model file.`);
  if (stat.isDirectory()) {
    if (isRunFolder(target)) return { runDir: target, picked: false };
    return { runDir: latestCompleted(runsIn(target), target, `${target} holds no completed run`, 'train a model first: nn-trainer train FILE').dir, picked: true };
  }
  if (!MODEL_FILE_PATTERN.test(target)) throw new RunInputError(`${target} is neither a run folder nor a model file (*.nn.yaml, *.nn.json).`);
  const root = defaultRunsRoot(target);
  return { runDir: latestCompleted(runsOfModelFile(target, root), target, `${target} has no completed run in ${root}`, `train it first: nn-trainer train ${target}`).dir, picked: true };
}

function latestCompleted(runs: FoundRun[], target: string, none: string, advice: string): FoundRun {
  const completed = runs.filter(isCompletedRun);
  if (completed.length === 0) {
    const others = runs.length > 0 ? ` (${runs.length} stopped, failed or still running)` : '';
    throw new RunInputError(`${none}${others}; ${advice}`);
  }
  // A runs root may hold several models: which one's latest run is meant is then a guess.
  const models = [...new Set(completed.map((run) => path.dirname(run.dir)))];
  if (models.length > 1) throw new RunInputError(`${target} holds runs of several models; give one of: ${models.join(', ')}`);
  return completed[0];
}

function statOf(target: string): fs.Stats | undefined {
  try {
    return fs.statSync(target);
  } catch {
    return undefined;
  }
}
