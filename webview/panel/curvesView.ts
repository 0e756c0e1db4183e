import type { PanelRun } from '../../src/shared/panelProtocol';
import { LineChart, type ChartSeries } from '../shared/lineChart';
import { onThemeChange } from '../shared/themeColors';
import { el } from '../shared/dom';
import { DEFAULT_SMOOTHING, SmoothingControl } from '../shared/smoothingControl';
import { historyCsv } from './historyCsv';

/** What the user set: kept in the page's state so a reload shows the charts as they were. */
export interface CurveSettings {
  smoothing: number;
  logScale: boolean;
}

export const DEFAULT_CURVE_SETTINGS: CurveSettings = { smoothing: DEFAULT_SMOOTHING, logScale: false };

/**
 * The `Curves` section: one chart per metric (loss first, then each metric as the file spells it),
 * the training series per batch (or per epoch for a run without a batch log) with its `val_` series
 * per epoch, a Smoothing slider, a Log scale toggle and downloads (CSV of the history, PNG per chart).
 */
export class CurvesView {
  readonly element: HTMLElement;
  private readonly grid = el('div', { className: 'charts' });
  private readonly logToggle = el('input', { attrs: { type: 'checkbox', id: 'log-scale' } });
  private readonly empty = el('p', { className: 'note', text: 'The curves appear with the first batch.' });
  private readonly charts = new Map<string, { chart: LineChart; box: HTMLElement }>();
  private run?: PanelRun;

  constructor(
    private settings: CurveSettings,
    private readonly onSettings: (settings: CurveSettings) => void,
    private readonly onDownload: (fileName: string, content: string) => void,
  ) {
    const smoothing = new SmoothingControl(settings.smoothing, (weight) => this.changeSettings({ ...this.settings, smoothing: weight }));
    this.logToggle.checked = settings.logScale;
    this.logToggle.addEventListener('change', () => this.changeSettings({ ...this.settings, logScale: this.logToggle.checked }));
    const csv = el('vscode-button', { text: 'Download CSV', attrs: { secondary: '', title: 'The per-epoch history as CSV' } });
    csv.addEventListener('click', () => this.run && this.onDownload(`${this.run.name}-history.csv`, historyCsv(this.run.history)));
    const controls = el('div', { className: 'chart-controls' }, [
      smoothing.element,
      el('label', { className: 'log-label', attrs: { for: 'log-scale' } }, [this.logToggle, ' Log scale']),
      csv,
    ]);
    this.element = el('section', { className: 'curves', attrs: { 'aria-labelledby': 'curves-heading' } }, [
      el('h2', { text: 'Curves', attrs: { id: 'curves-heading' } }),
      controls,
      this.empty,
      this.grid,
    ]);
    onThemeChange(() => {
      for (const { chart } of this.charts.values()) chart.restyle();
    });
  }

  update(run: PanelRun): void {
    this.run = run;
    const series = chartSeries(run);
    this.empty.hidden = series.size > 0;
    for (const [metric, { chart, box }] of this.charts) {
      if (!series.has(metric)) {
        chart.destroy();
        box.remove();
        this.charts.delete(metric);
      }
    }
    for (const [metric, lines] of series) {
      let entry = this.charts.get(metric);
      if (!entry) {
        entry = this.addChart(metric);
      }
      entry.chart.update(lines);
    }
  }

  private addChart(metric: string): { chart: LineChart; box: HTMLElement } {
    const canvasBox = el('div', { className: 'chart-canvas', attrs: { role: 'img', 'aria-label': `${metric} per epoch` } });
    const png = el('vscode-button', { text: 'PNG', attrs: { secondary: '', title: `Download the ${metric} chart as PNG` } });
    const box = el('figure', { className: 'chart', attrs: { 'data-metric': metric } }, [
      el('figcaption', {}, [el('span', { className: 'chart-title', text: metric }), png]),
      canvasBox,
    ]);
    this.grid.append(box);
    const chart = new LineChart(canvasBox, { title: '', height: 200 });
    chart.setSmoothing(this.settings.smoothing);
    chart.setLogScale(this.settings.logScale);
    png.addEventListener('click', () => {
      const url = chart.toPng();
      if (url && this.run) this.onDownload(`${this.run.name}-${metric}.png`, url);
    });
    const entry = { chart, box };
    this.charts.set(metric, entry);
    return entry;
  }

  private changeSettings(settings: CurveSettings): void {
    this.settings = settings;
    for (const { chart } of this.charts.values()) {
      chart.setSmoothing(settings.smoothing);
      chart.setLogScale(settings.logScale);
    }
    this.onSettings(settings);
  }
}

/**
 * The lines of each chart, by metric: `loss` first, then each metric in the order training reports
 * it. Training values come per batch when the run has them, else per epoch; `val_` values per epoch.
 */
export function chartSeries(run: PanelRun): Map<string, ChartSeries[]> {
  const names: string[] = [];
  const add = (name: string) => {
    const base = name.startsWith('val_') ? name.slice(4) : name;
    if (!names.includes(base)) names.push(base);
  };
  for (const name of Object.keys(run.curves?.values ?? {})) add(name);
  for (const row of run.history) for (const name of Object.keys(row.metrics)) add(name);
  names.sort((a, b) => Number(b === 'loss') - Number(a === 'loss'));

  const epochs = run.history.map((h) => h.epoch);
  const perEpoch = (name: string) => run.history.map((h) => (name in h.metrics ? h.metrics[name] : null));
  const result = new Map<string, ChartSeries[]>();
  for (const name of names) {
    const lines: ChartSeries[] = [];
    const batches = run.curves?.values[name];
    if (batches && run.curves) {
      lines.push({ label: name, x: run.curves.x, y: batches, color: 'blue' });
      // The epoch's own value (Keras' epoch log) beside the batches it summarizes.
      // With one batch an epoch (XOR) the epoch's value is the batch's: a second line would only cover it.
      if (run.curves.x.length > run.history.length && run.history.some((h) => name in h.metrics)) lines.push({ label: `${name} · epoch`, x: epochs, y: perEpoch(name), color: 'green', perEpoch: true });
    } else if (run.history.some((h) => name in h.metrics)) lines.push({ label: name, x: epochs, y: perEpoch(name), color: 'blue', perEpoch: true });
    if (run.history.some((h) => `val_${name}` in h.metrics)) lines.push({ label: `val_${name}`, x: epochs, y: perEpoch(`val_${name}`), color: 'orange', perEpoch: true });
    if (lines.length > 0) result.set(name, lines);
  }
  return result;
}
