import * as vscode from 'vscode';
import type { CheckResult } from '../../shared/workerProtocol';
import type { ModelDiagnostics } from '../diagnostics/modelDiagnostics';
import { resolveModelFile, type ActivePanelFile } from '../modelFiles';
import { showFirstProblem } from '../diagnostics/showFirstProblem';
import { defaultModelName } from '../../core/modelFile/modelFileName';

/** Validates a model file fully (syntax, schema, data, shapes) and says so; problems go to the Problems panel. */
export async function validateCommand(diagnostics: ModelDiagnostics, panels: ActivePanelFile, arg?: unknown): Promise<CheckResult | undefined> {
  const uri = await resolveModelFile(arg, 'validate', panels);
  if (!uri) return undefined;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === uri.fsPath);
  if (open?.isDirty) await open.save();
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Validating ${defaultModelName(uri.fsPath)}` }, () => diagnostics.checkNow(uri));
  if (!result) {
    void vscode.window.showErrorMessage(`Could not validate ${defaultModelName(uri.fsPath)}; see the Neural Network Trainer log.`);
    return undefined;
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) {
    const size = result.size ? `: ${result.size.layers} layers · ${result.size.params.toLocaleString('en-US')} params` : '';
    void vscode.window.showInformationMessage(`${defaultModelName(uri.fsPath)} is valid${size}.`);
  } else {
    showFirstProblem('', defaultModelName(uri.fsPath), errors);
  }
  return result;
}
