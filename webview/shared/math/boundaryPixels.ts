/**
 * The decision boundary's picture as the TensorFlow Playground paints it: each cell of the plane
 * coloured by the model's output, diverging from the background (undecided) towards one theme
 * colour per side or per class (sure). Pure, so the unit tests check the bytes it would paint.
 */
import type { DecisionBoundary } from '../../../src/shared/insightTypes';
import { mixRgb, type Rgb } from './colors';

/** The colours of the picture, resolved from the theme. */
export interface BoundaryPalette {
  /** Undecided: an output of 0.5, a class at chance, the middle of a regression's range. */
  background: Rgb;
  /** Class 0 / the low end of a regression. */
  negative: Rgb;
  /** Class 1 / the high end. */
  positive: Rgb;
  /** One per class, cycling, for `classes` boundaries. */
  classes: Rgb[];
}

export type BoundaryGrid = Pick<DecisionBoundary, 'kind' | 'columns' | 'rows' | 'values' | 'confidence' | 'range' | 'classNames'>;

/**
 * How far a sure cell goes from the background to its colour: the training points, drawn on top in
 * the full colour, stay visible on the region of their own class (the Playground fades it the same way).
 */
export const HEAT_STRENGTH = 0.7;

/** RGBA bytes of a `columns x rows` image, top row first (the boundary's last row, at y.max). */
export function boundaryPixels(grid: BoundaryGrid, palette: BoundaryPalette): Uint8ClampedArray {
  const { columns, rows } = grid;
  const out = new Uint8ClampedArray(columns * rows * 4);
  const classes = classCount(grid);
  for (let row = 0; row < rows; row++) {
    const top = rows - 1 - row;
    for (let column = 0; column < columns; column++) {
      const color = cellColor(grid, row * columns + column, palette, classes);
      const at = (top * columns + column) * 4;
      out[at] = color.r;
      out[at + 1] = color.g;
      out[at + 2] = color.b;
      out[at + 3] = 255;
    }
  }
  return out;
}

/**
 * The colour of one cell (values row by row from the bottom); the background where the value is not
 * a number. `classes` is the number of classes of a `classes` grid (counted once by the caller).
 */
export function cellColor(grid: BoundaryGrid, index: number, palette: BoundaryPalette, classes = classCount(grid)): Rgb {
  const value = grid.values[index];
  // Messages travel as JSON: a NaN output arrives as null.
  if (typeof value !== 'number' || !Number.isFinite(value)) return palette.background;
  if (grid.kind === 'classes') {
    const confidence = grid.confidence?.[index];
    const sure = typeof confidence === 'number' && Number.isFinite(confidence) && classes > 1 ? (confidence - 1 / classes) / (1 - 1 / classes) : 1;
    return mixRgb(palette.background, classColor(palette, value), sure * HEAT_STRENGTH);
  }
  return diverging(signedPosition(grid, value), palette);
}

/** The colour of a training point: its class's, or its target's place on the regression's scale, in full. */
export function pointColor(grid: BoundaryGrid, target: number, palette: BoundaryPalette): Rgb {
  if (grid.kind === 'classes') return classColor(palette, target);
  if (grid.kind === 'binary') return target >= 0.5 ? palette.positive : palette.negative;
  const t = signedPosition(grid, target);
  return mixRgb(palette.background, t < 0 ? palette.negative : palette.positive, Math.abs(t));
}

/** -1 (class 0, the range's low end) .. 0 (undecided) .. 1 (class 1, the high end). */
function signedPosition(grid: BoundaryGrid, value: number): number {
  if (grid.kind === 'value') {
    const [low, high] = grid.range ?? [0, 1];
    if (!(high > low)) return 0;
    return clampUnit(((value - low) / (high - low)) * 2 - 1);
  }
  return clampUnit(value * 2 - 1);
}

function diverging(t: number, palette: BoundaryPalette): Rgb {
  return mixRgb(palette.background, t < 0 ? palette.negative : palette.positive, Math.abs(t) * HEAT_STRENGTH);
}

function classColor(palette: BoundaryPalette, index: number): Rgb {
  const n = palette.classes.length;
  if (n === 0) return palette.positive;
  return palette.classes[((Math.round(index) % n) + n) % n];
}

function classCount(grid: BoundaryGrid): number {
  if (grid.classNames?.length) return grid.classNames.length;
  let max = 0;
  for (const v of grid.values) if (typeof v === 'number' && v > max) max = v;
  return Math.round(max) + 1;
}

function clampUnit(t: number): number {
  return Math.min(Math.max(t, -1), 1);
}
