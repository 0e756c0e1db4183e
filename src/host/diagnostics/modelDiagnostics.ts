import * as vscode from 'vscode';
import type { Diagnostic } from '../../shared/diagnosticTypes';
import type { LayerShape, OutlineSymbol } from '../../shared/editingTypes';
import type { CheckResult, JobResult, ParseResult, WorkerJob } from '../../shared/workerProtocol';
import { isModelFile } from '../modelFiles';
import { SharedWorker } from '../worker/sharedWorker';
import { toVscodeDiagnostic } from './toVscodeDiagnostic';
import { mayReadWorkspaceFiles, onDidGrantTrust } from '../trust/workspaceTrust';

/** Typing pauses this long before the file is re-validated. */
const TYPING_DEBOUNCE_MS = 300;
/** Parsing takes milliseconds once the worker is warm; its first start loads the validator. */
const PARSE_TIMEOUT_MS = 30_000;
/** A check loads the data (all of MNIST at most) and builds the model; far less than this. */
const CHECK_TIMEOUT_MS = 120_000;

/** Layer and parameter counts of a model file, for the summary lens. */
export interface ModelSize {
  layers: number;
  params?: number;
}

/**
 * Problems of model files in the Problems panel and as squiggles. While the user types, the editor's
 * text is parsed and validated against the schema; on open and on save the file is also checked with
 * its data and a built model, which finds missing CSV columns and shape errors. Parsing (and the
 * editing features: completion, hover, outline) run in one long-lived validation worker, checks in a
 * second one, so a check that loads MNIST never holds a keystroke's completion behind it. The extension
 * host only sends text and receives results. In Restricted Mode only the text is validated: a check
 * reads the data the file names, so checks wait until the workspace is trusted.
 */
