/**
 * The one wording of a result, shared by the end-of-training notification, Evaluate, the run picker
 * and the CLI: `accuracy 0.9623 · loss 0.1271 on 10,000 test samples`. Metrics always say what data
 * they were measured on, because a training accuracy read as a test accuracy misleads.
 */
import type { Evaluation, RunStatus } from '../shared/runResults';
import type { MetricValues } from '../shared/trainingEvents';
import { formatCount } from './data/sizes';
import { formatNumber } from './metricFormat';

/** The data metrics were measured on: an evaluation's split, or the training data for the last epoch's metrics. */
export interface MeasuredOn {
  split: Evaluation['split'];
  /** How many samples, when known. */
  samples?: number;
}

/** `1 epoch`, `300 epochs`, `10,000 samples`. */
export function countOf(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** `on 10,000 test samples`, `on 1 training sample`, or `on training data` when the count is unknown. */
export function measuredOnText(on: MeasuredOn): string {
  const split = on.split === 'test' ? 'test' : 'training';
  return on.samples === undefined ? `on ${split} data` : `on ${countOf(on.samples, `${split} sample`)}`;
}

/**
 * `accuracy 0.9623 · loss 0.1271 on 10,000 test samples`: every metric in the file's order, the loss
 * last, no `val_` ones. Empty when there is no metric to show.
 */
export function metricsResultText(metrics: MetricValues | undefined, on: MeasuredOn): string {
  const names = Object.keys(metrics ?? {}).filter((name) => !name.startsWith('val_'));
  const ordered = [...names.filter((name) => name !== 'loss'), ...names.filter((name) => name === 'loss')];
  if (!metrics || ordered.length === 0) return '';
  return `${ordered.map((name) => `${name} ${formatNumber(metrics[name])}`).join(' · ')} ${measuredOnText(on)}`;
}

/** The metrics of an evaluation with the data they were measured on. */
export function evaluationResultText(evaluation: Evaluation): string {
  return metricsResultText(evaluation.metrics, evaluation);
}

export interface TrainingOutcome {
  name: string;
  status: RunStatus;
  epochsCompleted: number;
  evaluation?: Evaluation;
  /** The last epoch's metrics, shown when there is no evaluation (a stopped run). */
  finalMetrics?: MetricValues;
  /** Training samples per epoch, to say what the last epoch's metrics were measured on. */
  trainSamples?: number;
}

/** `xor: completed after 300 epochs · accuracy 1.0000 · loss 0.0123 on 4 training samples`; `xor: stopped after 0 epochs`. */
export function trainingResultText(outcome: TrainingOutcome): string {
  const head = `${outcome.name}: ${outcome.status.replace('_', ' ')} after ${countOf(outcome.epochsCompleted, 'epoch')}`;
  const metrics = outcome.evaluation
    ? evaluationResultText(outcome.evaluation)
    : metricsResultText(outcome.finalMetrics, { split: 'train', samples: outcome.trainSamples });
  return metrics ? `${head} · ${metrics}` : head;
}

/** `Evaluate xor: accuracy 0.9623 · loss 0.1271 on 10,000 test samples`. */
export function evaluateResultText(name: string, evaluation: Evaluation): string {
  return `Evaluate ${name}: ${evaluationResultText(evaluation) || `no metrics ${measuredOnText(evaluation)}`}`;
}

/** `Restored the weights of epoch 4 of 7, the best val_loss (0.3121) (restore_best_weights).` */
export function restoredWeightsText(restored: { epoch: number; monitor: string; value: number }, epochsCompleted: number): string {
  return `Restored the weights of epoch ${restored.epoch} of ${epochsCompleted}, the best ${restored.monitor} (${formatNumber(restored.value)}) (restore_best_weights).`;
}
