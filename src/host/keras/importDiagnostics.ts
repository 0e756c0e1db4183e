import * as vscode from 'vscode';
import type { ImportNote, ImportOutcome, ImportScriptResult } from '../../shared/workerProtocol';
import type { KerasJobs } from './kerasJobs';

/** The source of the diagnostics on an imported script, as the Problems panel shows it. */
export const IMPORT_DIAGNOSTIC_SOURCE = 'Neural Network';

/**
 * What an import of a Keras script left untranslated, as Information diagnostics on the script: set
 * when the script is imported, refreshed on each save while they are shown (the user fixing or
 * removing a statement sees it go), and cleared when the script closes (its last tab, or its document).
 */
export class ImportDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('nn-trainer-import');
  private readonly subscriptions: vscode.Disposable[];
  /** The newest refresh per script: an older answer is dropped. */
  private readonly latest = new Map<string, number>();
  private refreshes = 0;

  constructor(
    private readonly jobs: KerasJobs,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      this.collection,
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.collection.has(doc.uri)) void this.refresh(doc);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.clear(doc.uri)),
      // VS Code disposes a closed editor's document only when nothing holds it, which can be minutes
      // later: the notes go when the script's last tab closes, as the user sees it close.
      vscode.window.tabGroups.onDidChangeTabs((change) => {
        if (change.closed.length === 0) return;
        const open = new Set(vscode.window.tabGroups.all.flatMap((group) => group.tabs).flatMap((tab) => (tab.input instanceof vscode.TabInputText ? [tab.input.uri.toString()] : [])));
        this.collection.forEach((uri) => {
          if (!open.has(uri.toString())) this.clear(uri);
        });
      }),
    ];
  }

  /** Shows an import's warnings on the script whose text was `source`. */
  show(uri: vscode.Uri, source: string, outcome: ImportOutcome): void {
    this.latest.set(uri.toString(), ++this.refreshes);
    this.collection.set(uri, outcome.warnings.map((note) => toDiagnostic(note, source)));
  }

  /** The diagnostics shown on a script (tests read them). */
  shownFor(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  private clear(uri: vscode.Uri): void {
    this.latest.delete(uri.toString());
    this.collection.delete(uri);
  }

  private async refresh(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    const request = ++this.refreshes;
    this.latest.set(key, request);
    const source = doc.getText();
    let result: ImportScriptResult;
    try {
      result = (await this.jobs.request({ kind: 'importScript', scriptPath: doc.uri.fsPath, source })) as ImportScriptResult;
    } catch (err) {
      this.log.warn(`Reading ${doc.uri.fsPath} as a Keras script failed: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (this.latest.get(key) !== request || doc.isClosed) return;
    this.collection.set(doc.uri, result.outcome.warnings.map((note) => toDiagnostic(note, source)));
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** A note's 1-based line and column become a squiggle from there to the end of its line. */
function toDiagnostic(note: ImportNote, source: string): vscode.Diagnostic {
  const line = Math.max(0, note.line - 1);
  const text = source.split(/\r?\n/)[line] ?? '';
  const start = Math.max(0, Math.min(note.column - 1, text.length));
  const end = Math.max(start + 1, text.trimEnd().length);
  const diagnostic = new vscode.Diagnostic(new vscode.Range(line, start, line, end), note.message, vscode.DiagnosticSeverity.Information);
  diagnostic.source = IMPORT_DIAGNOSTIC_SOURCE;
  return diagnostic;
}
