/**
 * A section header at the wrong indentation is one mistake that the schema reports once per key:
 * `  fit:` indented under `compile:` makes `fit`, `epochs` and `batch_size` unknown keys of compile;
 * `fit:` followed by unindented keys leaves fit empty and its keys unknown at the top level. Each
 * such cascade becomes one problem at the header, naming the line to re-indent.
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
  for (const explain of [headerIndentedIntoSection, keysNotIndentedUnderHeader]) result = explain(result, root, schema, lines, indentUnit);
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
          code: CODES.misplacedKey,
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
        code: CODES.misplacedKey,
      },
    ];
  });
  return result;
}
