/**
 * Completion for model files, YAML and JSON alike: the sections, the keys valid at the cursor (a
 * layer's options, an optimizer's options), and values (layers, activations, losses, metrics,
 * optimizers, initializers, datasets, the CSV's column names), each with its Keras default and doc,
 * plus snippets for a whole layer and a whole file. Everything comes from the schema of the vocabulary.
 */
import type { CompletionEntry, CompletionKind } from '../../shared/editingTypes';
import type { JsonSchema } from '../spec/modelSchema';
import { LAYERS, layerOptions, layerTypeOf, type VocabularyName } from '../spec/vocabulary';
import { kerasApiName } from '../spec/kerasApiNames';
import { cursorContext, type CursorContext } from './cursorContext';
import { isLayerItem } from './specPaths';
import { defaultOf, describeType, docOf, schemasAt } from './schemaAt';
import { fileSnippet, layerSnippet } from './snippets';

/** What completion may read besides the text: the header of the file's CSV, for `label:` and `features:`. */
export interface CompletionSources {
  csvColumns(csvPath: string): string[] | undefined;
}

/** The proposals at `offset` of a model file's text. */
export function completeModelText(text: string, offset: number, file: string, sources: CompletionSources): CompletionEntry[] {
  const ctx = cursorContext(text, offset);
  if (!ctx) return [];
  const json = /\.json$/i.test(file);
  const schemas = schemasAt(ctx.path);
  const entries = ctx.at === 'key' ? keyEntries(ctx, schemas, json) : [];
  entries.push(...valueEntries(ctx, schemas, json, sources));
  if (ctx.at === 'key' && ctx.path.length === 0 && isBlank(text)) entries.push(wholeFile(ctx, json));
  // VS Code filters by what is typed (fuzzily), so every proposal goes.
  return dedupe(entries);
}

function keyEntries(ctx: CursorContext, schemas: readonly JsonSchema[], json: boolean): CompletionEntry[] {
  const layerItem = isLayerItem(ctx.path);
  const entries: CompletionEntry[] = [];
  for (const schema of schemas) {
    const properties = schema.properties ?? {};
    for (const [index, [key, property]] of Object.entries(properties).entries()) {
      if (property.doNotSuggest || ctx.siblings.includes(key)) continue;
      const propertySchemas = schemasAt([...ctx.path, key]);
      if (layerItem) {
        const type = layerTypeOf(key);
        if (type) entries.push(layerEntry(ctx, type, json, index));
        continue;
      }
      const kind: CompletionKind = ctx.path.length === 0 ? 'section' : 'property';
      entries.push({
        label: key,
        kind,
        detail: detailOf(propertySchemas),
        documentation: docOf(property),
        insertText: keyInsert(key, ctx, json, propertySchemas),
        snippet: true,
        range: ctx.range,
        sortText: `${isRequired(schema, key) ? 0 : 1}${String(index).padStart(3, '0')}`,
        suggestValue: propertySchemas.some((s) => s.enum !== undefined || s.type === 'boolean') || isColumnPath([...ctx.path, key]),
      });
    }
  }
  return entries;
}

function layerEntry(ctx: CursorContext, type: keyof typeof LAYERS, json: boolean, index: number): CompletionEntry {
  return {
    label: type,
    kind: 'layer',
    detail: `layer · ${describeLayerOptions(type)}`,
    documentation: withKerasName(LAYERS[type].doc, 'layer', type),
    insertText: layerSnippet(type, json, ctx.quoted),
    snippet: true,
    range: ctx.range,
    sortText: `0${String(index).padStart(3, '0')}`,
  };
}

function describeLayerOptions(type: keyof typeof LAYERS): string {
  const required = layerOptions(type).filter((o) => o.required).map((o) => o.key);
  return required.length > 0 ? `needs ${required.join(', ')}` : 'no required options';
}

