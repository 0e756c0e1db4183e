import * as vscode from 'vscode';
import type { Diagnostic } from '../../shared/diagnosticTypes';
import type { ModelDiagnostics } from '../diagnostics/modelDiagnostics';
import { fromSourceRange } from './offsetRanges';

/**
 * Quick fixes for the problems whose repair the validator knows (every "did you mean", the output layer
 * for the loss, the input shape of the data). They come with the diagnostics, so nothing is computed here.
 */
export class ModelCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: ModelDiagnostics) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const shown = this.diagnostics.shownFor(doc.uri);
    return context.diagnostics.flatMap((problem) => {
      const source = shown.find((d) => sameProblem(d, problem));
      return (source?.fixes ?? []).map((fix, _i, all) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [problem];
        action.isPreferred = all.length === 1;
        action.edit = new vscode.WorkspaceEdit();
        for (const edit of fix.edits) action.edit.replace(doc.uri, fromSourceRange(edit.range), edit.newText);
        return action;
      });
    });
  }
}

function sameProblem(core: Diagnostic, shown: vscode.Diagnostic): boolean {
  return core.message === shown.message && fromSourceRange(core.range).isEqual(shown.range);
}
