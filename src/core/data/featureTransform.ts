import { SpecError } from '../diagnostics';
import type { DataSpec } from '../spec/modelSpec';
import type { DataSplit, FeatureTransform } from './dataTypes';
import { formatCount } from './sizes';

/**
 * The transform of the spec's `scale` and `normalize`, fitted on the TRAINING split only (as with
 * scikit-learn's scalers: statistics of the test data must not leak into training). Nothing is
 * applied here; encodeFeatures applies it batch by batch.
 */
export function fitTransform(
  spec: Pick<DataSpec, 'scale' | 'normalize'>,
  train: DataSplit,
  width: number,
): { transform: FeatureTransform; notes: string[] } {
  const scale = spec.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) {
    throw new SpecError(['data', 'scale'], `scale must be a positive number, not ${scale}`);
  }
  const transform: FeatureTransform = { scale };
  if (!spec.normalize) return { transform, notes: [] };
  const stats = spec.normalize === 'standard' ? meanStd(train, width, scale) : minMax(train, width, scale);
  transform.offset = stats.offset;
  transform.factor = stats.factor;
  const how = spec.normalize === 'standard' ? 'to mean 0, std 1' : 'to the range 0..1';
  return { transform, notes: [`features normalized ${how} with statistics of the ${formatCount(train.count)} training samples`] };
}

interface Stats {
  offset: Float32Array;
  factor: Float32Array;
}

/**
 * Per-feature mean and population std (like StandardScaler), in two passes for accuracy. A constant
 * feature gets factor 1: its std is 0, or only rounding noise relative to its mean.
 */
function meanStd(train: DataSplit, width: number, scale: number): Stats {
  const x = train.features;
  const n = Math.max(1, train.count);
  const mean = new Float64Array(width);
  for (let s = 0, base = 0; s < train.count; s++, base += width) {
    for (let j = 0; j < width; j++) mean[j] += x[base + j] / scale;
  }
  for (let j = 0; j < width; j++) mean[j] /= n;
  const squares = new Float64Array(width);
  for (let s = 0, base = 0; s < train.count; s++, base += width) {
    for (let j = 0; j < width; j++) {
      const d = x[base + j] / scale - mean[j];
      squares[j] += d * d;
    }
  }
  const offset = new Float32Array(width);
  const factor = new Float32Array(width);
  for (let j = 0; j < width; j++) {
    const std = Math.sqrt(squares[j] / n);
    offset[j] = mean[j];
    factor[j] = std > 1e-6 * Math.abs(mean[j]) && std > 0 ? 1 / std : 1;
  }
  return { offset, factor };
}

/** Per-feature minimum and range; a constant feature gets range 1. */
function minMax(train: DataSplit, width: number, scale: number): Stats {
  const min = new Float64Array(width).fill(Infinity);
  const max = new Float64Array(width).fill(-Infinity);
  const x = train.features;
  for (let s = 0, base = 0; s < train.count; s++, base += width) {
    for (let j = 0; j < width; j++) {
      const v = x[base + j] / scale;
      if (v < min[j]) min[j] = v;
      if (v > max[j]) max[j] = v;
    }
  }
  const offset = new Float32Array(width);
  const factor = new Float32Array(width);
  for (let j = 0; j < width; j++) {
    const range = max[j] - min[j];
    offset[j] = Number.isFinite(min[j]) ? min[j] : 0;
    factor[j] = range > 0 ? 1 / range : 1;
  }
  return { offset, factor };
}
