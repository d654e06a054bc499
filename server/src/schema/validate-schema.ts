/**
 * JSON Schema validation of the plain data the schema walk builds, for the keywords
 * schemas/fly.schema.json uses (scripts/build-schema.mjs stops the build on any other). It
 * reports what ajv reports with `allErrors` and `strict` on, error for error: the tests compare
 * the two on every real-world config and on thousands of broken ones.
 *
 * Why not ajv's own compiled validator: a lint of a few hundred configs runs each check a few
 * hundred times, and that code is cold. ajv's standalone output is 126 functions the engine
 * compiles and warms up one by one; this is one small loop that is warm after a few files.
 */
import type { JsonSchema } from './schema-lookup.js';

export type SchemaErrorKeyword = 'false' | 'type' | 'enum' | 'anyOf' | 'if' | 'required' | 'additionalProperties' | 'pattern' | 'minimum' | 'maximum';

export interface SchemaError {
  keyword: SchemaErrorKeyword;
  /** Where the failing value is: keys and array indices from the document's root. */
  path: Array<string | number>;
  /** `required`: the missing key. */
  missingProperty?: string;
  /** `additionalProperties`: the key the schema does not know (the error's path is its table's). */
  additionalProperty?: string;
}

/** A schema's keywords, read once: the schema objects are JSON data with dozens of keys, slow to probe. */
interface Plan {
  types: readonly string[] | undefined;
  enumValues: readonly unknown[] | undefined;
  anyOf: readonly JsonSchema[] | undefined;
  ifSchema: JsonSchema | boolean | undefined;
  thenSchema: JsonSchema | boolean | undefined;
  required: readonly string[] | undefined;
  properties: Record<string, JsonSchema> | undefined;
  /** `false`, a schema for the other keys, or undefined (any key). */
  additional: JsonSchema | false | undefined;
  items: JsonSchema | undefined;
  pattern: RegExp | undefined;
  minimum: number | undefined;
  maximum: number | undefined;
}

const plans = new WeakMap<JsonSchema, Plan>();

function planOf(schema: JsonSchema): Plan {
  let plan = plans.get(schema);
  if (!plan) {
    const type = schema.type;
    const additional = schema.additionalProperties;
    plan = {
      types: type === undefined ? undefined : Array.isArray(type) ? type : [type],
      enumValues: schema.enum,
      anyOf: schema.anyOf,
      ifSchema: schema.if as Plan['ifSchema'],
      thenSchema: schema.then as Plan['thenSchema'],
      required: schema.required,
      properties: schema.properties,
      additional: additional === false ? false : typeof additional === 'object' ? additional : undefined,
      items: schema.items,
      // ajv's `unicodeRegExp` option: patterns are read with the u flag.
      pattern: typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined,
      minimum: typeof schema.minimum === 'number' ? schema.minimum : undefined,
      maximum: typeof schema.maximum === 'number' ? schema.maximum : undefined,
    };
    plans.set(schema, plan);
  }
  return plan;
}

/** JSON Schema's number: with ajv's `strictNumbers`, NaN and the infinities are no numbers. */
function isNumber(data: unknown): data is number {
  return typeof data === 'number' && Number.isFinite(data);
}

function isObject(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

function hasType(data: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof data === 'string';
    case 'number':
      return isNumber(data);
    case 'integer':
      return isNumber(data) && data % 1 === 0;
    case 'boolean':
      return typeof data === 'boolean';
    case 'object':
      return isObject(data);
    case 'array':
      return Array.isArray(data);
    case 'null':
      return data === null;
    default:
      return false;
  }
}

/** Every error of `data` against `schema`, none when it is valid. */
export function validateSchema(data: unknown, schema: JsonSchema): SchemaError[] {
  const errors: SchemaError[] = [];
  check(data, schema, [], errors);
  return errors;
}

/** Whether `data` is valid, without collecting errors (the `if` of an if/then). */
function passes(data: unknown, schema: JsonSchema | boolean): boolean {
  if (typeof schema === 'boolean') return schema;
  const errors: SchemaError[] = [];
  check(data, schema, [], errors);
  return errors.length === 0;
}

function fail(errors: SchemaError[], keyword: SchemaErrorKeyword, path: ReadonlyArray<string | number>): SchemaError {
  const error: SchemaError = { keyword, path: path.slice() };
  errors.push(error);
  return error;
}

// `path` is one array, pushed and popped on the way down: a path is copied only into an error.
function check(data: unknown, schema: JsonSchema | boolean, path: Array<string | number>, errors: SchemaError[]): void {
  if (typeof schema === 'boolean') {
    if (!schema) fail(errors, 'false', path);
    return;
  }
  const plan = planOf(schema);
  const types = plan.types;
  if (types !== undefined) {
    let typed = false;
    for (let i = 0; i < types.length && !typed; i++) typed = hasType(data, types[i]!);
    if (!typed) fail(errors, 'type', path);
  }
  // Enums hold strings, numbers and booleans only (the build checks): strict equality is JSON equality.
  if (plan.enumValues !== undefined && !plan.enumValues.some((v) => v === data)) fail(errors, 'enum', path);
  if (plan.anyOf !== undefined) {
    const before = errors.length;
    let matched = false;
    for (let i = 0; i < plan.anyOf.length && !matched; i++) {
      const start = errors.length;
      check(data, plan.anyOf[i]!, path, errors);
      matched = errors.length === start;
    }
    // A branch that passes clears what the others said; else all of it stands, and the anyOf too.
    if (matched) errors.length = before;
    else fail(errors, 'anyOf', path);
  }
  if (plan.ifSchema !== undefined && plan.thenSchema !== undefined && passes(data, plan.ifSchema)) {
    const start = errors.length;
    check(data, plan.thenSchema, path, errors);
    if (errors.length > start) fail(errors, 'if', path);
  }
  // The keywords of one JSON type apply to data of that type, whatever `type` says.
  if (isNumber(data)) {
    if (plan.minimum !== undefined && data < plan.minimum) fail(errors, 'minimum', path);
    if (plan.maximum !== undefined && data > plan.maximum) fail(errors, 'maximum', path);
  } else if (typeof data === 'string') {
    if (plan.pattern !== undefined && !plan.pattern.test(data)) fail(errors, 'pattern', path);
  } else if (Array.isArray(data)) {
    if (plan.items !== undefined) {
      for (let i = 0; i < data.length; i++) {
        path.push(i);
        check(data[i], plan.items, path, errors);
        path.pop();
      }
    }
  } else if (isObject(data)) {
    checkObject(data, plan, path, errors);
  }
}

function checkObject(data: Record<string, unknown>, plan: Plan, path: Array<string | number>, errors: SchemaError[]): void {
  if (plan.required !== undefined) {
    for (const key of plan.required) {
      if (data[key] === undefined) fail(errors, 'required', path).missingProperty = key;
    }
  }
  const properties = plan.properties;
  const additional = plan.additional;
  if (properties === undefined && additional === undefined) return;
  // The data's keys, not the schema's: a table holds a few of the dozens of keys its schema knows.
  for (const key in data) {
    const known = properties !== undefined && Object.hasOwn(properties, key);
    if (!known && additional === undefined) continue;
    if (!known && additional === false) {
      fail(errors, 'additionalProperties', path).additionalProperty = key;
      continue;
    }
    path.push(key);
    check(data[key], known ? properties[key]! : (additional as JsonSchema), path, errors);
    path.pop();
  }
}
