import type { PanelProblem } from '../../src/shared/panelProtocol';
import { el } from '../shared/dom';

/** `line 5: `relux` is not a valid activation…`, one item per problem, as the Problems panel has them. */
export function problemsView(problems: readonly PanelProblem[]): HTMLElement {
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return el('div', { className: 'problems' }, [
    el('p', { text: `Training did not start: the model file has ${count}. Fix ${problems.length === 1 ? 'it' : 'them'} and train again.` }),
    el('ul', {}, problems.map((p) => el('li', { className: `severity-${p.severity}`, text: problemText(p) }))),
  ]);
}

export function problemText(problem: PanelProblem): string {
  return `line ${problem.line}: ${problem.message}`;
}
