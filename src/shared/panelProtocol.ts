/**
 * The one message protocol between the extension host and the training panel webview. The webview
 * says `ready` once its script runs; the host queues everything until then, then sends a `snapshot`
 * of the run followed by incremental updates. The webview asks for actions with `command`.
 */
import type { Severity } from './diagnosticTypes';
import type { Evaluation, ModelSummaryTable, Prediction, RunStatus } from './runResults';
import type { MetricValues } from './trainingEvents';

/** A problem of the model file that kept training from starting, located for the reader (1-based). */
export interface PanelProblem {
  line: number;
  column: number;
  severity: Severity;
  message: string;
}

/** The running batch and its pace, as the host's one live state of the run has them. */
export interface PanelProgress {
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  /** Running means over the epoch so far. */
  metrics: MetricValues;
  /** Training time so far (pauses excluded). */
  elapsedMs?: number;
  etaMs?: number;
  samplesPerSecond?: number;
  msPerStep?: number;
}

/**
 * Every batch's own metrics, as columns: `x` in epochs (epoch 2, batch 50 of 100 is 1.5), one array of
 * values per metric. Columns rather than objects keep 100,000 points small in saved state.
 */
export interface PanelCurves {
  x: number[];
  values: Record<string, Array<number | null>>;
}

/** Keras' model.summary() as rows. */
export type PanelModelSummary = ModelSummaryTable;

/** One batch point as the host sends it: its x in epochs and the batch's own metrics. */
export interface PanelBatchPoint {
  x: number;
  metrics: MetricValues;
}

/** Everything the panel shows about one run of one model file. */
export interface PanelRun {
  /** Absolute path of the model file. */
  modelFile: string;
  /** The model's name (from the file, or the file name). */
  name: string;
  /**
   * `idle` before the first run of this file in this session, when no run folder was found;
   * `invalid` when Train found problems in the file and started nothing (then `problems` says which).
   */
  status: RunStatus | 'idle' | 'invalid';
  runDir?: string;
  backend?: string;
  epochs?: number;
  /** One row per finished epoch, in order. */
  history: Array<{ epoch: number; metrics: MetricValues }>;
  /** The batch being trained, while running. */
  current?: PanelProgress;
  /** Held between batches by Pause or Step; the status stays `running`. */
  paused?: boolean;
  /** Every batch's metrics so far, for the curves (from batches.jsonl for a run on disk). */
  curves?: PanelCurves;
  modelSummary?: PanelModelSummary;
  /** The epoch whose weights the run folder holds: a stopped or interrupted run with them can be evaluated. */
  weightsEpoch?: number;
  evaluation?: Evaluation;
  predictions?: Prediction[];
  classNames?: string[];
  error?: string;
  /** Why training did not start, when `status` is `invalid`. */
  problems?: PanelProblem[];
}

export type HostToPanelMessage =
  /** The whole state: sent after `ready` and when the panel switches to another run. */
  | { type: 'snapshot'; run: PanelRun }
  /** A batch ended (throttled by the progress update rate setting); `points` holds every batch since the last message. */
  | { type: 'batch'; epochs: number; progress: PanelProgress; points?: PanelBatchPoint[] }
  /** Training was held or let go by Pause, Resume or Step. */
  | { type: 'paused'; paused: boolean }
  | { type: 'epochEnd'; epoch: number; metrics: MetricValues }
  /** The run ended; evaluation and predictions are there when training completed. */
  | { type: 'finished'; status: RunStatus; evaluation?: Evaluation; predictions?: Prediction[]; error?: string; weightsEpoch?: number }
  /** A later Evaluate or Predict command on the run the panel shows. */
  | { type: 'evaluation'; evaluation: Evaluation }
  /** Several updates at once, applied in order: the host bundles what arrives within a few milliseconds. */
  | { type: 'updates'; messages: HostToPanelMessage[] }
  | { type: 'predictions'; predictions: Prediction[] };

export type PanelCommand = 'train' | 'pause' | 'resume' | 'step' | 'stop' | 'evaluate' | 'predict' | 'revealRunFolder' | 'openModelFile';

/** A file the page made (the history as CSV, a chart as PNG) for the host to save where the user picks. */
export interface PanelDownload {
  type: 'download';
  fileName: string;
  /** Text for CSV; a `data:image/png;base64,` URL for PNG. */
  content: string;
}

export type PanelToHostMessage = { type: 'ready' } | { type: 'command'; command: PanelCommand } | PanelDownload;

/** What the webview persists with setState, so a reloaded panel shows the same run at once. */
export interface PanelState {
  run: PanelRun;
  /** The chart settings the user chose (Smoothing, Log scale). */
  charts?: { smoothing: number; logScale: boolean };
}

const PANEL_COMMANDS: ReadonlySet<string> = new Set<PanelCommand>(['train', 'pause', 'resume', 'step', 'stop', 'evaluate', 'predict', 'revealRunFolder', 'openModelFile']);

export function isPanelToHostMessage(value: unknown): value is PanelToHostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; command?: unknown; fileName?: unknown; content?: unknown };
  if (message.type === 'download') return typeof message.fileName === 'string' && typeof message.content === 'string';
  return message.type === 'ready' || (message.type === 'command' && PANEL_COMMANDS.has(String(message.command)));
}
