/**
 * Narrowing helpers for the parsed document, which is `unknown` until the schema has vouched for
 * it. Keys may be written in Keras snake_case or tfjs camelCase, so lookups go through both.
 */
import { OPTION_KEY_ALIASES, tfjsKey } from '../spec/vocabulary';

export type RawMap = { readonly [key: string]: unknown };

/** True for a YAML/JSON mapping (not a list, not null). */
export function isRawMap(value: unknown): value is RawMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `written` is a spelling of the Keras key `kerasKey` (itself, camelCase, or a legacy alias). */
export function isSpellingOf(written: string, kerasKey: string): boolean {
  return written === kerasKey || written === tfjsKey(kerasKey) || OPTION_KEY_ALIASES[written] === kerasKey;
}

/** The key under which `map` holds the Keras key `kerasKey`, in whichever spelling was written. */
export function keyOf(map: RawMap, kerasKey: string): string | undefined {
  return Object.keys(map).find((written) => isSpellingOf(written, kerasKey));
}

/** The value of a Keras key in any spelling, or undefined. */
export function valueOf(map: RawMap, kerasKey: string): unknown {
  const key = keyOf(map, kerasKey);
  return key === undefined ? undefined : map[key];
}

/** The map under a Keras key, or an empty map when absent or not a map. */
export function mapOf(map: RawMap, kerasKey: string): RawMap {
  const value = valueOf(map, kerasKey);
  return isRawMap(value) ? value : {};
}

/** A number the schema guarantees; throws if the schema and this code disagree (a bug, not user error). */
export function expectNumber(value: unknown, what: string): number {
  if (typeof value !== 'number') throw new Error(`internal: ${what} should be a number after validation`);
  return value;
}

/** A string the schema guarantees. */
export function expectString(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new Error(`internal: ${what} should be a string after validation`);
  return value;
}

/** The optional number under a Keras key. */
export function optionalNumber(map: RawMap, kerasKey: string): number | undefined {
  const value = valueOf(map, kerasKey);
  return value === undefined ? undefined : expectNumber(value, kerasKey);
}

/** The optional boolean under a Keras key. */
export function optionalBoolean(map: RawMap, kerasKey: string): boolean | undefined {
  const value = valueOf(map, kerasKey);
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new Error(`internal: ${kerasKey} should be a boolean after validation`);
  return value;
}
