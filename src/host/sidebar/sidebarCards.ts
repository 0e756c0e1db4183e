/**
 * The sidebar's cards, built from the host's one live state of each run (the same state the panel,
 * the lenses and the notification render). No vscode import: unit tests build cards from plain runs.
 */
import type { PanelCurves, PanelRun } from '../../shared/panelProtocol';
import type { MiniSeries, SidebarCard } from '../../shared/sidebarProtocol';
import { formatNumber } from '../../core/metricFormat';
import { fractionOf } from '../training/liveRun';

/** Points per mini line: a sidebar chart is about 250 pixels wide. */
export const MINI_POINTS = 200;

/** What the card needs of a live run. */
export interface LiveRunView {
  panelRun: PanelRun;
  stopping: boolean;
}

export function sidebarCard({ panelRun: run, stopping }: LiveRunView): SidebarCard {
  const current = run.current;
  return {
    modelFile: run.modelFile,
    name: run.name,
    status: stopping ? 'Stopping' : run.paused ? 'Paused' : current ? 'Training' : 'Starting',
    epoch: current?.epoch,
    epochs: run.epochs,
    batch: current?.batch,
    batchesPerEpoch: current?.batchesPerEpoch,
    fraction: fractionOf(run),
    etaMs: run.paused ? undefined : current?.etaMs,
    samplesPerSecond: current?.samplesPerSecond,
    metricsText: current ? Object.entries(current.metrics).map(([name, value]) => `${name} ${formatNumber(value)}`).join(' · ') : '',
    charts: miniCharts(run),
  };
}

/** `loss`, then `accuracy` when the run has it: each with its training line and its `val_` line. */
export function miniCharts(run: PanelRun): SidebarCard['charts'] {
  const names = new Set([...Object.keys(run.curves?.values ?? {}), ...run.history.flatMap((h) => Object.keys(h.metrics))]);
  const charts: SidebarCard['charts'] = [];
  for (const metric of ['loss', 'accuracy']) {
    if (!names.has(metric) && !names.has(`val_${metric}`)) continue;
    const series: MiniSeries[] = [];
    const batches = run.curves?.values[metric];
    if (run.curves && batches) series.push({ label: metric, ...bucketMeans(run.curves, batches, MINI_POINTS) });
    else if (names.has(metric)) series.push({ label: metric, ...perEpoch(run, metric), perEpoch: true });
    if (names.has(`val_${metric}`)) series.push({ label: `val_${metric}`, ...perEpoch(run, `val_${metric}`), perEpoch: true });
    charts.push({ metric, series });
  }
  return charts;
}

function perEpoch(run: PanelRun, name: string): { x: number[]; y: Array<number | null> } {
  const rows = run.history.filter((h) => name in h.metrics);
  return { x: rows.map((h) => h.epoch), y: rows.map((h) => h.metrics[name] ?? null) };
}

/**
 * At most `buckets` points: the mean of each run of consecutive batches (at its last x). A mean rather
 * than a pick, so a mini chart of 9,000 noisy batches shows the trend the big chart's smoothing shows.
 */
export function bucketMeans(curves: PanelCurves, values: ReadonlyArray<number | null>, buckets: number): { x: number[]; y: Array<number | null> } {
  const count = curves.x.length;
  if (count <= buckets) return { x: [...curves.x], y: [...values] };
  const x: number[] = [];
  const y: Array<number | null> = [];
  const size = count / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(count, Math.floor((b + 1) * size));
    let sum = 0;
    let n = 0;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (v !== null && v !== undefined && Number.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    x.push(curves.x[end - 1]);
    y.push(n > 0 ? sum / n : null);
  }
  return { x, y };
}
