import { el } from './dom';

export interface Cell {
  text: string;
  className?: string;
  /** Read out instead of the text, for cells whose text is a symbol. */
  label?: string;
  /** Shown on hover instead of the text (the exact values behind a rounded one). */
  title?: string;
}

/** A vscode-table with the given column headings and no rows yet. */
export function createTable(caption: string, columns: string[]): { table: HTMLElement; body: HTMLElement } {
  // The header is a rowgroup whose cells sit in no row, so screen readers would not tie them to the
  // columns; as the table's first row they are read as its column headers.
  const header = el('vscode-table-header', { attrs: { slot: 'header', role: 'row' } }, columns.map((c) => el('vscode-table-header-cell', { text: c, attrs: { title: c } })));
  const body = el('vscode-table-body', { attrs: { slot: 'body' } });
  const table = el('vscode-table', { attrs: { 'aria-label': caption, 'bordered-rows': '', zebra: '' } }, [header, body]);
  return { table, body };
}

export function tableRow(cells: Array<string | Cell>): HTMLElement {
  return el(
    'vscode-table-row',
    {},
    cells.map((cell) => {
      const { text, className, label, title } = typeof cell === 'string' ? { text: cell } : cell;
      const attrs: Record<string, string> = { title: title ?? text };
      if (label) attrs['aria-label'] = label;
      return el('vscode-table-cell', { text, className, attrs });
    }),
  );
}
