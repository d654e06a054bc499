/**
 * Reading schemas/fly.schema.json by key path: for the schema check's messages, hover and
 * completion. The file shares definitions through `$ref`; `flySchema` is the same schema with
 * every reference resolved at build time (scripts/resolve-refs.mjs), so callers walk plain
 * `properties`, `items` and `anyOf`.
 */
import resolvedSchema from './generated/fly-schema-resolved.js';

export type JsonSchema = { [keyword: string]: unknown } & {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  description?: string;
  enum?: unknown[];
  default?: unknown;
  deprecationMessage?: string;
};

type KeyPath = readonly (string | number)[];

export const flySchema = resolvedSchema as JsonSchema;

// The schema never changes, and every value of every lint asks these questions of it: answers
// are kept per schema object (the walk of a 5,000-line file spent a third of its time here).
const typesCache = new WeakMap<JsonSchema, string[]>();
const branchCache = new WeakMap<JsonSchema, Map<string, JsonSchema | undefined>>();

/** The JSON types a schema (or any branch of its anyOf) accepts. Do not modify the result. */
export function typesOf(schema: JsonSchema): string[] {
  let types = typesCache.get(schema);
  if (!types) {
    const own = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
    types = [...new Set([...own, ...(schema.anyOf ?? []).flatMap(typesOf)])];
    typesCache.set(schema, types);
  }
  return types;
}

/** The JSON type of a plain value, as JSON Schema names it. */
export function jsonTypeOf(data: unknown): string {
  if (Array.isArray(data)) return 'array';
  if (data === null) return 'null';
  if (typeof data === 'number') return Number.isInteger(data) ? 'integer' : 'number';
  if (typeof data === 'bigint') return 'integer';
  return typeof data === 'object' ? 'object' : typeof data;
}

function accepts(schema: JsonSchema, type: string): boolean {
  const types = typesOf(schema);
  return types.length === 0 || types.includes(type) || (type === 'integer' && types.includes('number'));
}

/**
 * The branch of an anyOf that a value of this JSON type takes (the schema's branches accept
 * distinct types); the schema itself when it has no anyOf. Keywords beside the anyOf (description,
 * annotations) are kept, the branch's win.
 */
export function branchFor(schema: JsonSchema, type: string): JsonSchema | undefined {
  let byType = branchCache.get(schema);
  if (!byType) branchCache.set(schema, (byType = new Map()));
  if (byType.has(type)) return byType.get(type);
  const branch = computeBranch(schema, type);
  byType.set(type, branch);
  return branch;
}

function computeBranch(schema: JsonSchema, type: string): JsonSchema | undefined {
  if (!schema.anyOf) return accepts(schema, type) ? schema : undefined;
  const branch = schema.anyOf.find((b) => accepts(b, type));
  if (!branch) return undefined;
  const { anyOf: _anyOf, ...outer } = schema;
  return { ...outer, ...branch };
}

/** The table-shaped schema(s) a schema stands for: itself, or the table branch / items of an anyOf. */
export function tableSchemas(schema: JsonSchema, options: { modernOnly?: boolean } = {}): JsonSchema[] {
  const out: JsonSchema[] = [];
  const visit = (s: JsonSchema | undefined) => {
    if (!s || (options.modernOnly && s['x-flylint-legacy'])) return;
    if (s.anyOf) s.anyOf.forEach(visit);
    else if (s.type === 'array' && s.items) visit(s.items);
    else if (s.type === 'object' || s.properties) out.push(s);
  };
  visit(schema);
  return out;
}

/** The schema of one key of a table schema: its property, else the schema of a map's values. */
export function propertySchema(table: JsonSchema, key: string): JsonSchema | undefined {
  return knownProperty(table, key) ?? (typeof table.additionalProperties === 'object' ? table.additionalProperties : undefined);
}

/** The name of the table schema's property that `key` matches when case is ignored, as Go's decoder matches struct fields. */
export function propertyIgnoringCase(table: JsonSchema | undefined, key: string): string | undefined {
  const properties = table?.properties;
  if (!properties) return undefined;
  const lower = key.toLowerCase();
  return Object.keys(properties).find((k) => k.toLowerCase() === lower);
}

