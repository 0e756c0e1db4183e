/**
 * The one message protocol between the extension host and the training panel webview. The webview
 * says `ready` once its script runs; the host queues everything until then, then sends a `snapshot`
 * of the run followed by incremental updates. The webview asks for actions with `command`.
 */
import type { Severity } from './diagnosticTypes';
import type { Evaluation, Prediction, RunStatus } from './runResults';
import type { MetricValues } from './trainingEvents';

/** A problem of the model file that kept training from starting, located for the reader (1-based). */
export interface PanelProblem {
  line: number;
  column: number;
  severity: Severity;
  message: string;
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
  current?: { epoch: number; batch: number; batchesPerEpoch: number; metrics: MetricValues };
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
  /** A batch ended (throttled by the progress update rate setting). */
  | { type: 'batch'; epoch: number; epochs: number; batch: number; batchesPerEpoch: number; metrics: MetricValues }
  | { type: 'epochEnd'; epoch: number; metrics: MetricValues }
  /** The run ended; evaluation and predictions are there when training completed. */
  | { type: 'finished'; status: RunStatus; evaluation?: Evaluation; predictions?: Prediction[]; error?: string }
  /** A later Evaluate or Predict command on the run the panel shows. */
  | { type: 'evaluation'; evaluation: Evaluation }
  | { type: 'predictions'; predictions: Prediction[] };

export type PanelCommand = 'train' | 'stop' | 'evaluate' | 'predict' | 'revealRunFolder' | 'openModelFile';

export type PanelToHostMessage = { type: 'ready' } | { type: 'command'; command: PanelCommand };

/** What the webview persists with setState, so a reloaded panel shows the same run at once. */
export interface PanelState {
  run: PanelRun;
}

const PANEL_COMMANDS: ReadonlySet<string> = new Set<PanelCommand>(['train', 'stop', 'evaluate', 'predict', 'revealRunFolder', 'openModelFile']);

export function isPanelToHostMessage(value: unknown): value is PanelToHostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; command?: unknown };
  return message.type === 'ready' || (message.type === 'command' && PANEL_COMMANDS.has(String(message.command)));
}
