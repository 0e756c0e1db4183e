/** Axes of the canvas plots (the boundary's plane, the predicted-vs-true scatter): ranges and ticks. */

/** The smallest and largest finite value, widened by `pad` of their span on each side ([0, 1] with no value). */
export function paddedExtent(values: Iterable<number>, pad = 0.05): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  if (low > high) return [0, 1];
  if (low === high) return [low - 0.5, high + 0.5];
  const margin = (high - low) * pad;
  return [low - margin, high + margin];
}

/** Round tick values inside low..high, about `count` of them: steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  if (!(high > low) || !Number.isFinite(low) || !Number.isFinite(high)) return [];
  const raw = (high - low) / Math.max(count, 1);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step) {
    // Rounded to the step's decimals: 0.30000000000000004 reads as 0.3.
    ticks.push(Number(v.toFixed(Math.max(0, -Math.floor(Math.log10(step))))));
  }
  return ticks;
}

/** Maps `domain` linearly onto `range` (either may run backwards: a y axis grows upwards). */
export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): (value: number) => number {
  const span = d1 - d0;
  return (value) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
}
