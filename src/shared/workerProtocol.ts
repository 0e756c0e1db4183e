/**
 * The one message protocol between the extension host and a worker_threads worker. The host sends
 * `start` with a job and may send `cancel` (and `pause`, `resume` or `step` to a train job); the worker
 * answers with `progress` and `epochEnd` while it works and ends every job with exactly one `done` or
 * `error` carrying the same id.
 */
import type { CompareData } from './compareProtocol';
import type { Diagnostic } from './diagnosticTypes';
import type { CompletionEntry, HoverInfo, LayerShape, OutlineSymbol } from './editingTypes';
import type { BackendChoice, Evaluation, NestedNumbers, Prediction, RunStatus } from './runResults';
import type { EvaluationInsights, RunInsights } from './insightTypes';
import type { BatchEndEvent, EpochEndEvent, InsightsEvent, MetricValues, PauseChangedEvent, PhaseEvent, RunStartedEvent } from './trainingEvents';

/** Trains a model file into a new run folder. */
export interface TrainJob {
  kind: 'train';
  file: string;
  backend: BackendChoice;
  /** Folder that holds `<name>/<timestamp>/`; absent means `.nn-runs` beside the model file. */
  runsRoot?: string;
  /** Overrides fit.epochs of the file. */
  epochs?: number;
  /** At most one batch `progress` per this many milliseconds (epoch ends always go). */
  progressIntervalMs: number;
}

/** Evaluates the model saved in a run folder on the test data of the run's model file. */
export interface EvaluateJob {
  kind: 'evaluate';
  runDir: string;
  backend: BackendChoice;
}

/** Predicts with the model saved in a run folder; no input means the run's model file `predict` section. */
export interface PredictJob {
  kind: 'predict';
  runDir: string;
  backend: BackendChoice;
  input?: NestedNumbers;
}

/** Every problem of a model file that needs its data and a built model to find, plus its size. */
export interface CheckJob {
  kind: 'check';
  file: string;
}

/** Syntax and schema problems of the text in an editor (unsaved edits included); no data, no TensorFlow.js. */
export interface ParseJob {
  kind: 'parse';
  file: string;
  text: string;
}

/** Completion proposals at an offset of the editor's text. */
export interface CompleteJob {
  kind: 'complete';
  file: string;
  text: string;
  offset: number;
  /** Whether `label:` and `features:` may offer the CSV's column names, read from its header; false in Restricted Mode. */
  csvColumns?: boolean;
}

/** The hover at an offset of the editor's text. */
export interface HoverJob {
  kind: 'hover';
  file: string;
  text: string;
  offset: number;
}

/** Run folders read and compared (their model-file copies are parsed, so this runs in a worker too). */
export interface CompareJob {
  kind: 'compare';
  runDirs: string[];
}

/** A Keras script (the editor's text) translated into a model file's text; nothing is written. */
export interface ImportScriptJob {
  kind: 'importScript';
  /** The script's path: where a relative CSV of the script is found, and the model's default name. */
  scriptPath: string;
  source: string;
}

/** Where a Python file's CodeLens `Import as model file` goes: `Sequential(` and the first `model.add(`. */
export interface ImportAnchorsJob {
  kind: 'importAnchors';
  source: string;
}

/** A model file (as saved) checked with its data and written as a Keras script for `scriptPath`. */
export interface ExportScriptJob {
  kind: 'exportScript';
  file: string;
  scriptPath: string;
}

/** A Keras `model.to_json()` or a TensorFlow.js `model.json` translated into a model file's text. */
export interface ImportModelJsonJob {
  kind: 'importModelJson';
  jsonPath: string;
  text: string;
}

/**
 * Loads TensorFlow.js and initializes `backend` (wasm compiled) and nothing else, so the worker that
 * will train is ready before Train is pressed. The train job still selects its backend itself.
 */
export interface WarmJob {
  kind: 'warm';
  backend: BackendChoice;
}

export type WorkerJob =
  | WarmJob
  | TrainJob
  | EvaluateJob
  | PredictJob
  | CheckJob
  | ParseJob
  | CompleteJob
  | HoverJob
  | CompareJob
  | ImportScriptJob
  | ImportAnchorsJob
  | ExportScriptJob
  | ImportModelJsonJob;

export interface TrainResult {
  kind: 'train';
  runDir: string;
  status: RunStatus;
  epochsCompleted: number;
  finalMetrics?: MetricValues;
  evaluation?: Evaluation;
  predictions?: Prediction[];
  classNames?: string[];
  /** What the model learned (also in the run folder's insights.json). */
  insights?: RunInsights;
  durationMs?: number;
}

export interface EvaluateResult {
  kind: 'evaluate';
  runDir: string;
  evaluation: Evaluation;
  insights?: EvaluationInsights;
}

export interface PredictResult {
  kind: 'predict';
  runDir: string;
  predictions: Prediction[];
  classNames?: string[];
}

export interface CheckResult {
  kind: 'check';
  file: string;
  diagnostics: Diagnostic[];
  /** Present when the model could be built. */
  size?: { layers: number; params: number };
  /** Each layer's output shape and parameter count, in the order of the file's model list, when it builds. */
  layers?: LayerShape[];
}

