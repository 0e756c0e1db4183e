/**
 * Column ranges written as Python slices (`"0:8"`, `":-1"`, `"2:"`), as tutorials select CSV columns
 * with `dataset[:, 0:8]` or `df.iloc[:, :-1]`. The end is excluded and negatives count from the end,
 * as in Python; unlike Python, a range past the columns is an error, since it means the file is not
 * the one the model file was written for.
 */

/** A written slice: its ends as written (negative, or absent for an open end). */
export interface ColumnSlice {
  readonly start?: number;
  readonly end?: number;
}

const SLICE = /^\s*(-?\d+)?\s*:\s*(-?\d+)?\s*$/;

/** True when the text is meant as a range rather than a column name: it has a colon. */
export function looksLikeSlice(text: string): boolean {
  return text.includes(':');
}

/** The slice `text` writes, or undefined when it is not `start:end` with whole numbers. */
export function parseColumnSlice(text: string): ColumnSlice | undefined {
  const match = SLICE.exec(text);
  if (!match) return undefined;
  return {
    ...(match[1] === undefined ? {} : { start: Number(match[1]) }),
    ...(match[2] === undefined ? {} : { end: Number(match[2]) }),
  };
}

/** The columns a slice selects among `columnCount`, in order; empty when it selects none or leaves the columns. */
export function sliceColumns(slice: ColumnSlice, columnCount: number): { columns: number[]; inRange: boolean } {
  const absolute = (end: number): number => (end < 0 ? columnCount + end : end);
  const start = slice.start === undefined ? 0 : absolute(slice.start);
  const end = slice.end === undefined ? columnCount : absolute(slice.end);
  const inRange = start >= 0 && start <= columnCount && end >= 0 && end <= columnCount;
  const columns: number[] = [];
  if (inRange) for (let c = start; c < end; c++) columns.push(c);
  return { columns, inRange };
}

/** How slices are written, for messages. */
export const SLICE_FORMS = '`"start:end"` with whole numbers, the end excluded, either end may be left open (`"0:8"`, `":-1"`, `"2:"`)';
