import * as vscode from 'vscode';
import type { HoverResult } from '../../shared/workerProtocol';
import type { ModelDiagnostics } from '../diagnostics/modelDiagnostics';
import { toRange } from './offsetRanges';
import { layerShapeText } from './layerShapeText';

/** Hover for model files: the worker explains the key or value; a layer also shows its shape once a check built the model. */
export class ModelHoverProvider implements vscode.HoverProvider {
  constructor(private readonly diagnostics: ModelDiagnostics) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    let result: HoverResult;
    try {
      result = (await this.diagnostics.request({ kind: 'hover', file: doc.uri.fsPath, text: doc.getText(), offset: doc.offsetAt(position) })) as HoverResult;
    } catch {
      return undefined;
    }
    const hover = result.hover;
    if (!hover) return undefined;
    let markdown = hover.markdown;
    if (hover.layerIndex !== undefined) {
      const shape = this.diagnostics.layerShapesOf(doc.uri)?.[hover.layerIndex];
      markdown += shape ? `\n\nOutput shape \`${shape.outputShape}\` · ${layerShapeText(shape).params}` : '\n\nOutput shape and parameters: known once the file is saved with its data.';
    }
    return new vscode.Hover(new vscode.MarkdownString(markdown), toRange(doc, hover.range));
  }
}
