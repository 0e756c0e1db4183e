import type { DataSplit, LoadedData } from './dataTypes';
import { featureSize, targetStride } from './sizes';
import { mulberry32, shuffleInPlace } from '../random';

/** The samples [start, end) of a split as a view (no copy); used for validation_split. */
export function sliceSplit(data: LoadedData, split: DataSplit, start: number, end: number): DataSplit {
  return sliceRows(split, start, end, featureSize(data), targetStride(data));
}

/** Samples [start, end) of a split with the given per-sample sizes, as views into its arrays. */
export function sliceRows(
  split: DataSplit,
  start: number,
  end: number,
  featureSize: number,
  targetStride: number,
): DataSplit {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > split.count) {
    throw new RangeError(`sliceSplit: [${start}, ${end}) is not a range of 0..${split.count}`);
  }
  return {
    count: end - start,
    features: split.features.subarray(start * featureSize, end * featureSize),
    targets: split.targets.subarray(start * targetStride, end * targetStride),
  };
}

/** Copies the samples at `indices` into a new split whose arrays keep the source's element types. */
export function selectRows(
  split: DataSplit,
  indices: Int32Array,
  featureSize: number,
  targetStride: number,
): DataSplit {
  const n = indices.length;
  const features =
    split.features instanceof Uint8Array ? new Uint8Array(n * featureSize) : new Float32Array(n * featureSize);
  const targets =
    split.targets instanceof Int32Array ? new Int32Array(n * targetStride) : new Float32Array(n * targetStride);
  for (let i = 0; i < n; i++) {
    const s = indices[i];
    features.set(split.features.subarray(s * featureSize, (s + 1) * featureSize), i * featureSize);
    targets.set(split.targets.subarray(s * targetStride, (s + 1) * targetStride), i * targetStride);
  }
  return { count: n, features, targets };
}

export interface SplitIndices {
  train: Int32Array;
  test: Int32Array;
}

/**
 * Seeded train/test split of `count` samples. With class labels it is stratified: every class gives
 * the test split its share (largest-remainder rounding, so the total stays round(count * fraction)).
 * Both index lists come out shuffled so that a later validation_split (which, as in Keras, takes the
 * tail of the training data) does not get only the last class of a file sorted by class.
 */
export function splitIndices(
  count: number,
  testFraction: number,
  classes: Int32Array | undefined,
  numClasses: number,
  seed: number,
): SplitIndices {
  const random = mulberry32(seed);
  const testCount = Math.min(count - 1, Math.max(1, Math.round(count * testFraction)));
  const groups = classes ? groupByClass(classes, numClasses) : [allIndices(count)];
  const quotas = allocate(
    groups.map((g) => g.length),
    testCount,
  );
  const train = new Int32Array(count - testCount);
  const test = new Int32Array(testCount);
  let nTrain = 0;
  let nTest = 0;
  groups.forEach((group, c) => {
    shuffleInPlace(group, random);
    test.set(group.subarray(0, quotas[c]), nTest);
    train.set(group.subarray(quotas[c]), nTrain);
    nTest += quotas[c];
    nTrain += group.length - quotas[c];
  });
  shuffleInPlace(train, random);
  shuffleInPlace(test, random);
  return { train, test };
}

function allIndices(count: number): Int32Array {
  const all = new Int32Array(count);
  for (let i = 0; i < count; i++) all[i] = i;
  return all;
}

function groupByClass(classes: Int32Array, numClasses: number): Int32Array[] {
  const sizes = new Int32Array(numClasses);
  for (const c of classes) sizes[c]++;
  const groups = Array.from(sizes, (n) => new Int32Array(n));
  const filled = new Int32Array(numClasses);
  classes.forEach((c, i) => {
    groups[c][filled[c]++] = i;
  });
  return groups;
}

/** Splits `total` over groups in proportion to their sizes, rounding by largest remainder. */
function allocate(sizes: number[], total: number): number[] {
  const all = sizes.reduce((a, b) => a + b, 0);
  const exact = sizes.map((n) => (n * total) / all);
  const quotas = exact.map(Math.floor);
  let left = total - quotas.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((_, i) => i).sort((a, b) => exact[b] - quotas[b] - (exact[a] - quotas[a]) || a - b);
  for (const i of byRemainder) {
    if (left === 0) break;
    if (quotas[i] < sizes[i]) {
      quotas[i]++;
      left--;
    }
  }
  return quotas;
}
