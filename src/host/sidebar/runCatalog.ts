import * as path from 'path';
import * as vscode from 'vscode';
import { listRuns, type IndexedRun } from '../../core/runs/runIndex';
import { defaultRunsRoot } from '../../core/runs/runFolder';
import { SUMMARY_FILE } from '../../core/runs/runSummary';
import { onDidChangeSettings, readSettings, runsRootFor } from '../settings';
import type { ModelCatalog } from './modelCatalog';
import type { ActiveRuns } from '../training/activeRuns';

/** Changes that come together (a run's folder, then its summary) are read once. */
const REFRESH_DELAY_MS = 300;
/**
 * While a listed run is `running`, the list is read again this often. File events do not suffice: a
 * run folder created with its files may be reported as the folder alone, and then no event comes for
 * the summary its process rewrites inside it (seen with VS Code's recursive watcher).
 */
const RUNNING_POLL_MS = 3_000;
/** A run folder without a summary this young may still be starting. */
const FRESH_FOLDER_MS = 5 * 60_000;

/**
 * Every run folder the Runs view lists: under each model file's runs root (`.nn-runs` beside it, or
 * the `nnTrainer.runsFolder` setting), read with async fs only (core/runs/runIndex.ts), and read
 * again when a summary or a run folder comes, changes or goes, whoever made it (this window, the CLI,
 * another window). Batch and history appends, which come many times a second, are not listened to.
 */
export class RunCatalog implements vscode.Disposable {
  private runs: IndexedRun[] = [];
  private loaded = false;
  private timer?: NodeJS.Timeout;
  private reading?: Promise<void>;
  private again = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private dueAt = Infinity;
  private liveCount = 0;
  private outsideWatchers: vscode.Disposable[] = [];
  private watchedRoots = '';
  /** What the views show of the list, to tell a read that changed something from one that did not. */
  private shown = '';

  constructor(
    private readonly models: ModelCatalog,
    private readonly active: ActiveRuns,
    /** Whether a view that shows runs is visible. */
    private readonly watched: () => boolean = () => true,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.nn-runs/**');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.changedOnDisk(uri)),
      watcher.onDidChange((uri) => this.changedOnDisk(uri)),
      watcher.onDidDelete((uri) => this.changedOnDisk(uri)),
      models.onDidChange(() => this.schedule()),
      // A training of this window starts or ends: its folder is new, or its summary final.
      active.onDidChange(() => {
        if (active.all().length !== this.liveCount) this.schedule();
        this.liveCount = active.all().length;
      }),
      onDidChangeSettings(() => this.schedule()),
    );
    this.schedule(0);
  }

  all(): readonly IndexedRun[] {
    return this.runs;
  }

  isLoaded(): boolean {
    return this.loaded;
  }

  /** The runs folders searched: each model file's, and the setting's for each workspace folder. */
  roots(): string[] {
    const roots = new Set<string>();
    for (const { uri } of this.models.all()) roots.add(runsRootFor(uri, readSettings(uri)) ?? defaultRunsRoot(uri.fsPath));
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const probe = vscode.Uri.joinPath(folder.uri, 'probe.nn.yaml');
      const configured = runsRootFor(probe, readSettings(folder.uri));
      if (configured) roots.add(configured);
    }
    return [...roots];
  }

  /** A view that shows runs became visible: what it shows may have changed unseen. */
  viewShown(): void {
    this.schedule(0);
  }

  /** Reads every run folder again now; resolves when the views have the result. */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.dueAt = Infinity;
    if (this.reading) {
      // A change came while reading: read once more after, so nothing is missed.
      this.again = true;
      return this.reading;
    }
    this.reading = (async () => {
      do {
        this.again = false;
        const roots = this.roots();
        this.watchOutside(roots);
        this.runs = await listRuns(roots);
      } while (this.again);
      this.loaded = true;
    })().finally(() => (this.reading = undefined));
    await this.reading;
    // Polled only while someone looks: a hidden sidebar costs a training nothing, and is read on showing.
    if (this.mayChangeUnseen() && this.watched()) this.schedule(RUNNING_POLL_MS);
    const shown = JSON.stringify(this.runs.map((r) => [r.dir, r.summary?.status, r.summary?.epochsCompleted, r.summary?.finishedAt, r.unreadable]));
    if (shown === this.shown) return;
    this.shown = shown;
    this.changed.fire();
  }

  /**
   * Whether a run may change with no file event to say so: one that is running (here, in the CLI, in
   * another window), a folder made in the last minutes that has no summary yet, or a training of this window.
   */
  private mayChangeUnseen(): boolean {
    const recent = Date.now() - FRESH_FOLDER_MS;
    return this.active.all().length > 0 || this.runs.some((run) => run.summary?.status === 'running' || (!run.summary && Date.parse(run.startedAt) > recent));
  }

  /** Reads again after `delay`, or sooner when a read is already due sooner: events coming many times a second never hold a read off. */
  private schedule(delay = REFRESH_DELAY_MS): void {
    const due = Date.now() + delay;
    if (this.timer && this.dueAt <= due) return;
    clearTimeout(this.timer);
    this.dueAt = due;
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /** Only what changes the list: a summary, or a folder of runs or a run folder itself coming or going. */
  private changedOnDisk(uri: vscode.Uri): void {
    const name = path.basename(uri.fsPath);
    if (name === SUMMARY_FILE || !name.includes('.')) this.schedule();
  }

  /** A runs folder outside the workspace (the setting may name any folder) gets a watcher of its own. */
  private watchOutside(roots: string[]): void {
    const outside = roots.filter((root) => !vscode.workspace.getWorkspaceFolder(vscode.Uri.file(root))).sort();
    const key = outside.join('\n');
    if (key === this.watchedRoots) return;
    this.watchedRoots = key;
    for (const d of this.outsideWatchers.splice(0)) d.dispose();
    for (const root of outside) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(root), '**'));
      this.outsideWatchers.push(watcher, watcher.onDidCreate((u) => this.changedOnDisk(u)), watcher.onDidChange((u) => this.changedOnDisk(u)), watcher.onDidDelete((u) => this.changedOnDisk(u)));
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of [...this.disposables, ...this.outsideWatchers]) d.dispose();
  }
}
