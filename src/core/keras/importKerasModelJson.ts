/**
 * A Keras or TensorFlow.js model JSON as a model file: Keras 2 and Keras 3 `model.to_json()`, and
 * TensorFlow.js' `model.json` (a run folder's, or the converter's with `training_config`). The layers
 * come across with the settings nobody chose left out; compile comes from the training settings when
 * the JSON has them; the data never does, so `data:` is a placeholder the header points at.
 */
import * as path from 'path';
import { isRawMap, type RawMap } from '../modelFile/rawValues';
import type { ImportResult, ModelFileObject, SourceNote } from './importTypes';
import { writeModelFile } from './modelFileWriter';
import { PLACEHOLDER_CSV } from './script/dataSection';
import { compileOf, guessedCompile } from './modelJson/compileConfig';
import { JsonSource, type JsonPath } from './modelJson/jsonSource';
import { batchShapeOf, layerOf, sampleShape, UnsupportedLayer } from './modelJson/layerConfig';
import type { JsonOrigin } from './modelJson/layerDefaults';

/** Where a JSON form keeps the model and its training settings. */
interface ModelJson {
  origin: JsonOrigin;
  /** What the header calls it: `Keras 2.15.0 model.to_json()`. */
  description: string;
  model: RawMap;
  modelPath: JsonPath;
  training?: { value: RawMap; path: JsonPath };
}

/** Reads `text`, the content of the model JSON at `jsonPath`, into a model file. */
export function importKerasModelJson(text: string, jsonPath: string): ImportResult {
  const source = JsonSource.parse(text.replace(/^\ufeff/, ''));
  if (!(source instanceof JsonSource)) return { warnings: [], error: source };
  const found = modelJsonOf(source.value);
  if (!found) {
    return { warnings: [], error: source.note([], 'not a Keras model JSON: expected model.to_json() output ({"class_name": "Sequential", "config": ...}) or a TensorFlow.js model.json ({"modelTopology": ...})') };
  }
  const { model, modelPath, origin } = found;
  if (model.class_name !== 'Sequential') {
    const what = typeof model.class_name === 'string' ? `a ${model.class_name} model` : 'a model without a class_name';
    return { warnings: [], error: source.note([...modelPath, 'class_name'], `${what}: the importer reads Sequential models only (the functional API and subclassed models have no model file)`) };
  }

  const warnings: SourceNote[] = [];
  const warn = (at: JsonPath, message: string) => void warnings.push(source.note(at, message));
  // Keras 2.0-2.2 wrote the layer list as the config itself.
  const config = isRawMap(model.config) ? model.config : {};
  const layersPath = Array.isArray(model.config) ? [...modelPath, 'config'] : [...modelPath, 'config', 'layers'];
  const entries: unknown[] = Array.isArray(model.config) ? model.config : Array.isArray(config.layers) ? config.layers : [];
  const layers: ModelFileObject['model'] = [];
  let inputShape: unknown[] | undefined;
  for (const [i, entry] of entries.entries()) {
    const at = [...layersPath, i];
    const entryConfig = isRawMap(entry) && isRawMap(entry.config) ? entry.config : {};
    if (isRawMap(entry) && entry.class_name === 'InputLayer') {
      // The input layer is the next layer's input_shape in a model file.
      if (layers.length === 0) inputShape = sampleShape(batchShapeOf(entryConfig));
      else warn(at, 'an InputLayer after the first layer is not translated');
      continue;
    }
    const shape = layers.length === 0 ? inputShape ?? sampleShape(batchShapeOf(entryConfig)) : undefined;
    const layer = layerOf(entry, at, { origin, warn }, shape);
    if (layer instanceof UnsupportedLayer) return { warnings, error: source.note(layer.path, layer.message) };
    layers.push(layer);
  }
  if (layers.length === 0) return { warnings, error: source.note(layersPath, 'the model has no layers') };

  const stem = path.basename(jsonPath).replace(/\.json$/i, '').replace(/^model$/i, path.basename(path.dirname(path.resolve(jsonPath))));
  const modelName = typeof config.name === 'string' && !/^sequential(_\d+)?$/.test(config.name) ? config.name : stem;
  const compile = found.training ? compileOf(found.training.value, found.training.path, { origin, warn }) : undefined;
  const guessed = !compile || compile.loss === undefined;
  const file: ModelFileObject = {
    name: modelName.replace(/[^A-Za-z0-9_.-]+/g, '-') || 'model',
    data: { csv: PLACEHOLDER_CSV },
    model: layers,
    compile: guessed ? { ...guessedCompile(...lastOutput(layers)), ...(compile?.optimizer ? { optimizer: compile.optimizer } : {}) } : compile,
  };

  const fileName = path.basename(jsonPath);
  const header = [
    `Imported from ${fileName} (${found.description}) by nn-trainer.`,
    `A model JSON holds no data: data.csv is a placeholder; point it at your CSV (label: the label column, default the last).`,
    guessed
      ? 'It holds no training settings either: compile is a guess from the last layer (check the loss), and fit takes its defaults (add epochs, batch_size).'
      : 'compile comes from its training settings; fit takes its defaults (add epochs, batch_size).',
  ];
  if (warnings.length > 0) {
    header.push('Not translated:');
    for (const w of warnings) header.push(`  ${fileName}:${w.line}:${w.column}  ${w.message}`);
  }
  const fileText = writeModelFile(file, header, { 'data.csv': 'a model JSON holds no data: point this at your CSV' });
  return { text: fileText, warnings };
}

