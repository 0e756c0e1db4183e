/**
 * Hover for model files: what a key or value means, its type and Keras default, and the Keras API it
 * stands for. On a layer it also says which layer of the model it is, so the host can add the output
 * shape and parameter count the last check found.
 */
import { parseDocument } from 'yaml';
import type { HoverInfo } from '../../shared/editingTypes';
import { kerasApiName } from '../spec/kerasApiNames';
import { LAYERS, VOCABULARIES, layerOptions, layerTypeOf, lookupName, type VocabularyName } from '../spec/vocabulary';
import type { LayerType } from '../spec/modelSpec';
import { nodeAtOffset } from './nodeAtOffset';
import { isLayerItem } from './specPaths';
import { defaultOf, describeType, docOf, schemasAt } from './schemaAt';

/** The hover at `offset`, or undefined where there is nothing to explain. */
export function hoverModelText(text: string, offset: number): HoverInfo | undefined {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const node = nodeAtOffset(doc.contents, offset);
  if (!node) return undefined;
  const parent = node.path.slice(0, -1);
  if (node.at === 'key' && isLayerItem(parent)) {
    const type = layerTypeOf(node.text);
    return type && { markdown: layerMarkdown(type, node.text), range: node.range, layerIndex: Number(parent[1]) };
  }
  if (node.at === 'value' && isLayerItem(node.path)) {
    const type = layerTypeOf(node.text);
    return type && { markdown: layerMarkdown(type, node.text), range: node.range, layerIndex: Number(node.path[1]) };
  }
  const markdown = node.at === 'key' ? keyMarkdown(node.path, node.text) : valueMarkdown(node.path, node.text) ?? keyMarkdown(node.path, String(node.path[node.path.length - 1]));
  return markdown ? { markdown, range: node.range } : undefined;
}

function keyMarkdown(path: ReadonlyArray<string | number>, key: string): string | undefined {
  const schemas = schemasAt(path);
  if (schemas.length === 0) return undefined;
  const doc = docOf(schemas[0]);
  const type = describeType(schemas);
  const fallback = defaultOf(schemas);
  const head = [`**${key}**`, type && `\`${type}\``, fallback !== undefined && `default \`${fallback}\``].filter(Boolean).join(' · ');
  return doc ? `${head}\n\n${doc}` : head;
}

function valueMarkdown(path: ReadonlyArray<string | number>, value: string): string | undefined {
  for (const schema of schemasAt(path)) {
    if (!schema.enum?.map(String).includes(value)) continue;
    const vocabularyName = schema.title as VocabularyName | undefined;
    const vocabulary = vocabularyName && vocabularyName in VOCABULARIES ? VOCABULARIES[vocabularyName] : undefined;
    const entry = vocabulary && lookupName(vocabulary.values, value);
    const doc = entry?.doc ?? schema.markdownEnumDescriptions?.[schema.enum.map(String).indexOf(value)] ?? '';
    const spelling = entry && entry.keras !== value ? `\n\nSame as \`${entry.keras}\`.` : '';
    const api = vocabularyName && entry ? kerasApiName(vocabularyName, entry.keras) : undefined;
    const key = String(path[path.length - 1]);
    const option = docOf(schemasAt(path)[0]);
    return [
      `**${value}** · ${vocabulary?.noun ?? key}`,
      `${doc}${spelling}`,
      api ? `Keras: \`${api}\`` : '',
      option && typeof path[path.length - 1] === 'string' ? `*${key}*: ${option}` : '',
    ]
      .filter(Boolean)
      .join('\n\n');
  }
  return undefined;
}

function layerMarkdown(type: LayerType, written: string): string {
  const required = layerOptions(type).filter((o) => o.required).map((o) => `\`${o.key}\``);
  const same = written !== type ? `\n\nSame as \`${type}\`.` : '';
  return [
    `**${type}** · layer${same}`,
    LAYERS[type].doc,
    required.length > 0 ? `Needs ${required.join(', ')}.` : 'No required options.',
    `Keras: \`${kerasApiName('layer', type)}\``,
  ].join('\n\n');
}

