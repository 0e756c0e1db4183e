import type { HostToPanelMessage, PanelRun } from '../../src/shared/panelProtocol';

/**
 * The run after one host message. Pure, so the state saved with setState is exactly what is shown,
 * and a reloaded panel rebuilds the same view from it.
 */
export function applyMessage(run: PanelRun | undefined, message: HostToPanelMessage): PanelRun | undefined {
  if (message.type === 'snapshot') return message.run;
  // Updates only make sense on top of a snapshot, which the host always sends first.
  if (!run) return undefined;
  switch (message.type) {
    case 'batch': {
      const { epoch, epochs, batch, batchesPerEpoch, metrics } = message;
      return { ...run, status: 'running', epochs, current: { epoch, batch, batchesPerEpoch, metrics } };
    }
    case 'epochEnd': {
      // A resent epoch replaces its row instead of adding a second one.
      const history = [...run.history.filter((row) => row.epoch !== message.epoch), { epoch: message.epoch, metrics: message.metrics }];
      return { ...run, history };
    }
    case 'finished':
      return {
        ...run,
        status: message.status,
        current: undefined,
        evaluation: message.evaluation ?? run.evaluation,
        predictions: message.predictions ?? run.predictions,
        error: message.error,
      };
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
