import * as path from 'path';
import * as vscode from 'vscode';
import { isSidebarToHostMessage, type HostToSidebarMessage, type SidebarIdle, type SidebarViewState } from '../../shared/sidebarProtocol';
import { runDateLabel, runDescription } from '../../core/runs/runLabels';
import { evaluationResultText, metricsResultText } from '../../core/resultText';
import { defaultModelName } from '../../core/modelFile/modelFileName';
import { panelHtml } from '../panel/panelHtml';
import { isModelFile } from '../modelFiles';
import type { ActiveRuns } from '../training/activeRuns';
import type { ModelCatalog } from './modelCatalog';
import type { RunCatalog } from './runCatalog';
import { sidebarCard } from './sidebarCards';
import { ignoreMessage } from '../ignoredMessages';

export const TRAINING_VIEW_ID = 'nnTrainer.training';

/**
 * A new state waits this long for more changes: live runs change many times a second, and each state
 * redraws the cards' charts in the workbench, which on two cores shares them with training.
 */
const POST_INTERVAL_MS = 1_000;

/**
 * The sidebar's `Training` view: a card per live run (progress, pace, mini curves, Stop / Pause / Show
 * Panel), or, when nothing trains, the newest run's result and a Train button. The page renders what
 * it is sent and keeps it with setState, as the training panel does; the host never sends more than
 * one state per interval, whatever the runs do.
 */
export class TrainingViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view?: vscode.WebviewView;
  private ready = false;
  private timer?: NodeJS.Timeout;
  private lastPost = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly active: ActiveRuns,
    private readonly models: ModelCatalog,
    private readonly runs: RunCatalog,
  ) {
    const changed = () => this.schedule();
    this.disposables.push(active.onDidChange(changed), runs.onDidChange(changed), models.onDidChange(changed), vscode.window.onDidChangeActiveTextEditor(changed));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const webview = view.webview;
    webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')] };
    const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...parts)).toString();
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      scriptUri: asset('dist', 'webview', 'sidebar.js'),
      styleUri: asset('media', 'sidebar.css'),
      bundleStyleUri: asset('dist', 'webview', 'sidebar.css'),
      title: 'Training',
    });
    const subscriptions = [
      webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      // A hidden view's page is dropped; shown again it says `ready` and gets the state then.
      view.onDidChangeVisibility(() => {
        if (!view.visible) this.ready = false;
      }),
      view.onDidDispose(() => {
        if (this.view === view) this.view = undefined;
        for (const s of subscriptions) s.dispose();
      }),
    ];
  }

  /**
   * What the view's page sends goes through here: a message that fails the protocol's guard is logged
   * and dropped, never thrown (tests send malformed ones).
   */
  receive(message: unknown): void {
    if (!isSidebarToHostMessage(message)) return ignoreMessage('the Training view', message);
    if (message.type === 'ready') {
      this.ready = true;
      this.post();
      return;
    }
    void vscode.commands.executeCommand(`nnTrainer.${message.command}`, vscode.Uri.file(message.modelFile));
  }

  /** Whether the view is on screen (the run list is polled only while a view of it is). */
  get visible(): boolean {
    return this.view?.visible === true;
  }

  /** Whether the view's page has loaded and asked for its state (tests wait for it). */
  isReady(): boolean {
    return this.ready;
  }

  /** The state the view shows now (tests read it). */
  state(): SidebarViewState {
    return { cards: this.active.all().map(sidebarCard), idle: this.idle() };
  }

  private idle(): SidebarIdle {
    const newest = this.runs.all().find((run) => run.summary && run.summary.status !== 'running');
    const summary = newest?.summary;
    const latest = newest && summary ? { name: summary.name, modelFile: summary.modelFile, runDir: newest.dir, when: runDateLabel(newest), description: runDescription(summary), resultText: summary.evaluation ? evaluationResultText(summary.evaluation) : metricsResultText(summary.finalMetrics, { split: 'train' }) } : undefined;
    const editor = vscode.window.activeTextEditor?.document.uri;
    const models = this.models.all();
    const target = editor && isModelFile(editor) ? editor : models.length === 1 ? models[0].uri : latest ? vscode.Uri.file(latest.modelFile) : undefined;
    return { latest, trainTarget: target ? { modelFile: target.fsPath, name: defaultModelName(target.fsPath) || path.basename(target.fsPath) } : undefined };
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastPost + POST_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.post();
    }, wait);
  }

  private post(): void {
    // A collapsed or hidden view draws nothing; it gets the state when it is shown again.
    if (!this.view || !this.ready || !this.view.visible) return;
    this.lastPost = Date.now();
    void this.view.webview.postMessage({ type: 'state', state: this.state() } satisfies HostToSidebarMessage);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
