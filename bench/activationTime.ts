import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { median } from './median';

/** Starts of VS Code, each reading one activation. */
const ROUNDS = Number(process.env.BENCH_ACTIVATION_ROUNDS ?? 3);
/**
 * A budget for activate() itself: VS Code's extension guidelines ask for activation that does not
 * delay the editor; 50 ms is a tenth of the half second a user notices on opening a folder.
 */
const ACTIVATE_TARGET_MS = 50;

export interface ActivationTiming {
  /** activate()'s own time. */
  activateMs: number;
  /** From the extension bundle starting to load to VS Code calling activate(). */
  moduleMs: number;
}

/**
 * One activation in a real VS Code: the integration runner (code-server and headless chromium,
 * `npm run setup`) with only the activation test, which prints the figures the extension measured
 * on itself (its test API); the reason instead when the runner cannot start here.
 */
export function timeActivation(root: string): ActivationTiming | string {
  const runner = path.join(root, 'out', 'test', 'integration', 'runIntegrationTests.js');
  if (!fs.existsSync(runner)) return 'the tests are not compiled (npm run compile-tests)';
  if (!fs.existsSync(path.join(root, '.tools', 'code-server'))) return 'no code-server here (npm run setup)';
  const result = spawnSync(process.execPath, [runner], {
    cwd: root,
    encoding: 'utf8',
    // The restricted suite has no activation test, so NN_TEST_ONLY skips it.
    env: { ...process.env, NN_TEST_ONLY: 'activation' },
    timeout: 5 * 60_000,
  });
  const match = /activation: activate\(\) ([\d.]+) ms; ([\d.]+) ms from the bundle's load/.exec(result.stdout);
  if (result.status !== 0 || !match) return `the activation test failed (${result.status}): ${(result.stderr || result.stdout).slice(-500)}`;
  return { activateMs: Number(match[1]), moduleMs: Number(match[2]) };
}

/** Section 10: extension activation in a real VS Code, medians of a few starts. */
export function benchActivation(root = process.cwd()): void {
  console.log(`\n10. Extension activation in a real VS Code (${ROUNDS} starts of code-server, medians)`);
  const timings: ActivationTiming[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const timing = timeActivation(root);
    if (typeof timing === 'string') {
      console.log(`   skipped: ${timing}`);
      return;
    }
    timings.push(timing);
  }
  const activate = median(timings.map((t) => t.activateMs));
  const load = median(timings.map((t) => t.moduleMs));
  console.log(
    `   activate() ${activate.toFixed(1)} ms (${(activate / ACTIVATE_TARGET_MS).toFixed(2)}x of a ${ACTIVATE_TARGET_MS} ms budget); ` +
      `VS Code's own work between loading the bundle and calling activate() ${load.toFixed(0)} ms`,
  );
  console.log(`   starts: ${timings.map((t) => `${t.activateMs.toFixed(1)} / ${t.moduleMs.toFixed(0)}`).join(', ')} ms (activate() / bundle load to activate())`);
  console.log('   TensorFlow.js and the training code are never loaded on the extension host: this is what opening a model file costs the editor.');
}
