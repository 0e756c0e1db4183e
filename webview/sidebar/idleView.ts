import type { SidebarCommand, SidebarIdle } from '../../src/shared/sidebarProtocol';
import { el } from '../shared/dom';

/** Nothing trains: the newest run's result, and a Train button for the model file at hand. */
export function idleView(idle: SidebarIdle, onCommand: (command: SidebarCommand, modelFile: string) => void): HTMLElement {
  const children: HTMLElement[] = [el('p', { className: 'nothing', text: 'Nothing is training.' })];
  if (idle.latest) {
    const latest = idle.latest;
    const show = el('vscode-button', { text: 'Show Panel', attrs: { secondary: '' } });
    show.addEventListener('click', () => onCommand('showPanel', latest.modelFile));
    children.push(
      el('article', { className: 'latest-run', attrs: { 'aria-label': 'Latest run' } }, [
        el('h3', { text: 'Latest run' }),
        el('p', { className: 'latest-name' }, [el('strong', { text: latest.name }), el('span', { className: 'when', text: ` · ${latest.when}` })]),
        el('p', { className: 'latest-status', text: latest.description }),
        ...(latest.resultText ? [el('p', { className: 'latest-result', text: latest.resultText })] : []),
        el('div', { className: 'card-actions' }, [show]),
      ]),
    );
  }
  if (idle.trainTarget) {
    const target = idle.trainTarget;
    const train = el('vscode-button', { text: `Train ${target.name}`, attrs: { title: target.modelFile } });
    train.addEventListener('click', () => onCommand('train', target.modelFile));
    children.push(el('div', { className: 'train-action' }, [train]));
  } else {
    children.push(el('p', { className: 'hint', text: 'Open a model file (*.nn.yaml) to train it from here.' }));
  }
  return el('section', { className: 'idle' }, children);
}
