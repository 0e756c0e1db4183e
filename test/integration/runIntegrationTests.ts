import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { findRepoRoot } from '../vscodeServer/tools';
import { copyExamplesWorkspace, removeWorkspace } from '../vscodeServer/workspace';

/**
 * Runs out/test/integration/suite in a real VS Code with the repository root as the development
 * extension and a temp copy of examples/ as the workspace. Offline (the default) VS Code is
 * code-server driven by scripts/code-server-launcher.sh; NN_VSCODE=desktop lets test-electron
 * download desktop VS Code instead, where Microsoft's update server is reachable.
 */
async function main(): Promise<number> {
  const root = findRepoRoot();
  const workspace = copyExamplesWorkspace(root);
  const desktop = process.env.NN_VSCODE === 'desktop';
  try {
    await runTests({
      ...(desktop ? {} : { vscodeExecutablePath: path.join(root, 'scripts', 'code-server-launcher.sh') }),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'suite', 'index.js'),
      // The tests need this extension alone; desktop VS Code would otherwise load the user's others.
      launchArgs: [workspace, '--disable-extensions'],
    });
    return 0;
  } catch (error) {
    // runTests rejects with the exit code; the suite has already printed its failures.
    console.error(`Integration tests failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    removeWorkspace(workspace);
  }
}

main().then((code) => process.exit(code));
