import * as path from 'path';
import * as vscode from 'vscode';
import { uriExists } from '../uriExists';

const OVERWRITE = 'Overwrite';

/**
 * Writes `text` to `target`, asking first (a modal with an Overwrite button) when the file exists:
 * an import or export never replaces a file the user may have written. False when the user declined.
 */
export async function writeAskingFirst(target: vscode.Uri, text: string): Promise<boolean> {
  if (await uriExists(target)) {
    const choice = await vscode.window.showWarningMessage(`${path.basename(target.fsPath)} already exists. Overwrite it?`, { modal: true }, OVERWRITE);
    if (choice !== OVERWRITE) return false;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  return true;
}

/**
 * Shows `written` beside `source`: the source's editor becomes the active one (opened first when it is
 * not on screen), so Beside means the column next to it.
 */
export async function openBeside(source: vscode.Uri | undefined, written: vscode.Uri): Promise<vscode.TextEditor> {
  if (source) {
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === source.fsPath);
    if (vscode.window.activeTextEditor?.document.uri.fsPath !== source.fsPath) {
      const document = visible?.document ?? (await vscode.workspace.openTextDocument(source));
      await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preview: false });
    }
  }
  return vscode.window.showTextDocument(written, { viewColumn: source ? vscode.ViewColumn.Beside : undefined, preview: false });
}
