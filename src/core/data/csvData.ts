import * as fs from 'node:fs';
import * as path from 'node:path';
import { SpecError, type SpecPath } from '../diagnostics';
import { looksLikeSlice, parseColumnSlice } from './columnSlice';
import { chooseColumns, columnName } from './csvColumns';
import { parseCsvRecords, parseNumberCell } from './csvRecords';
import type { RawLabels, RawTable } from './rawData';
import { classesFromStrings } from './targets';

const CSV_PATH = ['data', 'csv'] as const;

/** The column choice of a `csv:` source. */
export interface CsvColumnsSpec {
  label?: string | number;
  features?: string | Array<string | number>;
}

/** Reads the CSV file of a `csv:` source; its path is relative to the model file's folder. */
export async function loadCsvFile(filePath: string, columns: CsvColumnsSpec, baseDir: string): Promise<RawTable> {
  const resolved = path.resolve(baseDir, filePath);
  let text: string;
  try {
    text = await fs.promises.readFile(resolved, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SpecError(CSV_PATH, `CSV file not found: ${resolved}: point this at your CSV file (a path relative to the model file's folder)`, 'file-not-found');
    if (code === 'EISDIR') throw new SpecError(CSV_PATH, `${resolved} is a folder, not a CSV file`);
    throw new SpecError(CSV_PATH, `cannot read ${resolved}: ${(err as Error).message}`);
  }
  return csvTable(text, filePath, columns);
}

/**
 * Turns CSV text into a table. The first row is a header when any of its feature cells is not a
 * number (or when columns are chosen by name). Feature cells must all be numbers; the label column
 * is numbers (class indices or values, the loss decides) or text (class names).
 */
export function csvTable(text: string, fileName: string, columns: CsvColumnsSpec): RawTable {
  const { records, lines } = parseCsvRecords(text, fileName);
  if (records.length === 0) throw new SpecError(CSV_PATH, `${fileName} is empty`);
  const first = records[0];
  const columnCount = first.length;
  const header = isHeader(first, columns, fileName) ? first : undefined;
  const choice = chooseColumns(columns.label, columns.features, header, columnCount, fileName);
  const skip = header ? 1 : 0;
  const count = records.length - skip;
  if (count === 0) throw new SpecError(CSV_PATH, `${fileName} has a header row but no data rows`);

  const width = choice.features.length;
  const features = new Float32Array(count * width);
  const labelCells: string[] = new Array<string>(count);
  for (let r = 0; r < count; r++) {
    const record = records[r + skip];
    const where = `${fileName}:${lines[r + skip]}`;
    for (let f = 0; f < width; f++) {
      const column = choice.features[f];
      const value = parseNumberCell(record[column]);
      if (value === undefined) {
        const what = record[column] === '' ? 'is empty' : `holds '${record[column]}'`;
        throw new SpecError(CSV_PATH, `${where}: ${columnName(column, header)} ${what}, not a number`);
      }
      features[r * width + f] = value;
    }
    labelCells[r] = record[choice.label];
  }
  const labelPath: SpecPath = columns.label === undefined ? CSV_PATH : ['data', 'label'];
  const labelWhere = (r: number): string => `${fileName}:${lines[r + skip]}`;
  return {
    name: path.basename(fileName),
    featureShape: [width],
    featureNames: header && choice.features.map((column) => header[column]),
    isImage: false,
    count,
    features,
    labels: labelsFromCells(labelCells, labelWhere, columnName(choice.label, header), labelPath),
    labelPath,
    labelName: `the label ${columnName(choice.label, header)}`,
  };
}

/** With names in the spec the first row must be the header; else a non-number feature cell marks one. */
function isHeader(first: string[], columns: CsvColumnsSpec, fileName: string): boolean {
  // A range (`"0:8"`) names no column, so it says nothing about a header; a malformed one may be a name.
  const refs = typeof columns.features === 'string' ? [columns.features] : (columns.features ?? []);
  const byName = typeof columns.label === 'string' || refs.some((f) => typeof f === 'string' && !(looksLikeSlice(f) && parseColumnSlice(f)));
  if (byName) return first.some((cell) => parseNumberCell(cell) === undefined);
  const { features } = chooseColumns(columns.label, columns.features, undefined, first.length, fileName);
  return features.some((c) => parseNumberCell(first[c]) === undefined);
}

/** Cells that mean "missing" in common exports (pandas, R, UCI's `?`). */
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?']);

function labelsFromCells(
  cells: string[],
  where: (row: number) => string,
  column: string,
  labelPath: SpecPath,
): RawLabels {
  const empty = cells.indexOf('');
  if (empty >= 0) throw new SpecError(labelPath, `${where(empty)}: the label (${column}) is empty`);
  const numbers = new Float64Array(cells.length);
  let firstText = -1;
  let numeric = 0;
  cells.forEach((cell, r) => {
    const value = parseNumberCell(cell);
    if (value === undefined) {
      if (firstText < 0) firstText = r;
    } else {
      numbers[r] = value;
      numeric++;
    }
  });
  if (firstText < 0) return { kind: 'numbers', values: numbers };
  // Numbers with a few `NA`s are a regression column with missing values, not a set of class names.
  const missing = cells.findIndex((cell) => MISSING.has(cell.toLowerCase()));
  if (numeric > 0 && missing >= 0) {
    throw new SpecError(labelPath, `${where(missing)}: the label (${column}) is missing ('${cells[missing]}')`);
  }
  return classesFromStrings(cells);
}
