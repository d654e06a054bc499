/** Reading schemas/fly.schema.json by key path: for messages, hover and completion. */
import schemaJson from '../../../schemas/fly.schema.json' with { type: 'json' };

export type JsonSchema = { [keyword: string]: unknown } & { type?: string | string[]; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; additionalProperties?: boolean | JsonSchema; description?: string; enum?: unknown[] };

export const flySchema = schemaJson as unknown as JsonSchema;

/** The table-shaped schema(s) a schema stands for: itself, or the object branch/items of an anyOf. */
function tableSchemas(schema: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [];
  const visit = (s: JsonSchema | undefined) => {
    if (!s) return;
    if (s.anyOf) s.anyOf.forEach(visit);
    else if (s.type === 'array' && s.items) visit(s.items);
    else if (s.type === 'object' || s.properties) out.push(s);
  };
  visit(schema);
  return out;
}

/**
 * The schema of the value at a key path (array indices are skipped: `services.0.ports` and
 * `services.ports` name the same schema). Named maps (`checks.<name>`) step through
 * additionalProperties.
 */
export function subschemaAt(path: readonly (string | number)[]): JsonSchema | undefined {
  let current: JsonSchema | undefined = flySchema;
  for (const part of path) {
    if (typeof part === 'number' || /^\d+$/.test(part)) continue;
    let next: JsonSchema | undefined;
    for (const table of tableSchemas(current!)) {
      next = table.properties?.[part] ?? (typeof table.additionalProperties === 'object' ? table.additionalProperties : undefined);
      if (next) break;
    }
    if (!next) return undefined;
    current = next;
  }
  return current;
}

/** Keys a table at this path may hold, with their schemas. */
export function keysAt(path: readonly (string | number)[]): Record<string, JsonSchema> {
  const schema = subschemaAt(path);
  if (!schema) return {};
  const out: Record<string, JsonSchema> = {};
  for (const table of tableSchemas(schema)) Object.assign(out, table.properties ?? {});
  return out;
}

let index: Map<string, string[][]> | undefined;

/** Every table path where a key is known: for "belongs in [section]" messages. */
export function keyLocations(key: string): string[][] {
  if (!index) {
    index = new Map();
    const walk = (schema: JsonSchema, path: string[], depth: number) => {
      if (depth > 6) return;
      for (const table of tableSchemas(schema)) {
        for (const [name, child] of Object.entries(table.properties ?? {})) {
          const list = index!.get(name) ?? [];
          if (!list.some((p) => p.join('.') === path.join('.'))) list.push(path);
          index!.set(name, list);
          walk(child, [...path, name], depth + 1);
        }
      }
    };
    walk(flySchema, [], 0);
  }
  return index.get(key) ?? [];
}
