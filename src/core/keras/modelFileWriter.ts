import * as YAML from 'yaml';
import type { ModelFileObject } from './importTypes';

const SECTION_ORDER: Array<keyof ModelFileObject> = ['name', 'seed', 'data', 'model', 'compile', 'fit', 'predict'];

/**
 * Writes a model file the way the examples are written: one line per layer with its options in braces
 * (`- Dense: { units: 128, activation: relu }`), short lists of numbers inline (`[28, 28]`), and the
 * header lines as `#` comments at the top (what was imported from where, and what was not translated).
 * `comments` puts a comment at the end of a value's line, by its dotted path: `{ 'data.csv': '...' }`.
 */
export function writeModelFile(file: ModelFileObject, header: string[] = [], comments: Record<string, string> = {}): string {
  const ordered: Record<string, unknown> = {};
  for (const key of SECTION_ORDER) if (file[key] !== undefined) ordered[key] = file[key];
  // The same list twice (inline x and predict inputs) is written twice, never as an anchor and alias.
  const doc = new YAML.Document(ordered, { aliasDuplicateObjects: false });
  YAML.visit(doc, {
    // `features: "0:8"` quoted: YAML 1.1 readers take an unquoted 0:8 for a base-60 number.
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.value.includes(':')) node.type = 'QUOTE_DOUBLE';
    },
    Seq(_key, node) {
      if (node.items.every((item) => YAML.isScalar(item) || (YAML.isSeq(item) && item.items.every(YAML.isScalar)))) node.flow = true;
    },
  });
  const layers = doc.get('model', true);
  if (YAML.isSeq(layers)) {
    for (const layer of layers.items) {
      if (!YAML.isMap(layer)) continue;
      for (const pair of layer.items) if (YAML.isMap(pair.value) || YAML.isSeq(pair.value)) pair.value.flow = true;
    }
  }
  // The optimizer, loss and early stopping with options read best on one line, as Keras writes them.
  for (const section of ['compile', 'fit']) {
    const map = doc.get(section, true);
    if (!YAML.isMap(map)) continue;
    for (const pair of map.items) if (YAML.isMap(pair.value)) pair.value.flow = true;
  }
  for (const [at, comment] of Object.entries(comments)) {
    const node = doc.getIn(at.split('.'), true);
    if (YAML.isNode(node)) node.comment = ` ${comment}`;
  }
  if (header.length > 0) doc.commentBefore = header.map((line) => (line ? ` ${line}` : '')).join('\n');
  // yaml pads flow maps and lists alike; the examples pad maps only: `{ units: 4, input_shape: [2] }`.
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: true });
  return text
    .split('\n')
    .map((line) => (line.trimStart().startsWith('#') ? line : line.replace(/\[ (?=\S)/g, '[').replace(/(?<=\S) \]/g, ']')))
    .join('\n');
}
