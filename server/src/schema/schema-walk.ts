/**
 * One walk of the document's value beside the schema: every value with the schema it falls
 * under, and the value as JSON Schema validation should see it. Keys are matched as flyctl
 * matches them: exactly, else case-insensitively (Go's JSON decoding does), so `[HTTP_Service]`
 * is checked as `[http_service]` and the key-case finding says how to write it.
 */
import type { KeySegmentNode } from '../toml/ast.js';
import type { TomlEntry, TomlTable, TomlValue } from '../toml/values.js';
import { branchFor, propertyIgnoringCase, propertySchema, type JsonSchema } from './schema-lookup.js';
import { caseWinner, mergedTable, mergedTables, sourceTable } from '../fly/fields.js';
import { isPatchedKey } from './patched-keys.js';

export interface Visited {
  /** The path as the schema names it (canonical key case, array indices). */
  readonly path: ReadonlyArray<string | number>;
  value: TomlValue;
  /** The key that names the value (array items have none). */
  key?: KeySegmentNode;
  /** The table holding the key. */
  parent?: TomlTable;
  /** The schema the value falls under: the branch its type takes. Undefined for unknown keys. */
  schema?: JsonSchema;
  /** The schema's own entry for the key before any branch is chosen (annotations of an anyOf). */
  declared?: JsonSchema;
  /** The known key this one matches only when case is ignored. */
  canonical?: string;
  /** Set for values inside maps (`[env]`, `[build.args]` …): names there are not flyctl's keys. */
  inMap: boolean;
  /**
   * The section, spelled other than in lower case, that holds this value (or is it) when flyctl's
   * rewrites of legacy values look for that section in lower case: here they do not run. `merged`:
   * the lower-case spelling is there too, and flyctl reads both as one table.
   */
  unrewritten?: { written: string; canonical: string; merged?: boolean };
  /** For a section spelled several ways and read as one table: the spelling of each table. */
  readonly spellings?: ReadonlyMap<TomlTable, string>;
}

/**
 * A visited value. Its path is put together only when asked for: most values never need it, and
 * an array per value was a fifth of the walk.
 */
class Visit implements Visited {
  key?: KeySegmentNode;
  parent?: TomlTable;
  schema?: JsonSchema;
  declared?: JsonSchema;
  canonical?: string;
  unrewritten?: Visited['unrewritten'];
  /** For a section spelled several ways and read as one table: the spelling of each table. */
  spellings?: Map<TomlTable, string>;
  private built: Array<string | number> | undefined;

  constructor(
    readonly value: TomlValue,
    readonly inMap: boolean,
    /** The visit of the table or array holding this value; undefined at the top level. */
    private readonly up: Visit | undefined,
    private readonly step: string | number,
    readonly depth: number,
  ) {}

  get path(): ReadonlyArray<string | number> {
    if (!this.built) {
      const path = new Array<string | number>(this.depth);
      let at: Visit | undefined = this;
      for (let i = this.depth - 1; i >= 0 && at; i--, at = at.up) path[i] = at.step;
      this.built = path;
    }
    return this.built;
  }
}

