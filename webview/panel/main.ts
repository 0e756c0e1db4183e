import type { HostToPanelMessage, PanelRun } from '../../src/shared/panelProtocol';
import '../shared/elements';
import { applyMessage, isPanelRun } from '../shared/runState';
import { PanelView } from './panelView';
import { vscodeApi } from './vscodeApi';
import { DEFAULT_CURVE_SETTINGS } from './curvesView';
import { thinnedCurves } from '../../src/shared/thinnedCurves';
import { oncePerFrame } from '../shared/oncePerFrame';
import { LiveRequests } from './insights/liveRequests';

const vscode = vscodeApi();
const root = document.getElementById('panel') ?? document.body;
// A reloaded or restored panel shows its last run at once; the host's snapshot then brings it up to date.
const state = vscode.getState();
let run: PanelRun | undefined = isPanelRun(state?.run) ? state.run : undefined;
let charts = { ...DEFAULT_CURVE_SETTINGS, ...state?.charts };
// VS Code copies the state to the extension host on every setState: at most once a frame, and with the
// curves thinned (a restored page draws those at once; the host's snapshot then brings every point).
const save = oncePerFrame(() => {
  if (run) vscode.setState({ run: { ...run, curves: thinnedCurves(run.curves) }, charts });
});
// The draw pad's and the form's predictions: one request in flight per source, the latest wins.
const live = new LiveRequests((request) => vscode.postMessage(request));
const view = new PanelView(
  root,
  (command) => vscode.postMessage({ type: 'command', command }),
  charts,
  (settings) => {
    charts = settings;
    save();
  },
  (fileName, content) => vscode.postMessage({ type: 'download', fileName, content }),
  live,
);
view.render(run);

window.addEventListener('message', (event: MessageEvent<HostToPanelMessage>) => {
  const message = event.data;
  if (typeof message !== 'object' || message === null || typeof message.type !== 'string') return;
  // Answers to requests since replaced or cancelled never reach the state.
  const accepted = live.accept(message);
  if (!accepted) return;
  const next = applyMessage(run, accepted);
  if (next === run) return;
  run = next;
  view.render(run);
  save();
});

vscode.postMessage({ type: 'ready' });
