import * as vscode from 'vscode';
import type { IndexedRun } from '../../core/runs/runIndex';
import { groupRuns } from '../../core/runs/runIndex';
import { runDateLabel, runDescription, runShortDate, runTooltip } from '../../core/runs/runLabels';
import type { RunStatus } from '../../shared/runResults';
import type { RunCatalog } from './runCatalog';
import { throttled } from '../training/refreshThrottle';
import { TREE_REFRESH_MS } from './modelsTree';

/** A model's runs, newest first. */
export interface RunGroupNode {
  kind: 'group';
  name: string;
  runs: readonly IndexedRun[];
}

export interface RunNode {
  kind: 'run';
  run: IndexedRun;
}

export type RunsTreeNode = RunGroupNode | RunNode;

const STATUS_ICONS: Record<RunStatus, vscode.ThemeIcon> = {
  running: new vscode.ThemeIcon('sync~spin'),
  completed: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  early_stopped: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  stopped: new vscode.ThemeIcon('debug-stop', new vscode.ThemeColor('testing.iconSkipped')),
  interrupted: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
};

/**
 * The Runs view: every run folder grouped by model, newest first, each with a checkbox to choose the
 * runs Compare Runs compares. The checked runs are remembered by folder across refreshes.
 */
export class RunsTree implements vscode.TreeDataProvider<RunsTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RunsTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly checked = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly catalog: RunCatalog) {
    // At most once a second: the workbench drops a tree's answer when the next refresh comes first.
    const refresh = throttled(() => this.changed.fire(undefined), TREE_REFRESH_MS);
    this.disposables.push(
      catalog.onDidChange(() => {
        // A run deleted on disk is no longer chosen.
        const dirs = new Set(catalog.all().map((r) => r.dir));
        for (const dir of [...this.checked]) if (!dirs.has(dir)) this.checked.delete(dir);
        refresh.request();
      }),
    );
  }

  /** Keeps the tree view's checkboxes in the chosen set. */
  track(view: vscode.TreeView<RunsTreeNode>): void {
    this.disposables.push(
      view.onDidChangeCheckboxState((event) => {
        for (const [node, state] of event.items) {
          if (node.kind !== 'run') continue;
          if (state === vscode.TreeItemCheckboxState.Checked) this.checked.add(node.run.dir);
          else this.checked.delete(node.run.dir);
        }
      }),
    );
  }

  /** The runs checked for comparison, newest first. */
  checkedRuns(): IndexedRun[] {
    return this.catalog.all().filter((run) => this.checked.has(run.dir));
  }

  getChildren(node?: RunsTreeNode): RunsTreeNode[] {
    if (!node) return groupRuns(this.catalog.all()).map((group) => ({ kind: 'group', name: group.name, runs: group.runs }));
    return node.kind === 'group' ? node.runs.map((run) => ({ kind: 'run', run })) : [];
  }

  getTreeItem(node: RunsTreeNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.name}`;
      item.description = `${node.runs.length} run${node.runs.length === 1 ? '' : 's'}`;
      item.iconPath = new vscode.ThemeIcon('symbol-method');
      item.contextValue = 'runGroup';
      return item;
    }
    const { run } = node;
    const item = new vscode.TreeItem(runShortDate(run), vscode.TreeItemCollapsibleState.None);
    item.id = `run:${run.dir}`;
    if (!run.summary) {
      item.description = 'unreadable';
      item.tooltip = `${run.dir}\n${run.unreadable ?? 'No readable summary.json.'}`;
      item.iconPath = new vscode.ThemeIcon('question', new vscode.ThemeColor('list.warningForeground'));
      item.contextValue = 'unreadable';
      return item;
    }
    const summary = run.summary;
    item.description = runDescription(summary);
    item.tooltip = `${runDateLabel(run)}\n${runTooltip(summary)}\n\n${run.dir}`;
    item.iconPath = STATUS_ICONS[summary.status] ?? new vscode.ThemeIcon('circle-outline');
    const hasModel = summary.status !== 'running' && (summary.weightsEpoch !== undefined || summary.status === 'completed' || summary.status === 'early_stopped');
    item.contextValue = `run.${summary.status}${hasModel ? '.hasModel' : ''}`;
    item.checkboxState = { state: this.checked.has(run.dir) ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked, tooltip: 'Choose for Compare Runs', accessibilityInformation: { label: `Compare ${runDateLabel(run)}` } };
    item.command = { command: 'nnTrainer.showRunInPanel', title: 'Show in Panel', arguments: [node] };
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