/** The JSON type flyctl's JSON step gives a TOML value (dates become strings). */
export function jsonTypeOfValue(value: TomlValue): string {
  switch (value.type) {
    case 'table':
      return 'object';
    case 'array':
      return 'array';
    case 'integer':
      return 'integer';
    case 'float':
      return Number.isInteger(value.value) ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

/**
 * The known key a written key stands for: itself, else the one it matches ignoring case, when
 * flyctl reads this spelling (of several spellings of one key it reads one, see caseWinner; the
 * others are unknown keys it ignores).
 */
export function canonicalKey(table: TomlTable, schema: JsonSchema | undefined, key: string): string | undefined {
  const properties = schema?.properties;
  if (!properties) return undefined;
  if (Object.hasOwn(properties, key)) return key;
  const match = propertyIgnoringCase(schema, key);
  // `[[VM]]`, `[[Mounts]]`, `[Metrics]`: flyctl's rewrites of these sections look for the lower-case
  // name only and always write it back (empty when there is none), which drops any other spelling.
  // `[experimental] Kill_Timeout`, `[build] Build_Target`: only the rewrite reads them, no struct field.
  if (!match || properties[match]!['x-flylint-exact-case']) return undefined;
  return caseWinner(table, key) === key ? match : undefined;
}

const MAX_MAP_DEPTH = 16;

const mapSchemas = new WeakMap<JsonSchema, boolean>();

/** Whether names below this schema are the user's (`[env]`, `[build.args]` …), not flyctl's keys. */
function isMapSchema(schema: JsonSchema | undefined): boolean {
  if (!schema) return false;
  let map = mapSchemas.get(schema);
  if (map === undefined) mapSchemas.set(schema, (map = Boolean(schema['x-flylint-map'])));
  return map;
}

/** Whether a table's names are exact, as in a map (`[env]`) or named tables (`[checks]` names its checks), not struct fields that match in any case. */
export function exactNames(schema: JsonSchema): boolean {
  return isMapSchema(schema) || Boolean(schema['x-flylint-named']);
}

/**
 * Whether several spellings of this key that are tables are one table to flyctl: a struct or a map
 * (`[env]`, `[processes]`), which its JSON decoder fills from each. Not a section a rewrite reads
 * as a list (`[Services]`, whose lower-case spelling the rewrite replaces), nor one only a rewrite reads.
 */
export function isOneTable(declared: JsonSchema): boolean {
  let one = oneTableSchemas.get(declared);
  if (one === undefined) oneTableSchemas.set(declared, (one = declared['x-flylint-shape'] === undefined && !declared['x-flylint-exact-case']));
  return one;
}

const oneTableSchemas = new WeakMap<JsonSchema, boolean>();

/** A value's JSON type without its contents. */
function shallow(value: TomlValue): unknown {
  return value.type === 'table' ? {} : value.type === 'array' ? [] : plainScalar(value);
}

/** A scalar as JSON Schema validation sees it (integers as numbers); undefined for a table or an array. */
export function plainScalar(value: TomlValue): unknown {
  if (value.type === 'integer') return Number(value.value);
  return value.type === 'table' || value.type === 'array' ? undefined : value.value;
}

/**
 * A key of a section read as one table from several spellings, written in one that is not in lower
 * case: flyctl's rewrites, which look the section up in lower case, do not reach it.
 */
function fromOtherSpelling(section: Visit | undefined, entry: TomlEntry): Visit['unrewritten'] {
  const source = section?.spellings && sourceTable(entry);
  const written = source && section.spellings!.get(source);
  if (!written) return undefined;
  const path = section.path;
  const canonical = path[path.length - 1] as string;
  return written !== canonical && isPatchedKey(path.slice(0, -1), canonical) ? { written, canonical, merged: true } : undefined;
}

/**
 * Walks the value with the schema, calling `visit` for every value below the root, and returns
 * the plain data to validate (keys in canonical case; integers as numbers, as JSON knows no bigint).
 */
export function walkWithSchema(root: TomlTable, schema: JsonSchema, visit: (v: Visited) => void): unknown {
  // `schemaHere` is the branch the value's type takes, worked out once by the caller.
  const walk = (value: TomlValue, schemaHere: JsonSchema | undefined, at: Visit | undefined, inMap: boolean): unknown => {
    const depth = at ? at.depth : 0;
    // Below an unknown key or a value of the wrong type validation does not look, and neither do the
    // findings; map values are read a few levels deep (nan/inf there is still fatal). This keeps
    // a 20,000-level dotted key linear.
    if (!schemaHere && (!inMap || depth > MAX_MAP_DEPTH)) return shallow(value);
    if (value.type === 'table') {
      const isMap = inMap || isMapSchema(schemaHere);
      // No prototype: a key named `__proto__` is data like any other, and validation sees it as unknown.
      const out: Record<string, unknown> = Object.create(null);
      // forEach, not for-of: cold code would allocate an iterator result and a [name, entry] pair per key.
      value.entries.forEach((entry, name) => {
        const canonical = isMap ? undefined : canonicalKey(value, schemaHere, name);
        const key = canonical ?? name;
        const childDeclared = schemaHere ? (canonical ? schemaHere.properties![canonical] : propertySchema(schemaHere, name)) : undefined;
        // `[HTTP_Service]` beside `[http_service]`: the spelling flyctl reads (this one) is checked
        // with what the others set, as its decoder fills one struct (or map) from all of them.
        const spellings = canonical && childDeclared && entry.value.type === 'table' && isOneTable(childDeclared) ? mergedTables(value, name) : undefined;
        // A map's names are exact (`[checks]` names its checks): of `[Checks.Web]` and `[checks.web]` both stay.
        const childValue = spellings ? mergedTable(spellings.map((s) => s.value), exactNames(childDeclared!)) : entry.value;
        const childSchema = childDeclared ? branchFor(childDeclared, jsonTypeOfValue(childValue)) : undefined;
        const child = new Visit(childValue, isMap, at, key, depth + 1);
        if (spellings) child.spellings = new Map(spellings.map((s) => [s.value, s.key.name]));
        child.key = entry.key;
        child.parent = value;
        if (childSchema) child.schema = childSchema;
        if (childDeclared) child.declared = childDeclared;
        if (canonical && canonical !== name) child.canonical = canonical;
        const unrewritten = at?.unrewritten ?? fromOtherSpelling(at, entry) ?? (canonical && canonical !== name && (entry.value.type === 'table' || entry.value.type === 'array') && isPatchedKey(at ? at.path : [], canonical) ? { written: name, canonical } : undefined);
        if (unrewritten) child.unrewritten = unrewritten;
        visit(child);
        if (Object.hasOwn(out, key)) return;
        out[key] = walk(childValue, childSchema, child, isMap || isMapSchema(childDeclared));
      });
      return out;
    }
    if (value.type === 'array') {
      const items = schemaHere?.items;
      return value.items.map((item, i) => {
        const childSchema = items ? branchFor(items, jsonTypeOfValue(item)) : undefined;
        const child = new Visit(item, inMap, at, i, depth + 1);
        if (childSchema) child.schema = childSchema;
        if (items) child.declared = items;
        if (at?.unrewritten) child.unrewritten = at.unrewritten;
        visit(child);
        return walk(item, childSchema, child, inMap);
      });
    }
    return plainScalar(value);
  };
  return walk(root, branchFor(schema, jsonTypeOfValue(root)), undefined, false);
}
