import type { PanelProblem, PanelRun } from '../../shared/panelProtocol';
import { defaultModelName } from '../../core/modelFile/modelFileName';
import { runsOfModelFile, type FoundRun } from '../../core/runs/runList';
import { readRunSummary } from '../../core/runs/runFolder';
import { readHistory } from '../../core/runs/runHistory';
import { readBatchLog } from '../../core/runs/batchLog';
import type { ActiveRuns } from './activeRuns';
import { curvesOf } from '../../core/runs/batchCurves';
import { readInsights } from '../../core/runs/insightsFile';

/**
 * What the panel of a model file shows: the problems that kept its last Train from starting, else its
 * live run, else the run the user chose (Show in Panel in the Runs view), else its latest run on disk,
 * else nothing yet. Problems come first: a Train that found
 * them is still tracked as live while it ends, but never started a run to show.
 */
export function panelRunOf(modelFile: string, active: ActiveRuns, runsRoot: string | undefined, problems?: PanelProblem[], chosenRunDir?: string): PanelRun {
  if (problems) return { modelFile, name: defaultModelName(modelFile), status: 'invalid', history: [], problems };
  const live = active.get(modelFile);
  if (live) return { ...live.panelRun };
  // A run the user chose in the Runs view, while it is still there; else the latest.
  const latest = (chosenRunDir && runAt(chosenRunDir)) || runsOfModelFile(modelFile, runsRoot)[0];
  if (!latest) return { modelFile, name: defaultModelName(modelFile), status: 'idle', history: [] };
  const { summary, dir } = latest;
  return {
    modelFile,
    name: summary.name,
    status: summary.status,
    runDir: dir,
    backend: summary.backend,
    epochs: summary.epochsPlanned,
    history: readHistory(dir),
    curves: curvesOf(readBatchLog(dir)),
    modelSummary: summary.modelSummary,
    weightsEpoch: summary.weightsEpoch,
    evaluation: summary.evaluation,
    predictions: summary.predictions,
    classNames: summary.classNames,
    insights: readInsights(dir),
    error: summary.error,
  };
}

function runAt(dir: string): FoundRun | undefined {
  try {
    return { dir, summary: readRunSummary(dir) };
  } catch {
    return undefined;
  }
}
