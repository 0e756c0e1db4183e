import type { LayersModel } from '@tensorflow/tfjs';
import { SpecError } from '../diagnostics';
import type { LoadedData } from '../data/dataTypes';
import { encodeInputs, kerasLossName } from '../data';
import { product } from '../data/sizes';
import type { LayerType, ModelSpec } from '../spec/modelSpec';
import { formatShape } from '../model/buildModel';
import { validationSampleCount } from '../train/fitModel';
import type { Repair } from '../modelFile/repairs';

/**
 * Problems that need both the model and the data: caught before training starts, each at the
 * node of the file to change, instead of as a tensor-shape error deep inside TensorFlow.js.
 */
export function checkModelAgainstData(spec: ModelSpec, data: LoadedData, model: LayersModel): SpecError[] {
  const inputProblems = checkInputShape(spec, data);
  // A wrong input shape also gives the output a wrong rank: report the cause, not that echo.
  const outputProblems = checkOutput(spec, data, model, inputProblems.length === 0);
  return [...inputProblems, ...outputProblems, ...checkPredictInputs(spec, data), ...checkValidationSplit(spec, data)];
}

/** A first layer's input_shape that differs from the data's sample shape, with what to change. */
export function checkInputShape(spec: ModelSpec, data: LoadedData): SpecError[] {
  const first = spec.model[0];
  const declared = first.config.inputShape as number[] | undefined;
  if (!declared || sameShape(declared, data.featureShape)) return [];
  const mismatch = `input_shape ${formatShape(declared)} does not match the data: each sample of ${data.description} has shape ${formatShape(data.featureShape)}.`;
  const path = ['model', 0, first.type, 'input_shape'];
  const samples = sampleShapeFor(first.type, data);
  if (samples && !sameShape(samples, data.featureShape)) {
    // The layer needs another rank than the data has: the data is reshaped, as tutorials do with x.reshape(-1, 28, 28, 1).
    const also = sameShape(declared, samples) ? '' : ` and use input_shape: ${formatShape(samples)}`;
    return [new SpecError(path, `${mismatch} ${first.type} ${RANK_NEEDS[first.type]}: add \`reshape: ${formatShape(samples)}\` under \`data:\`${also}.`, 'shape-mismatch')];
  }
  // Data of images given to a Dense layer as flat vectors needs a Flatten in front, as in Keras.
  const needsFlatten = first.type === 'Dense' && data.featureShape.length > 1 && product(declared) === product(data.featureShape);
  const fix = ` Use input_shape: ${formatShape(data.featureShape)}${needsFlatten ? ' on a Flatten layer put first' : ''}.`;
  // Only a plain replacement is certain; a Flatten to insert changes the layer list, so it stays advice.
  const repair: Repair | undefined = needsFlatten ? undefined : { kind: 'replace', with: formatShape(data.featureShape) };
  return [new SpecError(path, `${mismatch}${fix}`, 'shape-mismatch', repair)];
}

/** The rank of a sample the first layer needs, for the layers that need one, and how to say it. */
const SAMPLE_RANK: Partial<Record<LayerType, number>> = { Conv2D: 3, MaxPooling2D: 3, AveragePooling2D: 3, SimpleRNN: 2, LSTM: 2, GRU: 2 };
const RANK_NEEDS: Partial<Record<LayerType, string>> = {
  Conv2D: 'needs images shaped [height, width, channels]',
  MaxPooling2D: 'needs images shaped [height, width, channels]',
  AveragePooling2D: 'needs images shaped [height, width, channels]',
  SimpleRNN: 'needs sequences shaped [timesteps, features]',
  LSTM: 'needs sequences shaped [timesteps, features]',
  GRU: 'needs sequences shaped [timesteps, features]',
};

/**
 * The sample shape a first layer that needs a given rank can take from this data: the data's own
 * shape when its rank fits, with a channel (or feature) axis of 1 added when that one is missing
 * (MNIST's [28, 28] as [28, 28, 1]), a flat square image as [side, side, 1]. Undefined when the layer
 * takes any rank, or nothing simple fits.
 */
function sampleShapeFor(type: LayerType, data: LoadedData): number[] | undefined {
  const rank = SAMPLE_RANK[type];
  const shape = data.featureShape;
  if (rank === undefined) return undefined;
  if (shape.length === rank) return shape;
  if (shape.length === rank - 1) return [...shape, 1];
  const side = Math.round(Math.sqrt(shape[0]));
  if (rank === 3 && shape.length === 1 && data.isImage && side * side === shape[0]) return [side, side, 1];
  return undefined;
}

/**
 * Before the model is built: a first layer that needs images or sequences, given data of another
 * rank with no input_shape (or one of the wrong rank), is told how to reshape the data, instead of
 * tfjs' `expected ndim=4` when the layer is added.
 */
