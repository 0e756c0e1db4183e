/** The key or value under an offset of a parsed model file, with its spec path. */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { OffsetRange } from '../../shared/editingTypes';

export interface NodeAtOffset {
  /** For a key: the path of the map holding it plus the key. For a value: the path to the value. */
  path: Array<string | number>;
  at: 'key' | 'value';
  /** The scalar's text as written (unquoted value). */
  text: string;
  range: OffsetRange;
}

/** The scalar key or value that contains `offset`, or undefined (whitespace, punctuation). */
export function nodeAtOffset(root: unknown, offset: number): NodeAtOffset | undefined {
  return search(root, offset, []);
}

function search(node: unknown, offset: number, path: Array<string | number>): NodeAtOffset | undefined {
  if (isScalar(node)) return contains(node, offset) ? found(node, path, 'value') : undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (isScalar(pair.key) && contains(pair.key, offset)) return found(pair.key, [...path, key], 'key');
      const inner = search(pair.value, offset, [...path, key]);
      if (inner) return inner;
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const inner = isPair(item) ? search(item.key, offset, [...path, index]) : search(item, offset, [...path, index]);
      if (inner) return inner;
    }
  }
  return undefined;
}

function contains(node: Node, offset: number): boolean {
  const range = node.range;
  return range !== null && range !== undefined && range[0] <= offset && offset <= range[1];
}

function found(node: Node, path: Array<string | number>, at: 'key' | 'value'): NodeAtOffset {
  const range = node.range ?? [0, 0, 0];
  return { path, at, text: isScalar(node) ? String(node.value) : '', range: { start: range[0], end: range[1] } };
}
