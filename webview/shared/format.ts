import type { PanelRun } from '../../src/shared/panelProtocol';
import type { NestedNumbers, Prediction } from '../../src/shared/runResults';

/**
 * Keras' metric format, the same digits as the CLI's `formatNumber` in src/core/metricFormat.ts
 * (the webview may not import core; the e2e test checks the two agree).
 */
export function formatNumber(value: number): string {
  // Messages and saved state travel as JSON, which turns NaN and Infinity into null: a diverged loss.
  if (value === null) return 'NaN';
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 1e4 || (Math.abs(value) < 1e-4 && value !== 0) ? value.toExponential(4) : value.toFixed(4);
}

const STATUS_LABELS: Record<PanelRun['status'], string> = {
  idle: 'Not trained yet',
  running: 'Training',
  completed: 'Completed',
  early_stopped: 'Early stopped',
  stopped: 'Stopped',
  interrupted: 'Interrupted',
  failed: 'Failed',
  invalid: 'Not valid',
};

export function statusLabel(status: PanelRun['status']): string {
  return STATUS_LABELS[status] ?? String(status);
}

/** Inputs are short feature lists (XOR, iris) but may be long (CSV rows): keep the cell readable. */
export function formatInput(input: NestedNumbers | undefined, maxLength = 60): string {
  if (input === undefined) return '';
  const text = JSON.stringify(input);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** Outputs rounded to 3 decimals, as the CLI prints them. */
export function formatOutput(output: number[]): string {
  return output.map((v) => (Number.isFinite(v) ? v.toFixed(3) : String(v))).join(', ');
}

export function formatLabel(value: string | number | number[] | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? `[${value.map(formatNumber).join(', ')}]` : String(value);
}

/** Right or wrong when there is both a predicted label and a true one; the core names both the same way. */
export function isCorrect(prediction: Prediction): boolean | undefined {
  if (prediction.label === undefined || prediction.expected === undefined) return undefined;
  return String(prediction.label) === String(prediction.expected);
}

/** `1,688`: counts with thousands separators, as the host and the CLI print them. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** 1234 ms -> `1s`, 65000 -> `1m 5s` (as the host's notification says it). */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${s % 60}s`;
}
