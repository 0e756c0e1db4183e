/**
 * A section header at the wrong indentation, or missing, is one mistake that the schema reports
 * once per key: `  fit:` indented under `compile:` makes `fit`, `epochs` and `batch_size` unknown
 * keys of compile; `fit:` followed by unindented keys leaves fit empty and its keys unknown at the
 * top level; without the `compile:` line its keys are unknown wherever they land. Each such
 * cascade becomes one problem at the header (or the first key), naming the lines to change.
 */
import type { SpecPath } from '../diagnostics';
import type { JsonSchema } from '../spec/modelSchema';
import { quoted } from './oneLineMessage';
import { CODES, type Problem } from './problem';
import { isRawMap, type RawMap } from './rawValues';

/** Where keys are in the file, for "check the indentation of line N". */
export interface KeyLines {
  lineOf(path: SpecPath): number;
}

/** The problems, with each misplaced-section cascade replaced by its root cause. */
export function explainMisplacedSections(problems: Problem[], root: unknown, schema: JsonSchema, lines: KeyLines, indentUnit: number): Problem[] {
  if (!isRawMap(root)) return problems;
  let result = problems;
  for (const explain of [headerIndentedIntoSection, keysNotIndentedUnderHeader, headerMissing]) result = explain(result, root, schema, lines, indentUnit);
  return result;
}

const samePath = (a: SpecPath, b: SpecPath) => a.length === b.length && a.every((segment, i) => segment === b[i]);
const isUnknownKeyAt = (path: SpecPath) => (p: Problem) => p.code === CODES.unknownKey && samePath(p.path, path);

/** The keys a section's definition allows, when it is a map section. */
function sectionKeys(schema: JsonSchema, section: string): string[] | undefined {
  const properties = schema.definitions?.[section]?.properties;
  return properties ? Object.keys(properties) : undefined;
}

/** `  fit:` under `compile:`: fit and the keys after it read as options of compile. */
function headerIndentedIntoSection(problems: Problem[], root: RawMap, schema: JsonSchema, lines: KeyLines): Problem[] {
  const topKeys = Object.keys(schema.properties ?? {});
  let result = problems;
  for (const [section, value] of Object.entries(root)) {
    if (!isRawMap(value)) continue;
    const keys = Object.keys(value);
    keys.forEach((header, index) => {
      if (!topKeys.includes(header) || !result.some(isUnknownKeyAt([section, header]))) return;
      const followers: string[] = [];
      for (const key of keys.slice(index + 1)) {
        if (topKeys.includes(key) || !result.some(isUnknownKeyAt([section, key]))) break;
        followers.push(key);
      }
      const explained = new Set([header, ...followers]);
      const line = lines.lineOf([section, header]);
      const what = followers.length > 0 ? `so it and the keys after it (${followers.map(quoted).join(', ')}) are read as options of ${section}` : `so it is read as an option of ${section}`;
      result = [
        ...result.filter(
          (p) =>
            !(p.code === CODES.unknownKey && p.path.length === 2 && p.path[0] === section && explained.has(String(p.path[1]))) &&
            // A required section indented away is also missing at the top level: the same mistake.
            !(p.code === CODES.missingKey && p.path.length === 0 && p.message.includes(quoted(header))),
        ),
        {
          path: [section, header],
          at: 'key',
          message: `${quoted(`${header}:`)} is indented under ${quoted(`${section}:`)}, ${what}: a section starts at column 1. Check the indentation of line ${line}`,
          code: CODES.misplacedSection,
        },
      ];
    });
  }
  return result;
}

