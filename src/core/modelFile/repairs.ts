/**
 * Quick fixes for problems whose repair is certain: a "did you mean" name, or options a check knows
 * the right values of. A check states the repair against spec paths; this turns it into text edits
 * on the source, in its own style (flow `{ ... }` or block map, YAML or JSON quoting).
 */
import { isMap, isPair, isScalar, type Node } from 'yaml';
import type { DiagnosticFix, SourceEdit } from '../../shared/diagnosticTypes';
import type { SpecPath } from '../diagnostics';
import type { SourceTree } from './sourceTree';

/** A repair, stated where the problem is found. */
export type Repair =
  /** Replace the key or value the problem points at. */
  | { kind: 'replace'; with: string }
  /** Set options of the map at `map` (e.g. a layer's), adding the ones that are missing. */
  | { kind: 'setOptions'; map: SpecPath; options: ReadonlyArray<readonly [string, string | number]> };

/**
 * The repair every "Did you mean `x`?" message implies: replace the node it points at with `x`. Taken
 * from the message because the two helpers that write that sentence (messageParts' didYouMean and
 * invalidNameMessage, and the CSV column lookup) are the one place a suggestion is made, so each new
 * "did you mean" gets its quick fix without being wired up again.
 */
export function suggestedRepair(message: string): Repair | undefined {
  const match = /Did you mean [`']([^`']+)[`']\?/.exec(message);
  return match ? { kind: 'replace', with: match[1] } : undefined;
}

/** Where the problem points: the key holding `path`, or its value. */
export interface RepairTarget {
  path: SpecPath;
  at: 'key' | 'value';
}

/** The quick fix of a repair, or undefined when the source does not have the shape it needs. */
export function repairFix(tree: SourceTree, text: string, json: boolean, target: RepairTarget, repair: Repair): DiagnosticFix | undefined {
  const edits = repair.kind === 'replace' ? replaceEdits(tree, text, json, target, repair.with) : setOptionEdits(tree, text, json, repair);
  if (!edits || edits.length === 0) return undefined;
  return { title: repairTitle(repair), edits };
}

function repairTitle(repair: Repair): string {
  if (repair.kind === 'replace') return `Change to \`${repair.with}\``;
  return `Set ${repair.options.map(([k, v]) => `${k}: ${v}`).join(' and ')}`;
}

function replaceEdits(tree: SourceTree, text: string, json: boolean, target: RepairTarget, replacement: string): SourceEdit[] | undefined {
  const spans = tree.spansAt(target.path);
  const span = target.at === 'key' ? spans.key : spans.value;
  if (!span) return undefined;
  const written = text.slice(span[0], span[1]);
  const quote = /^["']/.test(written) ? written[0] : json ? '"' : '';
  return [{ range: tree.toRange(span), newText: `${quote}${replacement}${quote}` }];
}

function setOptionEdits(tree: SourceTree, text: string, json: boolean, repair: Extract<Repair, { kind: 'setOptions' }>): SourceEdit[] | undefined {
  const { map } = tree.spansAt(repair.map);
  if (!map || !isMap(map)) return undefined;
  const edits: SourceEdit[] = [];
  const missing: Array<readonly [string, string | number]> = [];
  for (const option of repair.options) {
    const value = tree.spansAt([...repair.map, option[0]]).value;
    if (value) edits.push({ range: tree.toRange(value), newText: valueText(option[1], json) });
    else missing.push(option);
  }
  if (missing.length > 0) {
    const insertion = insertOptions(tree, text, json, map, missing);
    if (!insertion) return undefined;
    edits.push(insertion);
  }
  return edits;
}

/** New pairs at the end of a map: `, key: value` before a flow map's `}`, or new lines under a block map. */
function insertOptions(tree: SourceTree, text: string, json: boolean, map: Node, options: ReadonlyArray<readonly [string, string | number]>): SourceEdit | undefined {
  if (!isMap(map)) return undefined;
  const pair = (key: string, value: string | number) => `${json ? `"${key}"` : key}: ${valueText(value, json)}`;
  const [, end] = tree.span(map);
  if (map.flow) {
    // The span ends after the closing brace.
    const close = text.lastIndexOf('}', end);
    if (close < 0) return undefined;
    let before = close;
    while (before > 0 && /\s/.test(text[before - 1])) before--;
    const separator = map.items.length > 0 ? ', ' : ' ';
    const at = tree.toRange([before, before]);
    return { range: at, newText: `${separator}${options.map(([k, v]) => pair(k, v)).join(', ')}${map.items.length > 0 ? '' : ' '}` };
  }
  const first = map.items[0];
  if (!isPair(first) || !isScalar(first.key) || !first.key.range) return undefined;
  const keyStart = first.key.range[0];
  const indent = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const lines = options.map(([k, v]) => `\n${' '.repeat(indent)}${pair(k, v)}`).join('');
  return { range: tree.toRange([end, end]), newText: lines };
}

function valueText(value: string | number, json: boolean): string {
  return typeof value === 'string' && json ? `"${value}"` : String(value);
}
