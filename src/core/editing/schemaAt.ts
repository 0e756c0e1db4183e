/**
 * Walks the model file's JSON Schema (built from the vocabulary) along a spec path, so completion and
 * hover read keys, values and docs from the one source the validator uses, never from a second list.
 */
import { buildModelSchema, type JsonSchema } from '../spec/modelSchema';

let cached: JsonSchema | undefined;

/** The schema of model files, built once per worker. */
export function modelSchema(): JsonSchema {
  cached ??= buildModelSchema();
  return cached;
}

/** Every schema branch that may describe the value at `path`, `$ref`s resolved and `anyOf`s opened. */
export function schemasAt(path: ReadonlyArray<string | number>, root: JsonSchema = modelSchema()): JsonSchema[] {
  let current = branches(root, root);
  for (const segment of path) {
    const next: JsonSchema[] = [];
    for (const schema of current) {
      if (typeof segment === 'number') {
        if (schema.items) next.push(schema.items);
      } else {
        const property = schema.properties?.[segment];
        if (property) next.push(property);
      }
    }
    current = next.flatMap((s) => branches(s, root));
  }
  return current;
}

/**
 * A schema and the branches it stands for. A branch keeps the docs of the schema that led to it, so
 * `activation` (a `$ref` with its own description) still reads as the option's doc.
 */
export function branches(schema: JsonSchema, root: JsonSchema, seen = new Set<JsonSchema>()): JsonSchema[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const docs = pickDocs(schema);
  if (schema.$ref) {
    const target = root.definitions?.[schema.$ref.replace('#/definitions/', '')];
    return target ? branches(target, root, seen).map((b) => ({ ...b, ...docs })) : [];
  }
  const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].filter((b) => !isRequiredOnly(b));
  if (alternatives.length === 0) return [schema];
  const { anyOf: _anyOf, oneOf: _oneOf, ...own } = schema;
  void _anyOf;
  void _oneOf;
  // `{ type: string, anyOf: [enum, hidden enum] }`: the branches inherit the parent's type and docs.
  return [own, ...alternatives.flatMap((b) => branches({ ...inherited(own), ...b }, root, seen))];
}

function pickDocs(schema: JsonSchema): Partial<JsonSchema> {
  const docs: Partial<JsonSchema> = {};
  if (schema.description) docs.description = schema.description;
  if (schema.markdownDescription) docs.markdownDescription = schema.markdownDescription;
  if (schema.default !== undefined) docs.default = schema.default;
  return docs;
}

function inherited(schema: JsonSchema): Partial<JsonSchema> {
  return { ...pickDocs(schema), ...(schema.type ? { type: schema.type } : {}), ...(schema.title ? { title: schema.title } : {}) };
}

/** `{ required: [key] }` branches say which keys go together; they describe no value. */
function isRequiredOnly(schema: JsonSchema): boolean {
  return schema.required !== undefined && schema.properties === undefined && schema.type === undefined && schema.enum === undefined;
}

/** The markdown doc of a schema: its markdownDescription, else its description. */
export function docOf(schema: JsonSchema | undefined): string | undefined {
  return schema?.markdownDescription ?? schema?.description;
}

/** A one-line type, e.g. `integer ≥ 1`, `number in [0, 1)`, `activation`. */
export function describeType(schemas: readonly JsonSchema[]): string {
  const parts = new Set<string>();
  for (const s of schemas) {
    if (s.doNotSuggest) continue;
    if (s.enum && s.title) parts.add(s.title);
    else if (s.enum) parts.add(s.enum.map(String).join(' | '));
    else if (s.type === 'object' && s.title && s.properties) parts.add(s.title === 'layer' ? 'layer options' : `${s.title} options`);
    else if (s.type) parts.add(withBounds(s));
  }
  return [...parts].join(' or ');
}

function withBounds(s: JsonSchema): string {
  const type = Array.isArray(s.type) ? s.type.filter((t) => t !== 'null').join(' or ') : (s.type ?? '');
  const low = s.minimum !== undefined ? `≥ ${s.minimum}` : s.exclusiveMinimum !== undefined ? `> ${s.exclusiveMinimum}` : '';
  const high = s.maximum !== undefined ? `≤ ${s.maximum}` : s.exclusiveMaximum !== undefined ? `< ${s.exclusiveMaximum}` : '';
  if (type === 'array') return s.title ? `${s.title} (list)` : 'list';
  return [type, low, high].filter(Boolean).join(' ').replace(/ ≥ 0 < 1$/, ' in [0, 1)');
}

/** The Keras default of an option, from the schema's `default` or its doc's "(default X)". */
export function defaultOf(schemas: readonly JsonSchema[]): string | undefined {
  for (const s of schemas) if (s.default !== undefined) return String(s.default);
  for (const s of schemas) {
    const match = /(?:Keras )?default:? `?([^`),;]+?)`?(?:[),;.]|$)/i.exec(s.description ?? '');
    if (match) return match[1].trim();
  }
  return undefined;
}
