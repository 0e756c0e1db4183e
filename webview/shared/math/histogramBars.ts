/** The geometry of a histogram's bars, pure so the unit tests check what the canvas would draw. */

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
}

/**
 * One bar per bin across `width`, heights in proportion to the tallest bin over `height`. A bin with
 * any value is at least 1 pixel tall, so a single NaN-free outlier still shows; bars keep a `gap`
 * between them while they are wide enough for it.
 */
export function histogramBars(counts: readonly number[], width: number, height: number, gap = 1): Bar[] {
  const n = counts.length;
  if (n === 0) return [];
  const max = Math.max(...counts);
  const step = width / n;
  const space = step >= 3 ? gap : 0;
  return counts.map((count, i) => {
    const h = max > 0 ? Math.max(count > 0 ? 1 : 0, (count / max) * height) : 0;
    return { x: i * step, y: height - h, width: Math.max(step - space, 0.5), height: h, count };
  });
}

/** Where `value` falls across `width` for the range `min..max` (the middle when the range is one value). */
export function valueToX(value: number, min: number, max: number, width: number): number {
  if (!(max > min)) return width / 2;
  return ((value - min) / (max - min)) * width;
}
