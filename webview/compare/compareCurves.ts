import type { CompareState } from '../../src/shared/compareProtocol';
import { el } from '../shared/dom';
import { LineChart } from '../shared/lineChart';
import { SmoothingControl } from '../shared/smoothingControl';
import { onThemeChange } from '../shared/themeColors';
import { compareCharts, type CompareChart } from './compareSeries';

interface ChartEntry {
  chart: LineChart;
  box: HTMLElement;
  shown: CompareChart;
  /** Which run each series label belongs to, to turn a hovered line into its run. */
  runOf: Map<string, number>;
}

/**
 * The `Curves` section: one chart per shared metric, the runs overlaid. Hovering a run's line
 * highlights that run in every chart (and tells the page, which highlights it in the run list).
 */
export class CompareCurves {
  readonly element: HTMLElement;
  private readonly grid = el('div', { className: 'charts' });
  private readonly empty = el('p', { className: 'note', text: 'The runs have no metric in common to draw.' });
  private readonly charts = new Map<string, ChartEntry>();
  private shownData?: CompareState['data'];
  private smoothing: number;
  /** Set while this section focuses charts itself, so their focus hooks do not answer back. */
  private focusing = false;

  constructor(
    state: Pick<CompareState, 'smoothing'>,
    onSmoothing: (weight: number) => void,
    private readonly onFocusRun: (run: number | undefined) => void,
  ) {
    this.smoothing = state.smoothing;
    const smoothing = new SmoothingControl(state.smoothing, (weight) => {
      this.smoothing = weight;
      for (const { chart } of this.charts.values()) chart.setSmoothing(weight);
      onSmoothing(weight);
    });
    this.element = el('section', { className: 'curves', attrs: { 'aria-labelledby': 'curves-heading' } }, [
      el('h2', { text: 'Curves', attrs: { id: 'curves-heading' } }),
      el('div', { className: 'chart-controls' }, [smoothing.element]),
      this.empty,
      this.grid,
    ]);
    onThemeChange(() => {
      for (const { chart } of this.charts.values()) chart.restyle();
    });
  }

  update(state: CompareState): void {
    if (state.data === this.shownData) return;
    this.shownData = state.data;
    const charts = compareCharts(state.data.runs);
    this.empty.hidden = charts.length > 0;
    const wanted = new Set(charts.map((c) => c.metric));
    for (const [metric, entry] of this.charts) {
      if (wanted.has(metric)) continue;
      entry.chart.destroy();
      entry.box.remove();
      this.charts.delete(metric);
    }
    for (const shown of charts) {
      const entry = this.charts.get(shown.metric) ?? this.addChart(shown.metric);
      entry.shown = shown;
      entry.runOf = new Map(shown.lines.map((line) => [line.label, line.run]));
      entry.box.style.setProperty('--series-per-run', String(seriesPerRun(shown)));
      // Charts in the order of the metrics, whatever order they were made in.
      this.grid.append(entry.box);
      entry.chart.update(shown.lines);
    }
  }

  /** Highlights one run's main line in every chart but `except` (the chart under the cursor), or none. */
  focusRun(run: number | undefined, except?: string): void {
    this.focusing = true;
    try {
      for (const [metric, { chart, shown, box }] of this.charts) {
        if (run === undefined) delete box.dataset.focusedRun;
        else box.dataset.focusedRun = String(run);
        if (metric !== except) chart.focus(run === undefined ? undefined : shown.focusLabels[run]);
      }
    } finally {
      this.focusing = false;
    }
  }

  private addChart(metric: string): ChartEntry {
    const canvasBox = el('div', { className: 'chart-canvas', attrs: { role: 'img', 'aria-label': `${metric} of each run per epoch` } });
    const box = el('figure', { className: 'chart', attrs: { 'data-metric': metric } }, [el('figcaption', {}, [el('span', { className: 'chart-title', text: metric })]), canvasBox]);
    const chart = new LineChart(canvasBox, {
      title: '',
      height: 220,
      onFocusSeries: (label) => {
        if (this.focusing) return;
        const run = label === undefined ? undefined : this.charts.get(metric)?.runOf.get(label);
        this.focusRun(run, metric);
        this.onFocusRun(run);
      },
    });
    chart.setSmoothing(this.smoothing);
    const entry: ChartEntry = { chart, box, shown: { metric, lines: [], focusLabels: [] }, runOf: new Map() };
    this.charts.set(metric, entry);
    return entry;
  }
}

/**
 * How many legend entries each run has (a batch line counts twice: raw and smoothed), for the legend
 * to give each run one line; 0 when runs differ, and the legend flows as it comes.
 */
function seriesPerRun(chart: CompareChart): number {
  const counts = new Map<number, number>();
  for (const line of chart.lines) counts.set(line.run, (counts.get(line.run) ?? 0) + (line.perEpoch ? 1 : 2));
  const distinct = new Set(counts.values());
  return distinct.size === 1 ? [...distinct][0] : 0;
}
