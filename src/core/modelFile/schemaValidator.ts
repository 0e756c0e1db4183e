/** The ajv validator of the model schema, compiled once and reused on every keystroke. */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { SCHEMA_ANNOTATION_KEYWORDS, buildModelSchema, type JsonSchema } from '../spec/modelSchema';

/** The compiled schema, and which definition each schema node belongs to. */
export interface ModelValidator {
  schema: JsonSchema;
  validate: ValidateFunction;
  /**
   * The definition (`activation`, `layer`, `shape`...) whose root or `anyOf` branch is `node`.
   * Error messages need it, and ajv's schemaPath loses it: inside a `$ref` compiled as its own
   * function, paths restart at `#/`. ajv's `parentSchema` is the schema object itself, so identity works.
   */
  definitionOf(node: unknown): string | undefined;
}

let compiled: ModelValidator | undefined;

/** Creates the ajv instance the model schema is meant for (also used by tests to compile it). */
export function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    // `verbose` puts the failing schema node and data on each error, which the messages need.
    verbose: true,
    strict: true,
    // `type: ['integer', 'array']` (an int or a pair) is clearer than an anyOf for both users and messages.
    allowUnionTypes: true,
    // `required` inside `oneOf` branches names keys defined by the parent's `properties`.
    strictRequired: false,
    // Each definition compiled once instead of inlined at every use: compiling drops from ~500 ms
    // to ~100 ms, which the editor pays on the first keystroke.
    inlineRefs: false,
  });
  ajv.addVocabulary([...SCHEMA_ANNOTATION_KEYWORDS]);
  return ajv;
}

/** The model schema and its compiled validator. */
export function modelValidator(): ModelValidator {
  if (!compiled) {
    const schema = buildModelSchema();
    const owners = new WeakMap<object, string>();
    const mark = (node: JsonSchema, name: string): void => {
      owners.set(node, name);
      for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) mark(branch, name);
    };
    for (const [name, definition] of Object.entries(schema.definitions ?? {})) mark(definition, name);
    compiled = {
      schema,
      validate: createAjv().compile(schema),
      definitionOf: (node) => (typeof node === 'object' && node !== null ? owners.get(node) : undefined),
    };
  }
  return compiled;
}

/** Validates a parsed document; every error, not just the first. */
export function validateAgainstSchema(value: unknown): ErrorObject[] {
  const { validate } = modelValidator();
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
