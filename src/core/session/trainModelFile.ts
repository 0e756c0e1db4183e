import * as os from 'os';
import * as path from 'path';
import type { LayersModel } from '@tensorflow/tfjs';
import type { TrainingEvent } from '../../shared/trainingEvents';
import type { BackendChoice } from '../backend/backendNames';
import { selectBackend, type SelectedBackend } from '../backend/selectBackend';
import { batchMultiplyAdds } from '../backend/smallModels';
import { compileModel } from '../model/buildModel';
import { summarizeModel } from '../model/modelSummary';
import { RunFolder, RunFolderError, defaultRunsRoot } from '../runs/runFolder';
import { RunInputError } from './runInputError';
import type { RunSummary } from '../runs/runSummary';
import { saveLayersModel } from '../runs/modelFiles';
import { RunRecorder } from '../runs/runRecorder';
import { savePreprocessing } from '../runs/preprocessingFile';
import { fitModel, validationSampleCount, type FitResult } from '../train/fitModel';
import type { TrainingControl } from '../train/trainingControl';
import { evaluateModel } from '../train/evaluateModel';
import { predictFromSpec } from '../train/predictions';
import { withSeededMathRandom } from '../train/seededRandom';
import { mulberry32 } from '../random';
import { batchCount } from '../train/batchDatasets';
import { buildCheckedModel, loadModelAndData, type LoadedModelFile } from './loadModelAndData';
import type { RunInsights } from '../../shared/insightTypes';
import { modelInputsOf } from '../insights/modelInputs';
import { EpochInsights } from '../insights/epochInsights';
import { evaluationInsights } from '../insights/evaluationInsights';
import { writeInsights } from '../runs/insightsFile';

export interface TrainModelFileOptions {
  backend?: BackendChoice;
  /** Overrides fit.epochs of the file. */
  epochs?: number;
  /** Overrides the file's seed. */
  seed?: number;
  /** Folder that holds `<name>/<timestamp>/`; default `.nn-runs` beside the model file. */
  runsRoot?: string;
  signal?: AbortSignal;
  /** Pause, resume and step while it trains. */
  control?: TrainingControl;
  onEvent?: (event: TrainingEvent) => void | Promise<void>;
  /** Injectable tfjs-node loader (tests of the fallback). */
  requireFn?: (id: string) => unknown;
  /** False to train without the decision boundary and weight histograms at epoch ends (the benchmark's baseline). */
  epochInsights?: boolean;
}

export interface TrainOutcome {
  runDir: string;
  summary: RunSummary;
  history: FitResult['history'];
  /** Also written to the run folder's insights.json. */
  insights: RunInsights;
}

/**
 * Trains a model file end to end: validate, pick a backend, load data, build and check, then train,
 * evaluate, predict and save into a new run folder. An invalid file throws ModelFileInvalidError
 * before any folder exists; a failure later leaves the folder marked `failed` and rethrows. The
 * weights of every finished epoch are kept (see RunRecorder), so a run that is stopped or fails keeps
 * a model of its last finished epoch, and one whose process dies a model at most a second older.
 */
export async function trainModelFile(file: string, options: TrainModelFileOptions = {}): Promise<TrainOutcome> {
  const started = performance.now();
  const emit = async (event: TrainingEvent) => options.onEvent?.(event);
  await emit({ type: 'phase', phase: 'loading-data' });
  const loaded = await loadModelAndData(file, options.seed);
  const backend = await selectBackend(options.backend ?? 'auto', {
    layerTypes: loaded.spec.model.map((l) => l.type),
    batchMultiplyAdds: batchMultiplyAdds(loaded.spec, loaded.data.featureShape),
    requireFn: options.requireFn,
  });
  const seed = options.seed ?? loaded.spec.seed ?? Math.floor(Math.random() * 2 ** 31);
  return withSeededMathRandom(seed, () => trainLoaded(file, loaded, backend, seed, started, options, emit));
}

