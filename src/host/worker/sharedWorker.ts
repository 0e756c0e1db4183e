import { Worker } from 'worker_threads';
import { isWorkerToHostMessage, type JobResult, type WorkerJob } from '../../shared/workerProtocol';
import { ignoreMessage } from '../ignoredMessages';
import { WorkerEndedError, WorkerJobError, jobTimedOut, nextJobId, workerCrashed } from './workerJob';

interface Pending {
  resolve(result: JobResult): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * One long-lived worker for the small, frequent jobs (validating as the user types, checking on open
 * and save). Keeping it alive keeps the compiled schema validator and the loaded modules warm, so a
 * keystroke's validation costs milliseconds, and none of it runs on the extension host's thread.
 * It starts on first use, ends after `idleMs` without work, and is replaced if it dies.
 */
export class SharedWorker {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private idleTimer?: NodeJS.Timeout;

  constructor(
    private readonly workerScript: string,
    private readonly idleMs = 120_000,
    /** What it is for, in its messages: `validation`, `prediction`. */
    private readonly purpose = 'validation',
  ) {}

  /** Runs a job; rejects with WorkerJobError for a failed job, WorkerEndedError for a timeout or a crash. */
  request(job: WorkerJob, timeoutMs: number): Promise<JobResult> {
    const worker = this.ensureWorker();
    clearTimeout(this.idleTimer);
    const id = nextJobId();
    return new Promise<JobResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A job that hangs would hold every later keystroke behind it: start over with a fresh worker.
        this.restart(jobTimedOut(job, timeoutMs));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ type: 'start', id, job });
    });
  }

  dispose(): void {
    this.restart(new WorkerEndedError('The extension is shutting down.'));
    clearTimeout(this.idleTimer);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerScript);
    worker.on('message', (message: unknown) => {
      if (!isWorkerToHostMessage(message)) return ignoreMessage(`the ${this.purpose} worker`, message);
      if (message.type !== 'done' && message.type !== 'error') return;
      const entry = this.pending.get(message.id);
      if (!entry) return;
      this.pending.delete(message.id);
      clearTimeout(entry.timer);
      if (message.type === 'done') entry.resolve(message.result);
      else entry.reject(new WorkerJobError(message.error));
      if (this.pending.size === 0) this.idleTimer = setTimeout(() => this.restart(), this.idleMs);
    });
    worker.on('error', (err) => this.restart(workerCrashed(err)));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.restart(new WorkerEndedError(`The ${this.purpose} worker ended (exit code ${code}).`));
    });
    this.worker = worker;
    return worker;
  }

  /** Ends the worker; every job still waiting fails with `reason`. The next request starts a new one. */
  private restart(reason: Error = new WorkerEndedError(`The ${this.purpose} worker was ended.`)): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const [id, entry] of this.pending) {
      clearTimeout(entry.timer);
      entry.reject(reason);
      this.pending.delete(id);
    }
    if (worker) void worker.terminate();
  }
}
