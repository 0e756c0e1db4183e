/** What the exported script must know of a model file's CSV that the model file does not say. */
import * as fs from 'fs';
import * as path from 'path';
import { parseCsvRecords } from '../../data/csvRecords';
import { readCsvHeader } from '../../editing/csvHeader';
import { valueOf, type RawMap } from '../../modelFile/rawValues';
import type { DataFacts } from './dataCode';

/** Enough rows to tell class names from numbers, without reading a large file whole. */
const SAMPLE_BYTES = 256 * 1024;

/**
 * Whether the CSV has a header row and string labels, and its path as seen from the script. A CSV
 * that cannot be read gives no facts: the script then reads it as pandas does by default.
 */
export function csvFacts(modelPath: string, data: RawMap, scriptPath: string | undefined): DataFacts {
  const csv = valueOf(data, 'csv');
  if (typeof csv !== 'string') return {};
  const facts: DataFacts = {};
  if (scriptPath !== undefined && !path.isAbsolute(csv)) {
    const relative = path.relative(path.dirname(path.resolve(scriptPath)), path.resolve(path.dirname(modelPath), csv));
    facts.csvPath = relative.split(path.sep).join('/');
  }
  const header = readCsvHeader(modelPath, csv);
  facts.csvHasHeader = header !== undefined;
  const rows = sampleRows(path.resolve(path.dirname(modelPath), csv));
  if (!rows) return facts;
  const samples = header ? rows.slice(1) : rows;
  const width = rows[0]?.length ?? 0;
  const label = valueOf(data, 'label');
  let column = width - 1;
  if (typeof label === 'number') column = label < 0 ? width + label : label;
  else if (typeof label === 'string' && header) column = header.indexOf(label);
  facts.csvLabelsAreNames = column >= 0 && samples.some((row) => row[column] !== undefined && row[column] !== '' && Number.isNaN(Number(row[column])));
  return facts;
}

function sampleRows(file: string): string[][] | undefined {
  try {
    const fd = fs.openSync(file, 'r');
    let text: string;
    let full: boolean;
    try {
      const buffer = Buffer.alloc(SAMPLE_BYTES);
      const read = fs.readSync(fd, buffer, 0, SAMPLE_BYTES, 0);
      text = buffer.subarray(0, read).toString('utf8');
      full = read === SAMPLE_BYTES;
    } finally {
      fs.closeSync(fd);
    }
    // A cut last line would be half a row.
    const complete = full ? text.slice(0, text.lastIndexOf('\n') + 1) : text;
    return parseCsvRecords(complete, path.basename(file)).records;
  } catch {
    return undefined;
  }
}
