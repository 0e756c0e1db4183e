import * as vscode from 'vscode';
import type { TrainingPanels } from './panel/trainingPanels';

/** The end-of-run notification. Not awaited by Train: a notification can stay open for minutes. */
export async function announceRun(panels: TrainingPanels, modelFile: string, runDir: string, headline: string): Promise<void> {
  const showPanel = 'Show Panel';
  const reveal = 'Reveal Run Folder';
  const choice = await vscode.window.showInformationMessage(headline, showPanel, reveal);
  if (choice === showPanel) panels.show(modelFile);
  if (choice === reveal) await revealRunFolder(runDir);
}

/** A result (evaluation, predictions) with a Show Panel action (`show`, else the file's panel); shown, never awaited by the command. */
export function announceResult(panels: TrainingPanels, modelFile: string, message: string, show: () => void = () => panels.show(modelFile)): void {
  void vscode.window.showInformationMessage(message, 'Show Panel').then((choice) => {
    if (choice) show();
  });
}

/**
 * The OS file manager where there is one (local desktop), else the folder in the explorer (VS Code for
 * the web, remotes), else, for a runs folder outside the workspace, the run's summary in an editor.
 */
export async function revealRunFolder(runDir: string): Promise<void> {
  const uri = vscode.Uri.file(runDir);
  const summary = vscode.Uri.joinPath(uri, 'summary.json');
  if (vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined) {
    await vscode.commands.executeCommand('revealFileInOS', uri);
  } else if (vscode.workspace.getWorkspaceFolder(uri)) {
    await vscode.commands.executeCommand('revealInExplorer', summary);
  } else {
    await vscode.window.showTextDocument(summary);
  }
}