/** The model config and training settings of each JSON form, or undefined when it is none of them. */
function modelJsonOf(root: unknown): ModelJson | undefined {
  if (!isRawMap(root)) return undefined;
  const topology = root.modelTopology;
  if (isRawMap(topology)) {
    const version = typeof topology.keras_version === 'string' ? topology.keras_version : undefined;
    const generated = typeof root.generatedBy === 'string' ? root.generatedBy : undefined;
    // The Python converter nests the Keras model as model_config, beside its training_config.
    const nested = isRawMap(topology.model_config);
    const model = nested ? (topology.model_config as RawMap) : topology;
    const origin: JsonOrigin = /tfjs/i.test(version ?? '') || /TensorFlow\.js/i.test(generated ?? '') ? 'tfjs' : 'keras';
    const training = isRawMap(topology.training_config)
      ? { value: topology.training_config, path: ['modelTopology', 'training_config'] }
      : isRawMap(root.trainingConfig)
        ? { value: root.trainingConfig, path: ['trainingConfig'] }
        : undefined;
    const by = generated ?? (version ? `Keras ${version}` : 'TensorFlow.js');
    return { origin, description: `a TensorFlow.js model.json, ${by}`, model, modelPath: nested ? ['modelTopology', 'model_config'] : ['modelTopology'], ...(training ? { training } : {}) };
  }
  if (typeof root.class_name !== 'string') return undefined;
  const version = typeof root.keras_version === 'string' ? root.keras_version : undefined;
  const keras3 = typeof root.module === 'string' || isRawMap(root.compile_config) || version?.startsWith('3');
  const description = `Keras ${version ?? (keras3 ? '3' : '2')} model.to_json()`;
  const training = isRawMap(root.compile_config)
    ? { value: root.compile_config, path: ['compile_config'] }
    : isRawMap(root.training_config)
      ? { value: root.training_config, path: ['training_config'] }
      : undefined;
  return { origin: 'keras', description, model: root, modelPath: [], ...(training ? { training } : {}) };
}

/** The last layer's activation and units, for a guessed loss. */
function lastOutput(layers: ModelFileObject['model']): [string | undefined, number | undefined] {
  let activation: string | undefined;
  let units: number | undefined;
  for (const layer of layers) {
    if (typeof layer === 'string') continue;
    const options = Object.values(layer)[0];
    if (!isRawMap(options)) continue;
    if (typeof options.units === 'number') {
      units = options.units;
      activation = typeof options.activation === 'string' ? options.activation : 'linear';
    } else if (typeof options.activation === 'string') activation = options.activation;
  }
  return [activation, units];
}
