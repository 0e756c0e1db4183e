/**
 * One metric's chart, wrapped once for every page (panel, sidebar, comparison): uPlot on a canvas,
 * series in theme colours (`--vscode-charts-*`), each drawn as a faded raw line under its smoothed
 * line, an optional log y axis, a legend that shows every series' exact value at the cursor, thinning
 * for drawing (the data passed in is never cut), and at most one redraw per animation frame.
 */
import uPlot from 'uplot';
// esbuild emits the imported CSS as the bundle's own stylesheet (dist/webview/<page>.css): uPlot's, then ours.
import 'uplot/dist/uPlot.min.css';
import './charts.css';
import { smooth } from './math/smoothing';
import { pick, thinIndices } from '../../src/shared/thinning';
import { themeColor, type ChartColor } from './themeColors';

/** One line: its points (x in epochs, fractional for batches) and how it is drawn. */
export interface ChartSeries {
  label: string;
  x: readonly number[];
  y: ReadonlyArray<number | null>;
  color: ChartColor;
  /** Points are whole epochs (validation): drawn with markers and no smoothing of gaps. */
  perEpoch?: boolean;
  /** Dashed (a run's `val_` line beside its training line of the same colour). */
  dashed?: boolean;
}

export interface LineChartOptions {
  title: string;
  height?: number;
  /** Draw at most about this many points per series (twice it, at the extremes). */
  maxPoints?: number;
  /** A mini chart (the sidebar): no legend, narrow axes without labels. */
  compact?: boolean;
  /** Called when the cursor moves over a series (comparison: highlight that run everywhere). */
  onFocusSeries?: (label: string | undefined) => void;
}

const DEFAULT_MAX_POINTS = 1_000;
/** Per-epoch series with at most this many points get a marker on each. */
const MARKED_EPOCHS = 60;

export class LineChart {
  private plot?: uPlot;
  private series: ChartSeries[] = [];
  private smoothing = 0.6;
  private logScale = false;
  private frame?: number;
  private shapeKey = '';
  private readonly resizeObserver: ResizeObserver;

  constructor(
    private readonly container: HTMLElement,
    private readonly options: LineChartOptions,
  ) {
    container.classList.add('line-chart');
    this.resizeObserver = new ResizeObserver(() => this.plot?.setSize(this.size()));
    this.resizeObserver.observe(container);
  }

  /** New data; drawn on the next animation frame, however often this is called before it. */
  update(series: ChartSeries[]): void {
    this.series = series;
    this.schedule();
  }

  setSmoothing(weight: number): void {
    this.smoothing = weight;
    this.schedule();
  }

  setLogScale(on: boolean): void {
    if (this.logScale === on) return;
    this.logScale = on;
    this.rebuild();
  }

  /** Theme colours changed: rebuild with the new ones. */
  restyle(): void {
    this.rebuild();
  }

  /** Highlights one series (by label), or none. */
  focus(label: string | undefined): void {
    if (!this.plot) return;
    const index = label === undefined ? null : this.plot.series.findIndex((s) => s.label === label || s.label === `${label} · smoothed`);
    this.plot.setSeries(index !== null && index > 0 ? index : null, { focus: true });
  }

  /** The chart as a PNG data URL, for the download button. */
  toPng(): string | undefined {
    return this.plot?.ctx.canvas.toDataURL('image/png');
  }

  destroy(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.resizeObserver.disconnect();
    this.plot?.destroy();
  }

