import type { MetricValues } from '../shared/trainingEvents';

/** `loss: 0.2603 - accuracy: 0.9253`, the way Keras prints metrics. */
export function formatMetrics(metrics: MetricValues): string {
  return Object.entries(metrics)
    .map(([k, v]) => `${k}: ${formatNumber(v)}`)
    .join(' - ');
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 1e4 || (Math.abs(value) < 1e-4 && value !== 0) ? value.toExponential(4) : value.toFixed(4);
}

/** 1234 ms -> `1s`, 65000 -> `1m 5s`. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${s % 60}s`;
}