/** `fit:` with its keys at column 1: fit is empty and its keys are unknown at the top level. */
function keysNotIndentedUnderHeader(problems: Problem[], root: RawMap, schema: JsonSchema, lines: KeyLines, indentUnit: number): Problem[] {
  const keys = Object.keys(root);
  let result = problems;
  keys.forEach((section, index) => {
    const allowed = sectionKeys(schema, section);
    if (!allowed || (root[section] !== null && root[section] !== undefined)) return;
    const followers: string[] = [];
    for (const key of keys.slice(index + 1)) {
      if (!allowed.includes(key) || !result.some(isUnknownKeyAt([key]))) break;
      followers.push(key);
    }
    if (followers.length === 0) return;
    const first = lines.lineOf([followers[0]]);
    const last = lines.lineOf([followers[followers.length - 1]]);
    const where = first === last ? `of line ${first}` : `of lines ${first}-${last}`;
    result = [
      ...result.filter((p) => !(p.path.length === 1 && followers.includes(String(p.path[0])) && p.code === CODES.unknownKey) && p.path[0] !== section),
      {
        path: [section],
        at: 'key',
        message: `the keys after ${quoted(`${section}:`)} (${followers.map(quoted).join(', ')}) are not indented under it, so ${section} is empty: indent them by ${indentUnit} spaces. Check the indentation ${where}`,
        code: CODES.misplacedSection,
      },
    ];
  });
  return result;
}

/**
 * `optimizer`, `loss` and `metrics` without their `compile:` line, or `x` and `y` without
 * `inline:`: unknown wherever they land. A section is looked for among the absent top-level ones
 * and the absent sub-sections of the map the keys landed in.
 */
function headerMissing(problems: Problem[], root: RawMap, schema: JsonSchema, lines: KeyLines): Problem[] {
  let result = problems;
  const absentTop = Object.keys(schema.properties ?? {}).filter((k) => sectionKeys(schema, k) !== undefined && !(k in root));
  const maps: Array<{ path: SpecPath; map: RawMap; definition: JsonSchema | undefined }> = [{ path: [], map: root, definition: schema }];
  for (const [key, value] of Object.entries(root)) if (isRawMap(value)) maps.push({ path: [key], map: value, definition: schema.definitions?.[key] });
  for (const { path, map, definition } of maps) {
    const absentChildren = childSections(definition, schema).filter((c) => !(c in map));
    const unknown = Object.keys(map).filter((k) => result.some(isUnknownKeyAt([...path, k])));
    if (unknown.length < 2) continue;
    for (const section of [...new Set([...absentChildren, ...absentTop])]) {
      const allowed = sectionKeys(schema, section) ?? [];
      // A run of at least two of its keys in a row: one stray key is a typo or a misplaced option.
      const run = longestRun(Object.keys(map), (k) => unknown.includes(k) && allowed.includes(k));
      if (run.length < 2) continue;
      const line = lines.lineOf([...path, run[0]]);
      const explainsMissing = (p: Problem) => p.code === CODES.missingKey && (p.path.length === 0 || samePath(p.path, path)) && p.message.includes(quoted(section));
      result = [
        ...result.filter((p) => !(p.code === CODES.unknownKey && p.path.length === path.length + 1 && run.includes(String(p.path[path.length]))) && !explainsMissing(p)),
        {
          path: [...path, run[0]],
          at: 'key',
          message: `${run.map(quoted).join(', ')} belong under ${quoted(`${section}:`)}, which is missing: add ${/^[aeiou]/.test(section) ? 'an' : 'a'} ${quoted(`${section}:`)} line above line ${line} and indent them under it`,
          code: CODES.misplacedSection,
        },
      ];
    }
  }
  return result;
}

/** The keys of a map definition that are sections themselves (`inline` in data). */
function childSections(definition: JsonSchema | undefined, schema: JsonSchema): string[] {
  return Object.entries(definition?.properties ?? {})
    .filter(([, property]) => {
      const target = /^#\/definitions\/(.+)$/.exec(property.$ref ?? '')?.[1];
      return target !== undefined && schema.definitions?.[target]?.properties !== undefined;
    })
    .map(([key]) => key);
}

function longestRun(keys: readonly string[], belongs: (key: string) => boolean): string[] {
  let best: string[] = [];
  let current: string[] = [];
  for (const key of keys) {
    current = belongs(key) ? [...current, key] : [];
    if (current.length > best.length) best = current;
  }
  return best;
}
