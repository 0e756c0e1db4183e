import * as path from 'path';
import * as vscode from 'vscode';
import type { IndexedRun } from '../../core/runs/runIndex';
import { runDateLabel, runDescription } from '../../core/runs/runLabels';
import type { ActiveRuns } from '../training/activeRuns';
import type { RunCatalog } from './runCatalog';
import type { RunNode, RunsTree } from './runsTree';

/** A run as a command gets it: the Runs view passes its node; tests and the palette may pass a folder. */
export function runOf(arg: unknown, catalog: RunCatalog): IndexedRun | undefined {
  if (typeof arg === 'string') return catalog.all().find((run) => run.dir === arg);
  if (arg instanceof vscode.Uri) return catalog.all().find((run) => run.dir === arg.fsPath);
  const node = arg as Partial<RunNode> | undefined;
  return node?.kind === 'run' && node.run ? node.run : undefined;
}

/** A quick pick of the readable runs, newest first. */
export async function pickRuns(catalog: RunCatalog, placeHolder: string, canPickMany: true): Promise<IndexedRun[] | undefined>;
export async function pickRuns(catalog: RunCatalog, placeHolder: string, canPickMany: false): Promise<IndexedRun | undefined>;
export async function pickRuns(catalog: RunCatalog, placeHolder: string, canPickMany: boolean): Promise<IndexedRun[] | IndexedRun | undefined> {
  await catalog.refresh();
  const items = catalog
    .all()
    .filter((run) => run.summary)
    .map((run) => ({ label: `${run.group} · ${runDateLabel(run)}`, description: run.summary ? runDescription(run.summary) : '', detail: vscode.workspace.asRelativePath(run.dir), run }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage('There are no runs yet: train a model file first.');
    return undefined;
  }
  if (canPickMany) return (await vscode.window.showQuickPick(items, { placeHolder, canPickMany: true }))?.map((item) => item.run);
  return (await vscode.window.showQuickPick(items, { placeHolder }))?.run;
}

/** What Compare Runs compares: the runs given, else those checked in the Runs view, else those the user picks. */
export async function runsToCompare(arg: unknown, selected: unknown, tree: RunsTree, catalog: RunCatalog): Promise<IndexedRun[] | undefined> {
  // A context-menu call gets the clicked node and every selected node.
  const given = (Array.isArray(selected) ? selected : Array.isArray(arg) ? arg : []).map((a) => runOf(a, catalog)).filter((r): r is IndexedRun => r !== undefined);
  let runs = given.length >= 2 ? given : tree.checkedRuns();
  if (runs.length < 2) runs = (await pickRuns(catalog, 'Runs to compare (two or more)', true)) ?? [];
  if (runs.length === 0) return undefined;
  if (runs.length < 2) {
    void vscode.window.showInformationMessage('Choose two or more runs to compare: check them in the Runs view, or pick them.');
    return undefined;
  }
  return runs;
}

/**
 * Deletes a run folder after a modal confirmation, to the trash where the platform has one. A run
 * training now is refused: its worker is still writing there. Resolves to whether it was deleted.
 */
export async function deleteRun(run: IndexedRun, active: ActiveRuns, catalog: RunCatalog, confirmed = false): Promise<boolean> {
  if (active.all().some((live) => live.panelRun.runDir && path.resolve(live.panelRun.runDir) === path.resolve(run.dir))) {
    void vscode.window.showWarningMessage(`The run of ${run.group} from ${runDateLabel(run)} is training; stop it before deleting it.`);
    return false;
  }
  const uri = vscode.Uri.file(run.dir);
  if (!confirmed) {
    const choice = await vscode.window.showWarningMessage(
      `Delete the run of ${run.group} from ${runDateLabel(run)}?`,
      { modal: true, detail: `${run.dir}\n\nThe folder moves to the trash where this system has one.` },
      'Delete',
    );
    if (choice !== 'Delete') return false;
  }
  try {
    await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: true });
  } catch {
    // No trash here (a remote or a server without one): say so before deleting for good.
    const choice = confirmed ? 'Delete Permanently' : await vscode.window.showWarningMessage(`There is no trash here. Delete the run of ${run.group} from ${runDateLabel(run)} permanently?`, { modal: true }, 'Delete Permanently');
    if (choice !== 'Delete Permanently') return false;
    await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
  }
  await catalog.refresh();
  return true;
}
