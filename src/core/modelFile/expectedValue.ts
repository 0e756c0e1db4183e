/** "expected an integer >= 1": what a schema node accepts, in words a Keras user reads easily. */
import type { JsonSchema, JsonType } from '../spec/modelSchema';
import { quotedList } from './messageParts';

/**
 * Hand-written phrases for the definitions whose generated description would read poorly (unions,
 * recursive lists). Keyed by definition name in modelSchema.ts.
 */
const EXPECTED_BY_DEFINITION: Readonly<Record<string, string>> = {
  layer: 'a layer such as `Dense: { units: 8 }`, or the bare name of a layer without options such as `Flatten`',
  optimizer: 'an optimizer name such as `adam`, or a name with options such as `{ sgd: { learning_rate: 0.01 } }`',
  regularizer: 'a regularizer: `l1`, `l2`, `l1_l2`, or one with a factor such as `{ l2: 0.001 }`',
  earlyStopping: 'true, false, or a map such as `{ monitor: val_loss, patience: 3 }`',
  shape: 'a list of positive integers such as `[28, 28]`',
  noiseShape: 'a list of positive integers (or null)',
  intOrPair: 'a positive integer or a list of 2 such as `[3, 3]`',
  targetShape: 'a list of positive integers (one may be -1) such as `[7, 7, 64]`',
  nestedNumbers: 'a number or a list of numbers',
  target: 'a number, a list of numbers or a class name',
};

/** What the schema node (or the named definition, when the error is at its root) accepts. */
export function describeExpected(schema: JsonSchema, definition?: string): string {
  if (definition !== undefined && EXPECTED_BY_DEFINITION[definition]) return EXPECTED_BY_DEFINITION[definition];
  const types = typesOf(schema).filter((t) => t !== 'null');
  if (types.length === 0) return 'a valid value';
  return types.map((t) => describeType(t, schema, false)).join(' or ');
}

function typesOf(schema: JsonSchema): JsonType[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

function describeType(type: JsonType, schema: JsonSchema, plural: boolean): string {
  switch (type) {
    case 'integer':
      return (plural ? 'integers' : 'an integer') + bounds(schema);
    case 'number':
      return (plural ? 'numbers' : 'a number') + bounds(schema);
    case 'boolean':
      return plural ? 'booleans' : 'true or false';
    case 'string':
      if (plural) return 'strings';
      return schema.minLength ? 'a non-empty string' : 'a string';
    case 'null':
      return plural ? 'nulls' : 'nothing';
    case 'object': {
      const required = schema.required ?? [];
      return (plural ? 'maps' : 'a map') + (required.length > 0 ? ` with ${quotedList(required)}` : '');
    }
    case 'array':
      return describeList(schema, plural);
  }
}

function describeList(schema: JsonSchema, plural: boolean): string {
  const { minItems, maxItems } = schema;
  let list: string;
  if (minItems !== undefined && minItems === maxItems) list = `a list of ${minItems}`;
  else if (minItems === 1) list = 'a non-empty list';
  else list = 'a list';
  if (plural) list = list.replace(/^a /, '') + 's';
  const items = schema.items && !schema.items.$ref ? typesOf(schema.items).map((t) => describeType(t, schema.items ?? {}, true)) : [];
  return items.length > 0 ? `${list} of ${items.join(' or ')}` : list;
}

function bounds(schema: JsonSchema): string {
  const parts: string[] = [];
  if (schema.exclusiveMinimum !== undefined) parts.push(`> ${schema.exclusiveMinimum}`);
  else if (schema.minimum !== undefined) parts.push(`>= ${schema.minimum}`);
  if (schema.exclusiveMaximum !== undefined) parts.push(`< ${schema.exclusiveMaximum}`);
  else if (schema.maximum !== undefined) parts.push(`<= ${schema.maximum}`);
  return parts.length > 0 ? ` ${parts.join(' and ')}` : '';
}
