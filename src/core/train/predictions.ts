import type { LayersModel } from '@tensorflow/tfjs';
import type { LoadedData, DataSplit } from '../data/dataTypes';
import { encodeFeatures, encodeInputs, featureSize, targetSize } from '../data';
import type { NestedNumbers, PredictSpec } from '../spec/modelSpec';
import type { Tf } from '../backend/tfTypes';
import type { Prediction } from '../../shared/runResults';
import { predictFlat } from '../insights/modelOutputs';

export type { Prediction };

/** What the model file's `predict` section asks for, run through the trained model. */
export async function predictFromSpec(tf: Tf, model: LayersModel, data: LoadedData, predict: PredictSpec): Promise<Prediction[]> {
  if (predict.kind === 'inputs') return predictInputs(tf, model, data, predict.inputs);
  const split = data.test ?? data.train;
  const count = Math.min(predict.samples, split.count);
  const indices = Int32Array.from({ length: count }, (_, i) => i);
  const outputs = await runModel(tf, model, encodeFeatures(data, split, indices), count, data);
  return outputs.map((output, i) => ({
    ...(data.isImage ? {} : { input: rawInput(data, split, i) }),
    output,
    ...labelFields(data, output),
    expected: expectedOf(data, split, i),
  }));
}

/** Predictions for raw inputs (as a model file or `--input` gives them), encoded like the training data. */
export async function predictInputs(tf: Tf, model: LayersModel, data: LoadedData, inputs: NestedNumbers[]): Promise<Prediction[]> {
  const outputs = await runModel(tf, model, encodeInputs(data, inputs), inputs.length, data);
  return outputs.map((output, i) => ({
    ...(data.isImage ? {} : { input: inputs[i] }),
    output,
    ...labelFields(data, output),
  }));
}

/** One flat row of outputs per sample, through predictFlat (which turns logits into probabilities). */
async function runModel(tf: Tf, model: LayersModel, features: Float32Array, count: number, data: LoadedData): Promise<number[][]> {
  const values = await predictFlat(tf, model, features, count, data);
  const width = count === 0 ? 0 : values.length / count;
  return Array.from({ length: count }, (_, i) => Array.from(values.subarray(i * width, (i + 1) * width)));
}

function labelFields(data: LoadedData, output: number[]): Pick<Prediction, 'label'> {
  if (data.numClasses === undefined) return {};
  // One sigmoid output: the probability of class 1, as Keras' predict(...).round() reads it.
  const index = output.length === 1 ? (output[0] >= 0.5 ? 1 : 0) : argMax(output);
  return { label: className(data, index) };
}

function expectedOf(data: LoadedData, split: DataSplit, i: number): string | number | number[] {
  if (data.numClasses !== undefined && split.targets instanceof Int32Array) return className(data, split.targets[i]);
  const size = targetSize(data);
  const values = Array.from(split.targets.subarray(i * size, (i + 1) * size));
  return size === 1 ? values[0] : values;
}

function rawInput(data: LoadedData, split: DataSplit, i: number): number[] {
  const size = featureSize(data);
  // Features are stored as float32: print them at that precision (5.7, not 5.699999809265137).
  return Array.from(split.features.subarray(i * size, (i + 1) * size), (v) => Number(v.toPrecision(7)));
}

/** The class name, or the class index itself where the names are just the indices (XOR, MNIST). */
function className(data: LoadedData, index: number): string | number {
  const name = data.classNames?.[index];
  return name === undefined || name === String(index) ? index : name;
}

function argMax(values: number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
