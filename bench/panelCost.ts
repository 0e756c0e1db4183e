import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { WorkerJobHandle } from '../src/host/worker/workerJob';
import { applyBatch, applyEpochEnd, applyPause, etaSuffix, fractionOf, liveLine, newPace } from '../src/host/training/liveRun';
import { defaultModelName } from '../src/core/modelFile/modelFileName';
import type { HostToPanelMessage, PanelRun } from '../src/shared/panelProtocol';
import { applyMessage } from '../webview/shared/runState';
import { thinnedCurves } from '../src/shared/thinnedCurves';

export type PanelVariant = 'no panel' | 'panel open';

/** What one training through the host's worker path reached. */
export interface PanelTiming {
  samplesPerSecond: number;
  /** Panel messages posted (and mirrored) during the run; 0 without a panel. */
  messages: number;
  /** Size of the page's last saved state; 0 without a panel. */
  stateChars: number;
  /** Main-thread time spent on the events and panel messages: a cost that noise on a busy machine cannot hide. */
  panelMs: number;
  /** Training time of the run (its epochs' own ms). */
  trainingMs: number;
}

/**
 * Trains `modelFile` for `epochs` epochs through the extension host's own path: a WorkerJobHandle
 * running a `train` job in dist/worker.js, batch progress throttled to 250 ms (the default setting).
 * Without a panel the events are dropped. With one, each is handled as src/host/training/trainer.ts
 * does (live state, the notification's line) and each panel message pays what a webview costs:
 * postMessage's JSON round trip, the page's own reducer (applyMessage, hence withPoints), and the
 * page's setState (at most once a frame, curves thinned, as webview/panel/main.ts saves). Samples/s counts training time only (the epochs' own ms), so
 * loading, evaluation and prediction, the same in both variants, do not dilute the difference.
 */
export async function timePanelTraining(workerScript: string, modelFile: string, epochs: number, variant: PanelVariant): Promise<PanelTiming> {
  const runsRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-bench-panel-'));
  try {
    const job = new WorkerJobHandle(workerScript, { kind: 'train', file: modelFile, backend: 'wasm', runsRoot, epochs, progressIntervalMs: 250 }, 10 * 60_000);
    let trainSamples = 0;
    let trainingMs = 0;
    let epochsDone = 0;
    const panel = variant === 'panel open' ? new MirroredPanel(modelFile) : undefined;
    job.onProgress = (event) => {
      if (event.type === 'runStarted') trainSamples = event.trainSamples;
      panel?.onProgress(event);
    };
    job.onEpochEnd = (event) => {
      trainingMs += event.epochMs;
      epochsDone++;
      panel?.onEpochEnd(event);
    };
    await job.result;
    await panel?.saved();
    panel?.checkMirror();
    return {
      samplesPerSecond: (trainSamples * epochsDone * 1000) / trainingMs,
      messages: panel?.messages ?? 0,
      stateChars: panel?.savedState.length ?? 0,
      panelMs: panel?.busyMs ?? 0,
      trainingMs,
    };
  } finally {
    fs.rmSync(runsRoot, { recursive: true, force: true });
  }
}

type ProgressEvent = Parameters<NonNullable<WorkerJobHandle['onProgress']>>[0];
type EpochEvent = Parameters<NonNullable<WorkerJobHandle['onEpochEnd']>>[0];

/** The host's live state of a run plus the open page's mirror of it, fed the way Trainer.follow feeds them. */
class MirroredPanel {
  messages = 0;
  /** Main-thread time spent in the handlers. */
  busyMs = 0;
  /** What the progress notification would show; kept so the line is built as the host builds it. */
  line = '';
  /** The page's state as setState last saved it. */
  savedState = '';
  private readonly run: PanelRun;
  private readonly pace = newPace();
  private page: PanelRun | undefined;
  private saving: Promise<void> | undefined;

  constructor(modelFile: string) {
    this.run = { modelFile, name: defaultModelName(modelFile), status: 'running', history: [] };
  }

  onProgress(event: ProgressEvent): void {
    const start = performance.now();
    this.handleProgress(event);
    this.busyMs += performance.now() - start;
  }

  onEpochEnd(event: EpochEvent): void {
    const start = performance.now();
    applyEpochEnd(this.run, this.pace, event);
    this.report();
    this.post({ type: 'epochEnd', epoch: event.epoch, metrics: event.metrics });
    this.busyMs += performance.now() - start;
  }

  /** Resolves once the page's pending save is done. */
  async saved(): Promise<void> {
    await this.saving;
  }

  /** A mirror that drifted from the host's state would make the measurement meaningless. */
  checkMirror(): void {
    const shown = (run: PanelRun | undefined) => JSON.stringify([run?.curves, run?.history]);
    if (shown(this.page) !== shown(this.run)) throw new Error("the panel's mirror differs from the host's live state");
  }

  private handleProgress(event: ProgressEvent): void {
    if (event.type === 'runStarted') {
      Object.assign(this.run, { runDir: event.runDir, backend: event.backend, epochs: event.epochs, modelSummary: event.modelSummary });
      this.pace.trainSamples = event.trainSamples;
      this.post({ type: 'snapshot', run: this.run });
    } else if (event.type === 'batchEnd') {
      const { progress, points } = applyBatch(this.run, this.pace, event);
      this.report();
      this.post({ type: 'batch', epochs: event.epochs, progress, points });
    } else if (event.type === 'pauseChanged') {
      applyPause(this.run, event.paused);
      this.report();
      this.post({ type: 'paused', paused: event.paused });
    }
  }

  private report(): void {
    this.line = `${liveLine(this.run)}${etaSuffix(this.run)} ${Math.round(fractionOf(this.run) * 100)}%`;
  }

  private post(message: HostToPanelMessage): void {
    this.messages++;
    // A webview's postMessage serializes to JSON; the page receives a parsed copy.
    const received = JSON.parse(JSON.stringify(message)) as HostToPanelMessage;
    this.page = applyMessage(this.page, received);
    this.save();
  }

  /** setState at most once a frame with the curves thinned, which VS Code serializes; a frame is 16 ms here. */
  private save(): void {
    if (this.saving) return;
    this.saving = new Promise((resolve) =>
      setTimeout(() => {
        const start = performance.now();
        this.saving = undefined;
        if (this.page) this.savedState = JSON.stringify({ run: { ...this.page, curves: thinnedCurves(this.page.curves) } });
        this.busyMs += performance.now() - start;
        resolve();
      }, 16),
    );
  }
}
