import * as vscode from 'vscode';
import type { Diagnostic } from '../../shared/diagnosticTypes';

/**
 * An error notification naming the first problem where a compiler would (`label:line:column: message`),
 * how many more there are, and a Show Problems action for all of them. Shown, never awaited.
 */
export function showFirstProblem(prefix: string, label: string, problems: Diagnostic[]): void {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  void vscode.window.showErrorMessage(`${prefix}${label}:${first.range.start.line}:${first.range.start.column}: ${first.message}${more}`, 'Show Problems').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}
