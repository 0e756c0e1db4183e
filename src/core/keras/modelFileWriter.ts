import * as YAML from 'yaml';
import type { ModelFileObject } from './importTypes';

const SECTION_ORDER: Array<keyof ModelFileObject> = ['name', 'seed', 'data', 'model', 'compile', 'fit', 'predict'];

/**
 * Writes a model file the way the examples are written: one line per layer with its options in braces
 * (`- Dense: { units: 128, activation: relu }`), short lists of numbers inline (`[28, 28]`), and the
 * header lines as `#` comments at the top (what was imported from where, and what was not translated).
 */
export function writeModelFile(file: ModelFileObject, header: string[] = []): string {
  const ordered: Record<string, unknown> = {};
  for (const key of SECTION_ORDER) if (file[key] !== undefined) ordered[key] = file[key];
  const doc = new YAML.Document(ordered);
  YAML.visit(doc, {
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
  if (header.length > 0) doc.commentBefore = header.map((line) => (line ? ` ${line}` : '')).join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
