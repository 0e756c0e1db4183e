import * as vscode from 'vscode';
import type { Prediction } from '../../shared/runResults';
import type { PredictResult } from '../../shared/workerProtocol';
import type { HostServices } from '../hostServices';
import { resolveModelFile } from '../modelFiles';
import { pickRun } from '../runs/pickRun';
import { readSettings } from '../settings';
import { defaultModelName } from '../../core/modelFile/modelFileName';
import { parsePredictInput } from './predictInput';
import { runJobWithProgress } from './runJobWithProgress';
import { announceResult } from '../runAnnouncement';

/** Options a caller (a test, the panel) may pass instead of answering prompts. */
export interface PredictOptions {
  runDir?: string;
  /** JSON text as the input box takes it; empty for the model file's `predict` section. */
  input?: string;
}

/** Predicts with a run's saved model: the user's input, or the model file's `predict` samples. */
export async function predictCommand(services: HostServices, arg?: unknown, options: PredictOptions = {}): Promise<PredictResult | undefined> {
  const uri = await resolveModelFile(arg, 'predict with', services.panels);
  if (!uri) return undefined;
  const runDir = options.runDir ?? (await pickRun(uri, arg === undefined, 'predict with'))?.dir;
  if (!runDir) return undefined;
  const text =
    options.input ??
    (await vscode.window.showInputBox({
      title: `Predict with ${defaultModelName(uri.fsPath)}`,
      prompt: 'Input as a JSON list: [0, 1] for one sample, [[0, 0], [1, 1]] for several. Leave empty for the samples of the file\'s `predict` section (or the first test samples).',
      placeHolder: '[0, 1]',
      validateInput: (value) => {
        const parsed = parsePredictInput(value);
        return 'error' in parsed ? parsed.error : undefined;
      },
    }));
  if (text === undefined) return undefined;
  const parsed = parsePredictInput(text);
  if ('error' in parsed) {
    void vscode.window.showErrorMessage(`Predict: ${parsed.error}`);
    return undefined;
  }
  const job = { kind: 'predict' as const, runDir, backend: readSettings(uri).backend, input: parsed.input };
  const result = await runJobWithProgress<PredictResult>(services, uri, `Predicting with ${defaultModelName(uri.fsPath)}`, job);
  if (!result) return undefined;
  services.log.info(`Predictions of ${runDir}:`);
  for (const p of result.predictions) services.log.info('  ' + describePrediction(p));
  services.panels.post(uri.fsPath, { type: 'predictionMade', made: { source: 'command', inputText: text.trim() || "the file's predict samples", predictions: result.predictions, at: Date.now() } });
  const first = result.predictions.slice(0, 3).map(describePrediction).join('; ');
  const more = result.predictions.length > 3 ? ` (+${result.predictions.length - 3} more in the panel)` : '';
  announceResult(services.panels, uri.fsPath, `${defaultModelName(uri.fsPath)}: ${first}${more}`);
  return result;
}

/** `[1, 0] → 0.9731 (1)`: input, rounded output and, for classifiers, the label. */
export function describePrediction(p: Prediction): string {
  const input = p.input === undefined ? '' : `${JSON.stringify(p.input)} → `;
  const output = p.output.length > 4 ? `[${p.output.slice(0, 4).map(round).join(', ')}, …]` : p.output.map(round).join(', ');
  const label = p.label === undefined ? '' : ` (${p.label}${p.expected === undefined ? '' : `, expected ${p.expected}`})`;
  return `${input}${output}${label}`;
}

function round(value: number): string {
  return Number(value.toPrecision(4)).toString();
}
