import * as vscode from 'vscode';
import type { Diagnostic } from '../../shared/diagnosticTypes';
import type { CheckResult } from '../../shared/workerProtocol';
import { parseModelText } from '../../core/modelFile/parseModelText';
import { isModelFile } from '../modelFiles';
import { WorkerJobHandle } from '../worker/workerJob';
import { toVscodeDiagnostic } from './toVscodeDiagnostic';

/** Typing pauses this long before the file is re-validated. */
const TYPING_DEBOUNCE_MS = 300;
/** A check loads the data (all of MNIST at most) and builds the model; far less than this. */
const CHECK_TIMEOUT_MS = 120_000;

/** Layer and parameter counts of a model file, for the summary lens. */
export interface ModelSize {
  layers: number;
  params?: number;
}

/**
 * Problems of model files in the Problems panel and as squiggles. While the user types, the text is
 * parsed and validated on the host (pure, a few milliseconds, no TensorFlow.js). On open and on save
 * a worker also loads the data and builds the model, which finds missing CSV columns and shape errors.
 */
export class ModelDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('nn-trainer');
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly checks = new Map<string, WorkerJobHandle>();
  private readonly sizes = new Map<string, ModelSize>();
  private readonly sizeChanged = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when a file's layer or parameter count becomes known or changes. */
  readonly onDidChangeSize = this.sizeChanged.event;

  constructor(
    private readonly workerScript: string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.collection,
      this.sizeChanged,
      vscode.workspace.onDidOpenTextDocument((doc) => this.opened(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.opened(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc)),
    );
    for (const doc of vscode.workspace.textDocuments) this.opened(doc);
  }

  sizeOf(uri: vscode.Uri): ModelSize | undefined {
    return this.sizes.get(uri.fsPath);
  }

  /** Replaces a file's problems with those a worker job reported. */
  show(uri: vscode.Uri, diagnostics: Diagnostic[]): void {
    this.collection.set(uri, diagnostics.map(toVscodeDiagnostic));
  }

  /** Validates a model file fully (syntax, schema, data, shapes) and shows the result; for the Validate command. */
  async checkNow(uri: vscode.Uri): Promise<CheckResult | undefined> {
    return this.runCheck(uri);
  }

  private opened(doc: vscode.TextDocument): void {
    if (!isModelFile(doc.uri)) return;
    this.validateText(doc);
    void this.runCheck(doc.uri);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!isModelFile(doc.uri)) return;
    clearTimeout(this.pending.get(doc.uri.fsPath));
    this.pending.set(
      doc.uri.fsPath,
      setTimeout(() => {
        this.pending.delete(doc.uri.fsPath);
        this.validateText(doc);
      }, TYPING_DEBOUNCE_MS),
    );
  }

  private validateText(doc: vscode.TextDocument): void {
    if (doc.isClosed) return;
    const parsed = parseModelText(doc.getText(), doc.uri.fsPath);
    this.show(doc.uri, parsed.diagnostics);
    if (!parsed.spec) return;
    // The parameter count needs the data's shapes (a worker's job): keep the last one while the layer
    // count is unchanged, and drop it when layers come or go.
    const before = this.sizes.get(doc.uri.fsPath);
    const layers = parsed.spec.model.length;
    this.setSize(doc.uri, { layers, params: before?.layers === layers ? before.params : undefined });
  }

  private async runCheck(uri: vscode.Uri): Promise<CheckResult | undefined> {
    const key = uri.fsPath;
    void this.checks.get(key)?.cancel(0);
    const job = new WorkerJobHandle(this.workerScript, { kind: 'check', file: key }, CHECK_TIMEOUT_MS);
    this.checks.set(key, job);
    try {
      const result = (await job.result) as CheckResult;
      if (this.checks.get(key) !== job) return result;
      // The editor may hold newer text than the disk the worker read: that text's parse wins.
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === key);
      if (!doc?.isDirty) this.show(uri, result.diagnostics);
      if (result.size) this.setSize(uri, result.size);
      return result;
    } catch (err) {
      // A superseded check was cancelled on purpose; any other failure is ours, not the user's.
      if (this.checks.get(key) === job) this.log.warn(`Checking ${key} failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    } finally {
      if (this.checks.get(key) === job) this.checks.delete(key);
    }
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
    void this.checks.get(doc.uri.fsPath)?.cancel(0);
    this.collection.delete(doc.uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const job of this.checks.values()) void job.cancel(0);
    for (const d of this.disposables) d.dispose();
  }
}
