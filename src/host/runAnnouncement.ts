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

/** The OS file manager where there is one (desktop), else the folder in the explorer (VS Code for the web). */
export async function revealRunFolder(runDir: string): Promise<void> {
  const uri = vscode.Uri.file(runDir);
  if (vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined) {
    await vscode.commands.executeCommand('revealFileInOS', uri);
  } else {
    await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.joinPath(uri, 'summary.json'));
  }
}
