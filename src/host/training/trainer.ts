import * as vscode from 'vscode';
import type { TrainResult } from '../../shared/workerProtocol';
import type { BatchEndEvent, EpochEndEvent, InsightsEvent, PauseChangedEvent, PhaseEvent, RunStartedEvent } from '../../shared/trainingEvents';
import { formatDuration, formatMetrics } from '../../core/metricFormat';
import { readSettings, runsRootFor } from '../settings';
import { WorkerJobError, WorkerJobHandle } from '../worker/workerJob';
import { markRunEnded } from '../../core/runs/stoppedRun';
import { deadWorkerEnd } from './deadWorker';
import type { ActiveRun, ActiveRuns } from './activeRuns';
import { defaultModelName } from '../../core/modelFile/modelFileName';
import { throttled } from './refreshThrottle';
import { applyBatch, applyEpochEnd, applyPause, etaSuffix, fractionOf, liveLine, newPace } from './liveRun';
import { trainingResultText } from '../../core/resultText';
import type { HostServices } from '../hostServices';

/** How long a worker gets to stop after `cancel` before it is terminated. */
export const STOP_GRACE_MS = 5000;

/** Where the running training's progress goes: the status bar until the run starts, then the notification. */
interface ProgressSink {
  progress?: vscode.Progress<{ message?: string; increment?: number }>;
}

/** Runs trainings in workers and shows them: notification, log, CodeLens (through ActiveRuns) and panel. */
export class Trainer {
  constructor(
    private readonly services: HostServices,
    private readonly active: ActiveRuns,
  ) {}

