import * as path from 'path';
import * as vscode from 'vscode';
import { uriExists } from '../uriExists';
import { MODEL_TEMPLATES, renderTemplate, type ModelTemplate } from '../templates/modelTemplates';
import { freeModelFileName, modelFileNameFor, modelFileStem } from '../templates/newModelFileName';
import type { TrainingPanels } from '../panel/trainingPanels';

/**
 * Creates a model file from a template and opens it. The template and target may be given (tests);
 * otherwise the user picks a template and where to save it. Whatever name comes back, the file is
 * one `<stem>.nn.yaml` whose `name:` is the stem.
 */
export async function newModelFileCommand(panels: TrainingPanels, templateId?: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const template = MODEL_TEMPLATES.find((t) => t.id === templateId) ?? (await pickTemplate());
  if (!template) return undefined;
  const templateStem = modelFileStem(template.fileName);
  const uri = target ?? (await askWhere(template, templateStem));
  if (!uri) return undefined;
  const fileName = modelFileNameFor(path.basename(uri.fsPath), templateStem);
  const file = vscode.Uri.joinPath(uri, '..', fileName);
  // The dialog asked about replacing the name it returned, not about the one it stands for.
  if (file.fsPath !== uri.fsPath && (await uriExists(file)) && !(await confirmReplace(fileName))) return undefined;
  const csv = template.id === 'csv-classification' ? await firstCsvBeside(file) : undefined;
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(renderTemplate(template, fileName, csv)));
  // Pinned, not a preview: the next file opened would otherwise replace the tab of the one just made.
  await vscode.window.showTextDocument(file, { viewColumn: panels.editorColumn(), preview: false });
  return file;
}

async function askWhere(template: ModelTemplate, templateStem: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    title: `New ${template.label} model file`,
    defaultUri: folder ? vscode.Uri.joinPath(folder, freeModelFileName(templateStem, await fileNames(folder))) : undefined,
    // `yaml` as well: a dialog compares only the last extension with its filters, so with `nn.yaml`
    // alone it appends `.nn.yaml` to `xor.nn.yaml`.
    filters: { 'Model files': ['nn.yaml', 'yaml'] },
    saveLabel: 'Create',
  });
}

async function pickTemplate(): Promise<ModelTemplate | undefined> {
  const picked = await vscode.window.showQuickPick(
    MODEL_TEMPLATES.map((t) => ({ label: t.label, detail: t.detail, template: t })),
    { placeHolder: 'Template for the new model file', matchOnDetail: true },
  );
  return picked?.template;
}

async function confirmReplace(fileName: string): Promise<boolean> {
  const replace = 'Replace';
  return (await vscode.window.showWarningMessage(`${fileName} already exists. Replace it?`, { modal: true }, replace)) === replace;
}

async function fileNames(folder: vscode.Uri): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
  } catch {
    return [];
  }
}

/** A CSV already in the folder is most likely the one the user wants to classify. */
async function firstCsvBeside(file: vscode.Uri): Promise<string | undefined> {
  return (await fileNames(vscode.Uri.joinPath(file, '..'))).find((name) => name.toLowerCase().endsWith('.csv'));
}
