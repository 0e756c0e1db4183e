import * as path from 'path';
import type { LayersModel } from '@tensorflow/tfjs';
import type { TrainingEvent } from '../../shared/trainingEvents';
import type { BackendChoice } from '../backend/backendNames';
import { selectBackend, type SelectedBackend } from '../backend/selectBackend';
import { compileModel } from '../model/buildModel';
import { RunFolder, defaultRunsRoot } from '../runs/runFolder';
import type { RunSummary } from '../runs/runSummary';
import { saveLayersModel } from '../runs/modelFiles';
import { savePreprocessing } from '../runs/preprocessingFile';
import { fitModel, validationSampleCount, type FitResult } from '../train/fitModel';
import { evaluateModel } from '../train/evaluateModel';
import { predictFromSpec } from '../train/predictions';
import { withSeededMathRandom } from '../train/seededRandom';
import { mulberry32 } from '../random';
import { batchCount } from '../train/batchDatasets';
import { buildCheckedModel, loadModelAndData, type LoadedModelFile } from './loadModelAndData';

export interface TrainModelFileOptions {
  backend?: BackendChoice;
  /** Overrides fit.epochs of the file. */
  epochs?: number;
  /** Overrides the file's seed. */
  seed?: number;
  /** Folder that holds `<name>/<timestamp>/`; default `.nn-runs` beside the model file. */
  runsRoot?: string;
  signal?: AbortSignal;
  onEvent?: (event: TrainingEvent) => void | Promise<void>;
  /** Injectable tfjs-node loader (tests of the fallback). */
  requireFn?: (id: string) => unknown;
}

export interface TrainOutcome {
  runDir: string;
  summary: RunSummary;
  history: FitResult['history'];
}

/**
 * Trains a model file end to end: validate, pick a backend, load data, build and check, then train,
 * evaluate, predict and save into a new run folder. An invalid file throws ModelFileInvalidError
 * before any folder exists; a failure later leaves the folder marked `failed` and rethrows.
 */
export async function trainModelFile(file: string, options: TrainModelFileOptions = {}): Promise<TrainOutcome> {
  const started = performance.now();
  const emit = async (event: TrainingEvent) => options.onEvent?.(event);
  await emit({ type: 'phase', phase: 'loading-data' });
  const loaded = await loadModelAndData(file, options.seed);
  const backend = await selectBackend(options.backend ?? 'auto', { layerTypes: loaded.spec.model.map((l) => l.type), requireFn: options.requireFn });
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
    const run = RunFolder.create(options.runsRoot ?? defaultRunsRoot(file), spec.name, file);
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
    };
    run.writeSummary(summary);
    savePreprocessing(run.dir, data);
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
    });
    try {
      const result = await trainEvaluatePredict(tf, model, loaded, run, epochs, seed, options, emit);
      Object.assign(summary, result.summaryFields, { finishedAt: new Date().toISOString(), durationMs: performance.now() - started });
      run.writeSummary(summary);
      return { runDir: run.dir, summary, history: result.history };
    } catch (err) {
      Object.assign(summary, { status: 'failed', finishedAt: new Date().toISOString(), durationMs: performance.now() - started, error: err instanceof Error ? err.message : String(err) });
      run.writeSummary(summary);
      throw err;
    }
  } finally {
    model.dispose();
  }
}

async function trainEvaluatePredict(
  tf: SelectedBackend['tf'],
  model: LayersModel,
  loaded: LoadedModelFile,
  run: RunFolder,
  epochs: number,
  seed: number,
  options: TrainModelFileOptions,
  emit: (event: TrainingEvent) => Promise<void>,
): Promise<{ summaryFields: Partial<RunSummary>; history: FitResult['history'] }> {
  const { spec, data } = loaded;
  await emit({ type: 'phase', phase: 'training' });
  const fit = await fitModel({
    tf,
    model,
    spec,
    data,
    epochs,
    random: mulberry32(seed ^ 0x5eed),
    signal: options.signal,
    onEvent: async (event) => {
      if (event.type === 'epochEnd') run.appendEpoch(event.epoch, event.metrics);
      await emit(event);
    },
  });
  const finalMetrics = Object.fromEntries(Object.entries(fit.history).map(([k, v]) => [k, v[v.length - 1]]));
  const fields: Partial<RunSummary> = { status: fit.status, epochsCompleted: fit.epochsCompleted, finalMetrics, samplesPerSecond: fit.samplesPerSecond };
  if (fit.status !== 'stopped') {
    await emit({ type: 'phase', phase: 'evaluating' });
    fields.evaluation = await evaluateModel(tf, model, spec, data);
    if (spec.predict) {
      await emit({ type: 'phase', phase: 'predicting' });
      fields.predictions = await predictFromSpec(tf, model, data, spec.predict);
    }
  }
  await emit({ type: 'phase', phase: 'saving' });
  await saveLayersModel(tf, model, run.dir);
  return { summaryFields: fields, history: fit.history };
}
