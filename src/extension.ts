/**
 * activate() wires the extension together and does nothing else. It loads no TensorFlow.js: training,
 * checks, evaluation and prediction all run in dist/worker.js.
 */
import * as vscode from 'vscode';
import type { HostServices } from './host/hostServices';
import { ModelDiagnostics } from './host/diagnostics/modelDiagnostics';
import { ModelCodeLensProvider } from './host/codeLens/modelCodeLensProvider';
import { TrainingPanels } from './host/panel/trainingPanels';
import { ActiveRuns } from './host/training/activeRuns';
import { TrainProblems } from './host/training/trainProblems';
import { Trainer } from './host/training/trainer';
import { panelRunOf } from './host/training/panelRunOf';
import { registerCommands, runPanelCommand } from './host/registerCommands';
import { reportJobError } from './host/jobErrors';
import { announceRun } from './host/runAnnouncement';
import { MODEL_FILE_SELECTORS } from './host/modelFiles';
import { readSettings, runsRootFor } from './host/settings';
import { registerEditing } from './host/editing/registerEditing';
import { markInterruptedRuns } from './host/runs/markInterruptedRuns';
import type { ModelCompletionProvider } from './host/editing/modelCompletionProvider';
import { registerSidebar, type Sidebar } from './host/sidebar/registerSidebar';
import { MadePredictions } from './host/panel/madePredictions';
import { WorkerJobHandle } from './host/worker/workerJob';
import { SpareWorker } from './host/worker/spareWorker';
import { warmTrainingWorker } from './host/training/warmTrainingWorker';
import { LivePredictions } from './host/panel/livePredictions';
import { ignoredMessages, logIgnoredMessagesTo } from './host/ignoredMessages';
import { mayReadWorkspaceFiles, onDidGrantTrust, shownRefusals } from './host/trust/workspaceTrust';
import { ImportDiagnostics } from './host/keras/importDiagnostics';
import { PythonCodeLensProvider } from './host/keras/pythonCodeLensProvider';
import { PYTHON_SELECTORS } from './host/keras/pythonFiles';
import { registerKerasCommands } from './host/keras/kerasCommands';
import type { KerasJobs } from './host/keras/kerasJobs';
import { registerWalkthrough } from './host/walkthrough/walkthrough';

/** What tests reach through `getExtension(...).exports`. */
export interface ExtensionApi {
  trainer: Trainer;
  activeRuns: ActiveRuns;
  panels: TrainingPanels;
  diagnostics: ModelDiagnostics;
  codeLenses: ModelCodeLensProvider;
  completion: ModelCompletionProvider;
  sidebar: Sidebar;
  livePredictions: LivePredictions;
  /** The untranslated statements shown on imported Keras scripts. */
  importDiagnostics: ImportDiagnostics;
  /** The refusals Restricted Mode showed since activation. */
  trust: { refusals(): readonly string[] };
  /** The malformed messages from pages and workers dropped (and logged) since activation. */
  ignoredMessages(): readonly string[];
  /** Job workers started and not yet exited (the train/stop cycles test reads it). */
  workersRunning(): number;
  /** The training worker kept ready for Train (the warm-worker test reads it). */
  spare: SpareWorker;
  /** activate()'s own time, and the time from the bundle's load to activate() being called, in ms (printed by the activation test). */
  activation: { moduleMs: number; activateMs: number };
}

