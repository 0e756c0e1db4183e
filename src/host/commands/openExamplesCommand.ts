import * as vscode from 'vscode';
import { uriExists } from '../uriExists';

/** The files of examples/ a user gets: model files, their CSV data, the Keras script to import and the README. */
const EXAMPLE_FILE = /\.(nn\.yaml|nn\.json|csv|py)$|^README\.md$/;

/**
 * `Open the examples`: copies the extension's examples into a folder the user picks (into a new
 * `neural-network-examples` folder when the picked one is not empty) and opens it. Resolves to the
 * folder copied into; tests pass `target` and `open: false`.
 */
export async function openExamplesCommand(extensionUri: vscode.Uri, target?: vscode.Uri, open = true): Promise<vscode.Uri | undefined> {
  const picked =
    target ??
    (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Copy the Examples Here', title: 'Folder for the Neural Network Trainer examples' }))?.[0];
  if (!picked) return undefined;
  const folder = (await isEmptyFolder(picked)) ? picked : vscode.Uri.joinPath(picked, 'neural-network-examples');
  const source = vscode.Uri.joinPath(extensionUri, 'examples');
  await vscode.workspace.fs.createDirectory(folder);
  for (const [name, type] of await vscode.workspace.fs.readDirectory(source)) {
    if (type !== vscode.FileType.File || !EXAMPLE_FILE.test(name)) continue;
    const to = vscode.Uri.joinPath(folder, name);
    // Never overwrite a file the user may have changed.
    if (await uriExists(to)) continue;
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(source, name), to);
  }
  if (open) await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: false });
  return folder;
}

async function isEmptyFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.readDirectory(uri)).length === 0;
  } catch {
    return true;
  }
}
