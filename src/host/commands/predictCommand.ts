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
import { predictPrompt, type PromptModel } from './predictPrompt';
import { predictionLine } from '../../core/predictionResult';
import { loadPreprocessing } from '../../core/runs/preprocessingFile';
import { readInsights } from '../../core/runs/insightsFile';
import { MADE_SAMPLES_SHOWN, type MadePrediction } from '../../shared/panelProtocol';

/** Predictions the notification names before it says how many more there are. */
const NAMED = 3;

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
  const text = options.input ?? (await askForInput(uri, runDir));
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
  const made: MadePrediction = { source: 'command', inputText: text.trim() || "the file's predict samples", predictions: result.predictions, at: Date.now() };
  services.made.add(runDir, made);
  // The panel shows them when it shows this run; its Show Panel opens it on this run.
  if (services.panels.lastSnapshotFor(uri.fsPath)?.runDir === runDir) services.panels.post(uri.fsPath, { type: 'predictionMade', made });
  const first = result.predictions.slice(0, NAMED).map(describePrediction).join('; ');
  const extra = result.predictions.length - NAMED;
  // The panel lists up to MADE_SAMPLES_SHOWN of them; the log has every one.
  const more = extra <= 0 ? '' : result.predictions.length <= MADE_SAMPLES_SHOWN ? ` (+${extra} more in the panel)` : ` (+${extra} more in the output log)`;
  announceResult(services.panels, uri.fsPath, `${defaultModelName(uri.fsPath)}: ${first}${more}`, () => services.showRun(uri.fsPath, runDir));
  return result;
}

/** `[0, 1] → 1 · 99.9%`, `7 · 99.9% (expected 7)`: as the notification and the log say it. */
export function describePrediction(p: Prediction): string {
  return predictionLine(p);
}

/** The input box, fitted to what the run's model takes. */
async function askForInput(uri: vscode.Uri, runDir: string): Promise<string | undefined> {
  const prompt = predictPrompt(promptModelOf(runDir));
  return vscode.window.showInputBox({
    title: `Predict with ${defaultModelName(uri.fsPath)}`,
    prompt: prompt.prompt,
    placeHolder: prompt.placeHolder,
    validateInput: prompt.validate,
  });
}

function promptModelOf(runDir: string): PromptModel {
  try {
    const data = loadPreprocessing(runDir);
    return { featureShape: data.featureShape, featureNames: data.featureNames, isImage: data.isImage, features: readInsights(runDir)?.inputs.features };
  } catch {
    // A run without preprocessing.json fails in the worker with a message that says so; ask plainly until then.
    return { featureShape: [], isImage: false };
  }
}
