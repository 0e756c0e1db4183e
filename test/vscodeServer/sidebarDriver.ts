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

/** Waits until a tree view shows a row matching `text`. */
export async function waitForTreeRow(page: Page, title: string, text: RegExp, timeoutMs = 30_000): Promise<Locator> {
  const row = viewPane(page, title).locator('.monaco-list-row').filter({ hasText: text }).first();
  await row.waitFor({ timeout: timeoutMs });
  return row;
}

/** Ticks the checkbox of a tree row. */
export async function checkTreeRow(row: Locator): Promise<void> {
  await row.locator('.custom-view-tree-node-item-checkbox').first().click();
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
