import * as vscode from 'vscode';
import type { Diagnostic } from '../../shared/diagnosticTypes';
import type { PanelProblem } from '../../shared/panelProtocol';

/**
 * The problems that kept the last Train of a model file from starting, for its panel. They last until
 * a run of the file starts or the file no longer has errors in the Problems panel (the checks as you
 * type and on save replace them), so a fixed file's panel goes back to its runs.
 */
export class TrainProblems implements vscode.Disposable {
  private readonly problems = new Map<string, PanelProblem[]>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the model file whose problems were set or cleared. */
  readonly onDidChange = this.changed.event;
  private readonly subscription = vscode.languages.onDidChangeDiagnostics((e) => {
    for (const uri of e.uris) if (this.problems.has(uri.fsPath) && !hasErrors(uri)) this.clear(uri.fsPath);
  });

  get(modelFile: string): PanelProblem[] | undefined {
    return this.problems.get(modelFile);
  }

  set(modelFile: string, diagnostics: readonly Diagnostic[]): void {
    this.problems.set(modelFile, diagnostics.map((d) => ({ line: d.range.start.line, column: d.range.start.column, severity: d.severity, message: d.message })));
    this.changed.fire(modelFile);
  }

  clear(modelFile: string): void {
    if (this.problems.delete(modelFile)) this.changed.fire(modelFile);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function hasErrors(uri: vscode.Uri): boolean {
  return vscode.languages.getDiagnostics(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error && d.source === 'nn-trainer');
}
