/**
 * How a run is named and summed up in the sidebar and the comparison: `2026-12-01 10:15:02`,
 * `completed · accuracy 1.000`, and a tooltip with the rest. Metric wording follows resultText.ts.
 */
import type { MetricValues } from '../../shared/trainingEvents';
import { formatCount } from '../data/sizes';
import { formatDuration, formatNumber } from '../metricFormat';
import { measuredOnText, metricsResultText } from '../resultText';
import type { RunSummary } from './runSummary';

/** The one metric that sums a run up, and the data it was measured on. */
export interface HeadlineMetric {
  name: string;
  value: number;
  on: 'test' | 'training';
}

/** `2026-12-01 10:15:02`: the run's start in local time (the ISO date as given when it is no date). */
export function runDateLabel(run: { startedAt: string }): string {
  const date = new Date(run.startedAt);
  if (Number.isNaN(date.getTime())) return run.startedAt;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The Runs view's label: `today 10:15:02`, `yesterday 18:40:11`, `Nov 28 09:02:45`, or `2025-12-01
 * 10:15` in another year. A narrow side bar then still shows each run's status beside it; the full
 * date is in the tooltip.
 */
export function runShortDate(run: { startedAt: string }, now = new Date()): string {
  const date = new Date(run.startedAt);
  if (Number.isNaN(date.getTime())) return run.startedAt;
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
  const day = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (day(date) === day(now)) return `today ${time}`;
  if (day(date) === day(yesterday)) return `yesterday ${time}`;
  if (date.getFullYear() === now.getFullYear()) return `${MONTHS[date.getMonth()]} ${date.getDate()} ${time}`;
  return runDateLabel(run).slice(0, -3);
}

/** `xor · 2026-12-01 10:15:02`: what a legend or a title calls a run. */
export function runLabel(modelName: string, run: { startedAt: string }): string {
  return `${modelName} · ${runDateLabel(run)}`;
}

/**
 * The metric a run is known by: accuracy when there is one, else the first other metric, else the
 * loss; each taken from the evaluation before the last epoch, since test data says more than
 * training data. Validation (`val_`) metrics are left out: they are the last epoch's too.
 */
export function headlineMetric(summary: RunSummary): HeadlineMetric | undefined {
  const sources: Array<{ metrics: MetricValues | undefined; on: HeadlineMetric['on'] }> = [
    { metrics: summary.evaluation?.metrics, on: summary.evaluation?.split === 'test' ? 'test' : 'training' },
    { metrics: summary.finalMetrics, on: 'training' },
  ];
  const isAccuracy = (name: string) => name === 'accuracy' || name === 'acc';
  for (const wanted of [isAccuracy, (name: string) => name !== 'loss', (name: string) => name === 'loss']) {
    for (const { metrics, on } of sources) {
      const name = Object.keys(metrics ?? {}).find((n) => !n.startsWith('val_') && wanted(n) && typeof metrics?.[n] === 'number');
      if (metrics && name !== undefined) return { name, value: metrics[name], on };
    }
  }
  return undefined;
}

/** `accuracy 0.976`: a headline metric with 3 decimals, short enough for a tree item. */
export function headlineText(metric: HeadlineMetric): string {
  const { value } = metric;
  const shown = !Number.isFinite(value) ? String(value) : Math.abs(value) >= 1e4 || (Math.abs(value) < 1e-3 && value !== 0) ? value.toExponential(2) : value.toFixed(3);
  return `${metric.name} ${shown}`;
}

/**
 * `completed · accuracy 1.000`, `early stopped · accuracy 0.950`, `stopped · 2/5 epochs`, `failed`,
 * `interrupted`, `running · epoch 3/5`; `unreadable` for a folder without a usable summary.
 */
export function runDescription(summary: RunSummary | undefined): string {
  if (!summary) return 'unreadable';
  const { status, epochsCompleted, epochsPlanned } = summary;
  switch (status) {
    case 'running':
      // The epoch under way, as the progress notification counts it.
      return `running · epoch ${Math.min(epochsCompleted + 1, epochsPlanned)}/${epochsPlanned}`;
    case 'stopped':
      return `stopped · ${epochsCompleted}/${epochsPlanned} epochs`;
    case 'completed':
    case 'early_stopped': {
      const headline = headlineMetric(summary);
      const text = statusText(summary);
      return headline ? `${text} · ${headlineText(headline)}` : text;
    }
    default:
      return statusText(summary);
  }
}

/**
 * A run's tooltip, one fact a line: backend, seed, epochs, duration, samples/s, every metric of the
 * last epoch and of the evaluation (as Keras names and prints them), and the error of a failed run.
 */
export function runTooltip(summary: RunSummary): string {
  const lines = [`${summary.name}: ${runDescription(summary)}`, `Backend: ${summary.backend}`, `Seed: ${summary.seed}`, `Epochs: ${summary.epochsCompleted}/${summary.epochsPlanned}`];
  if (summary.durationMs !== undefined) {
    const paused = summary.pausedMs ? ` (${formatDuration(summary.pausedMs)} of it paused)` : '';
    lines.push(`Duration: ${formatDuration(summary.durationMs)}${paused}`);
  }
  if (summary.samplesPerSecond !== undefined) lines.push(`Samples/s: ${formatCount(Math.round(summary.samplesPerSecond))}`);
  const training = metricsResultText(summary.finalMetrics, { split: 'train' });
  if (training) lines.push(`Last epoch: ${training}`);
  const validation = validationText(summary.finalMetrics);
  if (validation) lines.push(`Last epoch: ${validation}`);
  if (summary.evaluation) lines.push(`Evaluation: ${metricsResultText(summary.evaluation.metrics, summary.evaluation) || `no metrics ${measuredOnText(summary.evaluation)}`}`);
  if (summary.error) lines.push(`Error: ${summary.error}`);
  return lines.join('\n');
}

function statusText(summary: RunSummary): string {
  return summary.status.replace('_', ' ');
}

/** `val_accuracy 0.9700 · val_loss 0.1000 on validation data`, worded as metricsResultText words the rest. */
function validationText(metrics: MetricValues | undefined): string {
  const names = Object.keys(metrics ?? {}).filter((name) => name.startsWith('val_'));
  const ordered = [...names.filter((name) => name !== 'val_loss'), ...names.filter((name) => name === 'val_loss')];
  if (!metrics || ordered.length === 0) return '';
  return `${ordered.map((name) => `${name} ${formatNumber(metrics[name])}`).join(' · ')} on validation data`;
}
