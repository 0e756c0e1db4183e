import { Worker } from 'worker_threads';
import type { BackendChoice } from '../../shared/runResults';
import { isWorkerToHostMessage, type HostToWorkerMessage } from '../../shared/workerProtocol';
import { nextJobId } from './workerJob';

/** How long a spare may wait unused: it holds ~100 MB (TensorFlow.js and the wasm module). */
export const SPARE_IDLE_MS = 5 * 60_000;

interface Spare {
  worker: Worker;
  backend: BackendChoice;
  idleTimer: NodeJS.Timeout;
  /** Settles when the warm-up has ended (or the spare was dropped). */
  warmed: Promise<void>;
  /** True once the warm-up job is done: only then is the spare handed over. */
  isWarm: boolean;
  /** Takes the spare's own listeners off the worker before a job's handle listens to it. */
  unlisten(): void;
}

/**
 * One training worker started ahead of Train, with TensorFlow.js loaded and its backend initialized,
 * so a run's first batch does not wait for the module loading and the wasm compile (~0.5 s). Each
 * spare serves one job (WorkerJobHandle ends the worker after it, which frees its memory); a new one
 * is prepared only when asked. No vscode here, so the unit tests run it.
 */
export class SpareWorker {
  private spare?: Spare;
  /** Spares started so far (tests read it to see a spare was reused, not replaced). */
  started = 0;

  constructor(
    private readonly workerScript: string,
    private readonly idleMs = SPARE_IDLE_MS,
  ) {}

  /** Whether a spare is waiting. */
  get ready(): boolean {
    return this.spare !== undefined;
  }

  /** Starts a spare for `backend` unless one is waiting already; one warmed for another backend is replaced. */
  prepare(backend: BackendChoice): void {
    if (this.spare?.backend === backend) return;
    this.end();
    const worker = new Worker(this.workerScript);
    const id = nextJobId();
    let warmedUp = () => {};
    const warmed = new Promise<void>((resolve) => (warmedUp = resolve));
    const spare: Spare = { worker, backend, idleTimer: setTimeout(() => this.end(), this.idleMs), warmed, isWarm: false, unlisten: () => {} };
    // A waiting spare must not keep a process (the CLI's tests, the bench) alive.
    spare.idleTimer.unref();
    worker.unref();
    const drop = () => {
      warmedUp();
      if (this.spare === spare) this.end();
    };
    // A warm-up that fails (no wasm here) leaves the job to select its backend and say why, cold.
    const onMessage = (message: unknown) => {
      if (!isWorkerToHostMessage(message) || message.id !== id) return;
      if (message.type === 'error') drop();
      else if (message.type === 'done') {
        spare.isWarm = true;
        warmedUp();
      }
    };
    worker.on('message', onMessage);
    worker.on('error', drop);
    worker.on('exit', drop);
    // Not removeAllListeners(): Worker keeps listeners of its own on itself.
    spare.unlisten = () => {
      worker.off('message', onMessage);
      worker.off('error', drop);
      worker.off('exit', drop);
    };
    worker.postMessage({ type: 'start', id, job: { kind: 'warm', backend } } satisfies HostToWorkerMessage);
    this.spare = spare;
    this.started++;
  }

  /** Resolves once the waiting spare has TensorFlow.js loaded (at once when none waits); the bench waits for it. */
  whenWarm(): Promise<void> {
    return this.spare?.warmed ?? Promise.resolve();
  }

  /**
   * Hands the spare over, once; undefined when none waits or it is still warming up. A job sent while
   * the warm-up runs would initialize the backend beside it in the same worker (the train/stop cycles
   * test lost runs that way, with Train straight after the previous run's end), so that job starts in
   * a fresh worker and the spare stays for the next one.
   */
  take(): Worker | undefined {
    const spare = this.spare;
    if (!spare?.isWarm) return undefined;
    this.spare = undefined;
    clearTimeout(spare.idleTimer);
    spare.unlisten();
    // Its job keeps the host's event loop honest again, as a worker started for the job would.
    spare.worker.ref();
    return spare.worker;
  }

  /** Ends the waiting spare, if any. */
  end(): void {
    const spare = this.spare;
    if (!spare) return;
    this.spare = undefined;
    clearTimeout(spare.idleTimer);
    void spare.worker.terminate();
  }

  dispose(): void {
    this.end();
  }
}
