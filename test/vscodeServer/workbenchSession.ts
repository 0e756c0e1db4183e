import { after, before } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { openBrowser, workbenchUrl, type HeadlessBrowser } from './browser';
import { startCodeServer, type CodeServer } from './codeServer';
import { findRepoRoot } from './tools';
import { copyExamplesWorkspace, removeWorkspace } from './workspace';
import { waitForWorkbench } from './workbench';

/** One e2e test file's real VS Code: code-server with the built extension, a browser, a copy of examples/. */
export interface WorkbenchSession {
  page(): Page;
  /** The temp copy of examples/ the workbench has open. */
  workspace(): string;
  /** Opens the workbench on the workspace and waits until it is ready. */
  open(): Promise<void>;
  /** Saves `test-output/e2e/<prefix>-<name>.png`; never fails the test. */
  screenshot(name: string): Promise<void>;
}

/** Registers before/after hooks that start and always tear down the session of the calling test file. */
export function useWorkbenchSession(screenshotPrefix: string): WorkbenchSession {
  const root = findRepoRoot();
  const screenshots = path.join(root, 'test-output', 'e2e');
  let server: CodeServer | undefined;
  let browser: HeadlessBrowser | undefined;
  let workspace = '';

  before(async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    workspace = copyExamplesWorkspace(root);
    server = await startCodeServer({ installExtensionFrom: root });
    browser = await openBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (workspace) removeWorkspace(workspace);
  });

  const page = () => {
    if (!browser) throw new Error('the workbench session has not started');
    return browser.page;
  };
  return {
    page,
    workspace: () => workspace,
    async open() {
      await page().goto(workbenchUrl(server!.origin, workspace));
      await waitForWorkbench(page());
    },
    async screenshot(name) {
      await page()
        .screenshot({ path: path.join(screenshots, `${screenshotPrefix}-${name}.png`) })
        .catch(() => undefined);
    },
  };
}
