import * as vscode from 'vscode';
import { countOf, evaluationResultText, metricsResultText } from '../../core/resultText';
import { readSettings, runsRootFor } from '../settings';
import { defaultModelName } from '../../core/modelFile/modelFileName';
import { runsWithModel, type FoundRun } from '../../core/runs/runList';

/**
 * The run Evaluate and Predict use: the latest one with a saved model, or, when `choose` is set and
 * there are several, the one the user picks (latest first). Undefined when there is none or the user
 * cancels; the user is told when there is none.
 */
export async function pickRun(uri: vscode.Uri, choose: boolean, purpose: string): Promise<FoundRun | undefined> {
  const runs = runsWithModel(uri.fsPath, runsRootFor(uri, readSettings(uri)));
  if (runs.length === 0) {
    const train = 'Train Model';
    void vscode.window.showWarningMessage(`${defaultModelName(uri.fsPath)} has no trained run to ${purpose} yet.`, train).then((choice) => {
      if (choice === train) void vscode.commands.executeCommand('nnTrainer.train', uri);
    });
    return undefined;
  }
  if (!choose || runs.length === 1) return runs[0];
  const picked = await vscode.window.showQuickPick(
    runs.map((run, i) => ({
      label: `${i === 0 ? '$(star-full) ' : ''}${run.summary.startedAt.replace('T', ' ').replace(/\..+$/, '')}`,
      description: `${run.summary.status.replace('_', ' ')} · ${countOf(run.summary.epochsCompleted, 'epoch')}`,
      detail: (run.summary.evaluation ? evaluationResultText(run.summary.evaluation) : metricsResultText(run.summary.finalMetrics, { split: 'train' })) || undefined,
      run,
    })),
    { placeHolder: `Run of ${defaultModelName(uri.fsPath)} to ${purpose} (latest first)` },
  );
  return picked?.run;
}
