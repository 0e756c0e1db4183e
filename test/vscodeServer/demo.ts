import * as fs from 'fs';
import * as path from 'path';
import { openBrowser, workbenchUrl } from './browser';
import { firstFreePortFrom, startCodeServer } from './codeServer';
import { findRepoRoot } from './tools';
import type { Page } from 'playwright-core';
import { paletteRows, quickOpenFile, runFromPalette, waitForWorkbench, watchNotifications } from './workbench';

/**
 * `npm run demo` (scripts/demo.mjs bundles and runs this): code-server on 127.0.0.1:8080 (or the
 * next free port; PORT overrides) with the built extension installed and the repo's examples/ open,
 * until Ctrl-C. With --check it proves the demo works instead: a headless browser opens the same
 * plain URL a person would, finds the extension's commands in the palette and validates xor.nn.yaml,
 * then everything stops (exit 0 on success).
 */
export async function runDemo(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const root = findRepoRoot();
  const examples = path.join(root, 'examples');
  // Ctrl-C (or a test's SIGTERM) must not leave code-server and its extension hosts running; listen
  // before starting it, so a signal during start-up is honoured once it is up.
  const signalled = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  const port = await firstFreePortFrom(Number(process.env.PORT ?? 8080));
  console.log(`Starting code-server with Neural Network Trainer on 127.0.0.1:${port} ...`);
  const server = await startCodeServer({ port, installExtensionFrom: root, openFolder: examples });
  const url = workbenchUrl(server.origin, examples);
  // The same URL, readable: the folder path left unescaped except where a URL needs it.
  const shownUrl = `${server.origin}/?folder=${encodeURI(examples)}`;

  const stopSignal = Promise.race([signalled, server.exited.then((code) => `code-server exited (${code})`)]);

  if (check) {
    try {
      const result = await Promise.race([checkDemo(url, path.join(root, 'test-output', 'demo')).then(() => 'passed'), stopSignal]);
      if (result !== 'passed') throw new Error(result);
      console.log('demo check passed');
      return 0;
    } catch (error) {
      console.error(`demo check FAILED: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    } finally {
      await server.stop();
    }
  }

  console.log(`\n  Neural Network Trainer demo (VS Code ${codeVersion(root)} in the browser):\n\n    ${shownUrl}\n\n  Press Ctrl-C to stop.\n`);
  const signal = await stopSignal;
  console.log(`\n${signal}: stopping code-server ...`);
  await server.stop();
  return signal.startsWith('code-server') ? 1 : 0;
}

async function checkDemo(url: string, screenshots: string): Promise<void> {
  const browser = await openBrowser();
  const page = browser.page;
  try {
    await page.goto(url);
    await waitForWorkbench(page);
    // Commands reach the palette once the remote extension host has scanned the extension.
    const rows = await waitForPaletteRow(page, 'Neural Network: Train Model', 60_000);
    console.log(`palette: ${rows.join(' | ')}`);
    // Validate proves the extension activates and works, and writes nothing into examples/.
    await quickOpenFile(page, 'xor.nn.yaml');
    const seen = watchNotifications(page);
    await runFromPalette(page, 'Neural Network: Validate Model File');
    const valid = await seen.waitFor((text) => /\bxor is valid\b/.test(text), 30_000);
    seen.stop();
    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, 'check.png') });
    if (!valid) throw new Error(`no "xor is valid" notification; saw ${JSON.stringify(seen.texts())}`);
    console.log(`notification: ${valid}`);
  } finally {
    await browser.close();
  }
}

async function waitForPaletteRow(page: Page, label: string, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await paletteRows(page, 'Neural Network:', 5_000);
    await page.keyboard.press('Escape');
    if (rows.includes(label)) return rows;
    if (Date.now() > deadline) throw new Error(`the extension's commands never reached the palette; rows: ${rows.join(' | ')}`);
    await page.waitForTimeout(1_000);
  }
}

function codeVersion(root: string): string {
  try {
    const pkg = path.join(root, '.tools/code-server/node_modules/code-server/lib/vscode/package.json');
    return JSON.parse(fs.readFileSync(pkg, 'utf8')).version;
  } catch {
    return '';
  }
}
