import * as vscode from 'vscode';
import type { CompareResult } from '../../shared/workerProtocol';
import type { ModelDiagnostics } from '../diagnostics/modelDiagnostics';
import type { ActiveRuns } from '../training/activeRuns';
import { ComparePanels } from '../compare/comparePanels';
import { openExamplesCommand } from '../commands/openExamplesCommand';
import { revealRunFolder } from '../runAnnouncement';
import { ModelCatalog } from './modelCatalog';
import { ModelsTree, type ModelNode } from './modelsTree';
import { RunCatalog } from './runCatalog';
import { RunsTree, type RunsTreeNode } from './runsTree';
import { TrainingViewProvider, TRAINING_VIEW_ID } from './trainingView';
import { deleteRun, pickRuns, runOf, runsToCompare } from './runCommands';
import { mayReadWorkspaceFiles, requireTrust } from '../trust/workspaceTrust';

/** What the sidebar needs from the rest of the extension. */
export interface SidebarDeps {
  extensionUri: vscode.Uri;
  active: ActiveRuns;
  diagnostics: ModelDiagnostics;
  /** Shows a run folder of a model file in its training panel. */
  showRun(modelFile: string, runDir: string): void;
}

/** The sidebar as tests reach it. */
export interface Sidebar {
  models: ModelCatalog;
  runs: RunCatalog;
  modelsTree: ModelsTree;
  runsTree: RunsTree;
  modelsView: vscode.TreeView<ModelNode>;
  runsView: vscode.TreeView<RunsTreeNode>;
  training: TrainingViewProvider;
  compare: ComparePanels;
}

/** The `Neural Network` view container: Training (webview), Models and Runs (trees), and their commands. */
export function registerSidebar(deps: SidebarDeps): { sidebar: Sidebar; disposables: vscode.Disposable[] } {
  let modelsShown = () => false;
  // A background check reads the data a model file names: not in Restricted Mode. The checks wait,
  // and start once the workspace is trusted.
  const models = new ModelCatalog(deps.diagnostics, () => modelsShown() && deps.active.all().length === 0 && mayReadWorkspaceFiles());
  let views: Array<{ visible: boolean }> = [];
  const runs = new RunCatalog(models, deps.active, () => views.some((view) => view.visible));
  const modelsTree = new ModelsTree(models, runs, deps.active);
  const runsTree = new RunsTree(runs);
  const modelsView = vscode.window.createTreeView('nnTrainer.models', { treeDataProvider: modelsTree, showCollapseAll: false });
  modelsShown = () => modelsView.visible;
  const runsView = vscode.window.createTreeView('nnTrainer.runs', { treeDataProvider: runsTree, canSelectMany: true, manageCheckboxStateManually: true });
  runsTree.track(runsView);
  const training = new TrainingViewProvider(deps.extensionUri, deps.active, models, runs);
  views = [modelsView, runsView, training];
  const readComparison = async (runDirs: string[]) => ((await deps.diagnostics.request({ kind: 'compare', runDirs })) as CompareResult).data;
  const compare = new ComparePanels(deps.extensionUri, readComparison, (runDir) => {
    const run = runs.all().find((r) => r.dir === runDir);
    if (run?.summary) deps.showRun(run.summary.modelFile, runDir);
  });

  const setContext = () => {
    void vscode.commands.executeCommand('setContext', 'nnTrainer.modelsLoaded', models.isLoaded());
    void vscode.commands.executeCommand('setContext', 'nnTrainer.hasModels', models.all().length > 0);
    void vscode.commands.executeCommand('setContext', 'nnTrainer.runsLoaded', runs.isLoaded());
    void vscode.commands.executeCommand('setContext', 'nnTrainer.hasRuns', runs.all().length > 0);
  };
  const register = (name: string, handler: (...args: never[]) => unknown) => vscode.commands.registerCommand(`nnTrainer.${name}`, handler);
  const runArg = async (arg: unknown) => runOf(arg, runs) ?? (await pickRuns(runs, 'Run', false));

  const disposables: vscode.Disposable[] = [
    models,
    runs,
    modelsTree,
    runsTree,
    modelsView,
    runsView,
    training,
    compare,
    compare.registerSerializer(),
    vscode.window.registerWebviewViewProvider(TRAINING_VIEW_ID, training),
    models.onDidChange(setContext),
    runs.onDidChange(setContext),
    liveRunIndicators(deps.active, modelsView),
    modelsView.onDidChangeVisibility((e) => e.visible && runs.viewShown()),
    runsView.onDidChangeVisibility((e) => e.visible && runs.viewShown()),
    register('refreshRuns', () => runs.refresh()),
    register('compareRuns', async (arg?: unknown, selected?: unknown) => {
      const chosen = await runsToCompare(arg, selected, runsTree, runs);
      if (!chosen) return undefined;
      try {
        return await compare.show(chosen.map((run) => run.dir));
      } catch (err) {
        // A worker's error carries the user's message (the folder and why), never a stack.
        void vscode.window.showErrorMessage(`Compare Runs: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
    }),
    register('deleteRun', async (arg?: unknown, confirmed?: boolean) => {
      if (!requireTrust('deleteRun')) return false;
      const run = await runArg(arg);
      return run ? deleteRun(run, deps.active, runs, confirmed === true) : false;
    }),
    register('showRunInPanel', async (arg?: unknown) => {
      const run = await runArg(arg);
      if (run?.summary) deps.showRun(run.summary.modelFile, run.dir);
      return run !== undefined;
    }),
    register('revealRun', async (arg?: unknown) => {
      // From the Models view: the model's newest run.
      const node = arg as Partial<ModelNode> | undefined;
      const run = node?.kind === 'model' && node.modelFile ? modelsTree.latestRun(node.modelFile) : await runArg(arg);
      if (run) await revealRunFolder(run.dir);
    }),
    register('evaluateRun', async (arg?: unknown) => {
      if (!requireTrust('evaluate')) return undefined;
      const run = await runArg(arg);
      if (run?.summary) return vscode.commands.executeCommand('nnTrainer.evaluate', vscode.Uri.file(run.summary.modelFile), run.dir);
    }),
    register('predictRun', async (arg?: unknown) => {
      if (!requireTrust('predict')) return undefined;
      const run = await runArg(arg);
      if (run?.summary) return vscode.commands.executeCommand('nnTrainer.predict', vscode.Uri.file(run.summary.modelFile), { runDir: run.dir });
    }),
    register('openExamples', (target?: vscode.Uri, open?: boolean) => (requireTrust('openExamples') ? openExamplesCommand(deps.extensionUri, target, open ?? true) : undefined)),
  ];
  setContext();
  return { sidebar: { models, runs, modelsTree, runsTree, modelsView, runsView, training, compare }, disposables };
}

/**
 * While anything trains: a badge on the container counting the live runs, and progress on the
 * Training view (VS Code draws it under the view's title).
 */
function liveRunIndicators(active: ActiveRuns, badgeView: vscode.TreeView<ModelNode>): vscode.Disposable {
  let done: (() => void) | undefined;
  let shown = 0;
  return active.onDidChange(() => {
    const count = active.all().length;
    // Runs change many times a second; the badge only when their number does.
    if (count !== shown) badgeView.badge = count > 0 ? { value: count, tooltip: `${count} run${count === 1 ? '' : 's'} training` } : undefined;
    shown = count;
    if (count > 0 && !done) {
      void vscode.window.withProgress({ location: { viewId: TRAINING_VIEW_ID } }, () => new Promise<void>((resolve) => (done = resolve)));
    } else if (count === 0 && done) {
      done();
      done = undefined;
    }
  });
}
