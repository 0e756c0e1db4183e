/** The column names of a model file's CSV, for completing `label:` and `features:`. */
import * as fs from 'fs';
import * as path from 'path';
import { parseCsvRecords } from '../data/csvRecords';

/** A header row is far shorter than this; reading no more keeps a large CSV from slowing completion. */
const HEADER_BYTES = 64 * 1024;

/** The names in the first row of the CSV at `csvPath` (relative to the model file), or undefined when it has none. */
export function readCsvHeader(modelFile: string, csvPath: string): string[] | undefined {
  const file = path.resolve(path.dirname(modelFile), csvPath);
  let text: string;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(HEADER_BYTES);
      const read = fs.readSync(fd, buffer, 0, HEADER_BYTES, 0);
      text = buffer.subarray(0, read).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const firstLine = text.split(/\r?\n/)[0] ?? '';
  try {
    const first = parseCsvRecords(firstLine, path.basename(file)).records[0];
    // A first row of numbers is data, not a header: its columns have no names to offer.
    return first && first.some((cell) => cell !== '' && Number.isNaN(Number(cell))) ? first : undefined;
  } catch {
    return undefined;
  }
}
