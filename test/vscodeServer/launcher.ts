import * as path from 'path';
import { findRepoRoot } from './tools';
import { runExtensionTests } from './runExtensionTests';

/**
 * The "VS Code executable" that scripts/code-server-launcher.sh hands to @vscode/test-electron's
 * runTests: it takes the desktop CLI's arguments and runs the tests in code-server + headless chromium.
 * Arguments code-server has no use for (--no-sandbox, --user-data-dir, --disable-extensions, ...) are
 * ignored: every run gets fresh temp folders and an empty extensions folder anyway.
 */
export function parseVscodeArgs(argv: string[]): { extensionDevelopmentPaths: string[]; extensionTestsPath?: string; folder?: string } {
  const extensionDevelopmentPaths: string[] = [];
  let extensionTestsPath: string | undefined;
  let folder: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inlineValue ?? argv[++i];
    if (flag === '--extensionDevelopmentPath') extensionDevelopmentPaths.push(value());
    else if (flag === '--extensionTestsPath') extensionTestsPath = value();
    else if (!arg.startsWith('-') && folder === undefined) folder = arg;
  }
  return { extensionDevelopmentPaths, extensionTestsPath, folder };
}

async function main(): Promise<number> {
  const args = parseVscodeArgs(process.argv.slice(2));
  if (args.extensionDevelopmentPaths.length === 0 || !args.extensionTestsPath || !args.folder) {
    console.error('usage: code-server-launcher <folder> --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [desktop VS Code flags, ignored]');
    return 2;
  }
  // The suite takes 5-7 minutes on 2 cores (2 of them the 100 train/stop cycles); a busier machine needs more.
  const timeoutMs = Number(process.env.NN_TEST_TIMEOUT_MS ?? 20 * 60_000);
  let cleanup: (() => Promise<void>) | undefined;
  // runTests sends SIGINT on Ctrl-C; the server and browser must not outlive us.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: ending code-server and chromium`);
      void (cleanup?.() ?? Promise.resolve()).finally(() => process.exit(130));
    });
  }
  return runExtensionTests(
    {
      extensionDevelopmentPaths: args.extensionDevelopmentPaths,
      extensionTestsPath: args.extensionTestsPath,
      folder: args.folder,
      timeoutMs,
      screenshotDir: path.join(findRepoRoot(), 'test-output', 'integration'),
      verbose: process.env.NN_TEST_VERBOSE === '1',
      // runIntegrationTests sets it for the Restricted Mode suite (test-electron's own
      // --disable-workspace-trust is ignored here, like its other desktop flags).
      restricted: process.env.NN_WORKSPACE_TRUST === 'restricted',
    },
    (c) => (cleanup = c),
  );
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.stack ?? error.message : error);
      process.exit(1);
    },
  );
}
