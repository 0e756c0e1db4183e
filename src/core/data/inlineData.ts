import { SpecError } from '../diagnostics';
import type { NestedNumbers } from '../spec/modelSpec';
import { flattenInto, nestedShape, shapeProblem } from './nested';
import type { RawLabels, RawTable } from './rawData';
import { product } from './sizes';
import { classesFromStrings } from './targets';

const X_PATH = ['data', 'inline', 'x'] as const;
const Y_PATH = ['data', 'inline', 'y'] as const;

/**
 * Inline `x`/`y` data. The first sample of x fixes the feature shape (a plain number is shape [1]);
 * y holds numbers, class-name strings or nested arrays (one-hot rows, multi-output targets).
 */
export function inlineTable(x: readonly NestedNumbers[], y: ReadonlyArray<NestedNumbers | string> | undefined): RawTable {
  if (x.length === 0) throw new SpecError(X_PATH, 'x has no samples');
  const sampleShape = nestedShape(x[0]);
  if (!sampleShape) throw new SpecError([...X_PATH, 0], 'sample 0 is not a number or a nested list of numbers');
  if (product(sampleShape) === 0) throw new SpecError([...X_PATH, 0], 'sample 0 is empty');
  const width = product(sampleShape);
  const features = new Float32Array(x.length * width);
  x.forEach((sample, i) => {
    if (!flattenInto(sample, sampleShape, features, i * width)) {
      throw new SpecError([...X_PATH, i], `sample ${i} ${shapeProblem(sample, sampleShape, 'sample 0 has shape')}`);
    }
  });
  if (y === undefined) {
    throw new SpecError(['data', 'inline'], 'inline data needs y: one target per sample of x', 'missing-key');
  }
  if (y.length !== x.length) {
    throw new SpecError(Y_PATH, `y has ${y.length} targets, but x has ${x.length} samples`);
  }
  return {
    name: 'inline data',
    featureShape: sampleShape.length === 0 ? [1] : sampleShape,
    isImage: false,
    count: x.length,
    features,
    labels: inlineLabels(y),
    labelPath: Y_PATH,
    labelName: '`y`',
  };
}

function inlineLabels(y: ReadonlyArray<NestedNumbers | string>): RawLabels {
  if (typeof y[0] === 'string') {
    const bad = y.findIndex((v) => typeof v !== 'string');
    if (bad >= 0) throw new SpecError([...Y_PATH, bad], `y[${bad}] is not a class name, but y[0] is ('${y[0]}')`);
    return classesFromStrings(y as readonly string[]);
  }
  const shape = nestedShape(y[0]);
  if (!shape) throw new SpecError([...Y_PATH, 0], 'y[0] is not a number, a class name or a nested list of numbers');
  const width = product(shape);
  if (width === 0) throw new SpecError([...Y_PATH, 0], 'y[0] is empty');
  const values = new Float32Array(y.length * width);
  y.forEach((target, i) => {
    if (!flattenInto(target, shape, values, i * width)) {
      throw new SpecError([...Y_PATH, i], `y[${i}] ${shapeProblem(target, shape, 'y[0] has shape')}`);
    }
  });
  // `y: [[0], [1], [1], [0]]` (Keras' XOR) means one number per sample, like `y: [0, 1, 1, 0]`.
  if (width === 1) return { kind: 'numbers', values: Float64Array.from(values) };
  return { kind: 'vectors', values, shape };
}
