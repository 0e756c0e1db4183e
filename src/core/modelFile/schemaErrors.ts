/**
 * Turns ajv's errors into one clear, teaching problem per real mistake. ajv reports every failed
 * keyword, including each failed branch of an `anyOf`; the schema only uses the three kinds of
 * alternatives documented in modelSchema.ts, so the branch the user meant can be picked and the
 * others dropped. No ajv wording reaches the user.
 */
import type { ErrorObject } from 'ajv';
import type { SpecPath } from '../diagnostics';
import type { JsonSchema, JsonType } from '../spec/modelSchema';
import { LAYERS, VOCABULARIES, layerOptions, layerTypeOf, lookupName, tfjsKey, type Vocabulary } from '../spec/vocabulary';
import { describeExpected } from './expectedValue';
import { closestMatch } from '../closestMatch';
import { describeGot, didYouMean, invalidNameMessage, placeName, quotedList, validList } from './messageParts';
import { quoted } from './oneLineMessage';
import { CODES, type Problem } from './problem';
import { isRawMap, isSpellingOf } from './rawValues';
import type { ModelValidator } from './schemaValidator';

type SchemaIndex = Pick<ModelValidator, 'schema' | 'definitionOf'>;

/** Translates ajv errors on the document `root` into problems, one per mistake. */
export function translateSchemaErrors(errors: readonly ErrorObject[], root: unknown, index: SchemaIndex): Problem[] {
  const live = new Set(errors);
  const problems: Problem[] = [];
  problems.push(...misindentedLayerOptions(live, root, index));
  resolveAlternatives(live);
  dropOthersWhereTypeFails(live);
  const valueProblemAt = new Set<string>();
  for (const error of [...live].sort((a, b) => priority(a) - priority(b))) {
    const problem = translate(error, root, index);
    if (!problem) continue;
    if (problem.at === 'value') {
      // One message per bad value: the type error, else the first bound it breaks.
      if (valueProblemAt.has(error.instancePath)) continue;
      valueProblemAt.add(error.instancePath);
    }
    problems.push(problem);
  }
  return problems;
}

const VALUE_PRIORITY = ['type', 'anyOf', 'enum'];

function priority(error: ErrorObject): number {
  const index = VALUE_PRIORITY.indexOf(error.keyword);
  return index < 0 ? VALUE_PRIORITY.length : index;
}

function translate(error: ErrorObject, root: unknown, index: SchemaIndex): Problem | undefined {
  const path = toSpecPath(error.instancePath, root);
  const place = placeName(path);
  const node = asSchema(error.parentSchema);
  // Set when the failing keyword belongs to a definition's root or one of its anyOf branches.
  const rootDefinition = index.definitionOf(error.parentSchema);
  const value = (message: string): Problem => ({ path, at: 'value', message, code: CODES.invalidValue });
  const expected = (): Problem => value(`expected ${describeExpected(node, rootDefinition)} for ${place}, got ${describeGot(error.data)}`);
  const params: Record<string, unknown> = error.params;

  switch (error.keyword) {
    case 'type': {
      const vocabulary = vocabularyNamed(rootDefinition);
      return vocabulary ? value(invalidNameMessage(vocabulary, error.data, place)) : expected();
    }
    case 'enum':
      return value(enumMessage(vocabularyNamed(rootDefinition), error.data, place, node));
    case 'anyOf':
    case 'oneOf':
      return alternativesProblem(error, path, place, node, rootDefinition) ?? expected();
    case 'required':
      // `unit: 16` is reported as an unknown key suggesting `units`; a second message about the
      // missing `units` would describe the same typo.
      if (typoOfMissingKey(error.data, String(params.missingProperty), node)) return undefined;
      return missingKey(path, String(params.missingProperty), node);
    case 'additionalProperties':
      return unknownKey(path, String(params.additionalProperty), node, vocabularyNamed(rootDefinition), index.schema);
    case 'dependencies':
      return {
        path: [...path, String(params.property)],
        at: 'key',
        message: `\`${String(params.property)}\` is only valid with \`${String(params.deps)}\``,
        code: CODES.misplacedKey,
      };
    case 'maxProperties':
      return tooManyNames(path, error.data, vocabularyNamed(rootDefinition));
    case 'uniqueItems':
      return {
        path: [...path, Number(params.i)],
        at: 'value',
        message: `duplicate item: ${place}[${String(params.i)}] repeats ${place}[${String(params.j)}]`,
        code: CODES.duplicateValue,
      };
    default:
      return expected();
  }
}

