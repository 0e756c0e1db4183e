import * as vscode from 'vscode';
import { BACKEND_CHOICES, type BackendChoice } from '../shared/runResults';

/** The extension's settings, read through this one typed accessor (package.json declares them). */
export interface Settings {
  backend: BackendChoice;
  /** As written; empty means `.nn-runs` beside each model file. */
  runsFolder: string;
  openPanelOnTrain: boolean;
  progressUpdateIntervalMs: number;
  /** Each layer's output shape and parameter count at the end of its line. */
  inlayHints: boolean;
}

const SECTION = 'nnTrainer';

export function readSettings(scope?: vscode.Uri): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const backend = config.get<string>('backend', 'auto');
  return {
    backend: (BACKEND_CHOICES as readonly string[]).includes(backend) ? (backend as BackendChoice) : 'auto',
    runsFolder: config.get<string>('runsFolder', '').trim(),
    openPanelOnTrain: config.get<boolean>('openPanelOnTrain', true),
    progressUpdateIntervalMs: clamp(config.get<number>('progressUpdateIntervalMs', 250), 50, 5000),
    inlayHints: config.get<boolean>('inlayHints.enabled', true),
  };
}

/** Calls `listener` only when one of this extension's settings changed. */
export function onDidChangeSettings(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(SECTION)) listener();
  });
}

/**
 * The runs root for a model file: undefined lets the core use `.nn-runs` beside the file; a relative
 * setting resolves against the file's workspace folder (or the file's folder outside a workspace).
 */
export function runsRootFor(modelFile: vscode.Uri, settings: Settings): string | undefined {
  if (!settings.runsFolder) return undefined;
  const expanded = settings.runsFolder.replace(/^~(?=$|[\\/])/, process.env.HOME ?? '~');
  if (isAbsolute(expanded)) return expanded;
  const base = vscode.workspace.getWorkspaceFolder(modelFile)?.uri ?? vscode.Uri.joinPath(modelFile, '..');
  return vscode.Uri.joinPath(base, expanded).fsPath;
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}
