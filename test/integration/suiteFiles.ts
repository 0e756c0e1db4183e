import * as fs from 'fs';

/**
 * The compiled test files of a suite folder, sorted; NN_TEST_ONLY=editing keeps only the files whose
 * name contains it (while working on one feature). The runner skips a suite this leaves empty.
 */
export function suiteFiles(dir: string, only = process.env.NN_TEST_ONLY): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.test.js') && (!only || file.includes(only)))
    .sort();
}
