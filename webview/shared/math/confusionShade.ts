/**
 * How strongly each cell of a confusion matrix is shaded, 0..1. Right answers (the diagonal) and
 * mistakes are shaded on scales of their own: beside a thousand right answers a class's eight
 * mistakes would fade to nothing on one scale (MNIST), yet where the mistakes gather is what a
 * learner looks for. Both grow as the square root of the count, so small counts still show.
 */
export function confusionShades(confusion: readonly (readonly number[])[]): number[][] {
  let right = 0;
  let wrong = 0;
  confusion.forEach((row, t) =>
    row.forEach((count, p) => {
      if (t === p) right = Math.max(right, count);
      else wrong = Math.max(wrong, count);
    }),
  );
  return confusion.map((row, t) => row.map((count, p) => (t === p ? confusionShade(count, right) : MISTAKE_SHADE * confusionShade(count, wrong))));
}

/** The square root of a count's share of the largest one; 0 for no count. */
export function confusionShade(count: number, max: number): number {
  if (!(max > 0) || !(count > 0)) return 0;
  return Math.sqrt(Math.min(count / max, 1));
}

/**
 * The most a mistake is shaded: the theme's red at more than this would leave neither the text's
 * colour nor the background's readable on it (WCAG's 4.5:1 in the light and dark themes).
 */
export const MISTAKE_SHADE = 0.55;

/** From this shade on, a right answer's count is written in the background's colour rather than the text's. */
export const STRONG_SHADE = 0.6;
