import type { PanelRun } from '../../shared/panelProtocol';
import { defaultModelName } from '../../core/modelFile/modelFileName';
import { listRuns, readHistory } from '../runs/runRecords';
import type { ActiveRuns } from './activeRuns';

/** What the panel of a model file shows: its live run, else its latest run on disk, else nothing yet. */
export function panelRunOf(modelFile: string, active: ActiveRuns, runsRoot: string | undefined): PanelRun {
  const live = active.get(modelFile);
  if (live) {
    const batch = live.lastBatch;
    return { ...live.panelRun, current: batch && { epoch: batch.epoch, batch: batch.batch, batchesPerEpoch: batch.batchesPerEpoch, metrics: batch.metrics } };
  }
  const latest = listRuns(modelFile, runsRoot)[0];
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
