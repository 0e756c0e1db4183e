import * as vscode from 'vscode';
import type { PanelRun } from '../../shared/panelProtocol';
import type { WorkerJobHandle } from '../worker/workerJob';
import type { LivePace } from './liveRun';

/** A training going on in a worker, as the host tracks it. */
export interface ActiveRun {
  modelFile: string;
  job: WorkerJobHandle;
  /**
   * The one live state of the run (liveRun.ts applies the worker's events to it): the panel mirrors it,
   * and the CodeLens, the notification and the sidebar render from it.
   */
  panelRun: PanelRun;
  pace: LivePace;
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
