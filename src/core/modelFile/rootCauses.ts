/** The one diagnostic of a syntax cascade's root cause, worded by the repair that explains it. */
import type { Diagnostic } from '../diagnostics';
import { quoted } from './oneLineMessage';
import { CODES } from './problem';
import type { LineIndex } from './sourcePositions';
import { yamlMessage } from './syntaxDiagnostics';
import { contentEnd, isContent, lineIndexAt, linesOf, type RootCause } from './syntaxRecovery';

/** At the line to change, in the original text's positions (`lines` indexes the original). */
export function rootCauseDiagnostic(cause: RootCause, file: string, lines: LineIndex): Diagnostic {
  const { text, repair, error } = cause;
  const all = linesOf(text.text);
  const line = all[cause.line];
  const at = (start: number, end: number) => lines.range(text.toOriginal(start), text.toOriginal(end, 'end'));
  const number = lines.position(text.toOriginal(line.start)).line;
  const contentStart = line.start + (/^\s*/.exec(line.text)?.[0].length ?? 0);
  const content = at(contentStart, contentEnd(line));
  const diagnostic = (range: Diagnostic['range'], message: string): Diagnostic => ({ file, range, severity: 'error', message, code: CODES.syntax });

  switch (repair.kind) {
    case 'indent': {
      if (repair.tabs) {
        const tab = line.start + line.text.indexOf('\t');
        return diagnostic(at(tab, tab + 1), `tabs are not allowed for indentation in YAML: indent with spaces (${repair.to} here)`);
      }
      const item = /^\s*-(\s|$)/.test(line.text);
      const sibling = hasSiblingAt(all, cause.line, repair.to);
      const where = sibling
        ? `but the other ${item ? 'items of its list' : 'keys of its map'} at column ${repair.to + 1}`
        : `but it belongs at column ${repair.to + 1}`;
      return diagnostic(content, `bad indentation: ${nameOf(line.text, number)} starts at column ${repair.from + 1}, ${where}: check the indentation of line ${number}`);
    }
    case 'remove': {
      const errorLine = lineIndexAt(all, error.pos[0]);
      if (errorLine > cause.line || error.pos[0] <= contentStart) {
        const written = line.text.trim();
        const shown = written.length > 40 ? `${written.slice(0, 39)}…` : written;
        return diagnostic(
          content,
          `line ${number} (${quoted(shown)}) does not fit the structure of the file: it is neither a \`key: value\` pair nor a \`- item\` here. Remove it, or make it a comment with \`#\``,
        );
      }
      return diagnostic(at(error.pos[0], error.pos[1]), yamlMessage(error, text.text));
    }
    case 'close': {
      const open = text.text[repair.openOffset];
      return diagnostic(
        at(repair.openOffset, repair.openOffset + 1),
        `this \`${open}\` is not closed: add the missing \`${repair.brackets}\` at the end of line ${number} (or indent the lines that continue it)`,
      );
    }
    case 'dropClosers': {
      const [first] = repair.offsets;
      const them = repair.brackets.length === 1 ? 'it' : 'them';
      return diagnostic(at(first, first + 1), `unexpected ${quoted(repair.brackets)}: nothing is open for ${them} to close here. Remove ${them}`);
    }
  }
}

/** `epochs`, the `- Dense` item, or the line, as the message names what is mis-indented. */
function nameOf(text: string, number: number): string {
  const item = /^\s*-\s+([^\s:{[,]+)/.exec(text);
  if (item) return `the \`- ${item[1]}\` item`;
  const key = /^\s*(?:"([^"]+)"|'([^']+)'|([^\s:#][^:#]*?))\s*:(\s|$)/.exec(text);
  const name = key?.[1] ?? key?.[2] ?? key?.[3];
  return name === undefined ? `line ${number}` : quoted(name);
}

/** Whether another content line of the same block (no less indented line between) starts at `column`. */
function hasSiblingAt(lines: ReturnType<typeof linesOf>, index: number, column: number): boolean {
  for (const step of [-1, 1]) {
    for (let i = index + step; i >= 0 && i < lines.length; i += step) {
      if (!isContent(lines[i]) || /^ *\t/.test(lines[i].text)) continue;
      if (lines[i].indent === column) return true;
      if (lines[i].indent < column) break;
    }
  }
  return false;
}
