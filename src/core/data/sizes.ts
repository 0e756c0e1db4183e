import type { LoadedData } from './dataTypes';

/** Number of values in a tensor of this shape (1 for the scalar shape []). */
export function product(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Values per sample of the features: product(featureShape). */
export function featureSize(data: Pick<LoadedData, 'featureShape'>): number {
  return product(data.featureShape);
}

/** Values per sample of the targets as the model sees them: product(targetShape). */
export function targetSize(data: Pick<LoadedData, 'targetShape'>): number {
  return product(data.targetShape);
}

/**
 * Values per sample stored in DataSplit.targets: class-labelled data stores one index per sample
 * (one-hot rows are only built per batch), value targets store the whole target.
 */
export function targetStride(data: Pick<LoadedData, 'targetKind' | 'targetShape'>): number {
  return data.targetKind === 'values' ? targetSize(data) : 1;
}

/** `60000` -> `60,000`, independent of the machine's locale so reports and tests are stable. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
