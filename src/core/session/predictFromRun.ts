import type { BackendChoice } from '../backend/backendNames';
import { selectBackend } from '../backend/selectBackend';
import { PREPROCESSING_FILE } from '../runs/preprocessingFile';
import { MODEL_JSON } from '../runs/runSummary';
import { predictInputs, type Prediction } from '../train/predictions';
import type { NestedNumbers } from '../spec/modelSpec';
import { nestedShape, sampleShapes } from '../data';
import { product } from '../data/sizes';
import { SpecError } from '../diagnostics';
import { RunInputError, assertRunHolds } from './runInputError';
import { SavedModelCache } from './savedModelCache';

/** One per process: a long-lived prediction worker keeps its models loaded. */
const models = new SavedModelCache();

/**
 * Predicts with the model saved in a run folder. `input` is one raw sample or a list of them,
 * preprocessed as the training data was.
 */
export async function predictFromRun(runDir: string, input: NestedNumbers, backend: BackendChoice = 'auto'): Promise<Prediction[]> {
  assertRunHolds(runDir, [MODEL_JSON, PREPROCESSING_FILE], 'give a run folder under .nn-runs/<name>/.');
  const { tf } = await selectBackend(backend, { layerTypes: [] });
  const { model, data } = await models.get(tf, runDir);
  const inputs = asSamples(input, data.featureShape);
  try {
    return await predictInputs(tf, model, data, inputs);
  } catch (err) {
    // An input of the wrong shape: here it comes from --input, not from a model file.
    if (err instanceof SpecError) throw new RunInputError(err.message);
    throw err;
  }
}

/**
 * One sample or a list of them. A flat list is one sample (written flat, or of the wrong length,
 * which is then reported as one input) unless the model takes one value, where it lists samples.
 */
export function asSamples(input: NestedNumbers, featureShape: readonly number[]): NestedNumbers[] {
  if (!Array.isArray(input)) return [input];
  const shape = nestedShape(input);
  if (shape && sampleShapes(featureShape).some((s) => s.join() === shape.join())) return [input];
  if (shape?.length === 1 && product(featureShape) > 1) return [input];
  return input;
}
