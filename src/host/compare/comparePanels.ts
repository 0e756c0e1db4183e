import * as vscode from 'vscode';
import { isCompareToHostMessage, type CompareData, type HostToCompareMessage } from '../../shared/compareProtocol';
import { panelHtml } from '../panel/panelHtml';
import { ignoreMessage } from '../ignoredMessages';

/** The comparison's view type, also named by the `onWebviewPanel:` activation event in package.json. */
export const COMPARE_VIEW_TYPE = 'nnTrainer.compare';

/**
 * Comparison panels (`Compare: <a> vs <b>`). Each reads its runs from their folders once, when opened
 * or restored after a reload: a comparison shows the runs as they were trained, whatever happens to
 * the model files later.
 */
export class ComparePanels implements vscode.Disposable {
  private readonly open = new Set<vscode.WebviewPanel>();
  private readonly latest = new WeakMap<vscode.WebviewPanel, CompareData>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    /** Reads the comparison in a worker: it parses the model-file copies and reads whole batch logs. */
    private readonly readComparison: (runDirs: string[]) => Promise<CompareData>,
    private readonly openRun: (runDir: string) => void,
  ) {}

  /** Opens a comparison of these run folders; rejects with a readable message when one cannot be read. */
  async show(runDirs: string[]): Promise<vscode.WebviewPanel> {
    const data = await this.readComparison(runDirs);
    const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, data.title, vscode.ViewColumn.Active, this.options());
    this.adopt(panel, data);
    return panel;
  }

  /** For tests: the comparison a panel shows. */
  dataOf(panel: vscode.WebviewPanel): CompareData | undefined {
    return this.latest.get(panel);
  }

  /** The open comparison panels (for tests). */
  panels(): vscode.WebviewPanel[] {
    return [...this.open];
  }

  registerSerializer(): vscode.Disposable {
    const registration = vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        const runDirs = runDirsOf(state);
        try {
          if (runDirs.length < 2) throw new Error('nothing to compare');
          panel.webview.options = this.options();
          this.adopt(panel, await this.readComparison(runDirs));
        } catch {
          // A run deleted since: the comparison cannot be rebuilt; close it rather than show a stale one.
          panel.dispose();
        }
      },
    });
    this.disposables.push(registration);
    return registration;
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')] };
  }

  private adopt(panel: vscode.WebviewPanel, data: CompareData): void {
    this.open.add(panel);
    this.latest.set(panel, data);
    panel.title = data.title;
    const webview = panel.webview;
    const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...parts)).toString();
    const subscription = webview.onDidReceiveMessage((message: unknown) => {
      if (!isCompareToHostMessage(message)) return ignoreMessage('the run comparison', message);
      if (message.type === 'ready') void webview.postMessage({ type: 'show', data } satisfies HostToCompareMessage);
      else if (data.runs.some((run) => run.runDir === message.runDir)) this.openRun(message.runDir);
    });
    panel.onDidDispose(() => {
      subscription.dispose();
      this.open.delete(panel);
    });
    webview.html = panelHtml({ cspSource: webview.cspSource, scriptUri: asset('dist', 'webview', 'compare.js'), styleUri: asset('media', 'compare.css'), bundleStyleUri: asset('dist', 'webview', 'compare.css'), title: data.title });
  }

  dispose(): void {
    for (const panel of [...this.open]) panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function runDirsOf(state: unknown): string[] {
  const runs = (state as { data?: { runs?: Array<{ runDir?: unknown }> } } | undefined)?.data?.runs;
  return Array.isArray(runs) ? runs.map((r) => r.runDir).filter((d): d is string => typeof d === 'string') : [];
}