function valueEntries(ctx: CursorContext, schemas: readonly JsonSchema[], json: boolean, sources: CompletionSources): CompletionEntry[] {
  const entries: CompletionEntry[] = [];
  const quote = (value: string) => (json && !ctx.quoted ? `"${value}"` : value);
  for (const schema of schemas) {
    if (schema.doNotSuggest || !schema.enum) continue;
    const vocabulary = schema.title as VocabularyName | undefined;
    schema.enum.forEach((value, i) => {
      const name = String(value);
      // A bare layer name (`- Flatten`) is offered by the layer entries already.
      if (isLayerItem(ctx.path) && ctx.at === 'key') return;
      entries.push({
        label: name,
        kind: 'enum',
        detail: schema.title ?? describeType([schema]),
        documentation: withKerasName(schema.markdownEnumDescriptions?.[i] ?? docOf(schema) ?? '', vocabulary, name),
        insertText: quote(name),
        range: ctx.range,
        sortText: `0${String(i).padStart(3, '0')}`,
      });
    });
  }
  if (ctx.at === 'value' && schemas.some((s) => s.type === 'boolean' || (Array.isArray(s.type) && s.type.includes('boolean')))) {
    for (const value of ['true', 'false']) entries.push({ label: value, kind: 'value', insertText: value, range: ctx.range, detail: 'boolean' });
  }
  // In a flow list (`features: [a, |]`) the typed item reads as a key; the columns fit either way.
  if (isColumnPath(ctx.path)) entries.push(...columnEntries(ctx, sources, quote));
  return entries;
}

function columnEntries(ctx: CursorContext, sources: CompletionSources, quote: (v: string) => string): CompletionEntry[] {
  const data = asRecord(asRecord(ctx.root)?.data);
  const csv = typeof data?.csv === 'string' ? data.csv : undefined;
  const columns = csv ? sources.csvColumns(csv) : undefined;
  return (columns ?? []).map((column, i) => ({
    label: column,
    kind: 'column' as const,
    detail: `column ${i} of ${csv}`,
    documentation: ctx.path[1] === 'label' ? 'The column the model learns to predict.' : 'A column the model reads as an input feature.',
    insertText: /^[\w.-]+$/.test(column) ? quote(column) : JSON.stringify(column),
    range: ctx.range,
    sortText: `0${String(i).padStart(3, '0')}`,
  }));
}

function wholeFile(ctx: CursorContext, json: boolean): CompletionEntry {
  return {
    label: 'model file',
    kind: 'snippet',
    detail: 'a whole model file: data, layers, compile, fit',
    documentation: 'A complete classifier to start from: data, a `Sequential` model of Dense layers, `compile` and `fit`.',
    insertText: fileSnippet(json),
    snippet: true,
    range: ctx.range,
    sortText: '0000',
  };
}

/** `key: ` for a scalar, `key:\n  ` for a block section; a snippet so the cursor lands after it. */
function keyInsert(key: string, ctx: CursorContext, json: boolean, schemas: readonly JsonSchema[]): string {
  if (json) return ctx.quoted ? key : `"${key}": $0`;
  const isSection = ctx.path.length === 0 && schemas.some((s) => s.type === 'object' || s.type === 'array');
  return isSection ? `${key}:\n  $0` : `${key}: $0`;
}

function detailOf(schemas: readonly JsonSchema[]): string {
  const type = describeType(schemas);
  const fallback = defaultOf(schemas);
  return [type, fallback === undefined ? '' : `default ${fallback}`].filter(Boolean).join(' · ');
}

function withKerasName(doc: string, vocabulary: VocabularyName | undefined, name: string): string {
  const api = vocabulary && kerasApiName(vocabulary, name);
  return api ? `${doc}\n\nKeras: \`${api}\`` : doc;
}


function isColumnPath(path: ReadonlyArray<string | number>): boolean {
  return path[0] === 'data' && (path[1] === 'label' || path[1] === 'features');
}

function isRequired(schema: JsonSchema, key: string): boolean {
  return schema.required?.includes(key) ?? false;
}

function isBlank(text: string): boolean {
  return text.split('\n').every((line) => /^\s*(#.*)?$/.test(line) || /^\s*[{}]\s*$/.test(line));
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function dedupe(entries: CompletionEntry[]): CompletionEntry[] {
  return [...new Map(entries.map((e) => [`${e.kind}:${e.label}`, e])).values()];
}