export class ModelDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('nn-trainer');
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** The latest request per file and kind: an answer to an older one is stale and dropped. */
  private readonly latest = { parse: new Map<string, number>(), check: new Map<string, number>() };
  private requests = 0;
  /** Parsing and the editing features: small and frequent. */
  private readonly worker: SharedWorker;
  /** Checks with the data: seconds for MNIST. */
  private readonly checkWorker: SharedWorker;
  private readonly sizes = new Map<string, ModelSize>();
  private readonly sizeChanged = new vscode.EventEmitter<vscode.Uri>();
  /** The core's diagnostics as last shown, which carry the quick fixes. */
  private readonly shown = new Map<string, Diagnostic[]>();
  /** The document version whose problems a check showed: a parse of that same text knows less. */
  private readonly checkedVersions = new Map<string, number>();
  /** The outline of the text a parse last saw, by document version. */
  private readonly outlines = new Map<string, { version: number; outline: OutlineSymbol[] }>();
  /** Each layer's shape and parameter count, from the last check that built the model. */
  private readonly layerShapes = new Map<string, LayerShape[]>();
  private readonly shapesChanged = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a file's layer shapes become known or change (for inlay hints). */
  readonly onDidChangeLayerShapes = this.shapesChanged.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when a file's layer or parameter count becomes known or changes. */
  readonly onDidChangeSize = this.sizeChanged.event;
  private readonly problemsChanged = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when the problems shown for a file are replaced (the Models view shows the first). */
  readonly onDidChangeProblems = this.problemsChanged.event;

  constructor(
    workerScript: string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.worker = new SharedWorker(workerScript);
    this.checkWorker = new SharedWorker(workerScript);
    this.disposables.push(
      this.collection,
      this.sizeChanged,
      this.shapesChanged,
      this.problemsChanged,
      vscode.workspace.onDidOpenTextDocument((doc) => this.opened(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.saved(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc)),
      // The checks Restricted Mode held back, for the files open now.
      onDidGrantTrust(() => {
        for (const doc of vscode.workspace.textDocuments) if (isModelFile(doc.uri)) void this.runCheck(doc.uri);
      }),
    );
    for (const doc of vscode.workspace.textDocuments) this.opened(doc);
  }

  sizeOf(uri: vscode.Uri): ModelSize | undefined {
    return this.sizes.get(uri.fsPath);
  }

  /** Replaces a file's problems with those a worker job reported. */
  show(uri: vscode.Uri, diagnostics: Diagnostic[]): void {
    this.shown.set(uri.fsPath, diagnostics);
    this.collection.set(uri, diagnostics.map(toVscodeDiagnostic));
    this.problemsChanged.fire(uri);
  }

  /** The core diagnostics of a file as shown, with their quick fixes. */
  shownFor(uri: vscode.Uri): readonly Diagnostic[] {
    return this.shown.get(uri.fsPath) ?? [];
  }

  /** Whether a file has been parsed or checked since the extension started (its problems and size are known). */
  hasResultFor(uri: vscode.Uri): boolean {
    return this.shown.has(uri.fsPath);
  }

  layerShapesOf(uri: vscode.Uri): readonly LayerShape[] | undefined {
    return this.layerShapes.get(uri.fsPath);
  }

  /** Runs a short job (complete, hover, compare) in the validation worker. */
  request(job: WorkerJob): Promise<JobResult> {
    return this.worker.request(job, PARSE_TIMEOUT_MS);
  }

  /** Runs a job that reads a model file's data (an export checks the file first) in the check worker. */
  requestWithData(job: WorkerJob): Promise<JobResult> {
    return this.checkWorker.request(job, CHECK_TIMEOUT_MS);
  }

  /** The outline of the document as it is now: from the last parse when it saw this version, else parsed now. */
  async outlineOf(doc: vscode.TextDocument): Promise<OutlineSymbol[]> {
    const cached = this.outlines.get(doc.uri.fsPath);
    if (cached?.version === doc.version) return cached.outline;
    const version = doc.version;
    const result = (await this.worker.request({ kind: 'parse', file: doc.uri.fsPath, text: doc.getText() }, PARSE_TIMEOUT_MS)) as ParseResult;
    this.outlines.set(doc.uri.fsPath, { version, outline: result.outline });
    return result.outline;
  }

  /**
   * Validates a model file fully (syntax, schema, data, shapes) and shows the result; for the Validate
   * command. Undefined when it failed, or in Restricted Mode (see mayReadWorkspaceFiles).
   */
  async checkNow(uri: vscode.Uri): Promise<CheckResult | undefined> {
    return this.runCheck(uri);
  }

  private opened(doc: vscode.TextDocument): void {
    if (!isModelFile(doc.uri)) return;
    // Syntax and schema problems show at once; the check with the data follows.
    void this.validateText(doc);
    if (mayReadWorkspaceFiles()) void this.runCheck(doc.uri);
  }

  /** The check parses the saved text too, so a save needs no separate parse. */
  private saved(doc: vscode.TextDocument): void {
    if (isModelFile(doc.uri) && mayReadWorkspaceFiles()) void this.runCheck(doc.uri);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!isModelFile(doc.uri)) return;
    clearTimeout(this.pending.get(doc.uri.fsPath));
    this.pending.set(
      doc.uri.fsPath,
      setTimeout(() => {
        this.pending.delete(doc.uri.fsPath);
        void this.validateText(doc);
      }, TYPING_DEBOUNCE_MS),
    );
  }

  private async validateText(doc: vscode.TextDocument): Promise<void> {
    if (doc.isClosed) return;
    const key = doc.uri.fsPath;
    const request = this.newRequest('parse', key);
    const version = doc.version;
    let result: ParseResult;
    try {
      result = (await this.worker.request({ kind: 'parse', file: key, text: doc.getText() }, PARSE_TIMEOUT_MS)) as ParseResult;
    } catch (err) {
      this.log.warn(`Validating ${key} failed: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (this.latest.parse.get(key) !== request || doc.isClosed || doc.version !== version) return;
    this.outlines.set(key, { version, outline: result.outline });
    if (this.checkedVersions.get(key) === version) return;
    this.show(doc.uri, result.diagnostics);
    if (result.layers === undefined) return;
    // The parameter count needs the data's shapes (a check's job): keep the last one while the layer
    // count is unchanged, and drop it when layers come or go.
    const before = this.sizes.get(key);
    this.setSize(doc.uri, { layers: result.layers, params: before?.layers === result.layers ? before.params : undefined });
  }

  private async runCheck(uri: vscode.Uri): Promise<CheckResult | undefined> {
    // Every caller asks first; this keeps a new one from reading data in Restricted Mode by mistake.
    if (!mayReadWorkspaceFiles()) return undefined;
    const key = uri.fsPath;
    const request = this.newRequest('check', key);
    let result: CheckResult;
    try {
      result = (await this.checkWorker.request({ kind: 'check', file: key }, CHECK_TIMEOUT_MS)) as CheckResult;
    } catch (err) {
      this.log.warn(`Checking ${key} failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    if (this.latest.check.get(key) === request) {
      // The check read the file from disk: when the editor holds newer text, that text's problems win.
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === key);
      if (doc?.isDirty) void this.validateText(doc);
      else {
        if (doc) this.checkedVersions.set(key, doc.version);
        this.show(uri, result.diagnostics);
      }
    }
    if (result.size) this.setSize(uri, result.size);
    // A model that no longer builds has no shapes to show: hints of the last good build would mislead.
    if (result.layers) this.layerShapes.set(key, result.layers);
    else this.layerShapes.delete(key);
    this.shapesChanged.fire(uri);
    return result;
  }

  private newRequest(kind: 'parse' | 'check', key: string): number {
    const request = ++this.requests;
    this.latest[kind].set(key, request);
    return request;
  }

  private setSize(uri: vscode.Uri, size: ModelSize): void {
    const before = this.sizes.get(uri.fsPath);
    if (before?.layers === size.layers && before.params === size.params) return;
    this.sizes.set(uri.fsPath, size);
    this.sizeChanged.fire(uri);
  }

  private closed(doc: vscode.TextDocument): void {
    if (!isModelFile(doc.uri)) return;
    clearTimeout(this.pending.get(doc.uri.fsPath));
    this.latest.parse.delete(doc.uri.fsPath);
    this.latest.check.delete(doc.uri.fsPath);
    this.outlines.delete(doc.uri.fsPath);
    this.checkedVersions.delete(doc.uri.fsPath);
    this.shown.delete(doc.uri.fsPath);
    this.collection.delete(doc.uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.worker.dispose();
    this.checkWorker.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
