import * as vscode from 'vscode';
import type { ImportAnchorsResult } from '../../shared/workerProtocol';
import type { KerasJobs } from './kerasJobs';
import { isPythonFile } from './pythonFiles';

/** The lens's title, as the issue names it. */
export const IMPORT_LENS_TITLE = 'Import as model file';

/** A script with neither cannot hold a Sequential model: such files never reach the worker. */
const MAY_HOLD_A_MODEL = /Sequential\s*\(|\.add\s*\(/;

/**
 * `Import as model file` above `Sequential(` and the first `model.add(` of a Python file. Where they
 * are comes from the real Python parser in the validation worker (a `Sequential(` in a comment or a
 * string is no model), once per document version.
 */
export class PythonCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly anchors = new Map<string, { version: number; lines: Promise<number[]> }>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly jobs: KerasJobs,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [vscode.workspace.onDidCloseTextDocument((doc) => this.anchors.delete(doc.uri.toString()))];
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!isPythonFile(document.uri, document.languageId)) return [];
    const lines = await this.anchorLines(document);
    return lines.map(
      (line) =>
        new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
          title: IMPORT_LENS_TITLE,
          command: 'nnTrainer.importKerasScript',
          arguments: [document.uri],
          tooltip: 'Translate this Keras script into a model file beside it, and open it',
        }),
    );
  }

  private anchorLines(document: vscode.TextDocument): Promise<number[]> {
    const key = document.uri.toString();
    const cached = this.anchors.get(key);
    if (cached?.version === document.version) return cached.lines;
    const source = document.getText();
    const lines = MAY_HOLD_A_MODEL.test(source) ? this.requestAnchors(document, source) : Promise.resolve([]);
    this.anchors.set(key, { version: document.version, lines });
    return lines;
  }

  private async requestAnchors(document: vscode.TextDocument, source: string): Promise<number[]> {
    try {
      const result = (await this.jobs.request({ kind: 'importAnchors', source })) as ImportAnchorsResult;
      // 1-based from the core; one lens a line.
      return [...new Set(result.anchors.map((anchor) => anchor.line - 1))];
    } catch (err) {
      this.log.warn(`Finding the Keras model of ${document.uri.fsPath} failed: ${err instanceof Error ? err.message : String(err)}`);
      this.anchors.delete(document.uri.toString());
      return [];
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
