import type { HostToPanelMessage, PanelRun } from '../../src/shared/panelProtocol';
import { withMade } from '../../src/shared/madePredictions';
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
        insights: message.insights ?? run.insights,
        error: message.error,
      };
    case 'insights': {
      // The run's inputs come with its snapshot (the host has them from the run's start).
      const insights = run.insights;
      if (!insights) return run;
      return { ...run, insights: { ...insights, boundary: message.boundary ?? insights.boundary, weights: message.weights ?? insights.weights } };
    }
    case 'updates':
      return message.messages.reduce<PanelRun | undefined>((state, update) => applyMessage(state, update), run);
    case 'evaluation':
      return {
        ...run,
        evaluation: message.evaluation,
        insights: message.insights && run.insights ? { ...run.insights, evaluation: message.insights } : run.insights,
      };
    case 'predictionMade':
      return { ...run, made: withMade(run.made, message.made) };
    case 'livePrediction':
      // A `Try it` answer also comes as a `predictionMade` from the host, which keeps the list.
      return { ...run, live: { ...run.live, [message.source]: message.answer } };
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
