import * as vscode from 'vscode';
import type { ActiveRuns } from '../training/activeRuns';
import { liveLine } from '../training/liveRun';
import type { ModelDiagnostics } from '../diagnostics/modelDiagnostics';
import { isModelFile } from '../modelFiles';

const TOP = new vscode.Range(0, 0, 0, 0);
/** The `model:` key of YAML or `"model":` of JSON at the start of a line (indented in JSON). */
const MODEL_KEY = /^\s*(?:model|"model")\s*:/m;

/**
 * Lenses above a model file: actions (or Stop with live progress while training) and, above
 * `model:`, the model's size. Reads only what the host already holds: no parsing, no disk.
 */
export class ModelCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly active: ActiveRuns,
    private readonly diagnostics: ModelDiagnostics,
  ) {
    this.subscriptions = [this.changed, active.onDidChange(() => this.changed.fire()), diagnostics.onDidChangeSize(() => this.changed.fire())];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!isModelFile(document.uri)) return [];
    const uri = document.uri;
    const lenses = this.actionLenses(uri);
    const size = this.diagnostics.sizeOf(uri);
    const match = MODEL_KEY.exec(document.getText());
    if (size && match) {
      const line = document.positionAt(match.index + match[0].length - 1).line;
      const layers = `${size.layers} layer${size.layers === 1 ? '' : 's'}`;
      const params = size.params === undefined ? '' : ` · ${size.params.toLocaleString('en-US')} params`;
      lenses.push(new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title: layers + params, command: 'nnTrainer.validate', arguments: [uri], tooltip: 'Validate the model file with its data' }));
    }
    return lenses;
  }

  private actionLenses(uri: vscode.Uri): vscode.CodeLens[] {
    const lens = (title: string, command: string, tooltip: string) => new vscode.CodeLens(TOP, { title, command, arguments: [uri], tooltip });
    const run = this.active.get(uri.fsPath);
    if (run) {
      const status = liveLine(run.panelRun, run.stopping);
      const hold = run.panelRun.paused
        ? [lens('$(debug-continue) Resume', 'nnTrainer.resume', 'Go on training'), lens('$(debug-step-over) Step', 'nnTrainer.step', 'Train one more epoch, then pause')]
        : [
            lens('$(debug-pause) Pause', 'nnTrainer.pause', 'Hold training after the current batch'),
            // Step while training pauses at the end of the running epoch, as Step from a pause does after one more.
            lens('$(debug-step-over) Step', 'nnTrainer.step', 'Finish this epoch, then pause'),
          ];
      return [lens('$(debug-stop) Stop', 'nnTrainer.stop', 'Stop after the current batch'), ...hold, lens(status, 'nnTrainer.showPanel', 'Show the training panel')];
    }
    return [
      lens('$(play) Train', 'nnTrainer.train', 'Train this model in a worker'),
      lens('Evaluate', 'nnTrainer.evaluate', 'Evaluate the latest run on the test data'),
      lens('Predict', 'nnTrainer.predict', 'Predict with the latest run'),
      lens('Show Panel', 'nnTrainer.showPanel', 'Show the training panel'),
    ];
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
