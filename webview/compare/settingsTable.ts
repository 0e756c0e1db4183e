import type { CompareState } from '../../src/shared/compareProtocol';
import { el } from '../shared/dom';
import { createTable, tableRow } from '../shared/table';
import { runNames } from './compareSeries';
import { withSwatches } from './swatch';

/**
 * `Settings that differ`: a table of the settings whose values are not the same in every run, one
 * column per run; `Show all settings` shows every setting, those that differ marked.
 */
export class SettingsTable {
  readonly element: HTMLElement;
  private readonly toggle = el('input', { attrs: { type: 'checkbox', id: 'show-all-settings' } });
  private readonly note = el('p', { className: 'note settings-note' });
  private readonly box = el('div', { className: 'table-scroll' });
  private shown?: Pick<CompareState, 'data' | 'showAll'>;

  constructor(onShowAll: (on: boolean) => void) {
    this.toggle.addEventListener('change', () => onShowAll(this.toggle.checked));
    this.element = el('section', { className: 'settings', attrs: { 'aria-labelledby': 'settings-heading' } }, [
      el('h2', { text: 'Settings that differ', attrs: { id: 'settings-heading' } }),
      el('div', { className: 'table-controls' }, [el('label', { attrs: { for: 'show-all-settings' } }, [this.toggle, ' Show all settings']), this.note]),
      this.box,
    ]);
  }

  update(state: CompareState): void {
    if (this.shown && this.shown.data === state.data && this.shown.showAll === state.showAll) return;
    this.shown = { data: state.data, showAll: state.showAll };
    this.toggle.checked = state.showAll;
    const { settings, runs } = state.data;
    const differing = settings.filter((s) => s.differs).length;
    this.note.textContent =
      differing === 0
        ? `All ${settings.length} settings are the same in every run.`
        : `${differing} of ${settings.length} ${settings.length === 1 ? 'setting differs' : 'settings differ'}.`;
    const rows = state.showAll ? settings : settings.filter((s) => s.differs);
    if (rows.length === 0) {
      this.box.replaceChildren();
      return;
    }
    const { table, body } = createTable(state.showAll ? 'All settings' : 'Settings that differ', ['setting', ...runNames(runs)]);
    withSwatches(table, 1);
    // Room for every run's column: narrower than this, the table scrolls sideways in its box.
    // Each column as wide as its longest text needs (within bounds), the spare room shared out in
    // proportion; narrower than that, the table scrolls sideways in its box.
    const longest = (texts: Array<string | null | undefined>) => Math.max(0, ...texts.map((t) => t?.length ?? 0));
    const widths = [
      Math.min(320, Math.max(120, 24 + 7.8 * longest(rows.map((s) => s.key)))),
      ...runs.map((_, i) => Math.min(300, Math.max(120, 24 + 7.8 * longest(rows.map((s) => s.values[i]))))),
    ];
    const minWidth = widths.reduce((a, b) => a + b, 0);
    table.setAttribute('columns', JSON.stringify(widths.map((w) => `${(100 * w) / minWidth}%`)));
    table.style.minWidth = `${minWidth}px`;
    for (const setting of rows) {
      const marked = state.showAll && setting.differs;
      const row = tableRow([
        { text: setting.key, className: 'key', label: marked ? `${setting.key}, differs` : undefined },
        // Over JSON (as VS Code sends messages) a value the run does not set arrives as null.
        ...setting.values.map((value) => (value === undefined || value === null ? { text: '—', className: 'unset', label: 'not set' } : { text: value, className: 'value' })),
      ]);
      if (marked) row.classList.add('differs');
      body.append(row);
    }
    this.box.replaceChildren(table);
  }
}
