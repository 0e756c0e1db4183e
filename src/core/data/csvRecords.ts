import { parse } from 'csv-parse/sync';
import { SpecError } from '../diagnostics';

const CSV_PATH = ['data', 'csv'] as const;

/** The records of a CSV file with the 1-based line each ends on (for error messages). */
export interface CsvRecords {
  records: string[][];
  lines: number[];
}

/** Parses CSV text (comma, semicolon or tab separated); syntax problems become SpecErrors at data.csv. */
export function parseCsvRecords(text: string, fileName: string): CsvRecords {
  let parsed: Array<{ record: string[]; info: { lines: number } }>;
  try {
    parsed = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (err) {
    throw new SpecError(CSV_PATH, `${fileName}: ${(err as Error).message}`);
  }
  return { records: parsed.map((p) => p.record), lines: parsed.map((p) => p.info.lines) };
}

/**
 * The separator used by the first line: the most frequent of comma, semicolon and tab (comma on a
 * tie), so European `;` files and TSV exports load without an option for it.
 */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 50).find((line) => line.trim() !== '') ?? '';
  let best = ',';
  let bestCount = count(firstLine, ',');
  for (const candidate of [';', '\t']) {
    const n = count(firstLine, candidate);
    if (n > bestCount) {
      best = candidate;
      bestCount = n;
    }
  }
  return best;
}

function count(line: string, ch: string): number {
  let n = 0;
  for (const c of line) if (c === ch) n++;
  return n;
}

/** The number in a cell, or undefined for text, empty cells and non-finite values. */
export function parseNumberCell(cell: string): number | undefined {
  if (cell === '') return undefined;
  const value = Number(cell);
  return Number.isFinite(value) ? value : undefined;
}
