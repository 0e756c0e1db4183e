import * as vscode from 'vscode';
import { markInterruptedIfDead } from '../../core/runs/interruptedRuns';
import { runsOfModelFile } from '../../core/runs/runList';
import { MODEL_FILE_GLOB } from '../modelFiles';
import { readSettings, runsRootFor } from '../settings';

/**
 * On activation: a run of a workspace model file still marked `running` whose process is gone (the
 * window was reloaded while it trained) is rewritten as `interrupted`, its finished epochs kept. Done
 * after activation, a model file at a time, so activation itself stays cheap.
 */
export async function markInterruptedRuns(log: vscode.LogOutputChannel): Promise<number> {
  const files = await vscode.workspace.findFiles(MODEL_FILE_GLOB, '**/{node_modules,.nn-runs}/**', 500);
  let marked = 0;
  for (const file of files) {
    for (const run of runsOfModelFile(file.fsPath, runsRootFor(file, readSettings(file)))) {
      if (run.summary.status !== 'interrupted' || !markInterruptedIfDead(run.dir)) continue;
      marked++;
      log.info(`${run.summary.name}: the run in ${run.dir} was interrupted (its process ended while it trained); its finished epochs are kept.`);
    }
    // Let other work of the host run between files.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return marked;
}
