import * as path from 'path';
import * as vscode from 'vscode';
import type { IndexedRun } from '../../core/runs/runIndex';
import { headlineMetric } from '../../core/runs/runLabels';
import type { ActiveRuns } from '../training/activeRuns';
import type { CatalogModel, ModelCatalog } from './modelCatalog';
import type { RunCatalog } from './runCatalog';
import { throttled } from '../training/refreshThrottle';
import { mayReadWorkspaceFiles, onDidGrantTrust } from '../trust/workspaceTrust';

/** What an unchecked model file shows while Restricted Mode holds its check back. */
export const NOT_CHECKED_RESTRICTED = 'not checked in Restricted Mode';

/** A tree is refreshed at most this often. */
export const TREE_REFRESH_MS = 2_000;

export interface ModelNode {
  kind: 'model';
  /** Absolute path: what the commands (Train, Stop, Show Panel, Validate) take. */
  modelFile: string;
}

/**
 * The Models view: every model file with its state as icon and description, in the order the user
 * needs it most: training (`epoch 3/5`), not valid (the first problem), its last result, or its size.
 */
export class ModelsTree implements vscode.TreeDataProvider<ModelNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ModelNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** What the items showed at the last refresh: only a change of it refreshes the view. */
  private shown = '';

  constructor(
    private readonly models: ModelCatalog,
    private readonly runs: RunCatalog,
    private readonly active: ActiveRuns,
  ) {
    // The workbench drops a tree's answer when the next refresh comes before it arrives: refreshed
    // every 250 ms by a training, a tree on a busy machine would show nothing new until training ends.
    const refresh = throttled(() => {
      const shown = JSON.stringify(this.getChildren().map((node) => this.itemText(node)));
      if (shown === this.shown) return;
      this.shown = shown;
      this.changed.fire(undefined);
    }, TREE_REFRESH_MS);
    const request = () => refresh.request();
    this.disposables.push(models.onDidChange(request), runs.onDidChange(request), active.onDidChange(request), onDidGrantTrust(request));
  }

  private itemText(node: ModelNode): string {
    const item = this.getTreeItem(node);
    return `${String(item.label)}|${String(item.description)}|${item.contextValue}|${(item.iconPath as vscode.ThemeIcon | undefined)?.id}`;
  }

  getChildren(node?: ModelNode): ModelNode[] {
    return node ? [] : this.models.all().map((m) => ({ kind: 'model', modelFile: m.uri.fsPath }));
  }

  getTreeItem(node: ModelNode): vscode.TreeItem {
    const uri = vscode.Uri.file(node.modelFile);
    const entry = this.models.get(node.modelFile) ?? { uri };
    const item = new vscode.TreeItem(path.basename(node.modelFile), vscode.TreeItemCollapsibleState.None);
    item.id = `model:${node.modelFile}`;
    item.resourceUri = uri;
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
    const latest = this.latestRun(node.modelFile);
    const state = this.state(entry, latest);
    item.description = state.description;
    item.iconPath = state.icon;
    item.contextValue = `model.${state.kind}${latest ? '.hasRun' : ''}`;
    const relative = vscode.workspace.asRelativePath(uri);
    item.tooltip = [relative, state.detail].filter(Boolean).join('\n');
    return item;
  }

  /** The newest readable run of a model file, from the Runs view's list. */
  latestRun(modelFile: string): IndexedRun | undefined {
    const target = path.resolve(modelFile);
    return this.runs.all().find((run) => run.summary && path.resolve(run.summary.modelFile) === target);
  }

  private state(entry: CatalogModel, latest: IndexedRun | undefined): { kind: 'training' | 'invalid' | 'idle'; description: string; icon: vscode.ThemeIcon; detail?: string } {
    const live = this.active.get(entry.uri.fsPath);
    if (live) {
      const current = live.panelRun.current;
      const progress = current ? `epoch ${current.epoch}/${live.panelRun.epochs ?? '?'}` : 'starting…';
      return { kind: 'training', description: live.stopping ? 'stopping…' : live.panelRun.paused ? `paused · ${progress}` : progress, icon: new vscode.ThemeIcon('sync~spin') };
    }
    const errors = (entry.problems ?? []).filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      const first = errors[0];
      const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : '';
      return {
        kind: 'invalid',
        description: `${errors.length} problem${errors.length === 1 ? '' : 's'}: ${first.message}`,
        icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
        detail: `Line ${first.range.start.line}: ${first.message}${more}`,
      };
    }
    const size = entry.size ? `${entry.size.layers} layer${entry.size.layers === 1 ? '' : 's'}${entry.size.params === undefined ? '' : ` · ${entry.size.params.toLocaleString('en-US')} params`}` : undefined;
    const headline = latest?.summary && latest.summary.status !== 'running' ? headlineMetric(latest.summary) : undefined;
    if (headline) {
      return {
        kind: 'idle',
        description: `${headline.name} ${headline.value.toFixed(3)}`,
        icon: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
        detail: [size, `Last run: ${headline.name} ${headline.value.toFixed(3)} on ${headline.on === 'test' ? 'the test data' : 'the training data'}`].filter(Boolean).join('\n'),
      };
    }
    if (entry.problems === undefined) {
      // Restricted Mode holds the background checks back (they read data): say so, not `checking…` for ever.
      const held = !mayReadWorkspaceFiles();
      return { kind: 'idle', description: size ?? (held ? NOT_CHECKED_RESTRICTED : 'checking…'), icon: new vscode.ThemeIcon('circle-outline'), detail: held ? 'Checked with its data once the workspace is trusted.' : undefined };
    }
    return { kind: 'idle', description: size ?? 'valid', icon: new vscode.ThemeIcon('symbol-structure'), detail: size };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
