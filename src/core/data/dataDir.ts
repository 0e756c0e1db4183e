import * as fs from 'node:fs';
import * as path from 'node:path';

let found: string | undefined;

/**
 * The folder with the built-in CSV data sets (iris.csv, digits.csv): the first `data/` with an
 * iris.csv found walking up from `start`. The code runs from out/src/core/data/ in tests and from a
 * one-file bundle in dist/ otherwise, so no fixed relative path fits both.
 */
export function builtinDataDir(start: string = __dirname): string {
  if (start === __dirname && found) return found;
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'data');
    if (fs.existsSync(path.join(candidate, 'iris.csv'))) {
      if (start === __dirname) found = candidate;
      return candidate;
    }
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`The built-in data sets (data/iris.csv, data/digits.csv) were not found above ${start}.`);
}
