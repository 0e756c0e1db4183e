import * as vscode from 'vscode';
import type { PanelCommand } from '../shared/panelProtocol';
import type { HostServices } from './hostServices';
import type { ModelDiagnostics } from './diagnostics/modelDiagnostics';
import type { Trainer } from './training/trainer';
import { modelFileArg, resolveModelFile } from './modelFiles';
import { evaluateCommand } from './commands/evaluateCommand';
import { predictCommand, type PredictOptions } from './commands/predictCommand';
import { validateCommand } from './commands/validateCommand';
import { newModelFileCommand } from './commands/newModelFileCommand';
import { revealRunFolder } from './runAnnouncement';
import { requireTrust } from './trust/workspaceTrust';

/** Registers every command of package.json. Each returns its result, so tests can await it. */
export function registerCommands(services: HostServices, trainer: Trainer, diagnostics: ModelDiagnostics): vscode.Disposable[] {
  const register = (name: string, handler: (...args: never[]) => unknown) => vscode.commands.registerCommand(`nnTrainer.${name}`, handler);
  return [
    register('train', async (arg?: unknown) => {
      if (!requireTrust('train')) return undefined;
      const uri = await resolveModelFile(arg, 'train', services.panels);
      return uri && trainer.train(uri);
    }),
    register('stop', async (arg?: unknown) => {
      const uri = modelFileArg(arg) ?? (await pickTraining(trainer));
      const stopped = uri ? await trainer.stop(uri) : false;
      if (!stopped && arg === undefined) void vscode.window.showInformationMessage('No training is running.');
      return stopped;
    }),
    ...(['pause', 'resume', 'step'] as const).map((action) =>
      register(action, async (arg?: unknown) => {
        const uri = modelFileArg(arg) ?? (await pickTraining(trainer));
        const done = uri ? trainer[action](uri) : false;
        if (!done && arg === undefined) void vscode.window.showInformationMessage('No training is running.');
        return done;
      }),
    ),
    // Restricted Mode is checked before any prompt: a picked file or run would only be refused after.
    register('evaluate', (arg?: unknown, runDir?: string) => (requireTrust('evaluate') ? evaluateCommand(services, arg, runDir) : undefined)),
    register('predict', (arg?: unknown, options?: PredictOptions) => (requireTrust('predict') ? predictCommand(services, arg, options) : undefined)),
    register('showPanel', async (arg?: unknown) => {
      const uri = await resolveModelFile(arg, 'show', services.panels);
      if (uri) services.panels.show(uri.fsPath);
      return uri !== undefined;
    }),
    register('validate', (arg?: unknown) => (requireTrust('validate') ? validateCommand(diagnostics, services.panels, arg) : undefined)),
    register('newModelFile', (templateId?: string, target?: vscode.Uri) => newModelFileCommand(services.panels, templateId, target)),
  ];
}

/** What a panel button does: the same commands, on the panel's model file. */
export async function runPanelCommand(modelFile: string, command: PanelCommand, runDirOf: () => string | undefined): Promise<void> {
  const uri = vscode.Uri.file(modelFile);
  switch (command) {
    case 'revealRunFolder': {
      const runDir = runDirOf();
      if (runDir) await revealRunFolder(runDir);
      return;
    }
    case 'openModelFile':
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
      return;
    default:
      await vscode.commands.executeCommand(`nnTrainer.${command}`, uri);
  }
}

/** The training to stop from the palette: the only one, or the one the user picks. */
async function pickTraining(trainer: Trainer): Promise<vscode.Uri | undefined> {
  const files = trainer.trainingFiles();
  if (files.length <= 1) return files.length === 1 ? vscode.Uri.file(files[0]) : undefined;
  const picked = await vscode.window.showQuickPick(files.map((f) => ({ label: vscode.workspace.asRelativePath(f), file: f })), { placeHolder: 'Training to stop' });
  return picked && vscode.Uri.file(picked.file);
}