export function checkFirstLayerRank(spec: ModelSpec, data: LoadedData): SpecError[] {
  const first = spec.model[0];
  const declared = first.config.inputShape as number[] | undefined;
  const rank = SAMPLE_RANK[first.type];
  const samples = sampleShapeFor(first.type, data);
  if (rank === undefined || !samples || sameShape(samples, data.featureShape) || (declared && declared.length === rank)) return [];
  const also = declared ? ` and use input_shape: ${formatShape(samples)}` : '';
  const path = declared ? ['model', 0, first.type, 'input_shape'] : ['model', 0];
  return [
    new SpecError(
      path,
      `${first.type} ${RANK_NEEDS[first.type]}, but each sample of ${data.description} has shape ${formatShape(data.featureShape)}: add \`reshape: ${formatShape(samples)}\` under \`data:\`${also}.`,
      'shape-mismatch',
    ),
  ];
}

function checkOutput(spec: ModelSpec, data: LoadedData, model: LayersModel, checkRank: boolean): SpecError[] {
  const outShape = model.outputs[0].shape;
  const units = outShape[outShape.length - 1] ?? 0;
  const lastIndex = spec.model.length - 1;
  const layerPath = ['model', lastIndex, spec.model[lastIndex].type];
  const at = [...layerPath, 'units'];
  const setOutput = (units: number, activation?: string): Repair => ({
    kind: 'setOptions',
    map: layerPath,
    options: activation ? [['units', units], ['activation', activation]] : [['units', units]],
  });
  const loss = kerasLossName(spec.compile.loss);
  // A logits model's last layer has no activation: the loss applies it (from_logits).
  const outputActivation = (activation: 'softmax' | 'sigmoid'): string | undefined => (spec.compile.fromLogits ? undefined : activation);
  const andActivation = (activation: 'softmax' | 'sigmoid'): string => (spec.compile.fromLogits ? ' (no activation: the loss takes logits)' : ` and activation: ${activation}`);
  const classes = data.numClasses;
  const errors: SpecError[] = [];

  if (data.targetKind === 'classIndex' && classes !== undefined) {
    if (spec.compile.loss === 'categoricalCrossentropy') {
      errors.push(
        new SpecError(
          ['compile', 'loss'],
          `categorical_crossentropy needs one-hot labels, but the labels are class indices (one_hot is false). Use sparse_categorical_crossentropy, or remove one_hot: false.`,
          'label-mismatch',
        ),
      );
    } else if (spec.compile.loss === 'sparseCategoricalCrossentropy' && units < classes) {
      errors.push(
        new SpecError(at, `the last layer outputs ${units} value${units === 1 ? '' : 's'} per sample, but ${loss} over ${classes} classes needs ${classes}: set units: ${classes}${andActivation('softmax')}.`, 'shape-mismatch', setOutput(classes, outputActivation('softmax'))),
      );
    } else if (spec.compile.loss === 'binaryCrossentropy' && units !== 1) {
      const one = spec.compile.fromLogits ? 'units: 1, no activation: the loss takes logits' : 'units: 1, activation: sigmoid';
      errors.push(new SpecError(at, `binary_crossentropy needs 1 output per sample (${one}), but the last layer has ${units}.`, 'shape-mismatch', setOutput(1, outputActivation('sigmoid'))));
    }
  } else {
    const needed = data.targetShape[data.targetShape.length - 1];
    if (units !== needed) {
      const what = data.targetKind === 'oneHot' ? `${loss} over ${data.numClasses} classes needs ${needed}` : `the targets have ${needed} value${needed === 1 ? '' : 's'} per sample`;
      const oneHot = data.targetKind === 'oneHot';
      const activation = oneHot ? andActivation('softmax') : '';
      errors.push(new SpecError(at, `the last layer outputs ${units} value${units === 1 ? '' : 's'} per sample, but ${what}: set units: ${needed}${activation}.`, 'shape-mismatch', setOutput(needed, oneHot ? outputActivation('softmax') : undefined)));
    }
  }
  if (checkRank && outShape.length !== data.targetShape.length + 1 && errors.length === 0) {
    errors.push(
      new SpecError(at, `the model outputs shape ${formatShape(outShape)} per batch, but the targets need ${formatShape([null, ...data.targetShape])}: add a Flatten layer before the last Dense layer.`, 'shape-mismatch'),
    );
  }
  return errors;
}

/** Encodes the inputs now, as predicting will after training, so a bad one fails before training. */
function checkPredictInputs(spec: ModelSpec, data: LoadedData): SpecError[] {
  if (spec.predict?.kind !== 'inputs') return [];
  try {
    encodeInputs(data, spec.predict.inputs);
    return [];
  } catch (err) {
    if (err instanceof SpecError) return [err];
    throw err;
  }
}

function checkValidationSplit(spec: ModelSpec, data: LoadedData): SpecError[] {
  const split = spec.fit.validationSplit;
  if (split === undefined) return [];
  const validation = validationSampleCount(data.train.count, split);
  if (validation >= 1 && validation < data.train.count) return [];
  return [
    new SpecError(['fit', 'validation_split'], `validation_split ${split} of ${data.train.count} training samples leaves ${validation} for validation and ${data.train.count - validation} for training; both need at least 1.`),
  ];
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
