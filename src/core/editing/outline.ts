/**
 * The outline of a model file: its sections, and under `model` each layer with its main options, so
 * the Outline view and breadcrumbs read like the model. Built from whatever the parser could read, so
 * a file with a typo still has an outline.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { OffsetRange, OutlineSymbol } from '../../shared/editingTypes';

/** The sections of a model file and the layers of its model, in the order written. */
export function outlineModelText(text: string): OutlineSymbol[] {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (!isMap(doc.contents)) return [];
  return doc.contents.items.flatMap((pair) => {
    const section = sectionSymbol(pair, text);
    return section ? [section] : [];
  });
}

function sectionSymbol(pair: Pair, text: string): OutlineSymbol | undefined {
  if (!isScalar(pair.key) || !pair.key.range) return undefined;
  const name = String(pair.key.value);
  const value = pair.value as Node | null;
  const children = name === 'model' && isSeq(value) ? layerSymbols(value, text) : isMap(value) ? propertySymbols(value, text) : [];
  return {
    name,
    detail: name === 'model' ? `${children.length} layer${children.length === 1 ? '' : 's'}` : isScalar(value) ? String(value.value) : '',
    kind: 'section',
    range: spanOf(pair.key, value, text),
    selectionRange: rangeOf(pair.key),
    children,
  };
}

function layerSymbols(list: Node, text: string): OutlineSymbol[] {
  if (!isSeq(list)) return [];
  return list.items.flatMap((item, index): OutlineSymbol[] => {
    const node = item as Node;
    if (isScalar(node) && node.range) {
      return [{ name: String(node.value), detail: '', kind: 'layer', range: rangeOf(node), selectionRange: rangeOf(node), children: [], layerIndex: index }];
    }
    if (!isMap(node) || node.items.length === 0) return [];
    const first = node.items[0];
    if (!isScalar(first.key) || !first.key.range) return [];
    return [
      {
        name: String(first.key.value),
        detail: optionSummary(first.value as Node | null),
        kind: 'layer',
        range: spanOf(node, null, text),
        selectionRange: rangeOf(first.key),
        children: [],
        layerIndex: index,
      },
    ];
  });
}

function propertySymbols(map: Node, text: string): OutlineSymbol[] {
  if (!isMap(map)) return [];
  return map.items.flatMap((pair): OutlineSymbol[] => {
    if (!isScalar(pair.key) || !pair.key.range) return [];
    const value = pair.value as Node | null;
    return [
      {
        name: String(pair.key.value),
        detail: isScalar(value) ? String(value.value) : isMap(value) && value.items.length === 1 && isScalar(value.items[0].key) ? String(value.items[0].key.value) : '',
        kind: 'property',
        range: spanOf(pair.key, value, text),
        selectionRange: rangeOf(pair.key),
        children: [],
      },
    ];
  });
}

/** `units: 128 · relu`: the options a reader looks for first. */
function optionSummary(options: Node | null): string {
  if (!isMap(options)) return '';
  const values = new Map(options.items.flatMap((p) => (isScalar(p.key) && isScalar(p.value) ? [[String(p.key.value), String(p.value.value)] as const] : [])));
  const parts: string[] = [];
  for (const key of ['units', 'filters', 'rate', 'pool_size', 'target_shape']) if (values.has(key)) parts.push(`${key}: ${values.get(key)}`);
  if (values.has('activation')) parts.push(values.get('activation') ?? '');
  return parts.join(' · ');
}

function rangeOf(node: Node): OffsetRange {
  const range = node.range ?? [0, 0, 0];
  return { start: range[0], end: range[1] };
}

/** From the start of `first` to the end of `last` (or of `first`), without trailing blank lines. */
function spanOf(first: Node, last: Node | null, text: string): OffsetRange {
  const start = first.range?.[0] ?? 0;
  let end = Math.max(first.range?.[1] ?? start, last?.range?.[1] ?? 0);
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
