import * as path from 'path';
import * as vscode from 'vscode';

/** Python scripts the import reads: by language mode, or by name where no Python mode is installed. */
export const PYTHON_SELECTORS: vscode.DocumentSelector = [
  { scheme: 'file', language: 'python' },
  { scheme: 'file', pattern: '**/*.py' },
];

/** Folders whose scripts are never a user's tutorial (virtual environments, dependencies, runs). */
const NOT_SCRIPTS = '**/{node_modules,.venv,venv,.nn-runs,site-packages,__pycache__}/**';

export function isPythonFile(uri: vscode.Uri, languageId?: string): boolean {
  return uri.scheme === 'file' && (languageId === 'python' || uri.path.endsWith('.py'));
}

/**
 * The script an import reads: the one it was given (CodeLens, explorer, tests), else the active
 * editor's Python file, else the only one in the workspace, else one the user picks (a quick pick of
 * the workspace's scripts with a Browse… row, or the file dialog when there are none).
 */
export async function resolvePythonFile(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return vscode.Uri.file(arg);
  const active = vscode.window.activeTextEditor?.document;
  if (active && isPythonFile(active.uri, active.languageId)) return active.uri;
  const scripts = await vscode.workspace.findFiles('**/*.py', NOT_SCRIPTS, 200);
  if (scripts.length === 1) return scripts[0];
  if (scripts.length === 0) return browse('Keras script to import', { Python: ['py'] });
  const BROWSE = 'Browse…';
  const picked = await vscode.window.showQuickPick(
    [...scripts.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })), { label: BROWSE, uri: undefined }],
    { placeHolder: 'Keras script to import as a model file' },
  );
  if (!picked) return undefined;
  return picked.uri ?? browse('Keras script to import', { Python: ['py'] });
}

/** A file picked with the system's file dialog. */
export async function browse(title: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectFiles: true, canSelectFolders: false, canSelectMany: false, title, filters, openLabel: 'Import' });
  return picked?.[0];
}

/** `dir/mnist_tutorial.py` -> `dir/mnist_tutorial.nn.yaml`; `model.json` -> `model.nn.yaml`. */
export function modelFileBeside(file: vscode.Uri): vscode.Uri {
  const stem = path.basename(file.fsPath).replace(/\.(py|json)$/i, '');
  return vscode.Uri.joinPath(file, '..', `${stem}.nn.yaml`);
}

/** `dir/xor.nn.yaml` -> `dir/xor.py`. */
export function scriptBeside(modelFile: vscode.Uri): vscode.Uri {
  const stem = path.basename(modelFile.fsPath).replace(/\.nn\.(ya?ml|json)$/i, '').replace(/\.(ya?ml|json)$/i, '');
  return vscode.Uri.joinPath(modelFile, '..', `${stem}.py`);
}
