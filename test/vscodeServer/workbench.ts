import type { Page } from 'playwright-core';

/**
 * Driving the VS Code workbench in a page the way a person does: keys and visible rows. Selectors
 * are the workbench's own CSS classes and ARIA roles (stable across VS Code 1.9x-1.13x).
 */
const quickInput = '.quick-input-widget';
const quickInputRow = `${quickInput} [role="option"]`;

/** Resolves once the workbench has rendered and the folder's explorer is shown. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: timeoutMs });
  // Keys go to the focused element: focus the workbench itself, not the page's body.
  await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 }, trial: false }).catch(() => undefined);
}

/** F1, then the text: the palette's rows (labels, with their category) matching it. */
export async function paletteRows(page: Page, text: string, timeoutMs = 15_000): Promise<string[]> {
  await openPalette(page);
  await page.keyboard.type(text);
  try {
    await page.locator(quickInputRow).first().waitFor({ timeout: timeoutMs });
  } catch {
    return [];
  }
  // Rows update as the filter runs; give it a beat to settle before reading.
  await page.waitForTimeout(300);
  return page.locator(quickInputRow).evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? row.textContent ?? ''));
}

/** Runs a command from the palette by its visible label, e.g. "Neural Network: Train Model". */
export async function runFromPalette(page: Page, label: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // The row appears only once the extension's contributions are registered: retry until then.
  for (;;) {
    const rows = await paletteRows(page, label, 5_000);
    const index = rows.findIndex((row) => row.includes(label));
    if (index >= 0) {
      await page.locator(quickInputRow).nth(index).click();
      return;
    }
    await page.keyboard.press('Escape');
    if (Date.now() > deadline) throw new Error(`No palette row "${label}"; rows were: ${rows.join(' | ') || '(none)'}`);
    await page.waitForTimeout(1_000);
  }
}

/** Ctrl+P, the file name, Enter: opens a workspace file in an editor and waits for its tab. */
export async function quickOpenFile(page: Page, fileName: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    await page.locator(`${quickInput} input`).waitFor({ timeout: 10_000 });
    await page.keyboard.type(fileName);
    // File search finishes a moment after the first rows; pick the row that names the file.
    const row = page.locator(quickInputRow).filter({ hasText: fileName }).first();
    if (await row.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {
      await row.click();
      await page.locator(`.tabs-container .tab[aria-label*="${fileName}"]`).first().waitFor({ timeout: 10_000 });
      return;
    }
    if (Date.now() > deadline) throw new Error(`Quick open found no "${fileName}"`);
  }
}

/** The texts of the notifications now on screen (toasts). */
export async function notificationTexts(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
}

/** Polls the toasts every 250 ms and remembers each distinct text, so a toast that closes is not missed. */
export function watchNotifications(page: Page) {
  const texts = new Set<string>();
  const timer = setInterval(() => {
    notificationTexts(page).then((now) => now.forEach((text) => texts.add(text)), () => undefined);
  }, 250);
  return {
    texts: () => [...texts],
    stop: () => clearInterval(timer),
    async waitFor(match: (text: string) => boolean, timeoutMs: number): Promise<string | undefined> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = [...texts].find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      clearInterval(timer);
      return undefined;
    },
  };
}

/** The titles of the open editor tabs (including webview panels). */
export async function tabTitles(page: Page): Promise<string[]> {
  return page.locator('.tabs-container .tab').evaluateAll((tabs) => tabs.map((tab) => tab.getAttribute('aria-label') ?? tab.textContent ?? ''));
}

async function openPalette(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.locator(`${quickInput} input`).waitFor({ timeout: 10_000 });
}

/**
 * The text of the webview whose page contains `marker`, polled until it shows up. Webviews render in
 * nested iframes served by code-server; the content frame is the one with a `#panel` element.
 */
export async function waitForWebviewText(page: Page, marker: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const text = await frame.evaluate('document.querySelector("#panel") ? document.body.innerText : ""').catch(() => '');
      if (typeof text === 'string' && text) {
        last = text;
        if (marker.test(text)) return text;
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview showed ${marker} within ${timeoutMs / 1000} s; last panel text: ${JSON.stringify(last.slice(0, 500))}`);
}

/** Clicks the CodeLens of the active editor whose text matches, waiting until it is shown. */
export async function clickCodeLens(page: Page, text: RegExp, timeoutMs = 30_000): Promise<void> {
  const lens = page.locator('.monaco-editor .codelens-decoration a').filter({ hasText: text }).first();
  await lens.waitFor({ timeout: timeoutMs });
  // Lenses are rendered again when a run ends or diagnostics arrive; a click on a row being replaced
  // is lost. Click once the row has held still for a second, as a person would see it.
  let before = JSON.stringify(await codeLensTexts(page));
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
    await page.waitForTimeout(1_000);
    const now = JSON.stringify(await codeLensTexts(page));
    if (now === before) break;
    before = now;
  }
  await lens.click();
}

/** The texts of the active editor's CodeLenses. */
export async function codeLensTexts(page: Page): Promise<string[]> {
  return page.locator('.monaco-editor .codelens-decoration a').allInnerTexts();
}

/** Clicks a button of the notification toast whose message matches (e.g. a progress notification's Cancel). */
export async function clickNotificationButton(page: Page, message: RegExp, button: string, timeoutMs = 30_000): Promise<void> {
  const toast = page.locator('.notifications-toasts .notification-list-item').filter({ has: page.locator('.notification-list-item-message', { hasText: message }) }).first();
  await toast.waitFor({ timeout: timeoutMs });
  // Buttons of a toast show on hover in some layouts.
  await toast.hover();
  await toast.locator('.monaco-button', { hasText: button }).first().click({ timeout: timeoutMs });
}
