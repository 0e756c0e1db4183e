import type { HostToPanelMessage, PanelRun } from '../../src/shared/panelProtocol';
import './elements';
import { applyMessage, isPanelRun } from './panelRun';
import { PanelView } from './panelView';
import { vscodeApi } from './vscodeApi';

const vscode = vscodeApi();
const root = document.getElementById('panel') ?? document.body;
const view = new PanelView(root, (command) => vscode.postMessage({ type: 'command', command }));

// A reloaded or restored panel shows its last run at once; the host's snapshot then brings it up to date.
const saved = vscode.getState()?.run;
let run: PanelRun | undefined = isPanelRun(saved) ? saved : undefined;
view.render(run);

window.addEventListener('message', (event: MessageEvent<HostToPanelMessage>) => {
  const message = event.data;
  if (typeof message !== 'object' || message === null || typeof message.type !== 'string') return;
  const next = applyMessage(run, message);
  if (next === run) return;
  run = next;
  view.render(run);
  if (run) vscode.setState({ run });
});

vscode.postMessage({ type: 'ready' });
