import * as fs from 'fs';
import * as path from 'path';
import type { LayersModel } from '@tensorflow/tfjs';
import type { BackendChoice } from '../backend/backendNames';
import { selectBackend } from '../backend/selectBackend';
import type { Tf } from '../backend/tfTypes';
import { compileModel } from '../model/buildModel';
import { loadLayersModelFromDir } from '../runs/modelFiles';
import { readRunSummary } from '../runs/runFolder';
import { MODEL_JSON, SUMMARY_FILE, type RunSummary } from '../runs/runSummary';
import { evaluateModel, type Evaluation } from '../train/evaluateModel';
import { predictFromSpec, type Prediction } from '../train/predictions';
import { loadModelAndData, type LoadedModelFile } from './loadModelAndData';
import { assertRunHolds } from './runInputError';
import type { EvaluationInsights } from '../../shared/insightTypes';
import { evaluationInsights } from '../insights/evaluationInsights';
import { modelInputsOf } from '../insights/modelInputs';
import { readInsights, writeInsights } from '../runs/insightsFile';

/** How many test samples Predict shows when the model file has no `predict` section. */
const DEFAULT_PREDICT_SAMPLES = 10;

interface SavedRun {
  tf: Tf;
  model: LayersModel;
  loaded: LoadedModelFile;
  summary: RunSummary;
}

/**
 * Loads a run's saved model with the data of the model file AS IT WAS TRAINED (the run folder's copy),
 * split with the run's seed, so evaluating later measures the same test samples.
 */
async function openSavedRun(runDir: string, backend: BackendChoice): Promise<SavedRun> {
  assertRunHolds(runDir, [SUMMARY_FILE, MODEL_JSON], 'train the model file first.');
  const summary = readRunSummary(runDir);
  const copy = path.join(runDir, path.basename(summary.modelFile));
  // Relative CSV paths were written relative to the original file, not to the run folder.
  const loaded = await loadModelAndData(fs.existsSync(copy) ? copy : summary.modelFile, summary.seed, path.dirname(summary.modelFile));
  const { tf } = await selectBackend(backend, { layerTypes: loaded.spec.model.map((l) => l.type) });
  const model = await loadLayersModelFromDir(tf, runDir);
  return { tf, model, loaded, summary };
}

/**
 * Loss and metrics of a run's saved model on its model file's test split (or training data), with the
 * confusion matrix and samples of that split; the run's insights.json gets the new ones.
 */
export async function evaluateRun(runDir: string, backend: BackendChoice = 'auto'): Promise<{ evaluation: Evaluation; insights: EvaluationInsights }> {
  const run = await openSavedRun(runDir, backend);
  try {
    compileModel(run.tf, run.model, run.loaded.spec);
    const evaluation = await evaluateModel(run.tf, run.model, run.loaded.spec, run.loaded.data);
    const insights = await evaluationInsights(run.tf, run.model, run.loaded.data);
    writeInsights(runDir, { ...(readInsights(runDir) ?? { inputs: modelInputsOf(run.loaded.data) }), evaluation: insights });
    return { evaluation, insights };
  } finally {
    run.model.dispose();
  }
}

/** The model file's `predict` section run through a saved model, or the first test samples without one. */
export async function predictRunSamples(runDir: string, backend: BackendChoice = 'auto'): Promise<{ predictions: Prediction[]; classNames?: string[] }> {
  const run = await openSavedRun(runDir, backend);
  try {
    const spec = run.loaded.spec.predict ?? { kind: 'samples' as const, samples: DEFAULT_PREDICT_SAMPLES };
    return { predictions: await predictFromSpec(run.tf, run.model, run.loaded.data, spec), classNames: run.loaded.data.classNames };
  } finally {
    run.model.dispose();
  }
}
