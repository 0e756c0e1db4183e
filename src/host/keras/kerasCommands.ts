import * as path from 'path';
import * as vscode from 'vscode';
import type { ExportScriptResult, ImportModelJsonResult, ImportOutcome, ImportScriptResult } from '../../shared/workerProtocol';
import type { HostServices } from '../hostServices';
import type { ActivePanelFile } from '../modelFiles';
import { resolveModelFile } from '../modelFiles';
import { requireTrust } from '../trust/workspaceTrust';
import { showFirstProblem } from '../diagnostics/showFirstProblem';
import type { ImportDiagnostics } from './importDiagnostics';
import type { KerasJobs } from './kerasJobs';
import { browse, modelFileBeside, resolvePythonFile, scriptBeside } from './pythonFiles';
import { openBeside, writeAskingFirst } from './writeBeside';

/** What an import or export command resolves to (tests await it); undefined when nothing was written. */
export interface WrittenFile {
  /** The file written. */
  written: string;
  /** How many statements or settings were not translated. */
  warnings: number;
}

export interface KerasCommandDeps {
  services: HostServices;
  panels: ActivePanelFile;
  jobs: KerasJobs;
  importDiagnostics: ImportDiagnostics;
}

/** `Import Keras Script`, `Export as Keras Script` and `Import Keras Model JSON`. */
export function registerKerasCommands(deps: KerasCommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('nnTrainer.importKerasScript', (arg?: unknown) => (requireTrust('importKerasScript') ? importKerasScript(deps, arg) : undefined)),
    vscode.commands.registerCommand('nnTrainer.exportKerasScript', (arg?: unknown) => (requireTrust('exportKerasScript') ? exportKerasScript(deps, arg) : undefined)),
    vscode.commands.registerCommand('nnTrainer.importKerasModelJson', (arg?: unknown) => (requireTrust('importKerasModelJson') ? importKerasModelJson(deps, arg) : undefined)),
  ];
}

async function importKerasScript(deps: KerasCommandDeps, arg: unknown): Promise<WrittenFile | undefined> {
  const script = await resolvePythonFile(arg);
  if (!script) return undefined;
  const what = 'Import Keras Script';
  // The editor's text, unsaved edits included: what the user sees is what is imported.
  const source = (await vscode.workspace.openTextDocument(script)).getText();
  let outcome: ImportOutcome;
  try {
    outcome = ((await deps.jobs.request({ kind: 'importScript', scriptPath: script.fsPath, source })) as ImportScriptResult).outcome;
  } catch (err) {
    deps.services.reportJobError(script, what, err);
    return undefined;
  }
  deps.importDiagnostics.show(script, source, outcome);
  return writeImported(deps, what, script, outcome, true);
}

async function importKerasModelJson(deps: KerasCommandDeps, arg: unknown): Promise<WrittenFile | undefined> {
  const file = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.file(arg) : await browse('Keras model JSON to import', { 'Model JSON': ['json'] });
  if (!file) return undefined;
  const what = 'Import Keras Model JSON';
  let outcome: ImportOutcome;
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    outcome = ((await deps.jobs.request({ kind: 'importModelJson', jsonPath: file.fsPath, text })) as ImportModelJsonResult).outcome;
  } catch (err) {
    deps.services.reportJobError(file, what, err);
    return undefined;
  }
  for (const note of outcome.warnings) deps.services.log.info(`${file.fsPath}:${note.line}:${note.column}: ${note.message}`);
  const shown = vscode.window.visibleTextEditors.some((e) => e.document.uri.fsPath === file.fsPath);
  return writeImported(deps, what, file, outcome, shown);
}

/** Writes an import's model file beside what it came from and opens it; an error is shown, located, and writes nothing. */
async function writeImported(deps: KerasCommandDeps, what: string, from: vscode.Uri, outcome: ImportOutcome, besideSource: boolean): Promise<WrittenFile | undefined> {
  const name = path.basename(from.fsPath);
  if (outcome.error || outcome.text === undefined) {
    const error = outcome.error ?? { line: 1, column: 1, message: 'nothing could be imported.' };
    deps.services.log.warn(`${what}: ${from.fsPath}:${error.line}:${error.column}: ${error.message}`);
    void vscode.window.showErrorMessage(`${what}: ${name}:${error.line}:${error.column}: ${error.message}`);
    return undefined;
  }
  const target = modelFileBeside(from);
  if (!(await writeAskingFirst(target, outcome.text))) return undefined;
  // The model file reads its data beside it: copy a shipped data set the script loads, never over a file.
  for (const data of outcome.dataFiles ?? []) {
    const copy = vscode.Uri.file(path.join(path.dirname(target.fsPath), data.name));
    const exists = await vscode.workspace.fs.stat(copy).then(() => true, () => false);
    if (!exists) await vscode.workspace.fs.copy(vscode.Uri.file(data.from), copy);
  }
  await openBeside(besideSource ? from : undefined, target);
  const count = outcome.warnings.length;
  const notTranslated = count === 0 ? '' : ` ${count} statement${count === 1 ? ' was' : 's were'} not translated (${besideSource && from.path.endsWith('.py') ? 'marked in the script and ' : ''}listed at the top of the model file).`;
  void vscode.window.showInformationMessage(`Imported ${name} as ${path.basename(target.fsPath)}.${notTranslated}`);
  return { written: target.fsPath, warnings: count };
}

async function exportKerasScript(deps: KerasCommandDeps, arg: unknown): Promise<WrittenFile | undefined> {
  const modelFile = await resolveModelFile(arg, 'export', deps.panels);
  if (!modelFile) return undefined;
  const what = 'Export as Keras Script';
  // The export reads the saved file (with its data): save what the editor holds first, as Validate does.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === modelFile.fsPath);
  if (open?.isDirty) await open.save();
  const target = scriptBeside(modelFile);
  let result: ExportScriptResult;
  try {
    result = (await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Exporting ${path.basename(modelFile.fsPath)}` }, () =>
      deps.jobs.requestWithData({ kind: 'exportScript', file: modelFile.fsPath, scriptPath: target.fsPath }),
    )) as ExportScriptResult;
  } catch (err) {
    deps.services.reportJobError(modelFile, what, err);
    return undefined;
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (result.text === undefined || errors.length > 0) {
    deps.services.showFileDiagnostics(modelFile, result.diagnostics);
    if (errors.length > 0) showFirstProblem(`${what} did not run. `, path.basename(modelFile.fsPath), errors);
    else void vscode.window.showErrorMessage(`${what}: ${path.basename(modelFile.fsPath)} could not be exported.`);
    return undefined;
  }
  if (!(await writeAskingFirst(target, result.text))) return undefined;
  await openBeside(modelFile, target);
  return { written: target.fsPath, warnings: 0 };
}
