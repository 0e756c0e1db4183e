import type * as vscode from 'vscode';
import type { Diagnostic } from '../shared/diagnosticTypes';
import type { TrainingPanels } from './panel/trainingPanels';
import type { TrainProblems } from './training/trainProblems';
import type { MadePredictions } from './panel/madePredictions';
import type { SpareWorker } from './worker/spareWorker';

/** What the commands and the trainer share; built once in activate(). */
export interface HostServices {
  /** Absolute path of dist/worker.js. */
  workerScript: string;
  /** The training worker started ahead of Train, when one waits (warmTrainingWorker.ts keeps it). */
  spare: SpareWorker;
  log: vscode.LogOutputChannel;
  panels: TrainingPanels;
  /** The problems that kept a Train from starting, which the file's panel shows. */
  problems: TrainProblems;
  /** The predictions users asked for, per run folder. */
  made: MadePredictions;
  /** Opens the file's panel on that run (unless the file is training: then it shows the live run). */
  showRun(modelFile: string, runDir: string): void;
  /** Shows problems the worker found (data, shapes) in the Problems panel. */
  showFileDiagnostics(uri: vscode.Uri, diagnostics: Diagnostic[]): void;
  /** The end-of-run notification with its "Show Panel" and "Reveal Run Folder" actions. */
  announceRun(modelFile: string, runDir: string, headline: string): Promise<void>;
  /** Turns a failed worker job into a message a user can act on; never shows a stack trace. */
  reportJobError(uri: vscode.Uri, what: string, err: unknown): void;
}
