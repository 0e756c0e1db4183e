import type { LayersModel } from '@tensorflow/tfjs';
import type { Tf } from '../backend/tfTypes';
import type { LoadedData } from '../data/dataTypes';
import { encodeFeatures } from '../data';
import { featureSize } from '../data/sizes';
import type { DecisionBoundary, PlaneAxis } from '../../shared/insightTypes';
import { decisionPlane, planeCellCentres, spreadIndices } from './decisionPlane';
import { classNamesOf } from './modelInputs';
import { predictFlat } from './modelOutputs';
import { argMax } from './topClasses';

/** Training points drawn over the boundary; a large CSV keeps an even spread of them. */
const MAX_POINTS = 500;

/**
 * Draws a two-input model's decision boundary, again and again as it trains: the plane, its cells
 * encoded as the training data is, and the points drawn over it are worked out once per run, so each
 * drawing costs one predict of 64x64 cells.
 */
export class BoundaryPainter {
  private readonly plane: { x: PlaneAxis; y: PlaneAxis; columns: number; rows: number };
  private readonly encodedCells: Float32Array;
  private readonly points: DecisionBoundary['points'];
  private readonly classNames?: string[];

  private constructor(private readonly data: LoadedData) {
    const { train } = data;
    const xs = Float32Array.from({ length: train.count }, (_, i) => train.features[i * 2]);
    const ys = Float32Array.from({ length: train.count }, (_, i) => train.features[i * 2 + 1]);
    const names: [string, string] = [data.featureNames?.[0] ?? 'x1', data.featureNames?.[1] ?? 'x2'];
    this.plane = decisionPlane(xs, ys, names);
    const centres = planeCellCentres(this.plane);
    const cells = this.plane.columns * this.plane.rows;
    const empty = new Float32Array(0);
    this.encodedCells = encodeFeatures(data, { count: cells, features: centres, targets: empty }, Int32Array.from({ length: cells }, (_, i) => i));
    const shown = spreadIndices(train.count, MAX_POINTS);
    const targetWidth = train.targets.length / Math.max(1, train.count);
    this.points = {
      x: shown.map((i) => xs[i]),
      y: shown.map((i) => ys[i]),
      target: shown.map((i) => Number(train.targets[i * targetWidth])),
    };
    if (data.numClasses !== undefined) this.classNames = classNamesOf(data);
  }

  /** A painter for a model of exactly two numeric inputs, else undefined (images, wider tables). */
  static for(data: LoadedData): BoundaryPainter | undefined {
    if (data.isImage || data.featureShape.length !== 1 || featureSize(data) !== 2 || data.train.count === 0) return undefined;
    return new BoundaryPainter(data);
  }

  /** The model's output over the plane now. */
  async paint(tf: Tf, model: LayersModel, epoch: number): Promise<DecisionBoundary> {
    const { columns, rows } = this.plane;
    const cells = columns * rows;
    const out = await predictFlat(tf, model, this.encodedCells, cells, this.data);
    const width = out.length / cells;
    const base = { epoch, ...this.plane, points: this.points, ...(this.classNames ? { classNames: this.classNames } : {}) };
    if (this.data.numClasses === undefined) {
      const values = Array.from({ length: cells }, (_, i) => round(out[i * width]));
      return { ...base, kind: 'value', values, range: rangeOf(values, this.points.target) };
    }
    if (width <= 2) {
      // One sigmoid unit gives P(class 1) itself; two softmax units give it as their second.
      return { ...base, kind: 'binary', values: Array.from({ length: cells }, (_, i) => round(out[i * width + width - 1])) };
    }
    const values: number[] = [];
    const confidence: number[] = [];
    for (let i = 0; i < cells; i++) {
      const row = out.subarray(i * width, (i + 1) * width);
      const best = argMax(row);
      values.push(best);
      confidence.push(round(row[best]));
    }
    return { ...base, kind: 'classes', values, confidence };
  }
}

function rangeOf(values: number[], targets: number[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of [...values, ...targets]) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return Number.isFinite(min) ? [min, max] : [0, 1];
}

/** Four digits are more than a shade can show, and keep a 64x64 grid to about 25 KB of JSON. */
function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 10_000) / 10_000 : value;
}
