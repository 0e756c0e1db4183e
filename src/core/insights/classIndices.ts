/**
 * Checks of the class indices the worker hands to the insight functions. A bad index means the labels
 * and the predictions went out of step upstream, so it is thrown, not skipped: skipping it would
 * print a report that quietly disagrees with the evaluation's accuracy.
 */

/** Throws unless both arrays have one entry per sample. */
export function checkSameLength(trueClasses: ArrayLike<number>, predictedClasses: ArrayLike<number>): void {
  if (trueClasses.length !== predictedClasses.length) {
    throw new RangeError(`${trueClasses.length} true classes but ${predictedClasses.length} predicted classes: there must be one of each per sample`);
  }
}

/** Throws unless `value` is a class index: an integer in 0..classes-1 (any integer >= 0 when `classes` is not given). */
export function checkClassIndex(value: number, sample: number, which: 'true' | 'predicted', classes?: number): void {
  if (Number.isInteger(value) && value >= 0 && (classes === undefined || value < classes)) return;
  const valid = classes === undefined ? 'an integer >= 0' : `an integer in 0..${classes - 1}`;
  throw new RangeError(`sample ${sample}: ${which} class ${value} is not a class index (${valid})`);
}

/** Throws unless `value` is a count: an integer >= `least`. */
export function checkCount(value: number, what: string, least = 0): void {
  if (!(Number.isInteger(value) && value >= least)) throw new RangeError(`${what} must be an integer >= ${least}, not ${value}`);
}
