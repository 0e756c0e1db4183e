/**
 * Histograms of weights (and any other large array of numbers), with the statistics tfjs-vis'
 * `show.layer` prints. Runs at every epoch's end on kernels of 100,000+ values, so it makes two
 * passes over the values and allocates nothing per value.
 */
import type { Histogram } from '../../shared/insightTypes';
import { checkCount } from './classIndices';

/** Beyond this magnitude, squares of deviations (and the range, and the sum) may overflow a double. */
const HUGE = 1e150;
/** A power of two, so scaling by it is exact: it changes no rounding, only the exponent. */
const SHRINK = 2 ** -512;

/** Equal-width bins from the smallest to the largest finite value, with count, zeros, non-finite, mean and (population) std. */
export function histogram(values: ArrayLike<number>, bins = 30): Histogram {
  checkCount(bins, 'The number of bins', 1);
  const count = values.length;
  let finite = 0;
  let zeros = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i];
    // NaN fails both comparisons, so this skips NaN too.
    if (!(v > -Infinity && v < Infinity)) continue;
    finite++;
    if (v === 0) zeros++;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  if (finite === 0) return { min: 0, max: 0, counts: [], mean: 0, std: 0, count, zeros: 0, nonFinite: count };
  const nonFinite = count - finite;
  // Every finite value equal (a bias of zeros): one bar, not 30 empty ones around a spike.
  if (min === max) return { min, max, counts: [finite], mean: min, std: 0, count, zeros, nonFinite };

  // Float32 weights never get near HUGE; a Float64Array may, and must not give NaN bins or std.
  // Then the second pass works on values scaled down by SHRINK (an extra pass finds their mean).
  const scaled = Math.max(-min, max) > HUGE;
  const s = scaled ? SHRINK : 1;
  if (scaled) {
    sum = 0;
    for (let i = 0; i < count; i++) {
      const v = values[i];
      if (v > -Infinity && v < Infinity) sum += v * s;
    }
  }
  const lo = min * s;
  const range = max * s - lo;
  // The edges as a reader computes them, `min + (max - min) * k / bins`, so a value on an edge lands
  // in the bin it opens, as in numpy.histogram; the last edge is `max` exactly.
  const edges = new Float64Array(bins + 1);
  for (let k = 0; k < bins; k++) edges[k] = lo + (range * k) / bins;
  edges[bins] = max * s;
  const toBin = bins / range;

  const mean = sum / finite;
  const counts = new Array<number>(bins).fill(0);
  // Corrected two-pass variance (Chan, Golub & LeVeque): the sum of the deviations, 0 in exact
  // arithmetic, takes back the rounding error of the mean.
  let deviations = 0;
  let squares = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i] * s;
    if (!(v > -Infinity && v < Infinity)) continue;
    const d = v - mean;
    deviations += d;
    squares += d * d;
    let bin = Math.floor((v - lo) * toBin);
    if (bin >= bins) bin = bins - 1;
    else if (bin < 0) bin = 0;
    // The product above can put a value next to an edge one bin off by rounding; the edges decide.
    if (v < edges[bin]) bin--;
    else if (bin < bins - 1 && v >= edges[bin + 1]) bin++;
    counts[bin]++;
  }
  const std = Math.sqrt(Math.max(0, (squares - (deviations * deviations) / finite) / finite)) / s;
  return { min, max, counts, mean: Math.min(max, Math.max(min, mean / s)), std, count, zeros, nonFinite };
}
