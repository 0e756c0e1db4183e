import type { Page } from 'playwright-core';

/**
 * What a Restricted Mode test prints (console.log in the extension host) to have the workspace
 * trusted: no API grants trust, only the user does, so the runner that drives the page clicks for it.
 * The test opens the Workspace Trust editor itself (`workbench.trust.manage`, the command its
 * `Manage Workspace Trust` button runs) and waits for `onDidGrantWorkspaceTrust`.
 */
export const TRUST_REQUEST = '[nn-test] trust the workspace';

/** Clicks `Trust` in the open Workspace Trust editor, as a user would. */
export async function clickTrustInTrustEditor(page: Page, timeoutMs = 30_000): Promise<void> {
  // The button's text is its label and its key (`Trust` and `Ctrl+Enter`); `Don't Trust` is another.
  const button = page.locator('.workspace-trust-editor .monaco-button').filter({ hasText: /^Trust/ }).first();
  await button.waitFor({ timeout: timeoutMs });
  await button.click();
}
