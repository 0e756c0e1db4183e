import * as vscode from 'vscode';
import { isPanelToHostMessage, type HostToPanelMessage, type PanelCommand, type PanelPredictRequest, type PanelRun } from '../../shared/panelProtocol';
import { panelHtml } from './panelHtml';
import { saveDownload } from './saveDownload';
import { ignoreMessage } from '../ignoredMessages';

/** The panel's view type, also named by the `onWebviewPanel:` activation event in package.json. */
export const TRAINING_PANEL_VIEW_TYPE = 'nnTrainer.trainingPanel';

/** How long updates for a ready panel wait to be sent together. */
const OUTBOX_DELAY_MS = 50;

interface OpenPanel {
  readonly panel: vscode.WebviewPanel;
  /** Set once the page has said `ready`; until then messages wait in `queue`. */
  ready: boolean;
  queue: HostToPanelMessage[];
  /** Updates for a ready page, sent together a moment later (XOR ends hundreds of epochs a second). */
  outbox: HostToPanelMessage[];
  flushTimer?: NodeJS.Timeout;
  readonly subscriptions: vscode.Disposable[];
  /** The run of the latest snapshot posted or queued. */
  lastSnapshot?: PanelRun;
}

/**
 * One training panel per model file, keyed by the file's absolute path. The page asks for the run
 * with `ready` each time it loads (first open, shown again after being hidden, restored after a
 * reload), and gets a fresh snapshot from `snapshotOf` each time.
 */
/** Context key: a training panel has been shown in this window. */
export const TRAINING_PANEL_SHOWN = 'nnTrainer.trainingPanelShown';