  private schedule(): void {
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.draw();
    });
  }

  private rebuild(): void {
    this.plot?.destroy();
    this.plot = undefined;
    this.shapeKey = '';
    this.schedule();
  }

  private draw(): void {
    const key = this.series.map((s) => `${s.label}:${s.color}`).join('|');
    const data = this.alignedData();
    if (!this.plot || key !== this.shapeKey) {
      this.plot?.destroy();
      this.shapeKey = key;
      this.plot = new uPlot(this.plotOptions(), data, this.container);
      return;
    }
    this.plot.setData(data);
  }

  /** Each series thinned, then raw and smoothed columns joined on one x axis, as uPlot draws them. */
  private alignedData(): uPlot.AlignedData {
    const maxPoints = this.options.maxPoints ?? DEFAULT_MAX_POINTS;
    const tables: uPlot.AlignedData[] = this.series.map((s) => {
      const smoothed = smooth(s.y, s.perEpoch ? 0 : this.smoothing);
      const kept = thinIndices(s.x, [s.y, smoothed], maxPoints);
      const y = (values: ReadonlyArray<number | null>) => pick(values, kept).map((v) => (v === null || !Number.isFinite(v) || (this.logScale && v <= 0) ? null : v));
      // A per-epoch series is drawn as it is; a batch series as its raw values under the smoothed ones.
      return s.perEpoch ? [pick(s.x, kept), y(s.y)] : [pick(s.x, kept), y(s.y), y(smoothed)];
    });
    if (tables.length === 0) return [[]];
    return tables.length === 1 ? tables[0] : uPlot.join(tables);
  }

  private plotOptions(): uPlot.Options {
    const text = themeColor('foreground');
    const grid = themeColor('grid');
    const series: uPlot.Series[] = [{ label: 'epoch', value: (_u, v) => (v === null || v === undefined ? '' : v.toFixed(2)) }];
    for (const s of this.series) {
      const color = themeColor(s.color);
      if (s.perEpoch) {
        // Markers help on a few epochs; on hundreds they merge into a thick band that hides the other lines.
        series.push({ label: s.label, stroke: color, width: 2, spanGaps: true, dash: s.dashed ? [6, 4] : undefined, points: { show: s.x.length <= MARKED_EPOCHS, size: 5, fill: color }, value: formatValue });
        continue;
      }
      // The exact values carry the name (the legend shows them at the cursor); the smoothed line is drawn on top.
      series.push({ label: s.label, stroke: withAlpha(color, 0.3), width: 1, spanGaps: true, points: { show: false }, value: formatValue });
      series.push({ label: `${s.label} · smoothed`, stroke: color, width: 2, spanGaps: true, points: { show: false }, value: formatValue });
    }
    const axis = (label: string): uPlot.Axis => ({ label, stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } });
    const compact = this.options.compact === true;
    const axes: uPlot.Axis[] = compact
      ? [
          // No label and no room for one (uPlot keeps labelSize for any label, even an empty one).
          { ...axis(''), label: undefined, labelSize: 0, size: 20, font: '10px sans-serif', ticks: { show: false }, space: 40 },
          { ...axis(''), label: undefined, labelSize: 0, size: 32, font: '10px sans-serif', ticks: { show: false }, space: 20, values: (_u, ticks) => ticks.map(compactTick) },
        ]
      : [{ ...axis('epoch'), size: 36, labelSize: 16 }, { ...axis(''), size: 56 }];
    return {
      title: this.options.title,
      ...this.size(),
      series,
      scales: { x: { time: false }, y: this.logScale ? { distr: 3 } : {} },
      axes,
      legend: { show: !compact, live: true },
      cursor: { focus: { prox: 16 }, points: { size: 6 } },
      focus: { alpha: 0.35 },
      hooks: {
        setSeries: [
          (u, index) => {
            if (!this.options.onFocusSeries) return;
            const label = index === null ? undefined : u.series[index]?.label;
            this.options.onFocusSeries(typeof label === 'string' ? label.replace(/ · smoothed$/, '') : undefined);
          },
        ],
      },
    };
  }

  private size(): { width: number; height: number } {
    return { width: Math.max(this.options.compact ? 120 : 200, Math.floor(this.container.clientWidth)), height: this.options.height ?? 220 };
  }
}

/** A mini chart's y labels: `0.25`, `1.5`, `2k`; four characters fit its narrow axis. */
function compactTick(value: number): string {
  if (value === 0) return '0';
  if (Math.abs(value) >= 1000) return `${Number((value / 1000).toPrecision(2))}k`;
  return String(Number(value.toPrecision(2)));
}

function formatValue(_u: uPlot, value: number | null): string {
  if (value === null || value === undefined) return '—';
  return Math.abs(value) >= 1e4 || (Math.abs(value) < 1e-4 && value !== 0) ? value.toExponential(4) : value.toFixed(4);
}

/** `#rrggbb` or `rgb(...)` with an alpha, for the faded raw line. */
function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const n = parseInt(hex[1], 16);
    return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(color.trim());
  if (rgb) {
    const [r, g, b] = rgb[1].split(',').map((p) => p.trim());
    return `rgba(${r}, ${g}, ${b}, ${alpha})`;
  }
  return color;
}
