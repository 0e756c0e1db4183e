import { execFileSync } from 'child_process';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { findRepoRoot } from '../vscodeServer/tools';
import { copyExamplesWorkspace, removeWorkspace, setWorkspaceSetting } from '../vscodeServer/workspace';
import { suiteFiles } from './suiteFiles';
import { RESTRICTED_WORKSPACE_SETTINGS } from './restricted/restrictedWorkspace';

interface Suite {
  name: string;
  /** Folder of out/test/integration holding the suite's index.js and *.test.js. */
  folder: string;
  /** Env for the launcher and the extension host. */
  env?: Record<string, string>;
  /** Fills the temp workspace (a copy of examples/) before VS Code opens it. */
  prepare?(workspace: string, root: string): void;
}

const SUITES: Suite[] = [
  { name: 'integration', folder: 'suite' },
  {
    // A second, short start of VS Code: the workspace untrusted, with runs trained beforehand (the
    // suite checks that existing runs show while Train cannot run) and restricted settings set.
    name: 'Restricted Mode',
    folder: 'restricted',
    env: { NN_WORKSPACE_TRUST: 'restricted' },
    prepare(workspace, root) {
      // Two runs, so Compare Runs has something to compare.
      for (const epochs of ['20', '10']) {
        execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'train', path.join(workspace, 'xor.nn.yaml'), '--epochs', epochs, '--backend', 'cpu'], { stdio: 'ignore' });
      }
      for (const [key, value] of Object.entries(RESTRICTED_WORKSPACE_SETTINGS)) setWorkspaceSetting(workspace, key, value);
    },
  },
];

/**
 * Runs out/test/integration/suite in a real VS Code with the repository root as the development
 * extension and a temp copy of examples/ as the workspace, then out/test/integration/restricted the
 * same way in Restricted Mode. Offline (the default) VS Code is code-server driven by
 * scripts/code-server-launcher.sh; NN_VSCODE=desktop lets test-electron download desktop VS Code
 * instead, where Microsoft's update server is reachable (there test-electron always passes
 * --disable-workspace-trust, so the Restricted Mode suite is skipped).
 */
async function main(): Promise<number> {
  const root = findRepoRoot();
  const desktop = process.env.NN_VSCODE === 'desktop';
  let failed = 0;
  for (const suite of SUITES) {
    const folder = path.join(root, 'out', 'test', 'integration', suite.folder);
    if (suiteFiles(folder).length === 0) continue;
    if (desktop && suite.env?.NN_WORKSPACE_TRUST) {
      console.log(`Skipping the ${suite.name} suite: desktop VS Code under test-electron always starts with --disable-workspace-trust.`);
      continue;
    }
    const started = Date.now();
    if (!(await runSuite(root, suite, desktop))) failed++;
    console.log(`${suite.name} suite: ${Math.round((Date.now() - started) / 1000)} s`);
  }
  return failed > 0 ? 1 : 0;
}

async function runSuite(root: string, suite: Suite, desktop: boolean): Promise<boolean> {
  const workspace = copyExamplesWorkspace(root);
  try {
    suite.prepare?.(workspace, root);
    await runTests({
      ...(desktop ? {} : { vscodeExecutablePath: path.join(root, 'scripts', 'code-server-launcher.sh') }),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'integration', suite.folder, 'index.js'),
      extensionTestsEnv: suite.env,
      // The tests need this extension alone; desktop VS Code would otherwise load the user's others.
      launchArgs: [workspace, '--disable-extensions'],
    });
    return true;
  } catch (error) {
    // runTests rejects with the exit code; the suite has already printed its failures.
    console.error(`The ${suite.name} tests failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  } finally {
    removeWorkspace(workspace);
  }
}

if (require.main === module) main().then((code) => process.exit(code));
