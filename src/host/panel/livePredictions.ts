import type * as vscode from 'vscode';
import type { LiveAnswer, PanelPredictRequest } from '../../shared/panelProtocol';
import type { BackendChoice } from '../../shared/runResults';
import type { PredictResult } from '../../shared/workerProtocol';
import { SharedWorker } from '../worker/sharedWorker';
import type { MadePrediction } from '../../shared/panelProtocol';
import type { MadePredictions } from './madePredictions';
import type { TrainingPanels } from './trainingPanels';
import { requireTrust, restrictedModeMessage } from '../trust/workspaceTrust';

/** A prediction of one sample with a loaded model takes milliseconds; the first one loads the model. */
const PREDICT_TIMEOUT_MS = 30_000;

/**
 * Answers the panel's `Draw a digit` pad and `Try it` form: each request is the Predict command's own
 * worker job, on the run the panel shows, run in one long-lived worker that keeps the model loaded.
 * Nothing is computed on the extension host. In Restricted Mode it loads no model: the pad and the
 * form say why, and so does the Predict command's notification.
 */
export class LivePredictions implements vscode.Disposable {
  private readonly worker: SharedWorker;

  constructor(
    workerScript: string,
    private readonly panels: TrainingPanels,
    private readonly made: MadePredictions,
    private readonly backendOf: (modelFile: string) => BackendChoice,
  ) {
    this.worker = new SharedWorker(workerScript, 5 * 60_000, 'prediction');
  }

  async answer(modelFile: string, request: PanelPredictRequest): Promise<LiveAnswer> {
    const runDir = this.panels.lastSnapshotFor(modelFile)?.runDir;
    const answer: LiveAnswer = { requestId: request.requestId };
    if (!runDir) {
      answer.error = 'Train the model first: there is no trained model to predict with yet.';
    } else if (!requireTrust('predict')) {
      answer.error = restrictedModeMessage('predict');
    } else {
      try {
        const job = { kind: 'predict' as const, runDir, backend: this.backendOf(modelFile), input: request.input };
        const result = (await this.worker.request(job, PREDICT_TIMEOUT_MS)) as PredictResult;
        answer.prediction = result.predictions[0];
      } catch (err) {
        answer.error = err instanceof Error ? err.message : String(err);
      }
    }
    this.panels.post(modelFile, { type: 'livePrediction', source: request.source, answer });
    if (runDir && request.source === 'tryIt' && answer.prediction) {
      const made: MadePrediction = { source: 'tryIt', inputText: JSON.stringify(request.input), predictions: [answer.prediction], at: Date.now() };
      this.made.add(runDir, made);
      this.panels.post(modelFile, { type: 'predictionMade', made });
    }
    return answer;
  }

  dispose(): void {
    this.worker.dispose();
  }
}
