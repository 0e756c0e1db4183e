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
      if (repair.block > 1) {
        const last = lines.position(text.toOriginal(all[cause.line + repair.block - 1].start)).line;
        return diagnostic(
          content,
          `bad indentation: lines ${number}-${last} start at column ${repair.from + 1}, but they belong at column ${repair.to + 1}: check the indentation of lines ${number}-${last}`,
        );
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
      if (/^(---|\.\.\.)(\s|$)/.test(line.text.trim())) {
        return diagnostic(content, `a model file holds a single YAML document: remove this ${quoted(line.text.trim().slice(0, 3))} (the file reads on as one document without it)`);
      }
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
    case 'dropOpeners': {
      const [first] = repair.offsets;
      const them = repair.brackets.length === 1 ? 'it' : 'them';
      return diagnostic(at(first, first + 1), `${quoted(repair.brackets)} is never closed, and the line reads right without ${them}: remove ${them} (or close ${them})`);
    }
    case 'dropValue': {
      const key = line.text.slice(contentStart - line.start, repair.start - line.start).replace(/^-\s+/, '');
      const value = text.text.slice(repair.start, repair.end).trim();
      return diagnostic(
        at(repair.start + (text.text.slice(repair.start, repair.end).length - text.text.slice(repair.start, repair.end).trimStart().length), repair.end),
        `${quoted(key)} has both a value (${quoted(value.slice(0, 40))}) and the indented lines below it: remove the value, or the lines`,
      );
    }
    case 'insertHeader': {
      const first = lines.position(text.toOriginal(all[repair.before].start)).line;
      const what = repair.key === 'model' ? `the layers from line ${first} have no \`model:\` line above them: add one (a model file lists its layers under it)` : `the lines from line ${first} belong to ${repair.key}, but have no ${quoted(`${repair.key}:`)} line above them: add one`;
      return diagnostic(at(all[repair.before].start, contentEnd(all[repair.before])), what);
    }
    case 'join': {
      const next = all[cause.line + 1];
      const nextStart = next.start + (/^\s*/.exec(next.text)?.[0].length ?? 0);
      const split = `${/\S*$/.exec(line.text)?.[0] ?? ''}${repair.space ? ' ' : ''}${/^\s*(\S*)/.exec(next.text)?.[1] ?? ''}`;
      return diagnostic(
        at(nextStart, contentEnd(next)),
        `line ${number + 1} reads as the rest of line ${number}: join the two lines (a line break splits ${quoted(split.slice(0, 40))})`,
      );
    }
    case 'colonSpace': {
      const key = line.text.slice(contentStart - line.start, repair.offset - line.start).replace(/^-\s+/, '');
      const value = /^\S*/.exec(text.text.slice(repair.offset))?.[0] ?? '';
      return diagnostic(
        at(repair.offset - key.length, repair.offset + value.length),
        `${quoted(`${key}${value}`)} needs a space after the \`:\` to be a key and its value: write ${quoted(`${key} ${value}`)}`,
      );
    }
    case 'dropTag': {
      const tag = text.text.slice(repair.start, repair.end);
      const fix = tag.endsWith(':') ? 'remove the `!`' : 'remove it';
      return diagnostic(at(repair.start, repair.end), `${quoted(tag)} is a YAML tag, which model files do not use: ${fix}`);
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

/**
 * The lines (1-based, of the original) whose meaning a repair guessed: problems found there in the
 * repaired document may be artifacts of the guess. Dropping a tag is no guess.
 */
export function linesTouched(cause: RootCause, lines: LineIndex): number[] {
  const { repair, text } = cause;
  if (repair.kind === 'dropTag') return [];
  const all = linesOf(text.text);
  const first = repair.kind === 'insertHeader' ? repair.before : cause.line;
  const count = repair.kind === 'indent' ? repair.block : repair.kind === 'join' ? 2 : 1;
  const numbers: number[] = [];
  for (let i = first; i < Math.min(all.length, first + count); i++) numbers.push(lines.position(text.toOriginal(all[i].start)).line);
  return numbers;
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
