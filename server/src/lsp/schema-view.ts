/**
 * What completion and hover ask of a key's schema: is it a table or an array of tables, which
 * values does it take, how to label its type. Key paths go through the schema module's lookups.
 */
import { keysAt, subschemaAt, type JsonSchema } from '../schema/schema-lookup.js';

export { keysAt, subschemaAt, type JsonSchema };

/** The schema and its anyOf branches. */
function branches(schema: JsonSchema | undefined): JsonSchema[] {
  return schema ? [schema, ...(schema.anyOf ?? []).flatMap(branches)] : [];
}

/** The JSON types the schema or any of its branches accepts. */
function typesOf(schema: JsonSchema): string[] {
  return [...new Set(branches(schema).flatMap((b) => (b.type === undefined ? [] : [b.type].flat())))];
}

function tableShaped(schema: JsonSchema): boolean {
  return typesOf(schema).includes('object') || !!schema.properties;
}

/** A table (`[x]`) or an array of tables (`[[x]]`): offered as a header, not as a `key = `. */
export function isTableLike(schema: JsonSchema | undefined): boolean {
  return branches(schema).some((b) => tableShaped(b) || (typesOf(b).includes('array') && branches(b.items).some(tableShaped)));
}

export function isArrayOfTables(schema: JsonSchema | undefined): boolean {
  if (!schema) return false;
  const shape = schema['x-flylint-shape'];
  if (shape === 'array-of-tables') return true;
  if (shape === 'table-or-array') return schema['x-flylint-preferred'] !== 'table';
  return !branches(schema).some(tableShaped) && branches(schema).some((b) => typesOf(b).includes('array'));
}

/** Aliases and deprecated sections are not offered as headers. */
export function isHeaderCandidate(schema: JsonSchema | undefined): boolean {
  return !!schema && !schema.deprecationMessage && !schema['x-flylint-alias-of'] && isTableLike(schema);
}

export function isDeprecated(schema: JsonSchema | undefined): boolean {
  return !!schema?.deprecationMessage;
}

/** String values the key takes (its enum, or its items' enum for a list), with their one-line docs. */
export function enumValues(schema: JsonSchema | undefined): Array<{ value: string; doc?: string }> {
  const out: Array<{ value: string; doc?: string }> = [];
  const seen = new Set<string>();
  for (const b of branches(schema)) {
    for (const source of [b, ...(typesOf(b).includes('array') ? branches(b.items) : [])]) {
      const docs = (source['x-flylint-enum-docs'] ?? {}) as Record<string, unknown>;
      for (const v of source.enum ?? []) {
        if (typeof v !== 'string' || v === '' || seen.has(v)) continue;
        seen.add(v);
        const doc = docs[v];
        out.push({ value: v, ...(typeof doc === 'string' ? { doc } : {}) });
      }
    }
  }
  return out;
}

export function takesBoolean(schema: JsonSchema | undefined): boolean {
  return !!schema && typesOf(schema).includes('boolean');
}

export function takesString(schema: JsonSchema | undefined): boolean {
  return !!schema && (typesOf(schema).includes('string') || (schema.enum ?? []).some((v) => typeof v === 'string'));
}

export function isList(schema: JsonSchema | undefined): boolean {
  return !!schema && typesOf(schema).includes('array') && !isTableLike(schema);
}

/** A short type label for completion details and hover: `string`, `integer | string`, `"off" | "stop" | "suspend"`. */
export function typeLabel(schema: JsonSchema | undefined): string | undefined {
  const values = enumValues(schema);
  if (values.length && values.length <= 4) return values.map((v) => JSON.stringify(v.value)).join(' | ');
  const all = schema ? typesOf(schema).map((t) => (t === 'array' ? 'list' : t === 'object' ? 'table' : t)) : [];
  return all.length ? all.join(' | ') : undefined;
}

export function descriptionOf(schema: JsonSchema | undefined): string | undefined {
  return typeof schema?.description === 'string' ? schema.description : undefined;
}

export function deprecationOf(schema: JsonSchema | undefined): string | undefined {
  return typeof schema?.deprecationMessage === 'string' ? schema.deprecationMessage : undefined;
}
