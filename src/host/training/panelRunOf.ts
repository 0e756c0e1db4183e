import type { PanelProblem, PanelRun } from '../../shared/panelProtocol';
import { defaultModelName } from '../../core/modelFile/modelFileName';
import { runsOfModelFile } from '../../core/runs/runList';
import { readHistory } from '../../core/runs/runHistory';
import { readBatchLog } from '../../core/runs/batchLog';
import type { BatchPoint } from '../../shared/trainingEvents';
import { withPoints } from '../../shared/panelCurves';
import type { ActiveRuns } from './activeRuns';
import { pointX } from './liveRun';

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
    curves: curvesOf(readBatchLog(dir)),
    modelSummary: summary.modelSummary,
    weightsEpoch: summary.weightsEpoch,
    evaluation: summary.evaluation,
    predictions: summary.predictions,
    classNames: summary.classNames,
    error: summary.error,
  };
}

/** A run folder's batch log as the panel's curves; batches per epoch are read off the log itself. */
function curvesOf(points: readonly BatchPoint[]): PanelRun['curves'] {
  if (points.length === 0) return undefined;
  const lastEpoch = points[points.length - 1].epoch;
  // A whole epoch tells how many batches one has; a run stopped in its first epoch has only that one.
  const whole = points.filter((p) => p.epoch < lastEpoch);
  const batchesPerEpoch = Math.max(...(whole.length > 0 ? whole : points).map((p) => p.batch));
  return withPoints(undefined, points.map((p) => ({ x: pointX(p, batchesPerEpoch), metrics: p.metrics })));
}