async function trainLoaded(
  file: string,
  loaded: LoadedModelFile,
  backend: SelectedBackend,
  seed: number,
  started: number,
  options: TrainModelFileOptions,
  emit: (event: TrainingEvent) => Promise<void>,
): Promise<TrainOutcome> {
  const { spec, data } = loaded;
  const { tf } = backend;
  await emit({ type: 'phase', phase: 'building' });
  const model = await buildCheckedModel(tf, loaded);
  try {
    compileModel(tf, model, spec);
    const epochs = options.epochs ?? spec.fit.epochs;
    const run = createRunFolder(options.runsRoot ?? defaultRunsRoot(file), spec.name, file);
    const summary: RunSummary = {
      status: 'running',
      name: spec.name,
      modelFile: path.resolve(file),
      startedAt: new Date().toISOString(),
      backend: backend.name,
      backendReason: backend.reason,
      seed,
      epochsPlanned: epochs,
      epochsCompleted: 0,
      classNames: data.classNames,
      notes: data.notes,
      modelSummary: summarizeModel(model),
      pid: process.pid,
      hostname: os.hostname(),
    };
    run.writeSummary(summary);
    savePreprocessing(run.dir, data);
    const insights: RunInsights = { inputs: modelInputsOf(data) };
    const validationSamples = validationSampleCount(data.train.count, spec.fit.validationSplit);
    await emit({
      type: 'runStarted',
      runDir: run.dir,
      backend: backend.name,
      backendReason: backend.reason,
      epochs,
      batchesPerEpoch: batchCount(data.train.count - validationSamples, spec.fit.batchSize),
      trainSamples: data.train.count - validationSamples,
      validationSamples,
      seed,
      notes: data.notes,
      modelSummary: summary.modelSummary,
      inputs: insights.inputs,
    });
    const recorder = new RunRecorder(run, summary, tf, model);
    const atEpochs = options.epochInsights === false ? undefined : EpochInsights.for(tf, model, data);
    try {
      const result = await trainEvaluatePredict(tf, model, loaded, recorder, atEpochs, epochs, seed, options, emit);
      Object.assign(insights, result.insights);
      writeInsights(run.dir, insights);
      Object.assign(summary, result.summaryFields, { finishedAt: new Date().toISOString(), durationMs: performance.now() - started });
      run.writeSummary(summary);
      return { runDir: run.dir, summary, history: result.history, insights };
    } catch (err) {
      const error = err instanceof RunFolderError ? new RunInputError(err.message) : err;
      Object.assign(summary, { status: 'failed', finishedAt: new Date().toISOString(), durationMs: performance.now() - started, error: error instanceof Error ? error.message : String(error) });
      try {
        // What was drawn before the failure is kept: a NaN in the weights is worth seeing.
        writeInsights(run.dir, { ...insights, boundary: atEpochs?.latestBoundary, weights: atEpochs?.latestWeights });
        run.writeSummary(summary);
      } catch {
        // A folder that cannot be written any more keeps its last summary (`running`, read as interrupted
        // once this process is gone); the error that says why is the one to report.
      }
      throw error;
    }
  } finally {
    model.dispose();
  }
}

/** A new run folder, or a RunInputError saying why the runs folder cannot take one (read-only, full). */
function createRunFolder(runsRoot: string, name: string, file: string): RunFolder {
  try {
    return RunFolder.create(runsRoot, name, file);
  } catch (err) {
    throw err instanceof RunFolderError ? new RunInputError(err.message) : err;
  }
}

async function trainEvaluatePredict(
  tf: SelectedBackend['tf'],
  model: LayersModel,
  loaded: LoadedModelFile,
  recorder: RunRecorder,
  atEpochs: EpochInsights | undefined,
  epochs: number,
  seed: number,
  options: TrainModelFileOptions,
  emit: (event: TrainingEvent) => Promise<void>,
): Promise<{ summaryFields: Partial<RunSummary>; history: FitResult['history']; insights: Partial<RunInsights> }> {
  const { spec, data } = loaded;
  await emit({ type: 'phase', phase: 'training' });
  let fit: FitResult;
  try {
    fit = await fitModel({
      tf,
      model,
      spec,
      data,
      epochs,
      random: mulberry32(seed ^ 0x5eed),
      signal: options.signal,
      control: options.control,
      onEvent: async (event) => {
        await recorder.record(event);
        await emit(event);
        if (event.type === 'epochEnd' && atEpochs) {
          const insights = await atEpochs.atEpochEnd(event.epoch, event.epochs);
          if (insights) await emit(insights);
        }
      },
    });
  } finally {
    try {
      await recorder.flush();
    } finally {
      recorder.dispose();
    }
  }
  const finalMetrics = Object.fromEntries(Object.entries(fit.history).map(([k, v]) => [k, v[v.length - 1]]));
  const fields: Partial<RunSummary> = {
    status: fit.status,
    epochsCompleted: fit.epochsCompleted,
    finalMetrics,
    samplesPerSecond: fit.samplesPerSecond,
    ...(fit.pausedMs > 0 ? { pausedMs: fit.pausedMs } : {}),
  };
  // A stopped model is part way into an epoch: its boundary and weights stay those of the last whole one.
  if (fit.restored) fields.restoredWeights = fit.restored;
  // After restore_best_weights the model holds an earlier epoch's weights: the drawing is of those.
  const last = fit.status === 'stopped' ? undefined : await atEpochs?.final(fit.weightsEpoch);
  if (last) await emit(last);
  const insights: Partial<RunInsights> = { boundary: atEpochs?.latestBoundary, weights: atEpochs?.latestWeights };
  if (fit.status !== 'stopped') {
    await emit({ type: 'phase', phase: 'evaluating' });
    fields.evaluation = await evaluateModel(tf, model, spec, data);
    insights.evaluation = await evaluationInsights(tf, model, data);
    if (spec.predict) {
      await emit({ type: 'phase', phase: 'predicting' });
      fields.predictions = await predictFromSpec(tf, model, data, spec.predict);
    }
  }
  // A stopped model is part way into an epoch: the saved weights of its last whole epoch stay instead.
  if (fit.status !== 'stopped') {
    await emit({ type: 'phase', phase: 'saving' });
    await saveLayersModel(tf, model, recorder.dir);
    fields.weightsEpoch = fit.weightsEpoch;
  }
  return { summaryFields: fields, history: fit.history, insights };
}