export interface ParseResult {
  kind: 'parse';
  file: string;
  diagnostics: Diagnostic[];
  /** The number of layers, when the text is a valid model file. */
  layers?: number;
  /** Sections and layers, for the Outline view and inlay hints; from whatever of the text could be read. */
  outline: OutlineSymbol[];
}

export interface CompleteResult {
  kind: 'complete';
  entries: CompletionEntry[];
}

export interface HoverResult {
  kind: 'hover';
  hover?: HoverInfo;
}

export interface CompareResult {
  kind: 'compare';
  data: CompareData;
}

/** A 1-based place in an imported file and what happened there (the core's SourceNote). */
export interface ImportNote {
  line: number;
  column: number;
  message: string;
}

/** What an import gives: the model file's text, or the located reason there is none. */
export interface ImportOutcome {
  text?: string;
  /** The statements or settings that were not translated. */
  warnings: ImportNote[];
  error?: ImportNote;
  /** Data files the extension ships that the model file reads beside it (`load_breast_cancer()` -> breast-cancer.csv). */
  dataFiles?: Array<{ name: string; from: string }>;
}

export interface ImportScriptResult {
  kind: 'importScript';
  outcome: ImportOutcome;
}

export interface ImportAnchorsResult {
  kind: 'importAnchors';
  /** 1-based, in source order. */
  anchors: Array<{ line: number; column: number }>;
}

export interface ExportScriptResult {
  kind: 'exportScript';
  /** The script; absent when the model file has errors (then in `diagnostics`). */
  text?: string;
  diagnostics: Diagnostic[];
}

export interface ImportModelJsonResult {
  kind: 'importModelJson';
  outcome: ImportOutcome;
}

export interface WarmResult {
  kind: 'warm';
  /** The backend that was initialized: `wasm`, `cpu` or `node`. */
  backend: string;
}

export type JobResult =
  | WarmResult
  | TrainResult
  | EvaluateResult
  | PredictResult
  | CheckResult
  | ParseResult
  | CompleteResult
  | HoverResult
  | CompareResult
  | ImportScriptResult
  | ImportAnchorsResult
  | ExportScriptResult
  | ImportModelJsonResult;

/** Why a job failed: the user's file, the user's run or input, or a bug. */
export type WorkerError =
  | { kind: 'invalid-model-file'; message: string; diagnostics: Diagnostic[] }
  | { kind: 'run-input'; message: string }
  | { kind: 'internal'; message: string; stack?: string };

/**
 * `pause` holds a train job after its current batch, `resume` lets it go on, and `step` runs it to the
 * end of the next epoch and holds it there. The worker answers with a `pauseChanged` progress event
 * when training is actually held or goes on again.
 */
export type HostToWorkerMessage =
  | { type: 'start'; id: number; job: WorkerJob }
  | { type: 'cancel'; id: number }
  | { type: 'pause'; id: number }
  | { type: 'resume'; id: number }
  | { type: 'step'; id: number };

export type WorkerToHostMessage =
  | { type: 'progress'; id: number; event: RunStartedEvent | BatchEndEvent | PhaseEvent | PauseChangedEvent | InsightsEvent }
  | { type: 'epochEnd'; id: number; event: EpochEndEvent }
  | { type: 'done'; id: number; result: JobResult }
  | { type: 'error'; id: number; error: WorkerError };

const WORKER_MESSAGE_TYPES: ReadonlySet<string> = new Set(['progress', 'epochEnd', 'done', 'error']);
const HOST_MESSAGE_TYPES: ReadonlySet<string> = new Set(['start', 'cancel', 'pause', 'resume', 'step']);

/**
 * Checks the envelope and what a handler reads before dispatching on it (an event's type, a result's
 * kind, an error's kind and message), so a malformed message is dropped rather than thrown on. New
 * kinds and event types pass: the guard is about shape, the handlers about meaning.
 */
export function isWorkerToHostMessage(value: unknown): value is WorkerToHostMessage {
  if (!isTypedMessage(value, WORKER_MESSAGE_TYPES) || typeof (value as { id?: unknown }).id !== 'number') return false;
  const message = value as { type: string; event?: unknown; result?: unknown; error?: unknown };
  switch (message.type) {
    case 'progress':
      // Any event type: a handler passes on those it does not know.
      return isRecord(message.event) && typeof message.event.type === 'string';
    case 'epochEnd':
      return isRecord(message.event) && message.event.type === 'epochEnd' && typeof message.event.epoch === 'number';
    case 'done':
      return isRecord(message.result) && typeof message.result.kind === 'string';
    default:
      // Any kind: an error the host cannot place still ends its job, reported as what it says.
      return isRecord(message.error) && typeof message.error.kind === 'string' && typeof message.error.message === 'string';
  }
}

export function isHostToWorkerMessage(value: unknown): value is HostToWorkerMessage {
  return isTypedMessage(value, HOST_MESSAGE_TYPES) && typeof (value as { id?: unknown }).id === 'number';
}

function isTypedMessage(value: unknown, types: ReadonlySet<string>): boolean {
  const type = isRecord(value) ? value.type : undefined;
  return typeof type === 'string' && types.has(type);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
