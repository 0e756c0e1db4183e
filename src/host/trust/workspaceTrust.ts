import * as vscode from 'vscode';

/**
 * What Restricted Mode holds back, and why, in one place. A workspace's files may come from anyone: a
 * model file names data files (any path), a run folder holds a saved model that is loaded and run, and
 * `nnTrainer.runsFolder` may point anywhere. So until the user trusts the workspace the extension reads
 * and writes nothing but the model file itself, with one exception the issue asks for: existing run
 * folders are read to SHOW them (the Runs view, the panel, Compare), as JSON, never loaded as a model.
 *
 * Runs in Restricted Mode: syntax and schema diagnostics as the user types, the outline, hover,
 * quick fixes, the CodeLens with the layer count, New Model File, the panel and the Runs view of
 * existing runs, Compare Runs, Reveal Run Folder, saving a chart or the history where the user picks.
 */
export const GATED_ACTIONS = {
  train: { title: 'Train', does: 'reads the data the model file names and writes a run folder', to: 'train' },
  evaluate: { title: 'Evaluate', does: "loads the run's saved model and reads the test data", to: 'evaluate' },
  predict: { title: 'Predict', does: "loads the run's saved model from its run folder", to: 'predict' },
  validate: { title: 'Validate', does: 'reads the data the model file names to check it against the model', to: 'validate with the data' },
  deleteRun: { title: 'Delete Run', does: 'deletes a run folder', to: 'delete runs' },
  openExamples: { title: 'Open the Examples', does: 'writes the example files into a folder and opens it', to: 'open the examples' },
  importKerasScript: { title: 'Import Keras Script', does: 'reads a script of the workspace and writes a model file beside it', to: 'import scripts' },
  exportKerasScript: { title: 'Export as Keras Script', does: 'reads the data the model file names and writes a script beside it', to: 'export scripts' },
  importKerasModelJson: { title: 'Import Keras Model JSON', does: 'reads a file of the workspace and writes a model file beside it', to: 'import model JSON' },
} as const;

export type GatedAction = keyof typeof GATED_ACTIONS;

/** The button of every refusal; it runs VS Code's own Workspace Trust editor. */
export const MANAGE_WORKSPACE_TRUST = 'Manage Workspace Trust';

/** At most this many refusals are kept for tests. */
const KEPT_REFUSALS = 20;
const refusals: string[] = [];

/** Why `action` does not run in Restricted Mode, as the notification says it. */
export function restrictedModeMessage(action: GatedAction): string {
  const { title, does, to } = GATED_ACTIONS[action];
  return `Neural Network Trainer: ${title} is disabled in Restricted Mode: it ${does}. Trust the workspace to ${to}.`;
}

/**
 * Whether work that reads or writes files beyond the model file may run now. For what runs unasked
 * (the data checks on open and save, the Models view's background checks); commands use requireTrust.
 */
export function mayReadWorkspaceFiles(): boolean {
  return vscode.workspace.isTrusted;
}

/**
 * True in a trusted workspace. In Restricted Mode: shows why `action` does not run, with a
 * `Manage Workspace Trust` button, and returns false. Never throws and never waits for the user.
 */
export function requireTrust(action: GatedAction): boolean {
  if (mayReadWorkspaceFiles()) return true;
  const message = restrictedModeMessage(action);
  refusals.push(message);
  if (refusals.length > KEPT_REFUSALS) refusals.shift();
  void vscode.window.showWarningMessage(message, MANAGE_WORKSPACE_TRUST).then((choice) => {
    if (choice === MANAGE_WORKSPACE_TRUST) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return false;
}

/** The refusals shown since activation, oldest first (tests read them through the extension's API). */
export function shownRefusals(): readonly string[] {
  return [...refusals];
}

/**
 * Calls `start` once the user trusts the workspace, so what was held back runs without a reload.
 * (VS Code reloads the window when trust is taken away, so there is no way back to undo.)
 */
export function onDidGrantTrust(start: () => void): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(start);
}