  /** Trains a model file; resolves when the run ends (undefined when it could not start). */
  async train(uri: vscode.Uri): Promise<TrainResult | undefined> {
    const modelFile = uri.fsPath;
    if (this.active.get(modelFile)) {
      void vscode.window.showInformationMessage(`${defaultModelName(modelFile)} is already training.`, 'Stop Training').then((choice) => {
        if (choice) void this.stop(uri);
      });
      return undefined;
    }
    // Train what the user sees: an edited but unsaved file is saved first.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === modelFile);
    if (open?.isDirty) await open.save();

    const settings = readSettings(uri);
    // The spare worker has TensorFlow.js loaded already; without one the job starts its own worker.
    const job = new WorkerJobHandle(this.services.spare.take() ?? this.services.workerScript, {
      kind: 'train',
      file: modelFile,
      backend: settings.backend,
      runsRoot: runsRootFor(uri, settings),
      progressIntervalMs: settings.progressUpdateIntervalMs,
    });
    const run: ActiveRun = { modelFile, job, stopping: false, pace: newPace(), panelRun: { modelFile, name: defaultModelName(modelFile), status: 'running', history: [] } };
    this.active.add(run);
    this.services.log.info(`Training ${vscode.workspace.asRelativePath(uri)} (backend setting: ${settings.backend})`);

    try {
      // The worker validates the file, loads the data and builds the model before it starts a run. Until
      // then only the status bar says so: a file with problems must start nothing, not even a notification.
      const sink: ProgressSink = {};
      const started = new Promise<boolean>((resolve) => this.follow(run, sink, settings.progressUpdateIntervalMs, () => resolve(true)));
      const ended = run.job.result.then(() => false, () => false);
      const hasStarted = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Training ${run.panelRun.name}` }, (progress) => {
        sink.progress = progress;
        return Promise.race([started, ended]);
      });
      if (!hasStarted) return await this.finish(run);

      this.services.problems.clear(modelFile);
      if (settings.openPanelOnTrain) this.services.panels.show(modelFile, undefined, true);
      this.services.panels.post(modelFile, { type: 'snapshot', run: run.panelRun });
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Training ${run.panelRun.name}`, cancellable: true },
        async (progress, token) => {
          const cancelled = token.onCancellationRequested(() => void this.stop(uri));
          sink.progress = progress;
          try {
            return await this.finish(run);
          } finally {
            cancelled.dispose();
          }
        },
      );
    } finally {
      this.active.remove(modelFile);
    }
  }

  /** Stops the training of a model file; resolves once it has ended. False when none was running. */
  async stop(uri: vscode.Uri): Promise<boolean> {
    const run = this.active.get(uri.fsPath);
    if (!run) return false;
    if (!run.stopping) {
      run.stopping = true;
      this.services.log.info(`Stopping ${defaultModelName(run.modelFile)} after the current batch…`);
      this.active.notify(run.modelFile);
    }
    await run.job.cancel(STOP_GRACE_MS);
    await run.job.result.catch(() => undefined);
    return true;
  }

  /** Holds the training of a model file between batches (nothing is lost; the worker waits). */
  pause(uri: vscode.Uri): boolean {
    return this.control(uri, 'pause');
  }

  resume(uri: vscode.Uri): boolean {
    return this.control(uri, 'resume');
  }

  /** Trains one more epoch, then pauses. */
  step(uri: vscode.Uri): boolean {
    return this.control(uri, 'step');
  }

  private control(uri: vscode.Uri, type: 'pause' | 'resume' | 'step'): boolean {
    const run = this.active.get(uri.fsPath);
    if (!run || run.stopping) return false;
    run.job.control(type);
    return true;
  }

  /** Model files being trained now. */
  trainingFiles(): string[] {
    return this.active.all().map((r) => r.modelFile);
  }

  /** Routes the worker's events to the log, the panel, the lenses and whichever progress `sink` holds; `onStarted` once the run exists. */
  private follow(run: ActiveRun, sink: ProgressSink, intervalMs: number, onStarted: () => void): void {
    const { log, panels } = this.services;
    let reported = 0;
    // The notification and the lenses show the live state at the update rate; the state itself is always current.
    const refresh = throttled(() => {
      const done = fractionOf(run.panelRun) * 100;
      sink.progress?.report({ message: `${liveLine(run.panelRun)}${etaSuffix(run.panelRun)}`, increment: done - reported });
      reported = done;
      this.active.notify(run.modelFile);
    }, intervalMs);
    run.job.onProgress = (event: RunStartedEvent | BatchEndEvent | PhaseEvent | PauseChangedEvent | InsightsEvent) => {
      const progress = sink.progress;
      if (event.type === 'runStarted') {
        Object.assign(run.panelRun, { runDir: event.runDir, backend: event.backend, epochs: event.epochs, modelSummary: event.modelSummary });
        if (event.inputs) run.panelRun.insights = { inputs: event.inputs };
        run.pace.trainSamples = event.trainSamples;
        log.info(`Backend ${event.backend}: ${event.backendReason}`);
        log.info(`Run folder: ${event.runDir}`);
        log.info(`${event.trainSamples} training samples, ${event.validationSamples} validation samples, ${event.epochs} epochs of ${event.batchesPerEpoch} batches, seed ${event.seed}`);
        for (const note of event.notes) log.info(note);
        onStarted();
      } else if (event.type === 'batchEnd') {
        const { progress: current, points } = applyBatch(run.panelRun, run.pace, event);
        panels.post(run.modelFile, { type: 'batch', epochs: event.epochs, progress: current, points });
        refresh.request();
      } else if (event.type === 'pauseChanged') {
        applyPause(run.panelRun, event.paused);
        log.info(`${run.panelRun.name}: ${event.paused ? `paused at epoch ${event.epoch}, batch ${event.batch}` : 'resumed'}`);
        panels.post(run.modelFile, { type: 'paused', paused: event.paused });
        // What the user asked for shows at once.
        refresh.flush();
      } else if (event.type === 'insights') {
        const insights = run.panelRun.insights;
        if (insights) run.panelRun.insights = { ...insights, boundary: event.boundary ?? insights.boundary, weights: event.weights ?? insights.weights };
        panels.post(run.modelFile, { type: 'insights', boundary: event.boundary, weights: event.weights });
      } else if (event.phase !== 'training') {
        progress?.report({ message: event.phase.replace('-', ' ') + '…' });
      }
    };
    run.job.onEpochEnd = (event: EpochEndEvent) => {
      applyEpochEnd(run.panelRun, run.pace, event);
      log.info(`Epoch ${event.epoch}/${event.epochs} - ${formatDuration(event.epochMs)} - ${formatMetrics(event.metrics)}`);
      panels.post(run.modelFile, { type: 'epochEnd', epoch: event.epoch, metrics: event.metrics });
      refresh.request();
    };
  }

  private async finish(run: ActiveRun): Promise<TrainResult | undefined> {
    const { log, panels } = this.services;
    const name = run.panelRun.name;
    try {
      const result = (await run.job.result) as TrainResult;
      // Weights are saved at every epoch end, so a stopped run has those of its last whole epoch.
      Object.assign(run.panelRun, { status: result.status, paused: false, current: undefined, weightsEpoch: result.epochsCompleted, runDir: result.runDir, evaluation: result.evaluation, predictions: result.predictions, classNames: result.classNames });
      if (result.insights) run.panelRun.insights = result.insights;
      panels.post(run.modelFile, { type: 'finished', status: result.status, evaluation: result.evaluation, predictions: result.predictions, insights: result.insights, weightsEpoch: result.epochsCompleted });
      const headline = trainingResultText({ name, ...result, trainSamples: run.pace.trainSamples });
      log.info(headline + (result.evaluation ? ` (${formatMetrics(result.evaluation.metrics)})` : ''));
      void this.services.announceRun(run.modelFile, result.runDir, headline);
      return result;
    } catch (err) {
      const runDir = run.panelRun.runDir;
      const dead = runDir ? deadWorkerEnd(err, run.stopping) : undefined;
      if (runDir && dead) {
        // The worker could not write its last summary: the host does, so the run never says `running` or claims success.
        markRunEnded(runDir, dead.status, dead.reason);
        panels.post(run.modelFile, { type: 'finished', status: dead.status, error: dead.reason });
        if (dead.status === 'stopped') {
          log.warn(`${name}: ${dead.reason} The run is marked stopped.`);
          return { kind: 'train', runDir, status: 'stopped', epochsCompleted: run.panelRun.history.length };
        }
      } else if (err instanceof WorkerJobError && err.error.kind === 'invalid-model-file' && err.error.diagnostics.length > 0) {
        this.services.problems.set(run.modelFile, err.error.diagnostics);
      } else if (runDir) {
        // Only a run that started is in the panel; one that failed before shows its error as a notification only.
        panels.post(run.modelFile, { type: 'finished', status: 'failed', error: err instanceof Error ? err.message : String(err) });
      }
      this.services.reportJobError(vscode.Uri.file(run.modelFile), 'Training', err);
      return undefined;
    }
  }
}
