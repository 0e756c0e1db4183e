import type { PanelProblem, PanelRun } from '../../shared/panelProtocol';
import { defaultModelName } from '../../core/modelFile/modelFileName';
import { runsOfModelFile } from '../../core/runs/runList';
import { readHistory } from '../../core/runs/runHistory';
import type { ActiveRuns } from './activeRuns';

/**
 * What the panel of a model file shows: the problems that kept its last Train from starting, else its
 * live run, else its latest run on disk, else nothing yet. Problems come first: a Train that found
 * them is still tracked as live while it ends, but never started a run to show.
 */
export function panelRunOf(modelFile: string, active: ActiveRuns, runsRoot: string | undefined, problems?: PanelProblem[]): PanelRun {
  if (problems) return { modelFile, name: defaultModelName(modelFile), status: 'invalid', history: [], problems };
  const live = active.get(modelFile);
  if (live) return { ...live.panelRun };
  const latest = runsOfModelFile(modelFile, runsRoot)[0];
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
    evaluation: summary.evaluation,
    predictions: summary.predictions,
    classNames: summary.classNames,
    error: summary.error,
  };
}