function enumMessage(vocabulary: Vocabulary | undefined, written: unknown, place: string, node: JsonSchema): string {
  if (vocabulary === VOCABULARIES.layer && typeof written === 'string') {
    const type = layerTypeOf(written);
    if (type) {
      const required = LAYERS[type].options.filter((o) => o.required).map((o) => `${o.key}: ...`);
      return `\`${written}\` needs options: write it as \`${written}: { ${required.join(', ')} }\``;
    }
  }
  if (vocabulary) return invalidNameMessage(vocabulary, written, place);
  const allowed = (node.enum ?? []).map(String);
  return `expected one of ${quotedList(allowed, 'or')} for ${place}, got ${describeGot(written)}`;
}

function alternativesProblem(error: ErrorObject, path: SpecPath, place: string, node: JsonSchema, definition?: string): Problem | undefined {
  const branches = (error.keyword === 'oneOf' ? node.oneOf : node.anyOf) ?? [];
  switch (classify(branches)) {
    case 'required': {
      const keys = branches.map((b) => (b.required ?? [])[0]);
      if (error.keyword === 'anyOf') return missingKey(path, keys[0], node);
      return exactlyOne(path, keys, node, error);
    }
    case 'enum': {
      const vocabulary = vocabularyNamed(definition);
      return { path, at: 'value', message: enumMessage(vocabulary, error.data, place, node), code: CODES.invalidValue };
    }
    case 'type':
      return {
        path,
        at: 'value',
        message: `expected ${describeExpected(node, definition)} for ${place}, got ${describeGot(error.data)}`,
        code: CODES.invalidValue,
      };
    default:
      return undefined;
  }
}

/** `data` needs exactly one source; `predict` exactly one of inputs / samples. */
function exactlyOne(path: SpecPath, keys: string[], node: JsonSchema, error: ErrorObject): Problem {
  const owner = node.title ?? placeName(path);
  const passing = (error.params as { passingSchemas?: unknown }).passingSchemas;
  const present = isRawMap(error.data) ? Object.keys(error.data).filter((k) => keys.includes(k)) : [];
  if (!Array.isArray(passing) || present.length < 2) {
    return { path, at: 'key', message: `${owner} needs one of ${quotedList(keys, 'or')}`, code: CODES.missingKey };
  }
  return {
    // Point at the later of the competing keys: the earlier one is usually the intended one.
    path: [...path, present[present.length - 1]],
    at: 'key',
    message: `${owner} takes only one of ${quotedList(keys, 'or')}, but has ${quotedList(present)}: keep exactly one`,
    code: CODES.conflictingKeys,
  };
}

function typoOfMissingKey(data: unknown, missing: string, node: JsonSchema): boolean {
  const known = Object.keys(node.properties ?? {});
  return isRawMap(data) && Object.keys(data).some((k) => !known.includes(k) && closestMatch(k, known) === missing);
}

function missingKey(path: SpecPath, key: string, node: JsonSchema): Problem {
  const message = path.length === 0 ? `missing required top-level key \`${key}\`` : `missing required key \`${key}\` in ${node.title ?? placeName(path)}`;
  return { path, at: 'key', message, code: CODES.missingKey };
}

