import * as path from 'path';
import * as vscode from 'vscode';
import { MODEL_TEMPLATES, renderTemplate, type ModelTemplate } from '../templates/modelTemplates';

/**
 * Creates a model file from a template and opens it. The template and target may be given (tests);
 * otherwise the user picks a template and where to save it.
 */
export async function newModelFileCommand(templateId?: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const template = MODEL_TEMPLATES.find((t) => t.id === templateId) ?? (await pickTemplate());
  if (!template) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: `New ${template.label} model file`,
      defaultUri: folder ? vscode.Uri.joinPath(folder, template.fileName) : undefined,
      filters: { 'Model files': ['nn.yaml'] },
      saveLabel: 'Create',
    }));
  if (!uri) return undefined;
  const fileName = path.basename(uri.fsPath).endsWith('.nn.yaml') ? path.basename(uri.fsPath) : `${path.basename(uri.fsPath).replace(/\.ya?ml$/, '')}.nn.yaml`;
  const file = vscode.Uri.joinPath(uri, '..', fileName);
  const csv = template.id === 'csv-classification' ? await firstCsvBeside(file) : undefined;
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(renderTemplate(template, fileName, csv)));
  await vscode.window.showTextDocument(file);
  return file;
}

async function pickTemplate(): Promise<ModelTemplate | undefined> {
  const picked = await vscode.window.showQuickPick(
    MODEL_TEMPLATES.map((t) => ({ label: t.label, detail: t.detail, template: t })),
    { placeHolder: 'Template for the new model file', matchOnDetail: true },
  );
  return picked?.template;
}

/** A CSV already in the folder is most likely the one the user wants to classify. */
async function firstCsvBeside(file: vscode.Uri): Promise<string | undefined> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(file, '..'));
    return entries.map(([name]) => name).find((name) => name.toLowerCase().endsWith('.csv'));
  } catch {
    return undefined;
  }
}
