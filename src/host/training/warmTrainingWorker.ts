import * as vscode from 'vscode';
import { isModelFile } from '../modelFiles';
import { readSettings } from '../settings';
import { mayReadWorkspaceFiles, onDidGrantTrust } from '../trust/workspaceTrust';
import type { SpareWorker } from '../worker/spareWorker';
import type { ActiveRuns } from './activeRuns';

/**
 * Keeps a spare training worker ready while a model file is open, so Train shows its first batch
 * sooner. Not during a training (its 2 cores are the run's), not in Restricted Mode (Train is refused
 * there), and none once the last model file is closed; SpareWorker ends one left unused.
 */
export function warmTrainingWorker(spare: SpareWorker, active: ActiveRuns): vscode.Disposable[] {
  const openModelFile = (): vscode.Uri | undefined => {
    const editor = vscode.window.activeTextEditor?.document.uri;
    if (editor && isModelFile(editor)) return editor;
    return vscode.workspace.textDocuments.find((d) => isModelFile(d.uri))?.uri;
  };
  const prepare = (uri?: vscode.Uri) => {
    // Checked first: the live updates of a run fire active.onDidChange several times a second.
    if (active.all().length > 0 || !mayReadWorkspaceFiles()) return;
    const file = uri ?? openModelFile();
    // The backend setting may differ per folder: the file about to be trained decides.
    if (file) spare.prepare(readSettings(file).backend);
  };
  prepare();
  return [
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (isModelFile(doc.uri)) prepare(doc.uri);
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor && isModelFile(editor.document.uri)) prepare(editor.document.uri);
    }),
    vscode.workspace.onDidCloseTextDocument(() => {
      if (!openModelFile()) spare.end();
    }),
    // A run's end (its worker ended with it) is the moment to get the next one ready.
    active.onDidChange(() => prepare()),
    onDidGrantTrust(() => prepare()),
    spare,
  ];
}