/** The schema's own entry for a key: a key such as `constructor` or `__proto__` is not one. */
export function knownProperty(table: JsonSchema, key: string): JsonSchema | undefined {
  const properties = table.properties;
  return properties && Object.hasOwn(properties, key) ? properties[key] : undefined;
}

/**
 * The schema of the value at a key path, e.g. `['services', 0, 'ports', 0, 'handlers']` or
 * `['http_service', 'auto_stop_machines']`. Array indices may be left out (`services.ports`
 * names the same schema); named maps (`checks.<name>`, `env.<NAME>`) step through their values.
 */
export function subschemaAt(path: KeyPath): JsonSchema | undefined {
  let current: JsonSchema = flySchema;
  for (const part of path) {
    if (typeof part === 'number' || /^\d+$/.test(part)) continue;
    const tables = tableSchemas(current);
    // A known key first: the legacy [[checks]] items know "type", the named [checks.<name>] map does not.
    const next = tables.map((t) => knownProperty(t, part)).find(Boolean) ?? tables.map((t) => propertySchema(t, part)).find(Boolean);
    if (!next) return undefined;
    current = next;
  }
  return current;
}

/** Keys a table at this path may hold in its modern form, with their schemas (empty for maps and unknown paths). */
export function keysAt(path: KeyPath): Record<string, JsonSchema> {
  const schema = subschemaAt(path);
  if (!schema) return {};
  const out: Record<string, JsonSchema> = {};
  for (const table of tableSchemas(schema, { modernOnly: true })) Object.assign(out, table.properties ?? {});
  return out;
}

/** What hover and completion show for a key. */
export interface KeyInfo {
  description?: string;
  /** JSON types accepted (`object` for a table, `array` for a list or an array of tables). */
  types: string[];
  enum?: unknown[];
  default?: unknown;
  deprecated?: string;
  /** The modern key this one is a legacy spelling of. */
  aliasOf?: string;
  /** The unit a bare number counts in, for durations. */
  durationUnit?: 's' | 'ms' | 'ns';
  /** How the key is written as a section: `[x]`, `[[x]]`, or either (preferring one). */
  shape?: 'table' | 'array-of-tables' | 'table-or-array';
}

export function keyInfo(path: KeyPath): KeyInfo | undefined {
  const schema = subschemaAt(path);
  if (!schema) return undefined;
  const enumValues = schema.enum ?? schema.items?.enum;
  const shape = schema['x-flylint-shape'] as KeyInfo['shape'] | undefined;
  return {
    ...(schema.description ? { description: schema.description } : {}),
    types: typesOf(schema),
    ...(enumValues ? { enum: enumValues } : {}),
    ...(schema.default !== undefined ? { default: schema.default } : {}),
    ...(schema.deprecationMessage ? { deprecated: schema.deprecationMessage } : {}),
    ...(typeof schema['x-flylint-alias-of'] === 'string' ? { aliasOf: schema['x-flylint-alias-of'] } : {}),
    ...(typeof schema['x-flylint-duration'] === 'string' ? { durationUnit: schema['x-flylint-duration'] as KeyInfo['durationUnit'] } : {}),
    ...(shape ? { shape } : schema.type === 'object' ? { shape: 'table' as const } : {}),
  };
}

let index: Map<string, string[][]> | undefined;

/** Every table path where a key is known (array indices left out): for "belongs in [section]" messages. */
export function keyLocations(key: string): string[][] {
  if (!index) {
    const built = new Map<string, string[][]>();
    const walk = (schema: JsonSchema, path: string[], depth: number) => {
      if (depth > 6 || schema['x-flylint-map']) return;
      for (const table of tableSchemas(schema, { modernOnly: true })) {
        if (schema['x-flylint-named'] && typeof table.additionalProperties === 'object') walk(table.additionalProperties, [...path, '<name>'], depth + 1);
        for (const [name, child] of Object.entries(table.properties ?? {})) {
          const list = built.get(name) ?? [];
          if (!list.some((p) => p.join('.') === path.join('.'))) list.push(path);
          built.set(name, list);
          walk(child, [...path, name], depth + 1);
        }
      }
    };
    walk(flySchema, [], 0);
    index = built;
  }
  return index.get(key) ?? [];
}
