/** Nested number arrays as written in model files (inline data, prediction inputs). */

/** The shape of a nested array, read along its first elements ([] for a number); undefined if not numbers. */
export function nestedShape(value: unknown): number[] | undefined {
  const shape: number[] = [];
  let v = value;
  while (Array.isArray(v)) {
    shape.push(v.length);
    if (v.length === 0) return shape;
    v = v[0];
  }
  return typeof v === 'number' ? shape : undefined;
}

/**
 * Writes `value` row-major into `out` at `offset` if it has exactly `shape` (a number for []) and
 * holds only finite numbers; returns false otherwise (`out` may then be partly written).
 */
export function flattenInto(value: unknown, shape: readonly number[], out: Float32Array, offset: number): boolean {
  let pos = offset;
  const visit = (v: unknown, depth: number): boolean => {
    if (depth === shape.length) {
      if (typeof v !== 'number' || !Number.isFinite(v)) return false;
      out[pos++] = v;
      return true;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) return false;
    for (const item of v) if (!visit(item, depth + 1)) return false;
    return true;
  };
  return visit(value, 0);
}

/** Why `value` does not fit `expected`, phrased to follow "sample 3 ...". */
export function shapeProblem(value: unknown, expected: readonly number[], expectedWhat: string): string {
  const shape = nestedShape(value);
  if (!shape) return 'is not a number or a nested list of numbers';
  if (shape.join() !== expected.join()) {
    return `has shape ${formatShape(shape)}, but ${expectedWhat} ${formatShape(expected)}`;
  }
  return 'is ragged or holds something that is not a finite number';
}

/** `[28, 28]`, or `a number` for the scalar shape. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 0 ? 'a number' : `[${shape.join(', ')}]`;
}
