import * as vscode from 'vscode';
import type { EvaluateJob, JobResult, PredictJob } from '../../shared/workerProtocol';
import type { HostServices } from '../hostServices';
import { WorkerJobHandle } from '../worker/workerJob';

/** Evaluation and prediction load one saved model and one data set: minutes would mean something hangs. */
const JOB_TIMEOUT_MS = 5 * 60_000;

/** Runs a short worker job under a cancellable notification; undefined when it failed (already reported) or was cancelled. */
export async function runJobWithProgress<T extends JobResult>(services: HostServices, uri: vscode.Uri, title: string, job: EvaluateJob | PredictJob): Promise<T | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
    const handle = new WorkerJobHandle(services.workerScript, job, JOB_TIMEOUT_MS);
    const cancelled = token.onCancellationRequested(() => void handle.cancel(0));
    try {
      return (await handle.result) as T;
    } catch (err) {
      if (!token.isCancellationRequested) services.reportJobError(uri, title.split(' ')[0], err);
      return undefined;
    } finally {
      cancelled.dispose();
    }
  });
}
