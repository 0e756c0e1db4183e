import * as vscode from 'vscode';
import type { ModelDiagnostics } from '../diagnostics/modelDiagnostics';
import { MODEL_FILE_SELECTORS } from '../modelFiles';
import { readSettings, onDidChangeSettings } from '../settings';
import { COMPLETION_TRIGGERS, ModelCompletionProvider } from './modelCompletionProvider';
import { ModelHoverProvider } from './modelHoverProvider';
import { ModelCodeActionProvider } from './modelCodeActionProvider';
import { ModelInlayHintsProvider } from './modelInlayHintsProvider';
import { ModelSymbolProvider } from './modelSymbolProvider';

/** Completion, hover, quick fixes, inlay hints and the outline for model files, with no other extension needed. */
export function registerEditing(diagnostics: ModelDiagnostics): { completion: ModelCompletionProvider; disposables: vscode.Disposable[] } {
  const inlayHints = new ModelInlayHintsProvider(diagnostics, () => readSettings().inlayHints);
  const completion = new ModelCompletionProvider(diagnostics);
  const disposables = [
    inlayHints,
    vscode.languages.registerCompletionItemProvider(MODEL_FILE_SELECTORS, completion, ...COMPLETION_TRIGGERS),
    vscode.languages.registerHoverProvider(MODEL_FILE_SELECTORS, new ModelHoverProvider(diagnostics)),
    vscode.languages.registerCodeActionsProvider(MODEL_FILE_SELECTORS, new ModelCodeActionProvider(diagnostics), ModelCodeActionProvider.metadata),
    vscode.languages.registerInlayHintsProvider(MODEL_FILE_SELECTORS, inlayHints),
    vscode.languages.registerDocumentSymbolProvider(MODEL_FILE_SELECTORS, new ModelSymbolProvider(diagnostics), { label: 'Model' }),
    onDidChangeSettings(() => inlayHints.refresh()),
  ];
  return { completion, disposables };
}
