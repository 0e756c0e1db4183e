import * as vscode from 'vscode';
import type { Diagnostic } from '../../shared/diagnosticTypes';

const SEVERITIES = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

/** The core's 1-based, end-exclusive ranges become VS Code's 0-based ones. */
export function toVscodeDiagnostic(d: Diagnostic): vscode.Diagnostic {
  const range = new vscode.Range(d.range.start.line - 1, d.range.start.column - 1, d.range.end.line - 1, d.range.end.column - 1);
  const diagnostic = new vscode.Diagnostic(range, d.message, SEVERITIES[d.severity]);
  diagnostic.source = 'nn-trainer';
  diagnostic.code = d.code;
  return diagnostic;
}