function unknownKey(path: SpecPath, key: string, node: JsonSchema, vocabulary: Vocabulary | undefined, schema: JsonSchema): Problem {
  const keyPath = [...path, key];
  const properties = node.properties ?? {};
  if (vocabulary) {
    // `{ mse: { from_logits: true } }`: a valid name, in the form only some names take.
    const withOptions = Object.keys(properties).filter((k) => !properties[k].doNotSuggest);
    const message = lookupName(vocabulary.values, key)
      ? `${quoted(key)} takes no options: write it as a plain name, \`${key}\`. Only ${quotedList(withOptions)} take options`
      : invalidNameMessage(vocabulary, key, key);
    return { path: keyPath, at: 'key', message, code: CODES.unknownKey };
  }
  const all = Object.keys(properties);
  const shown = all.filter((k) => !properties[k].doNotSuggest);
  const where = path.length === 0 ? 'at the top level' : `in ${node.title ?? placeName(path)}`;
  let hint = didYouMean(key, [...shown, ...all.filter((k) => !shown.includes(k))]);
  // Suggest the Keras spelling even when the closest match is a hidden tfjs one.
  for (const hidden of all.filter((k) => !shown.includes(k))) {
    const keras = shown.find((k) => tfjsKey(k) === tfjsKey(hidden));
    if (keras) hint = hint.replace(`\`${hidden}\``, `\`${keras}\``);
  }
  if (path.length === 0 && hint === '') hint = sectionHint(key, schema);
  return { path: keyPath, at: 'key', message: `unknown key ${quoted(key)} ${where}.${hint}${validList(shown, 'keys')}`, code: CODES.unknownKey };
}

/** `epochs` written at the top level belongs under `fit:`. */
function sectionHint(key: string, schema: JsonSchema): string {
  for (const section of ['data', 'compile', 'fit', 'predict']) {
    if (Object.keys(schema.definitions?.[section]?.properties ?? {}).includes(key)) return ` It belongs under \`${section}:\`.`;
  }
  return '';
}

function tooManyNames(path: SpecPath, data: unknown, vocabulary: Vocabulary | undefined): Problem {
  const keys = isRawMap(data) ? Object.keys(data) : [];
  const noun = vocabulary?.noun ?? 'name';
  const advice = vocabulary === VOCABULARIES.layer ? ': write each layer as its own `- LayerClass: { options }` item' : '';
  return {
    path: keys.length > 1 ? [...path, keys[1]] : path,
    at: keys.length > 1 ? 'key' : 'value',
    message: `expected a single ${noun} here, found ${keys.length} keys (${quotedList(keys)})${advice}`,
    code: CODES.conflictingKeys,
  };
}

/**
 * `- Dense:` followed by `units: 3` at the same indentation makes `units` a sibling of `Dense`
 * instead of one of its options. That is one mistake, so it gets one message per misplaced
 * option instead of "a layer has 2 keys" and "`units` is not a valid layer".
 */
function misindentedLayerOptions(live: Set<ErrorObject>, root: unknown, index: SchemaIndex): Problem[] {
  const problems: Problem[] = [];
  for (const error of [...live]) {
    if (error.keyword !== 'maxProperties' || index.definitionOf(error.parentSchema) !== 'layer') continue;
    if (!isRawMap(error.data)) continue;
    const keys = Object.keys(error.data);
    const layerKeys = keys.filter((k) => layerTypeOf(k) !== undefined);
    const type = layerKeys.length === 1 ? layerTypeOf(layerKeys[0]) : undefined;
    if (!type) continue;
    const others = keys.filter((k) => k !== layerKeys[0]);
    if (!others.every((k) => layerOptions(type).some((o) => isSpellingOf(k, o.key)))) continue;
    const path = toSpecPath(error.instancePath, root);
    for (const key of others) {
      problems.push({
        path: [...path, key],
        at: 'key',
        message: `\`${key}\` is an option of ${layerKeys[0]} but is not indented under it: indent it further than \`${layerKeys[0]}:\``,
        code: CODES.misplacedKey,
      });
    }
    for (const other of [...live]) {
      if (isUnder(other.instancePath, error.instancePath)) live.delete(other);
    }
  }
  return problems;
}

