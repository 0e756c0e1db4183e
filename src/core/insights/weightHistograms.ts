import type { LayersModel } from '@tensorflow/tfjs';
import type { LayerWeights, WeightHistogram, WeightsSnapshot } from '../../shared/insightTypes';
import { kerasLayerNames } from '../model/kerasLayerNames';
import { histogram } from './histogram';

/** Bins of a weight histogram, as tfjs-vis' show.layer draws them. */
const WEIGHT_BINS = 30;

/**
 * Each layer's kernel and bias as histograms, with min, max, mean, std and counts of zeros and
 * NaN/Infinity: what tfjs-vis' `show.layer` gives, computed here so the page only draws bars.
 */
export function weightHistograms(model: LayersModel, epoch: number): WeightsSnapshot {
  const names = kerasLayerNames(model.layers.map((layer) => ({ name: layer.name, className: layer.getClassName() })));
  const layers: LayerWeights[] = [];
  model.layers.forEach((layer, i) => {
    const weights = layer.weights;
    if (weights.length === 0) return;
    const entry: LayerWeights = { name: names[i], type: layer.getClassName() };
    for (const weight of weights) {
      // tfjs names them `dense_Dense1/kernel`, `dense_Dense1/bias`.
      const role = weight.name.endsWith('bias') ? 'bias' : weight.name.endsWith('kernel') ? 'kernel' : undefined;
      if (!role || entry[role]) continue;
      const values = weight.read().dataSync() as Float32Array;
      const stats: WeightHistogram = { ...histogram(values, WEIGHT_BINS), shape: [...weight.shape] as number[] };
      entry[role] = stats;
    }
    if (entry.kernel || entry.bias) layers.push(entry);
  });
  return { epoch, layers };
}
