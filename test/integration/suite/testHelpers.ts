import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';

export const EXTENSION_ID = 'nn-trainer.neural-network-trainer';

/** The extension, activated, with the API activate() returns. */
export async function extensionApi(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  return extension.activate();
}

/** A file of the test workspace (a fresh copy of examples/ made by the runner). */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Writes a model file into the test workspace and returns it. */
export function writeWorkspaceFile(name: string, text: string): vscode.Uri {
  const uri = workspaceFile(name);
  fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
  fs.writeFileSync(uri.fsPath, text);
  return uri;
}

/** Polls until `probe` returns a value other than undefined/false, or fails with `what`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function readSummary(runDir: string): { status: string; backend: string; evaluation?: { metrics: Record<string, number> }; epochsCompleted: number } {
  return JSON.parse(fs.readFileSync(path.join(runDir, 'summary.json'), 'utf8'));
}
