import { chromium, Browser, Page } from 'playwright-core';
import { findTools } from './tools';

export interface HeadlessBrowser {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/**
 * Debian's chromium, headless, through playwright-core (its own browsers cannot be downloaded here).
 * playwright gives it a fresh temp profile; the flags keep it from calling home.
 */
export async function openBrowser(viewport = { width: 1600, height: 1000 }): Promise<HeadlessBrowser> {
  const browser = await chromium.launch({
    executablePath: findTools().chromium,
    headless: true,
    // playwright's own handlers would exit(130) at once, before our cleanup ends code-server.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  try {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    let closed: Promise<void> | undefined;
    return { browser, page, close: () => (closed ??= browser.close().catch(() => undefined)) };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

/** The workbench URL for a folder, optionally with a smoke-test-driver payload (key/value pairs). */
export function workbenchUrl(origin: string, folder: string, payload?: [string, string][]): string {
  const url = new URL(origin);
  url.searchParams.set('folder', folder);
  if (payload) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** A path on the server's machine as the workbench names it (`vscode-remote://host:port/abs/path`). */
export function remoteUri(origin: string, absPath: string): string {
  return `vscode-remote://${new URL(origin).host}${absPath}`;
}
