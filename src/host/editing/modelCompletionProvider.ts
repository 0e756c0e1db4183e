import * as vscode from 'vscode';
import type { CompletionEntry, CompletionKind } from '../../shared/editingTypes';
import type { CompleteResult } from '../../shared/workerProtocol';
import type { ModelDiagnostics } from '../diagnostics/modelDiagnostics';
import { toRange } from './offsetRanges';
import { mayReadWorkspaceFiles } from '../trust/workspaceTrust';

const KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  section: vscode.CompletionItemKind.Module,
  property: vscode.CompletionItemKind.Property,
  layer: vscode.CompletionItemKind.Class,
  value: vscode.CompletionItemKind.Value,
  enum: vscode.CompletionItemKind.EnumMember,
  column: vscode.CompletionItemKind.Field,
  snippet: vscode.CompletionItemKind.Snippet,
};

/** Typing a space after `key:` or opening a quote asks for proposals; VS Code asks on words by itself. */
export const COMPLETION_TRIGGERS = [' ', '"'];

/** Completion for model files: the worker computes the proposals from the editor's text. */
export class ModelCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly diagnostics: ModelDiagnostics) {}

  async provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[]> {
    // A CSV's column names come from reading its header: not in Restricted Mode.
    const request = { kind: 'complete' as const, file: doc.uri.fsPath, text: doc.getText(), offset: doc.offsetAt(position), csvColumns: mayReadWorkspaceFiles() };
    let result: CompleteResult;
    try {
      result = (await this.diagnostics.request(request)) as CompleteResult;
    } catch {
      return [];
    }
    if (token.isCancellationRequested) return [];
    return result.entries.map((entry) => toItem(doc, entry));
  }
}

function toItem(doc: vscode.TextDocument, entry: CompletionEntry): vscode.CompletionItem {
  const item = new vscode.CompletionItem(entry.label, KINDS[entry.kind]);
  item.detail = entry.detail;
  if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
  item.insertText = entry.snippet ? new vscode.SnippetString(entry.insertText) : entry.insertText;
  item.range = toRange(doc, entry.range);
  item.sortText = entry.sortText;
  // After a key whose value is a name or a boolean, its proposals are the natural next step.
  if (entry.suggestValue) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return item;
}
