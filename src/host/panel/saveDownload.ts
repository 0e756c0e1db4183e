import * as path from 'path';
import * as vscode from 'vscode';
import type { PanelDownload } from '../../shared/panelProtocol';

/** Saves a file the panel made (history CSV, chart PNG) where the user picks, beside the model file by default. */
export async function saveDownload(modelFile: string, download: PanelDownload): Promise<vscode.Uri | undefined> {
  const fileName = path.basename(download.fileName).replace(/[^\w.-]+/g, '-');
  const png = /^data:image\/png;base64,/.exec(download.content);
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.file(path.join(path.dirname(modelFile), fileName)),
    filters: png ? { 'PNG image': ['png'] } : { CSV: ['csv'] },
    saveLabel: 'Save',
  });
  if (!target) return undefined;
  const bytes = png ? Buffer.from(download.content.slice(png[0].length), 'base64') : Buffer.from(download.content, 'utf8');
  await vscode.workspace.fs.writeFile(target, bytes);
  return target;
}
