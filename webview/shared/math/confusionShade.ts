/**
 * How strongly a cell of the confusion matrix is shaded, 0..1: the square root of its share of the
 * largest count, so a handful of mistakes beside a thousand right answers (MNIST) still shows,
 * while equal counts get equal shades.
 */
export function confusionShade(count: number, max: number): number {
  if (!(max > 0) || !(count > 0)) return 0;
  return Math.sqrt(Math.min(count / max, 1));
}

/** From this shade on, a cell's number is written in the background's colour rather than the text's. */
export const STRONG_SHADE = 0.6;
