import type { PanelRun } from '../../src/shared/panelProtocol';

/** Whether the run holds a trained model: a stopped or interrupted run does once it saved an epoch's weights. */
export function hasTrainedModel(run: Pick<PanelRun, 'status' | 'weightsEpoch'>): boolean {
  return run.status === 'completed' || run.status === 'early_stopped' || ((run.status === 'stopped' || run.status === 'interrupted') && (run.weightsEpoch ?? 0) > 0);
}
