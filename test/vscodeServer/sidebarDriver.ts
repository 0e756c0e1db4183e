import type { Frame, Locator, Page } from 'playwright-core';

/**
 * Driving the `Neural Network` sidebar as a person does: the views' panes by their titles, tree rows by
 * their visible text, and the Training view's page inside its webview frame.
 */

/** A view's pane in the side bar, found by its title (`Models`, `Runs`, `Training`). */
export function viewPane(page: Page, title: string): Locator {
  return page.locator('#workbench\\.parts\\.sidebar .pane').filter({ has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) });
}

/** The visible rows of a tree view, as their text. */
export async function treeRows(page: Page, title: string): Promise<string[]> {
  return viewPane(page, title).locator('.monaco-list-row').allInnerTexts();
}

/** Waits until a tree view shows a row holding every one of `texts` (label and description are separate elements). */
export async function waitForTreeRow(page: Page, title: string, texts: RegExp | RegExp[], timeoutMs = 30_000): Promise<Locator> {
  let rows = viewPane(page, title).locator('.monaco-list-row');
  for (const text of Array.isArray(texts) ? texts : [texts]) rows = rows.filter({ hasText: text });
  const row = rows.first();
  try {
    await row.waitFor({ timeout: timeoutMs });
  } catch {
    const shown = await viewPane(page, title).locator('.monaco-list-row').evaluateAll((els) => els.map((e) => JSON.stringify(e.textContent)));
    throw new Error(`the ${title} view shows no row with ${String(texts)} within ${timeoutMs / 1000} s; its rows: ${shown.join(', ')}`);
  }
  return row;
}

/**
 * Ticks a tree checkbox found by its accessible name (what a screen reader says of it), until it says
 * it is checked: a click while the row re-renders is lost.
 */
export async function checkTreeCheckbox(page: Page, title: string, name: string, timeoutMs = 30_000): Promise<void> {
  const box = viewPane(page, title).locator(`.custom-view-tree-node-item-checkbox[aria-label="${name}"]`).first();
  await box.waitFor({ timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  while ((await box.getAttribute('aria-checked')) !== 'true') {
    if (Date.now() > deadline) throw new Error('the tree row could not be checked');
    await box.click();
    await page.waitForTimeout(300);
  }
}

/** The frame of the sidebar's Training view (its page marks its root `.sidebar`), polled until it loads. */
export async function trainingViewFrame(page: Page, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame.evaluate('!!document.querySelector("#panel.sidebar")').catch(() => false);
      if (found) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`the Training view did not load within ${timeoutMs / 1000} s`);
}

/** The Training view's text once it matches `marker`. */
export async function waitForTrainingViewText(page: Page, marker: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const frame = await trainingViewFrame(page, Math.max(1_000, deadline - Date.now())).catch(() => undefined);
    last = frame ? String(await frame.evaluate('document.body.innerText').catch(() => '')) : last;
    if (marker.test(last)) return last;
    await page.waitForTimeout(250);
  }
  throw new Error(`the Training view did not show ${marker} within ${timeoutMs / 1000} s; it showed ${JSON.stringify(last.slice(0, 400))}`);
}
