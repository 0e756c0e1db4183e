import * as vscode from 'vscode';
import type { OutlineKind, OutlineSymbol } from '../../shared/editingTypes';
import type { ModelDiagnostics } from '../diagnostics/modelDiagnostics';
import { toRange } from './offsetRanges';

const KINDS: Record<OutlineKind, vscode.SymbolKind> = {
  section: vscode.SymbolKind.Module,
  layer: vscode.SymbolKind.Class,
  property: vscode.SymbolKind.Property,
};

/** The Outline view and breadcrumbs of a model file: its sections and its layers. */
export class ModelSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly diagnostics: ModelDiagnostics) {}

  async provideDocumentSymbols(doc: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    try {
      return (await this.diagnostics.outlineOf(doc)).map((s) => toSymbol(doc, s));
    } catch {
      return [];
    }
  }
}

function toSymbol(doc: vscode.TextDocument, symbol: OutlineSymbol): vscode.DocumentSymbol {
  const range = toRange(doc, symbol.range);
  const selection = toRange(doc, symbol.selectionRange);
  const result = new vscode.DocumentSymbol(symbol.name, symbol.detail, KINDS[symbol.kind], range.union(selection), selection);
  result.children = symbol.children.map((c) => toSymbol(doc, c));
  return result;
}
