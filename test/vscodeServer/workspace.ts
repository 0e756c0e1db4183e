import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findRepoRoot } from './tools';

/**
 * A fresh temp copy of examples/ (model files, CSVs, README), so the runs tests write (.nn-runs/)
 * never land in the repository. The caller removes it (removeWorkspace) when done.
 */
export function copyExamplesWorkspace(root = findRepoRoot()): string {
  const examples = path.join(root, 'examples');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-workspace-'));
  for (const file of fs.readdirSync(examples)) {
    if (/\.nn\.(yaml|json)$|\.csv$|^README\.md$/.test(file)) fs.copyFileSync(path.join(examples, file), path.join(workspace, file));
  }
  return workspace;
}

export function removeWorkspace(workspace: string): void {
  fs.rmSync(workspace, { recursive: true, force: true, maxRetries: 3 });
}

/** Sets one workspace setting in `.vscode/settings.json`, as a user's edit would; VS Code applies it live. */
export function setWorkspaceSetting(workspace: string, key: string, value: unknown): void {
  const file = path.join(workspace, '.vscode', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const settings = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  fs.writeFileSync(file, JSON.stringify({ ...settings, [key]: value }, null, 2));
}
