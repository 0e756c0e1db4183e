/**
 * Fewer points to draw, never fewer kept: a series of 100,000 batch points is drawn from at most about
 * `2 * buckets` of them, the first and last point of the series and the lowest and highest of each
 * bucket (in x order), so spikes a reader must see survive. The data itself stays whole in the state.
 */
export function thinIndices(x: ArrayLike<number>, ys: ReadonlyArray<ArrayLike<number | null>>, buckets: number): number[] {
  const count = x.length;
  if (count <= buckets * 2 || buckets < 1) return Array.from({ length: count }, (_, i) => i);
  const keep = new Set<number>([0, count - 1]);
  const size = count / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(count, Math.floor((b + 1) * size));
    for (const y of ys) {
      let low = -1;
      let high = -1;
      for (let i = start; i < end; i++) {
        const v = y[i];
        if (v === null || !Number.isFinite(v)) {
          // A NaN or Infinity is news (a diverged loss): always drawn.
          if (v !== null) keep.add(i);
          continue;
        }
        if (low < 0 || v < (y[low] as number)) low = i;
        if (high < 0 || v > (y[high] as number)) high = i;
      }
      if (low >= 0) keep.add(low);
      if (high >= 0) keep.add(high);
    }
  }
  return [...keep].sort((a, b) => a - b);
}

/** The values at `indices`. */
export function pick<T>(values: ArrayLike<T>, indices: readonly number[]): T[] {
  return indices.map((i) => values[i]);
}
