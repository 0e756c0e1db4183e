import * as vscode from 'vscode';
import type { ModelDiagnostics } from '../diagnostics/modelDiagnostics';
import { layerShapeText } from './layerShapeText';

/**
 * Each layer's output shape and parameter count at the end of its line, from the last check that built
 * the model (on open and save) and the outline of the text as it is now. Shown only while the layers
 * written still match the layers checked, so a hint never describes another layer.
 */
export class ModelInlayHintsProvider implements vscode.InlayHintsProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly diagnostics: ModelDiagnostics,
    private readonly enabled: () => boolean,
  ) {
    this.subscription = diagnostics.onDidChangeLayerShapes(() => this.changed.fire());
  }

  /** Asks VS Code to ask again (after the setting changed). */
  refresh(): void {
    this.changed.fire();
  }

  async provideInlayHints(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.InlayHint[]> {
    if (!this.enabled()) return [];
    const shapes = this.diagnostics.layerShapesOf(doc.uri);
    if (!shapes) return [];
    let outline;
    try {
      outline = await this.diagnostics.outlineOf(doc);
    } catch {
      return [];
    }
    const layers = outline.find((s) => s.name === 'model')?.children ?? [];
    if (layers.length !== shapes.length) return [];
    return layers.flatMap((layer, i) => {
      const line = doc.lineAt(doc.positionAt(layer.selectionRange.start).line);
      if (!range.contains(line.range.end)) return [];
      const text = layerShapeText(shapes[i]);
      const hint = new vscode.InlayHint(line.range.end, `${text.shape} · ${text.params}`, vscode.InlayHintKind.Type);
      hint.paddingLeft = true;
      hint.tooltip = `${shapes[i].type}: output shape ${text.shape}, ${text.params}`;
      return [hint];
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
