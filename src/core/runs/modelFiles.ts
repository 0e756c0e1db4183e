import * as fs from 'fs';
import * as path from 'path';
import type { LayersModel, io } from '@tensorflow/tfjs';
import type { Tf } from '../backend/tfTypes';
import { MODEL_JSON, WEIGHTS_FILE } from './runSummary';
import { writeFileAtomic } from './atomicFile';

/**
 * Saves a model in the TensorFlow.js Layers format (model.json + one weights file), loadable by
 * tf.loadLayersModel.
 */
export async function saveLayersModel(tf: Tf, model: LayersModel, dir: string): Promise<void> {
  writeModelFiles(dir, await modelArtifacts(tf, model));
}

/**
 * A model's topology and weights as model.save produces them. Taken with a custom save handler
 * because pure tfjs in Node has no file:// handler (only tfjs-node registers one).
 */
export async function modelArtifacts(tf: Tf, model: LayersModel): Promise<io.ModelArtifacts> {
  let saved: io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts: io.ModelArtifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!saved) throw new Error('model.save did not hand over the model');
  return saved;
}

/** Writes weights.bin, then model.json listing them: a model.json is never seen without its weights. */
export function writeModelFiles(dir: string, artifacts: io.ModelArtifacts): void {
  writeWeightsFile(dir, artifacts.weightData);
  const modelJson = {
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    modelTopology: artifacts.modelTopology,
    trainingConfig: artifacts.trainingConfig,
    weightsManifest: [{ paths: [`./${WEIGHTS_FILE}`], weights: artifacts.weightSpecs ?? [] }],
  };
  writeFileAtomic(path.join(dir, MODEL_JSON), JSON.stringify(modelJson));
}

/** Replaces weights.bin in one step. */
export function writeWeightsFile(dir: string, weightData: io.WeightData | undefined): void {
  writeFileAtomic(path.join(dir, WEIGHTS_FILE), weightData ? concatWeightData(weightData) : new Uint8Array());
}

/** Loads a model saved by saveLayersModel (or any tfjs Layers model folder with one weights file). */
export async function loadLayersModelFromDir(tf: Tf, dir: string): Promise<LayersModel> {
  const modelJson = JSON.parse(fs.readFileSync(path.join(dir, MODEL_JSON), 'utf8')) as io.ModelJSON;
  const manifest = modelJson.weightsManifest ?? [];
  const buffers = manifest.flatMap((group) => group.paths.map((p) => fs.readFileSync(path.join(dir, p))));
  const weightData = concatWeightData(buffers.map((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)));
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: manifest.flatMap((group) => group.weights),
      weightData: weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.byteLength) as ArrayBuffer,
      format: modelJson.format,
      generatedBy: modelJson.generatedBy,
      convertedBy: modelJson.convertedBy,
    }),
  );
}

function concatWeightData(data: ArrayBuffer | ArrayBuffer[]): Uint8Array {
  const parts = (Array.isArray(data) ? data : [data]).map((b) => new Uint8Array(b));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}
