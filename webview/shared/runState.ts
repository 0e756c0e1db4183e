import type { HostToPanelMessage, PanelRun } from '../../src/shared/panelProtocol';
import { withPoints } from '../../src/shared/panelCurves';

/**
 * The run after one host message. Pure, so the state saved with setState is exactly what is shown,
 * and a reloaded panel rebuilds the same view from it.
 */
export function applyMessage(run: PanelRun | undefined, message: HostToPanelMessage): PanelRun | undefined {
  if (message.type === 'snapshot') return message.run;
  // Updates only make sense on top of a snapshot, which the host always sends first.
  if (!run) return undefined;
  switch (message.type) {
    case 'batch':
      return { ...run, status: 'running', epochs: message.epochs, current: message.progress, curves: withPoints(run.curves, message.points ?? []) };
    case 'paused':
      return { ...run, paused: message.paused };
    case 'epochEnd': {
      // A resent epoch replaces its row instead of adding a second one.
      const history = [...run.history.filter((row) => row.epoch !== message.epoch), { epoch: message.epoch, metrics: message.metrics }];
      // The progress line says the epoch is whole, as the table does.
      const current = run.current && { ...run.current, epoch: message.epoch, batch: run.current.batchesPerEpoch };
      return { ...run, history, current };
    }
    case 'finished':
      return {
        ...run,
        status: message.status,
        paused: false,
        current: undefined,
        weightsEpoch: message.weightsEpoch ?? run.weightsEpoch,
        evaluation: message.evaluation ?? run.evaluation,
        predictions: message.predictions ?? run.predictions,
        error: message.error,
      };
    case 'updates':
      return message.messages.reduce<PanelRun | undefined>((state, update) => applyMessage(state, update), run);
    case 'evaluation':
      return { ...run, evaluation: message.evaluation };
    case 'predictions':
      return { ...run, predictions: message.predictions };
    default:
      // A message from a newer host: keep what is shown.
      return run;
  }
}

/** Whether a value from getState is a run this version of the panel can show. */
export function isPanelRun(value: unknown): value is PanelRun {
  const run = value as Partial<PanelRun> | undefined;
  return typeof run === 'object' && run !== null && typeof run.modelFile === 'string' && typeof run.name === 'string' && Array.isArray(run.history);
}
