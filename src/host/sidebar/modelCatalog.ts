import * as vscode from 'vscode';
import type { Diagnostic } from '../../shared/diagnosticTypes';
import type { ModelDiagnostics, ModelSize } from '../diagnostics/modelDiagnostics';
import { MODEL_FILE_GLOB } from '../modelFiles';

/** Folders never searched for model files: dependencies, and run folders (which hold model-file copies). */
export const MODEL_FILE_EXCLUDE = '**/{node_modules,.nn-runs,.git}/**';

/** Creates and deletes that come together (a folder copied in) search the workspace once. */
const RESCAN_DELAY_MS = 500;
/** How often a background check waiting for a training to end looks again. */
const CHECK_WAIT_MS = 1_000;

/** What the Models view knows of one model file. */
export interface CatalogModel {
  uri: vscode.Uri;
  /** The problems last found (empty when valid); undefined until the file is checked. */
  problems?: readonly Diagnostic[];
  size?: ModelSize;
}

/**
 * Every model file of the workspace, kept current by a file watcher, with its problems and size. A file
 * no editor has opened is checked once in the background (one at a time, in the validation worker's
 * check thread), so every item can say whether it is valid and how big it is.
 */
export class ModelCatalog implements vscode.Disposable {
  private readonly files = new Map<string, CatalogModel>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private checking = Promise.resolve();
  private loaded = false;
  private readonly ready: Promise<void>;

  private rescanTimer?: NodeJS.Timeout;
  private disposed = false;

  /** Files waiting for their background check: a file changed five times is checked once. */
  private readonly queued = new Set<string>();

  constructor(
    private readonly diagnostics: ModelDiagnostics,
    /**
     * Whether background checks may run now: only while the Models view is on screen and no training
     * runs (MNIST's check loads 60,000 images; beside a training or a user's typing on two cores it
     * slowed both).
     */
    private readonly mayCheck: () => boolean,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(MODEL_FILE_GLOB);
    // A folder created or deleted with its files in it (copied, unpacked, checked out) may be reported
    // as the folder alone, never its files: any create or delete outside run folders searches again.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    const rescan = (uri: vscode.Uri) => {
      if (isExcluded(uri) || this.files.has(uri.fsPath)) return;
      clearTimeout(this.rescanTimer);
      this.rescanTimer = setTimeout(() => void this.scan(), RESCAN_DELAY_MS);
    };
    this.disposables.push(
      watcher,
      folders,
      folders.onDidCreate(rescan),
      folders.onDidDelete(rescan),
      watcher.onDidCreate((uri) => this.add(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      watcher.onDidChange((uri) => this.queueCheck(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.scan()),
      diagnostics.onDidChangeProblems((uri) => this.update(uri, { problems: diagnostics.shownFor(uri) })),
      diagnostics.onDidChangeSize((uri) => this.update(uri, { size: diagnostics.sizeOf(uri) })),
    );
    this.ready = this.scan();
  }

  /** Resolves once the first search of the workspace is done. */
  whenLoaded(): Promise<void> {
    return this.ready;
  }

  isLoaded(): boolean {
    return this.loaded;
  }

  /** The model files, by workspace-relative path. */
  all(): CatalogModel[] {
    return [...this.files.values()].sort((a, b) => vscode.workspace.asRelativePath(a.uri).localeCompare(vscode.workspace.asRelativePath(b.uri)));
  }

  get(modelFile: string): CatalogModel | undefined {
    return this.files.get(modelFile);
  }

  private async scan(): Promise<void> {
    const found = await vscode.workspace.findFiles(MODEL_FILE_GLOB, MODEL_FILE_EXCLUDE, 5000);
    const paths = new Set(found.map((uri) => uri.fsPath));
    for (const key of [...this.files.keys()]) if (!paths.has(key)) this.files.delete(key);
    for (const uri of found) if (!this.files.has(uri.fsPath)) this.files.set(uri.fsPath, this.known(uri));
    this.loaded = true;
    this.changed.fire();
    for (const uri of found) if (this.files.get(uri.fsPath)?.problems === undefined) this.queueCheck(uri);
  }

  private add(uri: vscode.Uri): void {
    if (isExcluded(uri) || this.files.has(uri.fsPath)) return;
    this.files.set(uri.fsPath, this.known(uri));
    this.changed.fire();
    this.queueCheck(uri);
  }

  private remove(uri: vscode.Uri): void {
    if (this.files.delete(uri.fsPath)) this.changed.fire();
  }

  /** What the diagnostics already know of a file (it may be open in an editor). */
  private known(uri: vscode.Uri): CatalogModel {
    return { uri, problems: this.diagnostics.hasResultFor(uri) ? this.diagnostics.shownFor(uri) : undefined, size: this.diagnostics.sizeOf(uri) };
  }

  private update(uri: vscode.Uri, change: Partial<CatalogModel>): void {
    const entry = this.files.get(uri.fsPath);
    if (!entry) return;
    Object.assign(entry, change);
    this.changed.fire();
  }

  /**
   * Checks run one after another, only while the Models view shows them and never beside a training:
   * MNIST's check loads its data, and on two cores a check next to a training left the extension host
   * answering commands in seconds.
   */
  private queueCheck(uri: vscode.Uri): void {
    if (isExcluded(uri) || this.queued.has(uri.fsPath)) return;
    // An open file is checked by the diagnostics on open and save already.
    if (vscode.workspace.textDocuments.some((d) => d.uri.fsPath === uri.fsPath)) return;
    this.queued.add(uri.fsPath);
    this.checking = this.checking.then(async () => {
      while (!this.mayCheck() && !this.disposed) await new Promise((resolve) => setTimeout(resolve, CHECK_WAIT_MS));
      this.queued.delete(uri.fsPath);
      if (!this.files.has(uri.fsPath) || this.disposed) return;
      const result = await this.diagnostics.checkNow(uri);
      if (result) this.update(uri, { problems: result.diagnostics, size: result.size ?? this.files.get(uri.fsPath)?.size });
    });
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.rescanTimer);
    for (const d of this.disposables) d.dispose();
  }
}

function isExcluded(uri: vscode.Uri): boolean {
  return /[\\/](node_modules|\.nn-runs|\.git)([\\/]|$)/.test(uri.fsPath);
}
