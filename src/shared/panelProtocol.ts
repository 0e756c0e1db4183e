/**
 * The one message protocol between the extension host and the training panel webview. The webview
 * says `ready` once its script runs; the host queues everything until then, then sends a `snapshot`
 * of the run followed by incremental updates. The webview asks for actions with `command`.
 */
import type { Severity } from './diagnosticTypes';
import type { DecisionBoundary, EvaluationInsights, RunInsights, WeightsSnapshot } from './insightTypes';
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

/** Where a prediction the user asked for came from. */
export type PredictionSource = 'command' | 'tryIt' | 'draw';

/** Predictions the user asked for (the Predict command, `Try it`), kept with what they were asked on. */
export interface MadePrediction {
  source: PredictionSource;
  /** What was predicted, as the user gave it: `[5.1, 3.5, 1.4, 0.2]`, or `the file's predict samples`. */
  inputText: string;
  predictions: Prediction[];
  /** When, in ms since 1970. */
  at: number;
}

/** The latest answer to a `predict` the page sent (the `Draw a digit` pad, the `Try it` form). */
export interface LiveAnswer {
  requestId: number;
  prediction?: Prediction;
  error?: string;
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
  /** What the worker found about the run: boundary and weights while it trains, the evaluation's insights after. */
  insights?: RunInsights;
  /** Predictions the user asked for on this run, newest first (at most MAX_MADE_PREDICTIONS). */
  made?: MadePrediction[];
  /** The latest live answers, per source. */
  live?: Partial<Record<'draw' | 'tryIt', LiveAnswer>>;
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
  /** An epoch ended and the worker drew the boundary or read the weights again (not at every epoch: see InsightSchedule). */
  | { type: 'insights'; boundary?: DecisionBoundary; weights?: WeightsSnapshot }
  /** The run ended; evaluation, predictions and insights are there when training completed. */
  | { type: 'finished'; status: RunStatus; evaluation?: Evaluation; predictions?: Prediction[]; insights?: RunInsights; error?: string; weightsEpoch?: number }
  /** A later Evaluate command on the run the panel shows. */
  | { type: 'evaluation'; evaluation: Evaluation; insights?: EvaluationInsights }
  /** Several updates at once, applied in order: the host bundles what arrives within a few milliseconds. */
  | { type: 'updates'; messages: HostToPanelMessage[] }
  /** The Predict command or `Try it` predicted on the run the panel shows. */
  | { type: 'predictionMade'; made: MadePrediction }
  /** The answer to the page's `predict`. */
  | { type: 'livePrediction'; source: 'draw' | 'tryIt'; answer: LiveAnswer };

export type PanelCommand = 'train' | 'pause' | 'resume' | 'step' | 'stop' | 'evaluate' | 'predict' | 'revealRunFolder' | 'openModelFile';

/** A file the page made (the history as CSV, a chart as PNG) for the host to save where the user picks. */
export interface PanelDownload {
  type: 'download';
  fileName: string;
  /** Text for CSV; a `data:image/png;base64,` URL for PNG. */
  content: string;
}

/**
 * The page asks for a prediction on one sample: `input` holds the raw features in the data's own units
 * (a drawing as pixel values up to the image's `maxValue`), flat, as many as the model takes.
 * The host answers with `livePrediction` carrying the same `requestId`.
 */
export interface PanelPredictRequest {
  type: 'predict';
  requestId: number;
  source: 'draw' | 'tryIt';
  input: number[];
}

/** How many made predictions a run keeps, newest first. */
export const MAX_MADE_PREDICTIONS = 20;

/** How many samples of one made prediction the panel lists; the Predict notification says "in the panel" only up to this. */
export const MADE_SAMPLES_SHOWN = 50;

export type PanelToHostMessage = { type: 'ready' } | { type: 'command'; command: PanelCommand } | PanelDownload | PanelPredictRequest;

/** What the webview persists with setState, so a reloaded panel shows the same run at once. */
export interface PanelState {
  run: PanelRun;
  /** The chart settings the user chose (Smoothing, Log scale). */
  charts?: { smoothing: number; logScale: boolean };
}

const PANEL_COMMANDS: ReadonlySet<string> = new Set<PanelCommand>(['train', 'pause', 'resume', 'step', 'stop', 'evaluate', 'predict', 'revealRunFolder', 'openModelFile']);

export function isPanelToHostMessage(value: unknown): value is PanelToHostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; command?: unknown; fileName?: unknown; content?: unknown; requestId?: unknown; source?: unknown; input?: unknown };
  if (message.type === 'predict') {
    return (
      Number.isFinite(message.requestId) &&
      (message.source === 'draw' || message.source === 'tryIt') &&
      Array.isArray(message.input) &&
      message.input.every((v) => typeof v === 'number' && Number.isFinite(v))
    );
  }
  if (message.type === 'download') return typeof message.fileName === 'string' && typeof message.content === 'string';
  return message.type === 'ready' || (message.type === 'command' && typeof message.command === 'string' && PANEL_COMMANDS.has(message.command));
}
