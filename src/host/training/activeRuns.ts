import * as vscode from 'vscode';
import type { PanelRun } from '../../shared/panelProtocol';
import type { BatchEndEvent } from '../../shared/trainingEvents';
import type { WorkerJobHandle } from '../worker/workerJob';

/** A training going on in a worker, as the host tracks it. */
export interface ActiveRun {
  modelFile: string;
  job: WorkerJobHandle;
  /** What the panel shows; updated as events arrive. */
  panelRun: PanelRun;
  /** When the first batch of the first epoch began, for the ETA. */
  trainingStartedAt?: number;
  lastBatch?: BatchEndEvent;
  /** Training samples per epoch (without the validation ones), from the run's start. */
  trainSamples?: number;
  stopping: boolean;
}

/** The trainings going on, one per model file at most; fires when any of them changes. */
export class ActiveRuns implements vscode.Disposable {
  private readonly runs = new Map<string, ActiveRun>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the model file whose run started, progressed or ended. */
  readonly onDidChange = this.changed.event;

  get(modelFile: string): ActiveRun | undefined {
    return this.runs.get(modelFile);
  }

  all(): ActiveRun[] {
    return [...this.runs.values()];
  }

  add(run: ActiveRun): void {
    this.runs.set(run.modelFile, run);
    this.changed.fire(run.modelFile);
  }

  remove(modelFile: string): void {
    if (this.runs.delete(modelFile)) this.changed.fire(modelFile);
  }

  notify(modelFile: string): void {
    this.changed.fire(modelFile);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
