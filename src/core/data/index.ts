/** The data layer: loads what a model file's `data:` asks for and turns it into float32 batches. */
export type { DataSplit, FeatureTransform, LoadedData, TargetKind } from './dataTypes';
export { loadData, DEFAULT_SPLIT_SEED, type LoadDataOptions } from './loadData';
export { featureSize, targetSize } from './sizes';
export { encodeFeatures, encodeTargets, encodeInputs, sampleShapes } from './batchEncoding';
export { sliceSplit } from './splits';
export { builtinDataDir } from './dataDir';
export { mnistDataDir } from './mnistIdx';
export { BUILTIN_SPLIT_SEED } from './builtinDatasets';
export { isClassificationLoss, kerasLossName } from './targets';
export { nestedShape } from './nested';
