import type { Diagnostic } from '../diagnostics';
import type { LayerShape } from '../../shared/editingTypes';
import { selectBackend } from '../backend/selectBackend';
import { summarizeModel } from '../model/modelSummary';
import { buildCheckedModel, loadModelAndData } from './loadModelAndData';
import { ModelFileInvalidError } from './modelFileInvalidError';
import { dataWarnings } from '../check/dataWarnings';
import { diagnosticFromSpecError } from '../modelFile';

export interface ModelFileCheck {
  diagnostics: Diagnostic[];
  /** Layer and parameter counts, present when the model could be built. */
  size?: { layers: number; params: number };
  /** Each layer's output shape and parameter count, when the model builds. */
  layers?: LayerShape[];
}

/**
 * Every problem of a model file that can be found without training: syntax, schema, data (missing
 * CSV or column) and shapes. Builds the model on the cpu backend, which is instant for any size.
 */
export async function checkModelFile(file: string): Promise<Diagnostic[]> {
  return (await checkModelFileWithSize(file)).diagnostics;
}

/** checkModelFile, plus the size of the model when it builds (for the editor's summary line). */
export async function checkModelFileWithSize(file: string): Promise<ModelFileCheck> {
  try {
    const loaded = await loadModelAndData(file);
    const { tf } = await selectBackend('cpu', { layerTypes: [] });
    const model = await buildCheckedModel(tf, loaded);
    const summary = summarizeModel(model);
    model.dispose();
    // What the data makes pointless but not wrong (`predict: samples: 500` of 30 test samples) is a warning.
    const warnings = dataWarnings(loaded.spec, loaded.data).map((w) => diagnosticFromSpecError(loaded.parsed, w));
    return {
      diagnostics: [...loaded.parsed.diagnostics, ...warnings],
      size: { layers: summary.layers.length, params: summary.totalParams },
      layers: summary.layers.map((l) => ({ type: l.type, outputShape: l.outputShape, params: l.params })),
    };
  } catch (err) {
    if (err instanceof ModelFileInvalidError) return { diagnostics: err.diagnostics };
    throw err;
  }
}
