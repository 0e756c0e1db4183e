import type { BackendChoice } from '../backend/backendNames';
import { selectBackend } from '../backend/selectBackend';
import { loadLayersModelFromDir } from '../runs/modelFiles';
import { loadPreprocessing, PREPROCESSING_FILE } from '../runs/preprocessingFile';
import { MODEL_JSON } from '../runs/runSummary';
import { predictInputs, type Prediction } from '../train/predictions';
import type { NestedNumbers } from '../spec/modelSpec';
import { nestedShape } from '../data';
import { SpecError } from '../diagnostics';
import { RunInputError, assertRunHolds } from './runInputError';

/**
 * Predicts with the model saved in a run folder. `input` is one raw sample or a list of them,
 * preprocessed as the training data was.
 */
export async function predictFromRun(runDir: string, input: NestedNumbers, backend: BackendChoice = 'auto'): Promise<Prediction[]> {
  assertRunHolds(runDir, [MODEL_JSON, PREPROCESSING_FILE], 'give a run folder under .nn-runs/<name>/.');
  const data = loadPreprocessing(runDir);
  const oneSample = !Array.isArray(input) || nestedShape(input)?.join() === data.featureShape.join();
  const inputs = oneSample ? [input] : (input as NestedNumbers[]);
  const { tf } = await selectBackend(backend, { layerTypes: [] });
  const model = await loadLayersModelFromDir(tf, runDir);
  try {
    return await predictInputs(tf, model, data, inputs);
  } catch (err) {
    // An input of the wrong shape: here it comes from --input, not from a model file.
    if (err instanceof SpecError) throw new RunInputError(err.message);
    throw err;
  } finally {
    model.dispose();
  }
}
