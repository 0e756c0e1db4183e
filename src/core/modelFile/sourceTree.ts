/**
 * Locates spec paths in the parsed YAML (or JSON, which the YAML parser reads too) so diagnostics
 * point at the exact key or value they are about.
 */
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { SourceRange, SpecPath } from '../diagnostics';
import { tfjsKey } from '../spec/vocabulary';
import { FIRST_CHARACTER, type OffsetRanges } from './sourcePositions';

interface Located {
  /** The deepest node reached (the node at the path when found). */
  value: Node | null;
  /** The key of that node when it is a map value. */
  key: Node | null;
}

export class SourceTree {
  constructor(
    private readonly doc: Document.Parsed | undefined,
    private readonly lines: OffsetRanges,
    private readonly text: string,
  ) {}

  /** Range of the value at path, or of its nearest existing ancestor. */
  rangeOf(path: SpecPath): SourceRange {
    const { value, key } = this.locate(path);
    const span = value ? this.spanOf(value) : undefined;
    // An empty value (`epochs:`) has no width to underline; its key is the useful place.
    if ((!span || span[0] === span[1]) && key) return this.toRange(this.spanOf(key));
    return span ? this.toRange(span) : FIRST_CHARACTER;
  }

  /** Range of the key holding the value at path (for unknown or misplaced keys), else of the value. */
  keyRangeOf(path: SpecPath): SourceRange {
    const { key } = this.locate(path);
    const span = key ? this.spanOf(key) : undefined;
    return span ? this.toRange(span) : this.rangeOf(path);
  }

  /** Offsets of the key and value at path; each undefined where the path does not reach a node. */
  spansAt(path: SpecPath): { key?: [number, number]; value?: [number, number]; map?: Node } {
    const located = this.locate(path);
    const reached = this.reaches(path);
    if (!reached) return {};
    const value = located.value ? this.resolve(located.value) : null;
    return {
      ...(located.key ? { key: this.spanOf(located.key) } : {}),
      ...(located.value ? { value: this.spanOf(located.value) } : {}),
      ...(value && isMap(value) ? { map: value } : {}),
    };
  }

  /** Offsets of a node, as diagnostics underline it. */
  span(node: Node): [number, number] {
    return this.spanOf(node);
  }

  toRange([start, end]: [number, number]): SourceRange {
    return this.lines.range(start, end);
  }

  /** Whether every segment of path names an existing node. */
  private reaches(path: SpecPath): boolean {
    let node: Node | null = this.doc?.contents ?? null;
    for (const segment of path) {
      const next = this.child(node, segment);
      if (!next) return false;
      node = next.value;
    }
    return true;
  }

  private locate(path: SpecPath): Located {
    let located: Located = { value: this.doc?.contents ?? null, key: null };
    for (const segment of path) {
      const next = this.child(located.value, segment);
      if (!next) break;
      located = next;
    }
    return located;
  }

  private child(parent: Node | null, segment: string | number): Located | undefined {
    const node = this.resolve(parent);
    if (isMap(node)) {
      const pair = findPair(node.items, segment);
      if (pair) return { value: isNode(pair.value) ? pair.value : null, key: isNode(pair.key) ? pair.key : null };
      // Paths written against the normalized spec skip the layer class (`['model', 0, 'units']`):
      // step through a single-key map into its value when the segment is found there.
      if (node.items.length === 1) {
        const inner = this.resolve(isNode(node.items[0].value) ? node.items[0].value : null);
        if (isMap(inner) && findPair(inner.items, segment)) return this.child(inner, segment);
      }
      return undefined;
    }
    if (isSeq(node)) {
      const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
      const item: unknown = node.items[index];
      if (isPair(item)) return { value: isNode(item.value) ? item.value : null, key: isNode(item.key) ? item.key : null };
      return isNode(item) ? { value: item, key: null } : undefined;
    }
    return undefined;
  }

  private resolve(node: Node | null): Node | null {
    if (node && isAlias(node) && this.doc) {
      const target = node.resolve(this.doc);
      return target ?? null;
    }
    return node;
  }

  /** Start and end offsets of a node, without trailing comments and blank lines of block collections. */
  private spanOf(node: Node): [number, number] {
    const start = node.range?.[0] ?? 0;
    return [start, Math.max(start, this.endOf(node))];
  }

  private endOf(node: Node): number {
    if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
      const last: unknown = node.items[node.items.length - 1];
      const lastNode = isPair(last) ? (isNode(last.value) ? last.value : last.key) : last;
      if (isNode(lastNode)) return this.endOf(lastNode);
    }
    let end = node.range?.[1] ?? 0;
    while (end > 0 && /\s/.test(this.text[end - 1])) end--;
    return end;
  }
}

function findPair(items: ReadonlyArray<Pair<unknown, unknown>>, segment: string | number): Pair<unknown, unknown> | undefined {
  const wanted = String(segment);
  const keyText = (pair: Pair<unknown, unknown>): string | undefined => (isScalar(pair.key) ? String(pair.key.value) : undefined);
  return (
    items.find((pair) => keyText(pair) === wanted) ??
    // Tolerate the other spelling of a key (`inputShape` for `input_shape`) in paths from later stages.
    items.find((pair) => {
      const text = keyText(pair);
      return text !== undefined && tfjsKey(text) === tfjsKey(wanted);
    })
  );
}
