import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';
import { suiteFiles } from './suiteFiles';

/**
 * Called by VS Code inside the extension host (Node 24 under code-server), through a suite folder's
 * index.js: runs the folder's *.test.js with mocha (bdd) and rejects when any test fails, which
 * becomes the exit code. Its console output is what reaches the runner's stdout, so it ends with
 * `N passed, N failed` on its own line for CI; mocha's "N passing" is not that line.
 */
export function runMochaSuite(dir: string): Promise<void> {
  // The workbench forwards console.log's arguments joined by spaces, without applying format
  // strings: reporters would print "%s passing". Format here, log one string.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec' });
  for (const file of suiteFiles(dir)) mocha.addFile(path.join(dir, file));

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
