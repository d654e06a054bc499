/**
 * Whether flyctl's JSON step can take a value into its field as it is written, with none of
 * flyctl's rewrites of legacy values applied. That is the fate of every spelling of a key but the
 * lower-case one, which the rewrites alone look up: Go's decoder fills a field from each spelling
 * in turn, keeps the last, and fails the whole file on any value it cannot take, even one a later
 * spelling overrides (spec §1 step 4).
 */
import type { TomlValue } from '../toml/values.js';
import { parseGoDurationNs } from '../fly/units.js';
import { jsonTypeOfValue, plainScalar } from './schema-walk.js';
import { branchFor, propertyIgnoringCase, propertySchema, type JsonSchema } from './schema-lookup.js';

/** What does not fit: the value itself or one inside it, the schema of its field, and whether its type or its value is wrong. */
export interface Misfit {
  value: TomlValue;
  schema: JsonSchema;
  reason: 'type' | 'value';
}

/** The first value Go's decoder cannot take, as written, into a field of this schema; undefined when all fit. */
export function misfitAsWritten(value: TomlValue, schema: JsonSchema): Misfit | undefined {
  // A fly.Duration decodes a number (as nanoseconds) or a duration string; without the rewrite,
  // a bool or a table no longer counts as unset (spec §2.1, the `Dur-ns` column).
  if (schema['x-flylint-duration']) return durationFits(value) ? undefined : { value, schema, reason: 'type' };
  const branch = branchFor(schema, jsonTypeOfValue(value));
  // Legacy shapes (`[Services]` as one table, `"soft,hard"` concurrency) and strings for numbers or
  // lists are what the rewrites turn into the modern form; as written they do not decode.
  if (!branch || branch['x-flylint-legacy'] !== undefined) return { value, schema, reason: 'type' };
  if (stringConvertedByRewrite(branch, value) || stringifiedByRewrite(branch, value)) return { value, schema, reason: 'type' };
  // Where Go's type decodes itself and rejects other values (auto_stop_machines, persist_rootfs), its enum holds here too.
  if (branch['x-flylint-decoded-enum'] && branch.enum && !branch.enum.includes(plainScalar(value))) return { value, schema: branch, reason: 'value' };
  if (value.type === 'array') {
    const items = branch.items;
    if (!items) return undefined;
    for (let i = 0; i < value.items.length; i++) {
      const misfit = misfitAsWritten(value.items[i]!, items);
      if (misfit) return misfit;
    }
    return undefined;
  }
  if (value.type === 'table') {
    for (const [name, entry] of value.entries) {
      const field = fieldOf(branch, name);
      const misfit = field && misfitAsWritten(entry.value, field);
      if (misfit) return misfit;
    }
  }
  return undefined;
}

/** A string where flyctl's rewrite makes a number (`port = "80"`) or a one-item list (`cmd = "run"`) of it. */
export function stringConvertedByRewrite(schema: JsonSchema, value: TomlValue): boolean {
  return value.type === 'string' && Boolean(schema['x-flylint-int-string'] || schema['x-flylint-legacy-string'] === 'list');
}

/**
 * A number or boolean where flyctl's rewrite writes the string of it (`[[vm]] memory = 512`, check
 * header values): Go's field is a string, which takes nothing else where the rewrite does not run.
 */
export function stringifiedByRewrite(schema: JsonSchema, value: TomlValue): boolean {
  return Boolean(schema['x-flylint-rewritten-to-string']) && (value.type === 'integer' || value.type === 'float' || value.type === 'boolean');
}

function durationFits(value: TomlValue): boolean {
  if (value.type === 'integer' || value.type === 'float') return true;
  // A date becomes a string, which ParseDuration rejects; "" is an error too when not rewritten.
  return value.type === 'string' && parseGoDurationNs(String(value.value)).ok;
}

/**
 * The field a name fills: a map's value, else the struct field it names exactly or, as Go's
 * decoder matches, in another case. Keys the rewrites alone read are no field (ignored as written).
 */
export function fieldOf(table: JsonSchema, name: string): JsonSchema | undefined {
  const own = propertySchema(table, name);
  if (own) return own['x-flylint-exact-case'] ? undefined : own;
  const match = propertyIgnoringCase(table, name);
  const field = match === undefined ? undefined : table.properties![match]!;
  return field && !field['x-flylint-exact-case'] ? field : undefined;
}