type AlternativesKind = 'required' | 'enum' | 'type' | 'other';

function classify(branches: readonly JsonSchema[]): AlternativesKind {
  if (branches.length === 0) return 'other';
  if (branches.every((b) => b.required?.length === 1 && Object.keys(b).length === 1)) return 'required';
  if (branches.every((b) => b.enum !== undefined)) return 'enum';
  if (branches.every((b) => b.type !== undefined)) return 'type';
  return 'other';
}

/**
 * For each `anyOf` / `oneOf`, keep the errors that explain it: those of the branch whose type
 * matches the value (a map of options when a map was written), or else the alternatives error
 * itself, whose message lists what is accepted.
 */
function resolveAlternatives(live: Set<ErrorObject>): void {
  const groups = [...live]
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => depth(a.instancePath) - depth(b.instancePath) || a.schemaPath.length - b.schemaPath.length);
  for (const group of groups) {
    if (!live.has(group)) continue;
    const branches = (group.keyword === 'oneOf' ? asSchema(group.parentSchema).oneOf : asSchema(group.parentSchema).anyOf) ?? [];
    // Branches that do not apply fail at the value itself, so their errors share its instancePath;
    // deeper errors come from `$ref`s compiled separately, whose schemaPaths restart at `#/`.
    const inBranch = (e: ErrorObject, branch?: number): boolean =>
      e !== group &&
      e.instancePath === group.instancePath &&
      e.schemaPath.startsWith(`${group.schemaPath}/${branch === undefined ? '' : `${branch}/`}`);
    const matching = classify(branches) === 'type' ? branches.findIndex((b) => typeAccepts(b.type, group.data)) : -1;
    if (matching >= 0) live.delete(group);
    for (const error of [...live]) {
      if (inBranch(error) && !(matching >= 0 && inBranch(error, matching))) live.delete(error);
    }
  }
}

/** A value of the wrong type explains every other failure at the same place. */
function dropOthersWhereTypeFails(live: Set<ErrorObject>): void {
  const wrongType = new Set([...live].filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  for (const error of [...live]) {
    if (error.keyword !== 'type' && wrongType.has(error.instancePath)) live.delete(error);
  }
}

function typeAccepts(type: JsonType | JsonType[] | undefined, value: unknown): boolean {
  const types = type === undefined ? [] : Array.isArray(type) ? type : [type];
  if (value === null) return types.includes('null');
  if (Array.isArray(value)) return types.includes('array');
  if (typeof value === 'number') return types.includes('number') || (Number.isInteger(value) && types.includes('integer'));
  if (typeof value === 'string') return types.includes('string');
  if (typeof value === 'boolean') return types.includes('boolean');
  return types.includes('object');
}

function vocabularyNamed(name: string | undefined): Vocabulary | undefined {
  return name !== undefined && Object.prototype.hasOwnProperty.call(VOCABULARIES, name) ? VOCABULARIES[name as keyof typeof VOCABULARIES] : undefined;
}

function asSchema(node: unknown): JsonSchema {
  return typeof node === 'object' && node !== null ? (node as JsonSchema) : {};
}

function depth(pointer: string): number {
  return pointer === '' ? 0 : pointer.split('/').length - 1;
}

function isUnder(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

/** ajv's JSON pointer as a spec path, with list indices as numbers. */
export function toSpecPath(pointer: string, root: unknown): SpecPath {
  if (pointer === '') return [];
  const path: Array<string | number> = [];
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(segment);
      path.push(index);
      node = node[index];
    } else {
      path.push(segment);
      node = isRawMap(node) ? node[segment] : undefined;
    }
  }
  return path;
}
