import * as vscode from 'vscode';
import type { OffsetRange } from '../../shared/editingTypes';
import type { SourceRange } from '../../shared/diagnosticTypes';

/** The worker's character offsets into the text the request carried, as a range of that document. */
export function toRange(doc: vscode.TextDocument, range: OffsetRange): vscode.Range {
  return new vscode.Range(doc.positionAt(range.start), doc.positionAt(range.end));
}

/** The core's 1-based line/column range as VS Code's 0-based one. */
export function fromSourceRange(range: SourceRange): vscode.Range {
  return new vscode.Range(range.start.line - 1, range.start.column - 1, range.end.line - 1, range.end.column - 1);
}
