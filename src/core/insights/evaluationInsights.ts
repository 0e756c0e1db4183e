import type { LayersModel } from '@tensorflow/tfjs';
import type { Tf } from '../backend/tfTypes';
import type { DataSplit, LoadedData } from '../data/dataTypes';
import { featureSize, targetSize } from '../data/sizes';
import type { EvaluationInsights, SampleResult } from '../../shared/insightTypes';
import { classificationReport } from './classificationReport';
import { chooseClassificationGallery, chooseRegressionGallery } from './gallerySelection';
import { grayImage, inkMaximum } from './grayImage';
import { imageSizeOf, classNamesOf } from './modelInputs';
import { splitOutputs } from './modelOutputs';
import { argMax, classProbabilities } from './topClasses';
import { spreadIndices } from './decisionPlane';

/** Samples the panel shows; 100 MNIST images are 78 KB of pixels. */
export const GALLERY_SIZE = 100;
/** Points of a regression's predicted-vs-true scatter. */
const SCATTER_POINTS = 2000;

/**
 * The evaluation split (the test split, else the training data, as evaluateModel uses) through the
 * trained model: for classification the confusion matrix and scikit-learn's per-class report, and
 * samples chosen so that mistakes show; for regression the predicted-vs-true scatter.
 */
export async function evaluationInsights(tf: Tf, model: LayersModel, data: LoadedData): Promise<EvaluationInsights> {
  const split = data.test ?? data.train;
  const { values, width } = await splitOutputs(tf, model, data, split);
  const base = { split: data.test ? ('test' as const) : ('train' as const), samples: split.count };
  const sample = sampleReader(data, split);
  if (data.numClasses !== undefined && split.targets instanceof Int32Array) {
    const outputs = (i: number) => values.subarray(i * width, (i + 1) * width);
    const predicted = Int32Array.from({ length: split.count }, (_, i) => argMax(classProbabilities(outputs(i))));
    const report = classificationReport(split.targets, predicted, classNamesOf(data));
    const gallery = chooseClassificationGallery(split.targets, predicted, GALLERY_SIZE).map(
      (i): SampleResult => ({ ...sample(i), trueClass: split.targets[i], predictedClass: predicted[i], probabilities: rounded(classProbabilities(outputs(i))) }),
    );
    return { ...base, report, gallery };
  }
  const size = targetSize(data);
  const errors = Float32Array.from({ length: split.count }, (_, i) => {
    let sum = 0;
    for (let j = 0; j < Math.min(size, width); j++) sum += Math.abs(values[i * width + j] - split.targets[i * size + j]);
    return sum;
  });
  const gallery = chooseRegressionGallery(errors, GALLERY_SIZE).map(
    (i): SampleResult => ({
      ...sample(i),
      output: rounded(values.subarray(i * width, (i + 1) * width)),
      expected: rounded(split.targets.subarray(i * size, (i + 1) * size)),
    }),
  );
  const shown = spreadIndices(split.count, SCATTER_POINTS);
  const scatter = {
    name: size === 1 ? 'target' : 'first output',
    predicted: shown.map((i) => round(values[i * width])),
    actual: shown.map((i) => round(split.targets[i * size])),
  };
  return { ...base, gallery, scatter };
}

/** A sample's input as the panel shows it: a picture for images, the raw features for tabular data. */
function sampleReader(data: LoadedData, split: DataSplit): (i: number) => SampleResult {
  const width = featureSize(data);
  const image = imageSizeOf(data);
  if (image) {
    const ink = inkMaximum(data.train.features);
    return (i) => ({ index: i, image: grayImage(split.features, i * width, image.width, image.height, ink) });
  }
  return (i) => ({ index: i, input: Array.from(split.features.subarray(i * width, (i + 1) * width), round) });
}

function rounded(values: ArrayLike<number>): number[] {
  return Array.from(values, round);
}

/** Float32 values at the precision they have (0.9731, not 0.97310000658). */
function round(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(6)) : value;
}