export class TrainingPanels implements vscode.Disposable {
  private readonly panels = new Map<string, OpenPanel>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly snapshotOf: (modelFile: string) => PanelRun,
    private readonly onCommand: (modelFile: string, command: PanelCommand) => void,
    private readonly onPredict: (modelFile: string, request: PanelPredictRequest) => void = () => undefined,
  ) {}

  /**
   * Opens the file's panel, or reveals it where it is. A new panel goes where told, else into the
   * column of the other training panels, else beside the editor: `Beside` alone would add a column
   * each time the active group is already the panels' one.
   */
  show(modelFile: string, viewColumn?: vscode.ViewColumn, preserveFocus = false): void {
    const open = this.panels.get(modelFile);
    if (open) {
      open.panel.reveal(viewColumn, preserveFocus);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      TRAINING_PANEL_VIEW_TYPE,
      panelTitle(this.snapshotOf(modelFile).name),
      { viewColumn: viewColumn ?? this.panelColumn() ?? vscode.ViewColumn.Beside, preserveFocus },
      this.webviewOptions(),
    );
    this.adopt(modelFile, panel);
  }

  /** The column that holds training panels (the active panel's first), if any is open. */
  panelColumn(): vscode.ViewColumn | undefined {
    const columns = [...this.panels.values()].sort((a, b) => Number(b.panel.active) - Number(a.panel.active)).map((open) => open.panel.viewColumn);
    return columns.find((column) => column !== undefined);
  }

  /**
   * Where to open a text editor so that it does not land among the panels: the active editor's
   * column, else the first column without a training panel. Undefined: the active group.
   */
  editorColumn(): vscode.ViewColumn | undefined {
    const panelColumns = new Set([...this.panels.values()].map((open) => open.panel.viewColumn));
    const active = vscode.window.activeTextEditor?.viewColumn;
    if (active !== undefined && !panelColumns.has(active)) return active;
    return vscode.window.tabGroups.all.map((group) => group.viewColumn).find((column) => !panelColumns.has(column));
  }

  /** Sends to the file's panel if one is open, after its `ready`; without a panel the message is dropped. */
  post(modelFile: string, message: HostToPanelMessage): void {
    const open = this.panels.get(modelFile);
    if (!open) return;
    if (message.type === 'snapshot') {
      open.panel.title = panelTitle(message.run.name);
      open.lastSnapshot = message.run;
    }
    if (open.ready) {
      open.outbox.push(message);
      if (message.type === 'snapshot' || message.type === 'finished') this.flush(open);
      else open.flushTimer ??= setTimeout(() => this.flush(open), OUTBOX_DELAY_MS);
    } else {
      enqueue(open.queue, message);
    }
  }

  /** Sends what waits in the outbox, as one message when there are several. */
  private flush(open: OpenPanel): void {
    clearTimeout(open.flushTimer);
    open.flushTimer = undefined;
    const messages = open.outbox.splice(0);
    if (messages.length === 0) return;
    void open.panel.webview.postMessage(messages.length === 1 ? messages[0] : ({ type: 'updates', messages } satisfies HostToPanelMessage));
  }

  /** The model file of the training panel that is the active editor, if one is. */
  activeModelFile(): string | undefined {
    return [...this.panels].find(([, open]) => open.panel.active)?.[0];
  }

  isOpen(modelFile: string): boolean {
    return this.panels.has(modelFile);
  }

  /** For tests. */
  panelFor(modelFile: string): vscode.WebviewPanel | undefined {
    return this.panels.get(modelFile)?.panel;
  }

  /** For tests: the run a snapshot of the file's panel would show now. */
  snapshotFor(modelFile: string): PanelRun {
    return this.snapshotOf(modelFile);
  }

  /**
   * What the file's page sends goes through here: a message that fails the protocol's guard is logged
   * and dropped, never thrown. Tests send malformed ones; without an open panel nothing happens.
   */
  receive(modelFile: string, message: unknown): void {
    const open = this.panels.get(modelFile);
    if (!open) return;
    if (!isPanelToHostMessage(message)) return ignoreMessage('the training panel', message);
    if (message.type === 'ready') this.sendSnapshot(modelFile, open);
    else if (message.type === 'download') void saveDownload(modelFile, message);
    else if (message.type === 'predict') this.onPredict(modelFile, message);
    else this.onCommand(modelFile, message.command);
  }

  /** For tests: the run of the latest snapshot sent to the file's open panel. */
  lastSnapshotFor(modelFile: string): PanelRun | undefined {
    return this.panels.get(modelFile)?.lastSnapshot;
  }

  /** Brings back the panels open before a window reload, each showing its file's current run. */
  registerSerializer(): vscode.Disposable {
    const registration = vscode.window.registerWebviewPanelSerializer(TRAINING_PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        const modelFile = modelFileOf(state);
        // A state from an older version, or a second panel of a file already restored: nothing to show.
        if (modelFile === undefined || this.panels.has(modelFile)) {
          panel.dispose();
          return;
        }
        panel.webview.options = this.webviewOptions();
        this.adopt(modelFile, panel);
      },
    });
    this.subscriptions.push(registration);
    return registration;
  }

  dispose(): void {
    for (const open of [...this.panels.values()]) open.panel.dispose();
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
  }

  private webviewOptions(): vscode.WebviewOptions {
    // No retainContextWhenHidden: a hidden panel's page is dropped and rebuilt from setState and a
    // snapshot when shown again, which costs less than keeping it alive.
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  private adopt(modelFile: string, panel: vscode.WebviewPanel): void {
    const open: OpenPanel = { panel, ready: false, queue: [], outbox: [], subscriptions: [] };
    this.panels.set(modelFile, open);
    // The walkthrough's `watch the curves` step is done once a panel has been on screen.
    void vscode.commands.executeCommand('setContext', TRAINING_PANEL_SHOWN, true);
    const webview = panel.webview;
    open.subscriptions.push(
      webview.onDidReceiveMessage((message: unknown) => {
        // A page of a panel since replaced (the serializer's duplicate) has nothing to say.
        if (this.panels.get(modelFile) === open) this.receive(modelFile, message);
      }),
      panel.onDidDispose(() => {
        if (this.panels.get(modelFile) === open) this.panels.delete(modelFile);
        clearTimeout(open.flushTimer);
        for (const subscription of open.subscriptions.splice(0)) subscription.dispose();
      }),
    );
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'panel.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'panel.css')).toString(),
      bundleStyleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'panel.css')).toString(),
    });
  }

  /**
   * The snapshot first, then what was queued before the page was ready. Queued updates may already be
   * in the snapshot: the page applies each update idempotently (an epoch's row is replaced, not
   * added twice), so replaying them only brings it up to date.
   */
  private sendSnapshot(modelFile: string, open: OpenPanel): void {
    const run = this.snapshotOf(modelFile);
    open.panel.title = panelTitle(run.name);
    open.lastSnapshot = run;
    void open.panel.webview.postMessage({ type: 'snapshot', run } satisfies HostToPanelMessage);
    for (const message of open.queue.splice(0)) void open.panel.webview.postMessage(message);
    open.ready = true;
  }
}

function panelTitle(name: string): string {
  return `Training: ${name}`;
}

/**
 * Keeps the queue short during a long wait: a snapshot replaces everything before it, a batch the
 * batch before it, taking over that batch's points so none is lost.
 */
function enqueue(queue: HostToPanelMessage[], message: HostToPanelMessage): void {
  if (message.type === 'snapshot') queue.length = 0;
  if (message.type === 'batch') {
    const previous = queue.findIndex((m) => m.type === 'batch');
    if (previous >= 0) {
      const [dropped] = queue.splice(previous, 1);
      if (dropped.type === 'batch' && dropped.points?.length) message = { ...message, points: [...dropped.points, ...(message.points ?? [])] };
    }
  }
  queue.push(message);
}

function modelFileOf(state: unknown): string | undefined {
  const modelFile = (state as { run?: { modelFile?: unknown } } | undefined)?.run?.modelFile;
  return typeof modelFile === 'string' && modelFile !== '' ? modelFile : undefined;
}
