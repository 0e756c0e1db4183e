/**
 * The plane a decision boundary is drawn over, the points the model is asked about, and which
 * training points are drawn on top. The worker runs the model over `planeCellCentres` and sends the
 * outputs; the page only paints them.
 */
import type { PlaneAxis } from '../../shared/insightTypes';
import { checkCount } from './classIndices';

export interface Plane {
  x: PlaneAxis;
  y: PlaneAxis;
  columns: number;
  rows: number;
}

/** The share of an axis' range added on each side, so points at the edge are not drawn on the border. */
const PADDING = 0.1;

/** The plane over two input features: their range padded by 10% on each side (±1 around a constant), `cells` by `cells` cells. */
export function decisionPlane(xs: ArrayLike<number>, ys: ArrayLike<number>, names: [string, string], cells = 64): Plane {
  checkCount(cells, 'The number of cells', 1);
  return { x: axis(xs, names[0]), y: axis(ys, names[1]), columns: cells, rows: cells };
}

function axis(values: ArrayLike<number>, name: string): PlaneAxis {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // A NaN or infinite feature would make the plane infinite; the points drawn skip it anyway.
    if (!(v > -Infinity && v < Infinity)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return { name, min: -1, max: 1 };
  // A constant feature has no range to pad; ±1 still shows what the model does around it.
  if (min === max) return { name, min: min - 1, max: max + 1 };
  const pad = (max - min) * PADDING;
  return { name, min: min - pad, max: max + pad };
}

/** The centre of every cell, `[x0, y0, x1, y1, …]`, row by row from the bottom (`y.min`), to run the model over. */
export function planeCellCentres(plane: Plane): Float32Array {
  const { columns, rows } = plane;
  const centres = new Float32Array(rows * columns * 2);
  const width = (plane.x.max - plane.x.min) / columns;
  const height = (plane.y.max - plane.y.min) / rows;
  let i = 0;
  for (let r = 0; r < rows; r++) {
    const y = plane.y.min + (r + 0.5) * height;
    for (let c = 0; c < columns; c++) {
      centres[i++] = plane.x.min + (c + 0.5) * width;
      centres[i++] = y;
    }
  }
  return centres;
}

/** At most `limit` indices spread evenly over 0..count-1, first and last included (all of them when count <= limit). */
export function spreadIndices(count: number, limit: number): number[] {
  checkCount(count, 'The count');
  checkCount(limit, 'The limit');
  if (count <= limit) return Array.from({ length: count }, (_, i) => i);
  if (limit === 1) return [0];
  // A step above 1 (count > limit) keeps the rounded indices distinct and increasing.
  return Array.from({ length: limit }, (_, i) => Math.round((i * (count - 1)) / (limit - 1)));
}
