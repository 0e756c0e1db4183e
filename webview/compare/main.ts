import type { CompareState, CompareToHostMessage, HostToCompareMessage } from '../../src/shared/compareProtocol';
import '../shared/elements';
import { DEFAULT_SMOOTHING } from '../shared/smoothingControl';
import { webviewApi } from '../shared/webviewApi';
import { oncePerFrame } from '../shared/oncePerFrame';
import { thinnedCurves } from '../../src/shared/thinnedCurves';
import { applyMessage, isCompareState } from './compareState';
import { CompareView } from './compareView';

const vscode = webviewApi<CompareToHostMessage, CompareState>();
const root = document.getElementById('panel') ?? document.body;
// A reloaded or restored panel shows its last comparison at once; the host's `show` then replaces it.
const saved = vscode.getState();
let state: CompareState | undefined = isCompareState(saved) ? saved : undefined;

// VS Code copies the state to the extension host on every setState: at most once a frame (the slider
// moves many times a second), and with the batch curves thinned to what the charts draw.
const save = oncePerFrame(() => {
  if (state) vscode.setState({ ...state, data: { ...state.data, runs: state.data.runs.map((run) => ({ ...run, curves: thinnedCurves(run.curves) })) } });
});

const change = (patch: Partial<CompareState>) => {
  if (!state) return;
  state = { ...state, ...patch };
  view.render(state);
  save();
};
const view = new CompareView(root, { smoothing: state?.smoothing ?? DEFAULT_SMOOTHING }, {
  smoothing: (smoothing) => change({ smoothing }),
  showAll: (showAll) => change({ showAll }),
  sort: (sort) => change({ sort }),
  openRun: (runDir) => vscode.postMessage({ type: 'openRun', runDir }),
});
view.render(state);

window.addEventListener('message', (event: MessageEvent<HostToCompareMessage>) => {
  const message = event.data;
  if (typeof message !== 'object' || message === null) return;
  const next = applyMessage(state, message);
  if (next === state) return;
  state = next;
  view.render(state);
  save();
});

vscode.postMessage({ type: 'ready' });
