import * as path from 'path';
import type { LayersModel } from '@tensorflow/tfjs';
import { SpecError } from '../diagnostics';
import type { LoadedData } from '../data/dataTypes';
import { loadData } from '../data';
import { readModelFile, diagnosticFromSpecError, type ParsedModelFile } from '../modelFile';
import type { ModelSpec } from '../spec/modelSpec';
import type { Tf } from '../backend/tfTypes';
import { buildModel } from '../model/buildModel';
import { sizeProblem } from '../model/sizeLimits';
import { checkFirstLayerRank, checkInputShape, checkModelAgainstData } from '../check/dataChecks';
import { ModelFileInvalidError } from './modelFileInvalidError';

export interface LoadedModelFile {
  parsed: ParsedModelFile;
  spec: ModelSpec;
  data: LoadedData;
}

/**
 * Reads, validates and loads the data of a model file; throws ModelFileInvalidError with every problem
 * found. Relative data paths resolve against `baseDir` (default: the file's folder).
 */
export async function loadModelAndData(file: string, seed?: number, baseDir = path.dirname(path.resolve(file))): Promise<LoadedModelFile> {
  const parsed = await readModelFile(file);
  if (!parsed.spec) throw new ModelFileInvalidError(parsed.diagnostics);
  const spec = parsed.spec;
  const data = await asDiagnostics(parsed, () =>
    loadData(spec.data, { baseDir, loss: spec.compile.loss, fromLogits: spec.compile.fromLogits, seed: seed ?? spec.seed }),
  );
  return { parsed, spec, data };
}

/** Builds the model and runs the checks that need model and data together; throws ModelFileInvalidError. */
export async function buildCheckedModel(tf: Tf, loaded: LoadedModelFile): Promise<LayersModel> {
  const { parsed, spec, data } = loaded;
  // Before anything is allocated: `units: 1e12` must be a located error, not a typed array TensorFlow.js cannot make.
  const tooBig = sizeProblem(spec, data.featureShape);
  if (tooBig) throw new ModelFileInvalidError([diagnosticFromSpecError(parsed, tooBig)]);
  const rankProblems = checkFirstLayerRank(spec, data);
  if (rankProblems.length > 0) throw new ModelFileInvalidError(rankProblems.map((p) => diagnosticFromSpecError(parsed, p)));
  const model = await asDiagnostics(parsed, async () => {
    try {
      return buildModel(tf, spec, data.featureShape);
    } catch (err) {
      // A first layer refused for an input_shape that is not the data's: the cause is the one to fix.
      const cause = err instanceof SpecError && err.path.length === 2 && err.path[1] === 0 ? checkInputShape(spec, data) : [];
      if (cause.length > 0) throw new ModelFileInvalidError(cause.map((p) => diagnosticFromSpecError(parsed, p)));
      throw err;
    }
  });
  const problems = checkModelAgainstData(spec, data, model);
  if (problems.length > 0) {
    model.dispose();
    throw new ModelFileInvalidError(problems.map((p) => diagnosticFromSpecError(parsed, p)));
  }
  return model;
}

/** Turns a SpecError thrown by `work` into a located ModelFileInvalidError. */
async function asDiagnostics<T>(parsed: ParsedModelFile, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof SpecError) throw new ModelFileInvalidError([diagnosticFromSpecError(parsed, err)]);
    throw err;
  }
}
