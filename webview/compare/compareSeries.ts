import type { CompareRun } from '../../src/shared/compareProtocol';
import type { ChartSeries } from '../shared/lineChart';
import { seriesColor } from '../shared/themeColors';

/** One line of a comparison chart, and the run it belongs to (its index in the comparison). */
export interface RunLine extends ChartSeries {
  run: number;
}

export interface CompareChart {
  metric: string;
  lines: RunLine[];
  /** Per run, the label that LineChart.focus takes to highlight the run's main line. */
  focusLabels: string[];
}

/**
 * The metrics every run's history has, each once by its base name (`val_loss` is drawn in `loss`'s
 * chart): `loss` first, then in the order the first run reports them.
 */
export function sharedMetrics(runs: readonly CompareRun[]): string[] {
  if (runs.length === 0) return [];
  const names = runs.map((run) => new Set(run.history.flatMap((row) => Object.keys(row.metrics))));
  const bases = [...names[0]].filter((name) => !name.startsWith('val_') && names.every((set) => set.has(name)));
  return bases.sort((a, b) => Number(b === 'loss') - Number(a === 'loss'));
}

/**
 * What the legends and tables call the runs: their labels without what every label starts with
 * (`xor · 2026-12-01 `: the title and the run list say it), cut only between words, made unique.
 */
export function runNames(runs: readonly CompareRun[]): string[] {
  const labels = runs.map((run) => run.label);
  const cut = labels.length < 2 ? 0 : commonWordsPrefix(labels);
  const names = labels.map((label) => label.slice(cut));
  return names.map((name, i) => (names.indexOf(name) === i ? name : `${name} (${i + 1})`));
}

/** The length of the longest start all labels share that ends before a word, leaving each a word. */
function commonWordsPrefix(labels: readonly string[]): number {
  let length = 0;
  for (let i = 0; i < labels[0].length && labels.every((l) => l[i] === labels[0][i]); i++) {
    if (labels[0][i] === ' ' && labels.every((l) => l.length > i + 1)) length = i + 1;
  }
  return length;
}

/**
 * One chart per shared metric, every run overlaid in its own colour: its training values per batch
 * when it has a batch log (else per epoch), and its `val_` values per epoch.
 */
export function compareCharts(runs: readonly CompareRun[]): CompareChart[] {
  const names = runNames(runs);
  return sharedMetrics(runs).map((metric) => {
    const lines: RunLine[] = [];
    const focusLabels: string[] = [];
    runs.forEach((run, index) => {
      const color = seriesColor(index);
      const epochs = run.history.map((row) => row.epoch);
      const perEpoch = (name: string) => run.history.map((row) => (name in row.metrics ? row.metrics[name] : null));
      const batches = run.curves?.values[metric];
      if (run.curves && batches && batches.length > 0) {
        lines.push({ run: index, label: names[index], x: run.curves.x, y: batches, color });
        // The smoothed line is the one drawn strong: that is what a highlighted run shows.
        focusLabels.push(`${names[index]} · smoothed`);
      } else {
        lines.push({ run: index, label: names[index], x: epochs, y: perEpoch(metric), color, perEpoch: true });
        focusLabels.push(names[index]);
      }
      if (run.history.some((row) => `val_${metric}` in row.metrics)) {
        lines.push({ run: index, label: `${names[index]} · val_${metric}`, x: epochs, y: perEpoch(`val_${metric}`), color, perEpoch: true, dashed: true });
      }
    });
    return { metric, lines, focusLabels };
  });
}
