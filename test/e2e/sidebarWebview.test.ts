// The sidebar Training view's real bundle (dist/webview/sidebar.js) in headless chromium, under the
// CSP the extension gives it, driven with the states the host sends; screenshots in test-output/sidebar/.
import { after, afterEach, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import type { HostToSidebarMessage, SidebarCard, SidebarToHostMessage, SidebarViewState } from '../../src/shared/sidebarProtocol';
import { sidebarCard } from '../../src/host/sidebar/sidebarCards';
import type { PanelRun } from '../../src/shared/panelProtocol';
import { repoRoot } from '../helpers/tempDir';
import { PanelPage, launchChromium, startPanelServer, type PanelServer } from './panelPage';

type SidebarPage = PanelPage<HostToSidebarMessage, SidebarToHostMessage, SidebarViewState>;

const screenshots = path.join(repoRoot, 'test-output', 'sidebar');

/** A live MNIST run as the host holds it: 1.4 epochs of 1,688 batches, a falling loss, a rising accuracy. */
function liveMnist(overrides: Partial<PanelRun> = {}): PanelRun {
  const x: number[] = [];
  const loss: number[] = [];
  const accuracy: number[] = [];
  for (let i = 1; i <= 2400; i++) {
    x.push(i / 1688);
    const noise = Math.sin(i * 12.9898) * 0.05;
    loss.push(2.3 * Math.exp(-i / 120) + 0.25 + noise);
    accuracy.push(0.95 - 0.85 * Math.exp(-i / 100) + noise / 2);
  }
  return {
    modelFile: '/work/mnist-mlp.nn.yaml',
    name: 'mnist-mlp',
    status: 'running',
    epochs: 5,
    history: [{ epoch: 1, metrics: { loss: 0.41, accuracy: 0.885, val_loss: 0.22, val_accuracy: 0.938 } }],
    current: { epoch: 2, batch: 712, batchesPerEpoch: 1688, metrics: { loss: 0.2603, accuracy: 0.9253 }, elapsedMs: 14_000, etaMs: 36_000, samplesPerSecond: 4123 },
    curves: { x, values: { loss, accuracy } },
    ...overrides,
  };
}

const state = (cards: SidebarCard[], idle: SidebarViewState['idle'] = {}): SidebarViewState => ({ cards, idle });

describe('sidebar Training view webview', () => {
  let server: PanelServer;
  let browser: Browser;
  let view: SidebarPage;

  before(async () => {
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist/webview/sidebar.js')), 'dist/webview/sidebar.js is missing: run `npm run build` first');
    [server, browser] = await Promise.all([startPanelServer('sidebar'), launchChromium()]);
    // The width of VS Code's side bar by default.
    view = await PanelPage.create<HostToSidebarMessage, SidebarToHostMessage, SidebarViewState>(await browser.newContext({ viewport: { width: 300, height: 520 } }), server);
    fs.mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => assert.deepEqual(await view.problems(), []));

  async function open(message?: SidebarViewState): Promise<void> {
    await view.load();
    await view.applyTheme('dark');
    if (message) await view.send({ type: 'state', state: message });
  }

  test('says ready, then shows a card per live run: name, status, progress, pace, metrics and both mini charts', async () => {
    await open();
    assert.deepEqual(await view.posted(), [{ type: 'ready' }]);
    const card = sidebarCard({ panelRun: liveMnist(), stopping: false });
    await view.send({ type: 'state', state: state([card, sidebarCard({ panelRun: liveMnist({ modelFile: '/work/iris.nn.yaml', name: 'iris', paused: true }), stopping: false })]) });
    await view.page.locator('.run-card .mini-chart canvas').first().waitFor();
    const cards = await view.page.locator('.run-card').allInnerTexts();
    assert.equal(cards.length, 2);
    assert.match(cards[0], /mnist-mlp[\s\S]*Training[\s\S]*Epoch 2\/5 · batch 712\/1,688[\s\S]*ETA 36s · 4,123 samples\/s[\s\S]*loss 0\.2603 · accuracy 0\.9253/);
    assert.match(cards[1], /iris[\s\S]*Paused[\s\S]*Resume/);
    assert.deepEqual(await view.page.locator('.run-card').first().locator('.mini-chart').evaluateAll((charts) => charts.map((c) => c.getAttribute('data-metric'))), ['loss', 'accuracy']);
    // 2,400 batch points reach the page as 200 bucket means, and the val_ line per epoch.
    assert.deepEqual(card.charts[0].series.map((s) => [s.label, s.x.length]), [['loss', 200], ['val_loss', 1]]);
    assert.equal(Number(await view.page.locator('.run-card vscode-progress-bar').first().getAttribute('value')).toFixed(3), ((1 + 712 / 1688) / 5).toFixed(3));
  });

  test('Stop, Pause / Resume and Show Panel post their commands with the run\'s model file', async () => {
    await open(state([sidebarCard({ panelRun: liveMnist(), stopping: false }), sidebarCard({ panelRun: liveMnist({ modelFile: '/work/iris.nn.yaml', name: 'iris', paused: true }), stopping: false })]));
    const first = view.page.locator('.run-card').nth(0);
    const second = view.page.locator('.run-card').nth(1);
    await first.locator('[data-command="stop"]').click();
    await first.locator('[data-command="pause"]').click();
    await second.locator('[data-command="pause"]').click();
    await second.locator('[data-command="showPanel"]').click();
    assert.deepEqual((await view.posted()).slice(1), [
      { type: 'command', command: 'stop', modelFile: '/work/mnist-mlp.nn.yaml' },
      { type: 'command', command: 'pause', modelFile: '/work/mnist-mlp.nn.yaml' },
      { type: 'command', command: 'resume', modelFile: '/work/iris.nn.yaml' },
      { type: 'command', command: 'showPanel', modelFile: '/work/iris.nn.yaml' },
    ]);
  });

  test('updates a card in place as the run goes on, and drops it when the run ends', async () => {
    await open(state([sidebarCard({ panelRun: liveMnist(), stopping: false })]));
    await view.page.locator('.run-card .mini-chart canvas').first().waitFor();
    const canvas = await view.page.locator('.run-card canvas').first().elementHandle();
    await view.send({ type: 'state', state: state([sidebarCard({ panelRun: liveMnist({ current: { epoch: 3, batch: 10, batchesPerEpoch: 1688, metrics: { loss: 0.2 } } }), stopping: true })]) });
    assert.match(await view.text('.run-card'), /Stopping[\s\S]*Epoch 3\/5 · batch 10\/1,688/);
    assert.equal(await canvas?.evaluate((c) => c.isConnected), true, 'the chart was rebuilt instead of updated');
    await view.send({ type: 'state', state: state([], { trainTarget: { modelFile: '/work/xor.nn.yaml', name: 'xor' } }) });
    assert.equal(await view.page.locator('.run-card').count(), 0);
    assert.match(await view.text('.idle'), /Nothing is training\.[\s\S]*Train xor/);
  });

  test('when nothing trains: the latest run\'s result, Show Panel, and Train for the file at hand', async () => {
    const idle = { latest: { name: 'xor', modelFile: '/work/xor.nn.yaml', runDir: '/work/.nn-runs/xor/2026-12-01T10-15-02', when: '2026-12-01 10:15:02', description: 'completed · accuracy 1.000', resultText: 'accuracy 1.0000 · loss 0.0123 on 4 training samples' }, trainTarget: { modelFile: '/work/mnist-mlp.nn.yaml', name: 'mnist-mlp' } };
    await open(state([], idle));
    assert.match(await view.text('.idle'), /Nothing is training\.[\s\S]*Latest run[\s\S]*xor · 2026-12-01 10:15:02[\s\S]*completed · accuracy 1\.000[\s\S]*accuracy 1\.0000 · loss 0\.0123 on 4 training samples[\s\S]*Train mnist-mlp/i);
    await view.page.locator('.latest-run vscode-button').click();
    await view.page.locator('.train-action vscode-button').click();
    assert.deepEqual((await view.posted()).slice(1), [
      { type: 'command', command: 'showPanel', modelFile: '/work/xor.nn.yaml' },
      { type: 'command', command: 'train', modelFile: '/work/mnist-mlp.nn.yaml' },
    ]);
    await open(state([], {}));
    assert.match(await view.text('.idle'), /Open a model file/);
  });

  test('a reloaded view shows its last state at once, and text from the data stays text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await open(state([sidebarCard({ panelRun: liveMnist({ name: hostile }), stopping: false })]));
    await view.page.reload();
    await view.page.locator('.run-card').waitFor();
    assert.match(await view.text('.run-card h3'), /<img src=x/);
    assert.equal(await view.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  });

  test('renders in dark, light and high-contrast themes (screenshots in test-output/sidebar)', async () => {
    const idle = { latest: { name: 'xor', modelFile: '/work/xor.nn.yaml', runDir: '/r', when: '2026-12-01 10:15:02', description: 'completed · accuracy 1.000', resultText: 'accuracy 1.0000 · loss 0.0123 on 4 training samples' }, trainTarget: { modelFile: '/work/xor.nn.yaml', name: 'xor' } };
    for (const theme of ['dark', 'light', 'high-contrast'] as const) {
      await open(state([sidebarCard({ panelRun: liveMnist(), stopping: false })]));
      await view.applyTheme(theme);
      await view.page.locator('.run-card .mini-chart canvas').nth(1).waitFor();
      await view.page.waitForTimeout(200);
      await view.page.screenshot({ path: path.join(screenshots, `view-training-${theme}.png`) });
      await view.send({ type: 'state', state: state([], idle) });
      await view.page.screenshot({ path: path.join(screenshots, `view-idle-${theme}.png`) });
    }
  });
});
