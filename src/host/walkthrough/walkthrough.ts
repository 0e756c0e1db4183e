import * as vscode from 'vscode';

/** The walkthrough of package.json, as `workbench.action.openWalkthrough` names it: `publisher.name#id`. */
export const WALKTHROUGH = 'nn-trainer.neural-network-trainer#gettingStarted';

/** Set when the walkthrough's Open the Examples opens a folder: the new window shows the walkthrough again. */
const RESUME_KEY = 'nnTrainer.walkthrough.resumeAt';
/** A resume older than this is a folder opened another day, not the walkthrough's. */
const RESUME_WITHIN_MS = 10 * 60_000;

/**
 * The walkthrough's two buttons of its own, and its return after Open the Examples: opening the
 * folder reloads the window, and the learner should land on `Train XOR` (click three), not on an
 * empty editor.
 */
export function registerWalkthrough(context: vscode.ExtensionContext): vscode.Disposable[] {
  const resumeAt = context.globalState.get<number>(RESUME_KEY);
  if (resumeAt !== undefined) {
    void context.globalState.update(RESUME_KEY, undefined);
    if (Date.now() - resumeAt < RESUME_WITHIN_MS && vscode.workspace.workspaceFolders?.length) {
      void vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
    }
  }
  return [
    vscode.commands.registerCommand('nnTrainer.walkthroughOpenExamples', async () => {
      await context.globalState.update(RESUME_KEY, Date.now());
      const folder = await vscode.commands.executeCommand<vscode.Uri | undefined>('nnTrainer.openExamples');
      if (!folder) await context.globalState.update(RESUME_KEY, undefined);
      return folder;
    }),
    vscode.commands.registerCommand('nnTrainer.trainExample', (name?: string) => trainExample(name)),
  ];
}

/**
 * The walkthrough's `Train XOR` button: opens the workspace's `xor.nn.yaml` (the examples' one) and
 * trains it, so a learner goes from the examples to a trained model without choosing a file. With no
 * such file it offers the examples.
 */
async function trainExample(name = 'xor'): Promise<unknown> {
  const [file] = await vscode.workspace.findFiles(`**/${name}.nn.yaml`, '**/{node_modules,.nn-runs}/**', 1);
  if (!file) {
    const open = 'Open the Examples';
    void vscode.window.showWarningMessage(`There is no ${name}.nn.yaml in this workspace: open the examples first.`, open).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('nnTrainer.openExamples');
    });
    return undefined;
  }
  await vscode.window.showTextDocument(file, { preview: false });
  return vscode.commands.executeCommand('nnTrainer.train', file);
}
