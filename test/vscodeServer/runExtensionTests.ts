import * as fs from 'fs';
import * as path from 'path';
import { automationLogText, isWorkbenchChatter } from './automationLog';
import { openBrowser, remoteUri, workbenchUrl, HeadlessBrowser } from './browser';
import { startCodeServer, CodeServer } from './codeServer';
import { clickTrustInTrustEditor, TRUST_REQUEST } from './workspaceTrust';

export interface ExtensionTestRun {
  extensionDevelopmentPaths: string[];
  /** The suite's index.js (or its folder), whose run() the extension host calls. */
  extensionTestsPath: string;
  /** Folder the window opens. */
  folder: string;
  timeoutMs: number;
  /** Where a screenshot goes when the run times out. */
  screenshotDir?: string;
  /** Also print code-server's own output and the page's console errors. */
  verbose?: boolean;
  /** Workspace Trust on: the folder opens in Restricted Mode, and the tests may ask for it to be trusted. */
  restricted?: boolean;
}

/**
 * Runs extension tests in code-server the way @vscode/test-electron runs them in desktop VS Code:
 * the workbench reads the smoke-test-driver payload, starts the development extension host with the
 * tests, sends their log lines to codeAutomationLog and their exit code to codeAutomationExit.
 * Resolves to that exit code (1 on timeout); the server and browser are always ended.
 */
export async function runExtensionTests(run: ExtensionTestRun, onCleanupReady?: (cleanup: () => Promise<void>) => void): Promise<number> {
  let server: CodeServer | undefined;
  let browser: HeadlessBrowser | undefined;
  const cleanup = async () => {
    await browser?.close();
    await server?.stop();
  };
  onCleanupReady?.(cleanup);
  let timer: NodeJS.Timeout | undefined;
  try {
    server = await startCodeServer({ smokeTestDriver: true, workspaceTrust: run.restricted, log: run.verbose ? (line) => console.error(`[code-server] ${line}`) : undefined });
    browser = await openBrowser();
    const page = browser.page;
    const origin = server.origin;
    let onExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (onExit = resolve));
    // Both must exist before the page loads: the workbench looks them up on window.
    await page.exposeFunction('codeAutomationExit', (code: number) => onExit(code));
    await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
      if (run.restricted && automationLogText(message) === TRUST_REQUEST) {
        // The test waits for the grant; a click that fails leaves it to time out with its own message.
        void clickTrustInTrustEditor(page).catch((error: unknown) => console.error(`Could not trust the workspace: ${error instanceof Error ? error.message : String(error)}`));
        return;
      }
      printAutomationLog(level, message, run.verbose ?? false);
    });
    if (run.verbose) page.on('console', (m) => m.type() === 'error' && console.error(`[page] ${m.text()}`));

    const payload: [string, string][] = [
      ...run.extensionDevelopmentPaths.map((p): [string, string] => ['extensionDevelopmentPath', remoteUri(origin, path.resolve(p))]),
      ['extensionTestsPath', remoteUri(origin, path.resolve(run.extensionTestsPath))],
      ['skipWelcome', 'true'],
    ];
    await page.goto(workbenchUrl(origin, path.resolve(run.folder), payload));

    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), run.timeoutMs)));
    const result = await Promise.race([exited, timedOut]);
    if (result === 'timeout') {
      console.error(`\nTIMEOUT: the extension tests did not finish within ${Math.round(run.timeoutMs / 1000)} s; ending code-server and chromium.`);
      if (run.screenshotDir) {
        fs.mkdirSync(run.screenshotDir, { recursive: true });
        const file = path.join(run.screenshotDir, 'timeout.png');
        await page.screenshot({ path: file, timeout: 10_000 }).then(() => console.error(`Screenshot: ${file}`), () => undefined);
      }
      return 1;
    }
    return result;
  } finally {
    clearTimeout(timer);
    await cleanup();
  }
}

/** Test output to stdout, warnings and errors to stderr, known workbench chatter nowhere. */
function printAutomationLog(level: string, message: unknown, verbose: boolean): void {
  const text = automationLogText(message);
  if (!verbose && isWorkbenchChatter(text)) return;
  if (level === 'error' || level === 'warn') process.stderr.write(`${text}\n`);
  else process.stdout.write(`${text}\n`);
}