/** When this bundle's top level ran (after the modules it bundles), to time how soon activate() follows. */
const bundleStarted = performance.now();

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const activateStarted = performance.now();
  const log = vscode.window.createOutputChannel('Neural Network Trainer', { log: true });
  context.subscriptions.push(logIgnoredMessagesTo(log));
  const workerScript = vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath;
  const activeRuns = new ActiveRuns();
  const problems = new TrainProblems();
  const runsRootOf = (modelFile: string) => {
    const uri = vscode.Uri.file(modelFile);
    return runsRootFor(uri, readSettings(uri));
  };
  const chosenRuns = new Map<string, string>();
  const made = new MadePredictions(context.workspaceState);
  const snapshotOf = (modelFile: string) => {
    const run = panelRunOf(modelFile, activeRuns, runsRootOf(modelFile), problems.get(modelFile), chosenRuns.get(modelFile));
    const asked = run.runDir ? made.of(run.runDir) : [];
    return asked.length ? { ...run, made: asked } : run;
  };
  const panels: TrainingPanels = new TrainingPanels(
    context.extensionUri,
    snapshotOf,
    (modelFile, command) =>
      // Only Reveal Run Folder needs the run, so only it reads the runs folder.
      void runPanelCommand(modelFile, command, () => snapshotOf(modelFile).runDir),
    (modelFile, request) => void livePredictions.answer(modelFile, request),
  );
  const livePredictions = new LivePredictions(workerScript, panels, made, (modelFile) => readSettings(vscode.Uri.file(modelFile)).backend);
  // The run a panel shows when the user chose one (Runs view, a result's Show Panel); a new training replaces it.
  const showRun = (modelFile: string, runDir: string) => {
    if (!activeRuns.get(modelFile)) chosenRuns.set(modelFile, runDir);
    panels.show(modelFile);
    panels.post(modelFile, { type: 'snapshot', run: snapshotOf(modelFile) });
  };
  const diagnostics = new ModelDiagnostics(workerScript, log);
  const spare = new SpareWorker(workerScript);
  const services: HostServices = {
    workerScript,
    spare,
    log,
    panels,
    problems,
    made,
    showRun,
    showFileDiagnostics: (uri, found) => diagnostics.show(uri, found),
    announceRun: (modelFile, runDir, headline) => announceRun(panels, modelFile, runDir, headline),
    reportJobError: (uri, what, err) => reportJobError(log, (u, found) => diagnostics.show(u, found), uri, what, err),
  };
  const trainer = new Trainer(services, activeRuns);
  const codeLenses = new ModelCodeLensProvider(activeRuns, diagnostics);
  const editing = registerEditing(diagnostics);
  // The Keras parser runs in the validation's workers, like every parse: never on this thread.
  const kerasJobs: KerasJobs = { request: (job) => diagnostics.request(job), requestWithData: (job) => diagnostics.requestWithData(job) };
  const importDiagnostics = new ImportDiagnostics(kerasJobs, log);
  const pythonLenses = new PythonCodeLensProvider(kerasJobs, log);
  const sidebar = registerSidebar({
    extensionUri: context.extensionUri,
    active: activeRuns,
    diagnostics,
    showRun,
  });

  context.subscriptions.push(
    log,
    activeRuns,
    problems,
    problems.onDidChange((modelFile) => panels.post(modelFile, { type: 'snapshot', run: snapshotOf(modelFile) })),
    panels,
    livePredictions,
    panels.registerSerializer(),
    diagnostics,
    codeLenses,
    vscode.languages.registerCodeLensProvider(MODEL_FILE_SELECTORS, codeLenses),
    ...editing.disposables,
    ...registerCommands(services, trainer, diagnostics),
    importDiagnostics,
    pythonLenses,
    vscode.languages.registerCodeLensProvider(PYTHON_SELECTORS, pythonLenses),
    ...registerKerasCommands({ services, panels, jobs: kerasJobs, importDiagnostics }),
    ...registerWalkthrough(context),
    ...sidebar.disposables,
    activeRuns.onDidChange((modelFile) => {
      if (activeRuns.get(modelFile)) chosenRuns.delete(modelFile);
    }),
    ...warmTrainingWorker(spare, activeRuns),
    // Stop every training when the extension goes away, so no worker outlives its host.
    { dispose: () => void Promise.all(trainer.trainingFiles().map((f) => trainer.stop(vscode.Uri.file(f)))) },
  );
  // Runs a reload cut short say so, in the panel and everywhere else, instead of `running` forever.
  // That rewrites their summaries: in Restricted Mode only once the workspace is trusted.
  const markInterrupted = () => void markInterruptedRuns(log).catch((err: unknown) => log.warn(`Checking for interrupted runs failed: ${err instanceof Error ? err.message : String(err)}`));
  if (mayReadWorkspaceFiles()) markInterrupted();
  else context.subscriptions.push(onDidGrantTrust(markInterrupted));
  return {
    trainer,
    activeRuns,
    panels,
    diagnostics,
    codeLenses,
    completion: editing.completion,
    sidebar: sidebar.sidebar,
    livePredictions,
    importDiagnostics,
    trust: { refusals: shownRefusals },
    ignoredMessages,
    workersRunning: () => WorkerJobHandle.running,
    spare,
    activation: { moduleMs: activateStarted - bundleStarted, activateMs: performance.now() - activateStarted },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
