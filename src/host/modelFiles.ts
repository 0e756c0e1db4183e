import * as vscode from 'vscode';
import { MODEL_FILE_PATTERN } from '../core/modelFile/modelFileName';

// Model files are recognized by name (MODEL_FILE_PATTERN), whatever language mode the editor gives them.
export const MODEL_FILE_GLOB = '**/*.nn.{yaml,yml,json}';

export const MODEL_FILE_SELECTORS: vscode.DocumentSelector = [
  { scheme: 'file', pattern: '**/*.nn.{yaml,yml}' },
  { scheme: 'file', pattern: '**/*.nn.json' },
];

export function isModelFile(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && MODEL_FILE_PATTERN.test(uri.path);
}

/** What resolveModelFile needs of the training panels. */
export interface ActivePanelFile {
  activeModelFile(): string | undefined;
}

/**
 * The model file a command acts on: the one it was given (CodeLens, editor title, explorer), else the
 * focused training panel's, else the active text editor's, else the only one in the workspace or one
 * the user picks from it. Undefined when the user cancels.
 */
export async function resolveModelFile(arg: unknown, purpose: string, panels: ActivePanelFile): Promise<vscode.Uri | undefined> {
  const given = modelFileArg(arg);
  if (given) return given;
  // A focused panel comes first: activeTextEditor still names the last text editor the user left,
  // which may hold another model file (or none), while the panel is what the user is looking at.
  const panelFile = panels.activeModelFile();
  if (panelFile) return vscode.Uri.file(panelFile);
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && isModelFile(active)) return active;
  const files = await vscode.workspace.findFiles(MODEL_FILE_GLOB, '**/{node_modules,.nn-runs}/**', 200);
  if (files.length === 0) {
    const create = 'New Model File';
    void vscode.window.showWarningMessage(`No model file (*.nn.yaml or *.nn.json) is open or in the workspace to ${purpose}.`, create).then((choice) => {
      if (choice === create) void vscode.commands.executeCommand('nnTrainer.newModelFile');
    });
    return undefined;
  }
  if (files.length === 1) return files[0];
  const picked = await vscode.window.showQuickPick(
    files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { placeHolder: `Model file to ${purpose}` },
  );
  return picked?.uri;
}

/**
 * The model file an argument names: a Uri (CodeLens, editor title, explorer), a path (tests), or a
 * node of the Models view (`{ kind: 'model', modelFile }`, what its menus pass).
 */
export function modelFileArg(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return isModelFile(arg) ? arg : undefined;
  if (typeof arg === 'string') return MODEL_FILE_PATTERN.test(arg) ? vscode.Uri.file(arg) : undefined;
  const node = arg as { kind?: unknown; modelFile?: unknown } | undefined;
  if (node?.kind === 'model' && typeof node.modelFile === 'string') return vscode.Uri.file(node.modelFile);
  return undefined;
}
