import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { useWorkbenchSession } from '../vscodeServer/workbenchSession';
import { quickOpenFile, runFromPalette } from '../vscodeServer/workbench';
import { setWorkspaceSetting } from '../vscodeServer/workspace';

/**
 * Editing a model file as a person does, in a real VS Code in a real browser, with no YAML extension:
 * the suggest widget on an activation with its docs, the quick fix of a typo, and the inlay hints and
 * outline after a save; in the dark theme, then the light one. Screenshots: test-output/e2e/editing-*.
 */
const session = useWorkbenchSession('editing');

const FILE = `# Iris with two typos to fix.
name: flowers
data:
  dataset: iris
model:
  - Dense: { units: 16, activation: relux, input_shape: [4] }
  - Dense: { units: 3, activation: softmax }
compile:
  optimizer: adam
  loss: sparse_categorical_crossentropy
  metrics: [accuracy]
fit:
  epochs: 40
`;

const THEMES = [
  ['dark', 'Default Dark Modern'],
  ['light', 'Default Light Modern'],
] as const;

test('completion, a quick fix, inlay hints and the outline in a real VS Code, dark and light', { timeout: 6 * 60_000 }, async () => {
  const page = session.page();
  const file = path.join(session.workspace(), 'flowers.nn.yaml');
  try {
    fs.writeFileSync(file, FILE);
    await session.open();
    for (const [name, theme] of THEMES) {
      setWorkspaceSetting(session.workspace(), 'workbench.colorTheme', theme);
      fs.writeFileSync(file, FILE);
      await quickOpenFile(page, 'flowers.nn.yaml');
      await page.waitForTimeout(1_500);

      // Completion of the output activation, with its details pane.
      await goTo(page, 7, 36);
      await page.keyboard.press('Control+Space');
      const suggest = page.locator('.editor-widget.suggest-widget.visible');
      await suggest.waitFor({ timeout: 30_000 });
      await page.locator('.suggest-widget .monaco-list-row', { hasText: 'softmax' }).first().waitFor({ timeout: 30_000 });
      const details = page.locator('.suggest-details-container .suggest-details');
      if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
      await page.waitForTimeout(500);
      const rows = await page.locator('.suggest-widget .monaco-list-row').allInnerTexts();
      assert.ok(rows.some((r) => r.includes('relu')), `suggest rows: ${rows.join(' | ')}`);
      await session.screenshot(`${name}-1-completion`);
      await page.keyboard.press('Escape');

      // The quick fix of `relux`.
      await goTo(page, 6, 37);
      await runCommand(page, 'Quick Fix...');
      await page.getByText('Change to `relu`').first().waitFor({ timeout: 30_000 });
      await session.screenshot(`${name}-2-quick-fix`);
      await page.keyboard.press('Enter');
      await waitForLine(page, /activation:\srelu,\sinput_shape/);

      // Saved, the check builds the model: each layer's shape at the end of its line; the outline beside.
      await page.keyboard.press('Control+S');
      await page.getByText('(None, 16) · 80 params').first().waitFor({ timeout: 60_000 });
      await runCommand(page, 'Explorer: Focus on Outline View');
      await page.locator('.outline-pane, [id="outline"]').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
      await page.waitForTimeout(1_000);
      await session.screenshot(`${name}-3-inlay-hints-outline`);
    }
  } catch (error) {
    await session.screenshot('failure');
    throw error;
  }
});

// In this file's session, not one of its own: a second code-server start would cost more than the test.
test('the getting-started walkthrough in the dark theme: five steps, each with its picture', { timeout: 3 * 60_000 }, async () => {
  const page = session.page();
  try {
    setWorkspaceSetting(session.workspace(), 'workbench.colorTheme', 'Default Dark Modern');
    await session.open();
    await runFromPalette(page, 'Welcome: Open Walkthrough...');
    await page.locator('.quick-input-widget [role="option"]', { hasText: 'Train a Neural Network, No Python Needed' }).first().click({ timeout: 30_000 });
    const steps = page.locator('.getting-started-step .step-title');
    await steps.first().waitFor({ timeout: 30_000 });
    const titles = (await steps.allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(titles, ['Open the examples', 'Train XOR', 'Watch the curves', 'Import a Keras script', 'Compare two runs']);
    // The first step's picture is an SVG drawn in a webview: give it a moment.
    await page.waitForTimeout(3_000);
    await session.screenshot('walkthrough-dark');
  } catch (error) {
    await session.screenshot('walkthrough-failure');
    throw error;
  }
});

/** Ctrl+G `line:column`, Enter. */
async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+G');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
}

async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.keyboard.type(label);
  await page.locator('.quick-input-widget [role="option"]', { hasText: label }).first().click({ timeout: 15_000 });
}

async function waitForLine(page: Page, text: RegExp): Promise<void> {
  await page.locator('.view-lines .view-line', { hasText: text }).first().waitFor({ timeout: 15_000 });
}
