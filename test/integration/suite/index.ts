import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

/**
 * Called by VS Code inside the extension host (Node 24 under code-server): runs every *.test.js
 * beside this file with mocha (bdd) and rejects when any test fails, which becomes the exit code.
 * Its console output is what reaches the runner's stdout, so it ends with `N passed, N failed`
 * on its own line for CI; mocha's "N passing" is not that line.
 */
export function run(): Promise<void> {
  // The workbench forwards console.log's arguments joined by spaces, without applying format
  // strings: reporters would print "%s passing". Format here, log one string.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec' });
  // NN_TEST_ONLY=editing runs only the files whose name contains it (while working on one feature).
  const only = process.env.NN_TEST_ONLY;
  const files = fs.readdirSync(__dirname).filter((file) => file.endsWith('.test.js') && (!only || file.includes(only))).sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run(() => {
      console.log(`${passed} passed, ${failed} failed`);
      if (failed > 0) reject(new Error(`${failed} integration test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
  });
}
