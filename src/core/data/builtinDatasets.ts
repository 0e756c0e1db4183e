import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BuiltinDatasetName } from '../spec/modelSpec';
import { csvTable } from './csvData';
import { builtinDataDir } from './dataDir';
import { loadMnist } from './mnistIdx';
import type { BuiltinData, LabelledSet, RawTable } from './rawData';
import { selectRows, splitIndices } from './splits';

/**
 * Seed of the fixed 80/20 split of iris and digits. Independent of the model file's seed: "the iris
 * test set" must mean the same 30 flowers in every run and every file.
 */
export const BUILTIN_SPLIT_SEED = 20250101;
const BUILTIN_TEST_FRACTION = 0.2;

const DIGIT_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Loads a built-in data set with its own split (none for xor). */
export async function loadBuiltin(name: BuiltinDatasetName): Promise<BuiltinData> {
  switch (name) {
    case 'mnist':
      return loadMnist();
    case 'iris':
      return loadIris();
    case 'digits':
      return loadDigits();
    case 'xor':
      return xor();
  }
}

/** Fisher's iris: 150 flowers, 4 measurements in cm, 3 species. */
async function loadIris(): Promise<BuiltinData> {
  const table = await readBuiltinCsv('iris.csv');
  if (table.labels.kind !== 'classes') throw new Error('data/iris.csv: the species column is not text');
  const { classNames, indices } = table.labels;
  const all: LabelledSet = { count: table.count, features: table.features, targets: indices };
  return { name: 'iris', featureShape: [4], featureNames: table.featureNames, isImage: false, classNames, ...ownSplit(all, 4, classNames.length) };
}

/** scikit-learn's digits: 1,797 images of 8x8 pixels with values 0..16, kept as bytes. */
async function loadDigits(): Promise<BuiltinData> {
  const table = await readBuiltinCsv('digits.csv');
  if (table.labels.kind !== 'numbers') throw new Error('data/digits.csv: the digit column is not numeric');
  const all: LabelledSet = {
    count: table.count,
    features: Uint8Array.from(table.features),
    targets: Int32Array.from(table.labels.values),
  };
  return { name: 'digits', featureShape: [64], isImage: true, classNames: DIGIT_CLASSES, ...ownSplit(all, 64, 10) };
}

/** The four XOR cases; too few to hold any out. */
function xor(): BuiltinData {
  const train: LabelledSet = {
    count: 4,
    features: Float32Array.from([0, 0, 0, 1, 1, 0, 1, 1]),
    targets: Int32Array.from([0, 1, 1, 0]),
  };
  return { name: 'xor', featureShape: [2], isImage: false, classNames: ['0', '1'], train };
}

async function readBuiltinCsv(file: string): Promise<RawTable> {
  const text = await fs.promises.readFile(path.join(builtinDataDir(), file), 'utf8');
  return csvTable(text, file, {});
}

/** The fixed stratified 80/20 split that stands in for an official test set. */
function ownSplit(all: LabelledSet, width: number, numClasses: number): { train: LabelledSet; test: LabelledSet } {
  const { train, test } = splitIndices(all.count, BUILTIN_TEST_FRACTION, all.targets, numClasses, BUILTIN_SPLIT_SEED);
  const pick = (indices: Int32Array): LabelledSet => selectRows(all, indices, width, 1) as LabelledSet;
  return { train: pick(train), test: pick(test) };
}
