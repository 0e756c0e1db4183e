/**
 * TensorBoard's scalar smoothing, exactly: a debiased exponential moving average. For each finite y,
 * `last = last * w + (1 - w) * y; n++; out = last / (1 - w^n)`. A constant series comes back unchanged
 * (TensorBoard skips smoothing then, which also avoids rounding drift); NaN and Infinity pass through
 * as they are and do not advance n. Pure, so the unit tests check it against hand-computed values.
 */
export function smooth(values: ArrayLike<number | null>, weight: number): Array<number | null> {
  const out: Array<number | null> = new Array<number | null>(values.length);
  const w = Math.min(Math.max(weight, 0), 0.999);
  const first = firstFinite(values);
  if (w === 0 || first === undefined || isConstant(values, first)) {
    for (let i = 0; i < values.length; i++) out[i] = values[i];
    return out;
  }
  let last = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const y = values[i];
    if (y === null || !Number.isFinite(y)) {
      out[i] = y;
      continue;
    }
    last = last * w + (1 - w) * y;
    n++;
    out[i] = last / (1 - Math.pow(w, n));
  }
  return out;
}

function firstFinite(values: ArrayLike<number | null>): number | undefined {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && Number.isFinite(v)) return v;
  }
  return undefined;
}

function isConstant(values: ArrayLike<number | null>, first: number): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && Number.isFinite(v) && v !== first) return false;
  }
  return true;
}
