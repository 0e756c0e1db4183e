import { Worker, type ResourceLimits } from 'worker_threads';
import { ignoreMessage } from '../ignoredMessages';
import type { EpochEndEvent } from '../../shared/trainingEvents';
import {
  isWorkerToHostMessage,
  type WorkerToHostMessage,
  type HostToWorkerMessage,
  type JobResult,
  type WorkerError,
  type WorkerJob,
} from '../../shared/workerProtocol';

/** A job ended with an `error` message from the worker. */
export class WorkerJobError extends Error {
  override name = 'WorkerJobError';
  constructor(
    readonly error: WorkerError,
    /** True when the worker itself died (an uncaught exception, out of memory) rather than reporting the job's failure. */
    readonly crashed = false,
  ) {
    super(error.message);
  }
}

/** The worker was ended (no answer to `cancel` in time, a timeout, or a crash) before the job finished. */
export class WorkerEndedError extends Error {
  override name = 'WorkerEndedError';
}

/** A job that ran out of time: its worker is ended, so the job cannot linger. */
export function jobTimedOut(job: WorkerJob, timeoutMs: number): WorkerEndedError {
  return new WorkerEndedError(`The ${job.kind} job took longer than ${Math.round(timeoutMs / 1000)} s and was ended.`);
}

/**
 * An uncaught exception inside a worker, as the job's error. Running out of memory is the user's to
 * fix (a smaller model or batch), so it says what to try and carries no stack.
 */
export function workerCrashed(err: Error): WorkerJobError {
  if ((err as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new WorkerJobError(
      {
        kind: 'run-input',
        message: 'The worker ran out of memory and was ended (the extension host is fine). Try a smaller batch_size, fewer units or layers, or a data `limit`.',
      },
      true,
    );
  }
  return new WorkerJobError({ kind: 'internal', message: err.message, stack: err.stack }, true);
}

let lastJobId = 0;

/** Job ids are unique across every worker of the host, so a message can never be taken for another job's. */
export function nextJobId(): number {
  return ++lastJobId;
}

/**
 * One job in its own worker_threads Worker. A worker per job keeps runs of different files fully
 * apart and makes "stop no matter what" a plain terminate(). The worker is started here from its
 * script, or is a spare one started earlier (SpareWorker) that has run no job but its warm-up.
 */
export class WorkerJobHandle {
  /** Workers started and not yet exited, across every job: a leak shows here (the train/stop cycles test reads it). */
  static running = 0;
  readonly id = nextJobId();
  readonly result: Promise<JobResult>;
  /** Set right after construction: the worker answers no sooner than the next turn of the event loop. */
  onProgress?: (event: Extract<WorkerToHostMessage, { type: 'progress' }>['event']) => void;
  onEpochEnd?: (event: EpochEndEvent) => void;
  private readonly worker: Worker;
  private settled = false;
  private timer?: NodeJS.Timeout;

  constructor(workerScript: string | Worker, job: WorkerJob, timeoutMs?: number, resourceLimits?: ResourceLimits) {
    this.worker = typeof workerScript === 'string' ? new Worker(workerScript, resourceLimits ? { resourceLimits } : undefined) : workerScript;
    WorkerJobHandle.running++;
    this.worker.once('exit', () => WorkerJobHandle.running--);
    this.result = new Promise<JobResult>((resolve, reject) => {
      const settle = (outcome: () => void) => {
        if (this.settled) return;
        this.settled = true;
        clearTimeout(this.timer);
        outcome();
        // Every job gets a fresh worker: ending it frees TensorFlow.js' memory at once.
        void this.worker.terminate();
      };
      this.worker.on('message', (message: unknown) => {
        if (!isWorkerToHostMessage(message)) return ignoreMessage(`the ${job.kind} worker`, message);
        if (message.id !== this.id) return;
        switch (message.type) {
          case 'progress':
            this.onProgress?.(message.event);
            break;
          case 'epochEnd':
            this.onEpochEnd?.(message.event);
            break;
          case 'done':
            settle(() => resolve(message.result));
            break;
          case 'error':
            settle(() => reject(new WorkerJobError(message.error)));
            break;
        }
      });
      this.worker.on('error', (err) => settle(() => reject(workerCrashed(err))));
      this.worker.on('exit', (code) => settle(() => reject(new WorkerEndedError(`The training worker ended (exit code ${code}) before the job finished.`))));
      if (timeoutMs !== undefined) {
        this.timer = setTimeout(() => settle(() => reject(jobTimedOut(job, timeoutMs))), timeoutMs);
      }
    });
    // A rejection nobody awaits yet must not become an unhandled rejection in the extension host.
    this.result.catch(() => undefined);
    this.send({ type: 'start', id: this.id, job });
  }

  get finished(): boolean {
    return this.settled;
  }

  /**
   * Asks the worker to stop (training stops after the current batch and keeps its run folder) and
   * terminates it when it has not finished within `graceMs`.
   */
  async cancel(graceMs: number): Promise<void> {
    if (this.settled) return;
    this.send({ type: 'cancel', id: this.id });
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
    const outcome = await Promise.race([this.result.then(() => 'done' as const, () => 'done' as const), gaveUp]);
    clearTimeout(timer);
    if (outcome === 'timeout') await this.worker.terminate();
  }

  /** Holds training between batches, lets it go, or lets it run one more epoch and hold again. */
  control(type: 'pause' | 'resume' | 'step'): void {
    if (!this.settled) this.send({ type, id: this.id });
  }

  private send(message: HostToWorkerMessage): void {
    this.worker.postMessage(message);
  }
}
