/** Python source text for plain values: what the exported script writes for numbers, strings and shapes. */

/** A number as Python reads it back: integers bare, floats as JavaScript prints them (`0.05`, `1e-7`). */
export function pyNumber(value: number): string {
  return String(value);
}

/** A number Python must read as a float, so that `x / 255.0` reads as the float division it is. */
export function pyFloat(value: number): string {
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

/** A single-quoted Python string, as tutorials write them. */
export function pyString(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

/** A tuple, as Keras takes shapes and window sizes: `(2,)`, `(3, 3)`. */
export function pyTuple(items: readonly unknown[]): string {
  const parts = items.map(pyValue);
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}

/** Any JSON-like value: lists as Python lists, null as None, booleans as True/False. */
export function pyValue(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyValue).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyString(k)}: ${pyValue(v)}`);
  return `{${entries.join(', ')}}`;
}

/** A call with positional then keyword arguments: `Dense(16, activation='relu')`. */
export function pyCall(callee: string, positional: readonly string[], keywords: ReadonlyArray<readonly [string, string]> = []): string {
  return `${callee}(${[...positional, ...keywords.map(([k, v]) => `${k}=${v}`)].join(', ')})`;
}
