/**
 * Where the cursor is in a model file being typed: the spec path it is under and whether a key or a
 * value is being written there. Half-typed text rarely parses to the node the user means, so a marker
 * word is put at the cursor (with `: ` after it where a key is being started) and the parsed document
 * is searched for the scalar holding the marker; the path to that scalar is the answer.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { OffsetRange } from '../../shared/editingTypes';

const MARKER = 'nnCursorMarker';

export interface CursorContext {
  /** Keys and indices from the root to the map (for a key) or to the value being written. */
  path: Array<string | number>;
  at: 'key' | 'value';
  /** What is already typed of the word at the cursor. */
  prefix: string;
  /** The word a completion replaces. */
  range: OffsetRange;
  /** The cursor is inside a quoted string: insert without quotes. */
  quoted: boolean;
  /** The keys already present in the map the cursor is in (for a key), so they are not offered again. */
  siblings: string[];
  /** The document with the marker, read as plain data, for context (the loss, the CSV path). */
  root: unknown;
}

/** The cursor context at `offset`, or undefined where nothing can be completed (a comment). */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (inComment(before)) return undefined;
  const wordBefore = /[\w.-]*$/.exec(before)?.[0] ?? '';
  const wordAfter = /^[\w.-]*/.exec(text.slice(offset))?.[0] ?? '';
  const afterWord = text.slice(offset + wordAfter.length);
  const quoted = inQuotes(before);
  const startsKey = !quoted && looksLikeKeyPosition(before) && !/^\s*:/.test(afterWord);
  const marked = text.slice(0, offset) + MARKER + (startsKey ? ': ' : '') + text.slice(offset);
  const doc = parseDocument(marked, { prettyErrors: false, uniqueKeys: false });
  const found = findMarker(doc, doc.contents, []);
  if (!found) return undefined;
  return {
    ...found,
    prefix: wordBefore,
    range: { start: offset - wordBefore.length, end: offset + wordAfter.length },
    quoted,
    root: safeToJs(doc),
  };
}

type Found = Pick<CursorContext, 'path' | 'at' | 'siblings'>;

function findMarker(doc: Document, node: unknown, path: Array<string | number>): Found | undefined {
  if (isScalar(node)) return holdsMarker(node) ? { path, at: 'value', siblings: [] } : undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && holdsMarker(pair.key)) {
        const siblings = node.items.flatMap((p) => (p !== pair && isScalar(p.key) ? [String(p.key.value)] : []));
        return { path, at: 'key', siblings };
      }
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const inner = findMarker(doc, pair.value, [...path, key]);
      if (inner) return inner;
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      // `- acc` typed in a flow sequence as `[acc: ...]` parses as a one-pair map: a value after all.
      if (isPair(item)) {
        if (isScalar(item.key) && holdsMarker(item.key)) return { path: [...path, index], at: 'value', siblings: [] };
        continue;
      }
      const inner = findMarker(doc, item, [...path, index]);
      if (inner) return inner;
    }
  }
  return undefined;
}

function holdsMarker(node: Node): boolean {
  return isScalar(node) && String(node.value).includes(MARKER);
}

/** Text before the cursor on its line decides key or value: after `key: ` it is a value. */
function looksLikeKeyPosition(before: string): boolean {
  // In a flow collection, only what follows the last `{`, `[` or `,` counts.
  const segment = before.split(/[{[,]/).pop() ?? before;
  const item = segment.replace(/^\s*(-\s+)*/, '');
  return !/:(\s|$)/.test(item);
}

function inQuotes(before: string): boolean {
  const quotes = before.replace(/\\./g, '').match(/["']/g) ?? [];
  return quotes.length % 2 === 1;
}

function inComment(before: string): boolean {
  const hash = before.indexOf('#');
  return hash >= 0 && !inQuotes(before.slice(0, hash)) && (hash === 0 || /\s/.test(before[hash - 1]));
}

function safeToJs(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}
