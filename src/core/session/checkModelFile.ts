import type { Diagnostic } from '../diagnostics';
import { selectBackend } from '../backend/selectBackend';
import { buildCheckedModel, loadModelAndData } from './loadModelAndData';
import { ModelFileInvalidError } from './modelFileInvalidError';

/**
 * Every problem of a model file that can be found without training: syntax, schema, data (missing
 * CSV or column) and shapes. Builds the model on the cpu backend, which is instant for any size.
 */
export async function checkModelFile(file: string): Promise<Diagnostic[]> {
  try {
    const loaded = await loadModelAndData(file);
    const { tf } = await selectBackend('cpu', { layerTypes: [] });
    const model = await buildCheckedModel(tf, loaded);
    model.dispose();
    return loaded.parsed.diagnostics;
  } catch (err) {
    if (err instanceof ModelFileInvalidError) return err.diagnostics;
    throw err;
  }
}
