import * as path from 'path';
import * as vscode from 'vscode';
import type { Diagnostic } from '../shared/diagnosticTypes';
import { WorkerEndedError, WorkerJobError } from './worker/workerJob';
import { formatDiagnostic } from '../core/diagnostics';
import { showFirstProblem } from './diagnostics/showFirstProblem';

/**
 * Tells the user why a worker job failed, in their terms: a broken model file points at its first
 * problem (all of them go to the Problems panel); a bad run or input says what to do; a bug says
 * what happened and leaves the stack trace in the log, never in a notification.
 */
export function reportJobError(
  log: vscode.LogOutputChannel,
  showDiagnostics: (uri: vscode.Uri, diagnostics: Diagnostic[]) => void,
  uri: vscode.Uri,
  what: string,
  err: unknown,
): void {
  // Messages are shown, never awaited: the command that failed must end now, not when the user
  // dismisses a notification.
  const file = path.basename(uri.fsPath);
  if (err instanceof WorkerJobError && err.error.kind === 'invalid-model-file') {
    const { diagnostics } = err.error;
    showDiagnostics(uri, diagnostics);
    for (const d of diagnostics) log.warn(formatDiagnostic(d));
    if (diagnostics.length > 0) showFirstProblem(`${what} did not start. `, file, diagnostics);
    else void vscode.window.showErrorMessage(`${what} did not start. ${err.message}`);
    return;
  }
  if (err instanceof WorkerJobError && err.error.kind === 'run-input') {
    log.warn(`${what} ${file}: ${err.error.message}`);
    void vscode.window.showErrorMessage(`${what}: ${err.error.message}`);
    return;
  }
  const message = err instanceof Error ? err.message : String(err);
  const stack = err instanceof WorkerJobError && err.error.kind === 'internal' ? err.error.stack : err instanceof WorkerEndedError ? undefined : (err as Error | undefined)?.stack;
  log.error(`${what} ${file} failed: ${message}${stack ? `\n${stack}` : ''}`);
  void vscode.window.showErrorMessage(`${what} ${file} failed: ${message}`, 'Show Log').then((choice) => {
    if (choice) log.show(true);
  });
}
