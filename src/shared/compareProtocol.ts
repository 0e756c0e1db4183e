/**
 * The one message protocol between the extension host and the run comparison webview
 * (`Compare: <a> vs <b>`). The page says `ready`; the host answers with `show`, the whole comparison,
 * read from the run folders (their model-file copies, history and batch logs), so editing a model file
 * later changes nothing shown. The page keeps it with setState, so a reloaded page shows it at once.
 */
import type { PanelCurves } from './panelProtocol';
import type { RunStatus } from './runResults';
import type { MetricValues } from './trainingEvents';

/** One run in the comparison, in the order the user chose them (its colour is its index). */
export interface CompareRun {
  /** The run folder's absolute path: the run's identity. */
  runDir: string;
  /** What the legend and the table call it: `xor · 2026-12-01 10:15:02`. */
  label: string;
  modelName: string;
  /** ISO date of the start. */
  startedAt: string;
  status: RunStatus;
  /** One row per finished epoch, in order. */
  history: Array<{ epoch: number; metrics: MetricValues }>;
  /** Every batch's metrics (batches.jsonl), x in epochs; absent for a run without a batch log. */
  curves?: PanelCurves;
}

/** One setting (`layers[1].units`, `optimizer.learning_rate`, `seed`, …) and its value in each run. */
export interface CompareSetting {
  key: string;
  /** One per run, in the runs' order, as text; undefined where the run's file does not set it. */
  values: Array<string | undefined>;
  /** Whether the values are not all equal. */
  differs: boolean;
}

/** One metric's final and best value in each run. */
export interface CompareMetric {
  /** As the history names it: `loss`, `accuracy`, `val_loss`, … */
  name: string;
  /** Losses (and errors) are best when lowest; every other metric when highest. */
  lowerIsBetter: boolean;
  /** One per run: the last epoch's value; null where the run has none. */
  final: Array<number | null>;
  best: Array<number | null>;
}

export interface CompareData {
  /** The panel's title: `Compare: <a> vs <b>` for two runs, `Compare: N runs` for more. */
  title: string;
  runs: CompareRun[];
  /** Every setting of any run, in the order of the model file (layers, compile, fit, data, backend). */
  settings: CompareSetting[];
  metrics: CompareMetric[];
}

export type HostToCompareMessage = { type: 'show'; data: CompareData };

export type CompareToHostMessage =
  | { type: 'ready' }
  /** The user asked to open a run (its label in the table): the host shows it in the training panel. */
  | { type: 'openRun'; runDir: string };

/** What the page persists with setState. */
export interface CompareState {
  data: CompareData;
  smoothing: number;
  /** `Show all settings` is on. */
  showAll: boolean;
  /** The metric the runs table is sorted by, and the direction. */
  sort?: { metric: string; which: 'final' | 'best'; descending: boolean };
}

export function isCompareToHostMessage(value: unknown): value is CompareToHostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; runDir?: unknown };
  return message.type === 'ready' || (message.type === 'openRun' && typeof message.runDir === 'string');
}
