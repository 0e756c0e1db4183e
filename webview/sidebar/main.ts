import type { HostToSidebarMessage, SidebarCommand, SidebarToHostMessage, SidebarViewState } from '../../src/shared/sidebarProtocol';
import '../shared/elements';
import { el } from '../shared/dom';
import { onThemeChange } from '../shared/themeColors';
import { webviewApi } from '../shared/webviewApi';
import { idleView } from './idleView';
import { RunCard } from './runCard';

const vscode = webviewApi<SidebarToHostMessage, SidebarViewState>();
const root = document.getElementById('panel') ?? document.body;
root.classList.add('sidebar');
const cardsBox = el('div', { className: 'cards' });
const idleBox = el('div', { className: 'idle-box' });
root.append(cardsBox, idleBox);
const cards = new Map<string, RunCard>();
const command = (name: SidebarCommand, modelFile: string) => vscode.postMessage({ type: 'command', command: name, modelFile });

function render(state: SidebarViewState): void {
  const live = new Set(state.cards.map((c) => c.modelFile));
  for (const [file, card] of cards) {
    if (!live.has(file)) {
      card.destroy();
      cards.delete(file);
    }
  }
  for (const data of state.cards) {
    const card = cards.get(data.modelFile);
    if (card) card.update(data);
    else {
      const made = new RunCard(data, command);
      cards.set(data.modelFile, made);
      cardsBox.append(made.element);
    }
  }
  idleBox.hidden = state.cards.length > 0;
  if (state.cards.length === 0) idleBox.replaceChildren(idleView(state.idle, command));
}

// A page shown again starts from what it showed; the host's state follows its `ready`.
const saved = vscode.getState();
if (saved && Array.isArray(saved.cards)) render(saved);

window.addEventListener('message', (event: MessageEvent<HostToSidebarMessage>) => {
  const message = event.data;
  if (message?.type !== 'state') return;
  render(message.state);
  vscode.setState(message.state);
});
// Charts read the theme's colours when drawn: a theme change redraws them.
onThemeChange(() => {
  const state = vscode.getState();
  if (!state) return;
  for (const card of cards.values()) card.destroy();
  cards.clear();
  render(state);
});

vscode.postMessage({ type: 'ready' });
