import { WorkerEndedError, WorkerJobError } from '../worker/workerJob';

/**
 * How a run ends when its worker died before answering: `stopped` when the user stopped it and the
 * worker had to be terminated, `failed` (with the reason) when it crashed or ran out of memory.
 * Undefined for an error the worker reported itself: it has written its own summary. No vscode import.
 */
export function deadWorkerEnd(err: unknown, stopping: boolean): { status: 'stopped' | 'failed'; reason: string } | undefined {
  if (err instanceof WorkerEndedError) return stopping ? { status: 'stopped', reason: err.message } : { status: 'failed', reason: `${err.message} The run is marked failed.` };
  // workerCrashed: the worker's own 'error' event (an uncaught exception, out of memory), not a reported job error.
  if (err instanceof WorkerJobError && err.crashed) return { status: 'failed', reason: err.message };
  return undefined;
}
