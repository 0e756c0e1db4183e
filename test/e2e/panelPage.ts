/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The functions passed to page.evaluate run in the browser: they need the DOM types.
/**
 * Serves the panel as VS Code would (the same HTML and CSP as panelHtml builds, the real bundle and
 * stylesheet) and opens it in headless Debian chromium with a stand-in for VS Code's webview API.
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { HostToPanelMessage, PanelState, PanelToHostMessage } from '../../src/shared/panelProtocol';
import { panelHtml } from '../../src/host/panel/panelHtml';
import { repoRoot } from '../helpers/tempDir';
import { VSCODE_THEMES } from './vscodeThemes';

/** The pages the extension's webviews show, each a bundle (with its own stylesheet) and a stylesheet in media/. */
export type PageName = 'panel' | 'sidebar' | 'compare';

/** The only files the page may load, as localResourceRoots limits a real panel to dist/webview and media. */
function pageFiles(name: PageName): Record<string, { file: string; type: string }> {
  return {
    [`/dist/webview/${name}.js`]: { file: `dist/webview/${name}.js`, type: 'text/javascript' },
    [`/media/${name}.css`]: { file: `media/${name}.css`, type: 'text/css' },
    [`/dist/webview/${name}.css`]: { file: `dist/webview/${name}.css`, type: 'text/css' },
  };
}

export interface PanelServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves one page (the training panel unless told) at `/`. */
export async function startPanelServer(name: PageName = 'panel'): Promise<PanelServer> {
  const files = pageFiles(name);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const origin = `http://${request.headers.host}`;
    if (url.pathname === '/') {
      const html = panelHtml({ cspSource: origin, scriptUri: `${origin}/dist/webview/${name}.js`, styleUri: `${origin}/media/${name}.css`, bundleStyleUri: `${origin}/dist/webview/${name}.css` });
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const served = files[url.pathname];
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (!served) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': served.type }).end(fs.readFileSync(path.join(repoRoot, served.file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export function launchChromium(): Promise<Browser> {
  // Playwright gives every launch a fresh temporary --user-data-dir and removes it on close.
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 30_000,
  });
}

interface PanelWindow {
  __posted: unknown[];
  __problems: string[];
}

/**
 * acquireVsCodeApi as VS Code's webview host provides it: one call per page load, messages cloned,
 * state kept across reloads of the page (here in sessionStorage, which survives a reload).
 * Added with addInitScript, so it runs before the page's own script without loosening its CSP.
 */
function installVsCodeApi(): void {
  const w = window as unknown as PanelWindow & { acquireVsCodeApi(): unknown };
  w.__posted = [];
  w.__problems = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__problems.push(`CSP blocked ${e.violatedDirective}: ${e.blockedURI}`));
  let acquired = false;
  w.acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return {
      postMessage: (message: unknown) => w.__posted.push(structuredClone(message)),
      getState: () => JSON.parse(sessionStorage.getItem('vscodeState') ?? 'null') ?? undefined,
      setState: (state: unknown) => sessionStorage.setItem('vscodeState', JSON.stringify(state)),
    };
  };
}

/**
 * The panel page, with what it posted and any CSP violation or script error it met. One browser tab
 * serves every test: a new tab costs a renderer process (most of a test's time), while `load`
 * gives each test a fresh document and empty webview state in the same tab. Typed with the training
 * panel's messages and state unless another page's are given.
 */
export class PanelPage<ToPage = HostToPanelMessage, FromPage = PanelToHostMessage, State = PanelState> {
  private readonly errors: string[] = [];

  private constructor(
    readonly page: Page,
    private readonly server: PanelServer,
  ) {
    page.on('pageerror', (error) => this.errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console error: ${message.text()} (${message.location().url})`);
    });
  }

  static async create<ToPage = HostToPanelMessage, FromPage = PanelToHostMessage, State = PanelState>(context: BrowserContext, server: PanelServer): Promise<PanelPage<ToPage, FromPage, State>> {
    const page = await context.newPage();
    await page.addInitScript(installVsCodeApi);
    return new PanelPage<ToPage, FromPage, State>(page, server);
  }

  /** Opens the panel as a new webview: no saved state, nothing posted yet. */
  async load(): Promise<void> {
    if (this.page.url().startsWith(this.server.origin)) await this.page.evaluate(() => sessionStorage.clear());
    this.errors.length = 0;
    await this.page.goto(this.server.origin);
  }

  /** Posts as the host does and resolves once the page has handled the message. */
  async send(message: ToPage): Promise<void> {
    // As JSON: the message is plain data, and its recursive types are too deep for evaluate's typing.
    await this.page.evaluate(
      (json) =>
        new Promise<void>((resolve) => {
          // Listeners run in the order they were added, so this one runs after the panel's.
          window.addEventListener('message', () => resolve(), { once: true });
          window.postMessage(JSON.parse(json), '*');
        }),
      JSON.stringify(message),
    );
  }

  posted(): Promise<FromPage[]> {
    return this.page.evaluate(() => (window as unknown as PanelWindow).__posted) as Promise<FromPage[]>;
  }

  state(): Promise<State | undefined> {
    return this.page.evaluate(() => JSON.parse(sessionStorage.getItem('vscodeState') ?? 'null') ?? undefined);
  }

  /** The saved state once `probe` holds for it (the page saves on its next frame, not within the click). */
  async stateWhen(probe: (state: State | undefined) => boolean, timeoutMs = 5_000): Promise<State | undefined> {
    const deadline = Date.now() + timeoutMs;
    let state = await this.state();
    while (!probe(state) && Date.now() < deadline) {
      await this.page.waitForTimeout(50);
      state = await this.state();
    }
    return state;
  }

  /** The rendered text of the first match, as a user reads it ('' when there is none). */
  text(selector: string): Promise<string> {
    return this.page.evaluate((s) => (document.querySelector(s) as HTMLElement | null)?.innerText.trim() ?? '', selector);
  }

  /** A table's body rows as cell texts; `within` is the section's CSS selector. */
  rows(within: string): Promise<string[][]> {
    return this.page.evaluate(
      (selector) =>
        [...document.querySelectorAll(`${selector} vscode-table-body vscode-table-row`)].map((row) =>
          [...row.querySelectorAll('vscode-table-cell')].map((cell) => cell.textContent ?? ''),
        ),
      within,
    );
  }

  headers(within: string): Promise<string[]> {
    return this.page.evaluate(
      (selector) => [...document.querySelectorAll(`${selector} vscode-table-header-cell`)].map((cell) => cell.textContent ?? ''),
      within,
    );
  }

  /** Themes the page as VS Code does: variables on <html>, the theme kind as a class on <body>. */
  async applyTheme(kind: keyof typeof VSCODE_THEMES): Promise<void> {
    await this.page.evaluate(({ bodyClass, variables }) => {
      // A theme sets only some variables (contrastBorder only in high contrast): the last theme's go first.
      const style = document.documentElement.style;
      for (const name of [...style].filter((n) => n.startsWith('--vscode-'))) style.removeProperty(name);
      for (const [name, value] of Object.entries(variables)) style.setProperty(name, value);
      document.body.classList.remove('vscode-light', 'vscode-dark', 'vscode-high-contrast');
      document.body.classList.add(bodyClass);
    }, VSCODE_THEMES[kind]);
  }

  /** CSP violations and script errors seen since the last call, for a test to assert there were none. */
  async problems(): Promise<string[]> {
    const inPage = await this.page.evaluate(() => (window as unknown as PanelWindow).__problems.splice(0));
    return [...this.errors.splice(0), ...inPage];
  }
}
