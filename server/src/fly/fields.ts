/**
 * Reading one key of a table the way flyctl's loader does, keeping the key and value nodes.
 * A value of the wrong type reads as absent: the schema rules report type errors.
 */
import type { KeySegmentNode, ValueNode } from '../toml/ast.js';
import type { TomlEntry, TomlTable, TomlValue } from '../toml/values.js';
import { durationMs, goNumberString, parseGoDurationNs, parseMemoryMb, parseVolumeGb, type DurationUnit } from './units.js';

export interface Field<T> {
  value: T;
  key: KeySegmentNode;
  node: ValueNode;
}

export interface DurationField extends Field<number | undefined> {
  /** How it was written: a string with a unit, or a bare number in the key's own unit. */
  written: 'string' | 'number';
  /** What a bare number counts here. */
  unit: DurationUnit;
  /** The unit a bare number would count in had the key been spelled in lower case (set when that differs). */
  caseSkippedUnit?: DurationUnit;
  /** Go's error for a string that does not parse. */
  error?: string;
}

export interface SizeField extends Field<string | number> {
  /** MB for memory, GB for volumes; undefined when flyctl cannot read it. */
  size: number | undefined;
  unit: 'MB' | 'GB';
  error?: string;
}

/**
 * Struct keys match case-insensitively in flyctl (Go's encoding/json), an exact match first.
 * `exact` tells whether the key was written in canonical case: flyctl's patches (seconds for
 * `kill_timeout`, string ports …) only see keys written exactly.
 */
export function lookup(table: TomlTable | undefined, key: string): (TomlEntry & { exact: boolean }) | undefined {
  if (!table) return undefined;
  // Plain literals, not spreads of the entry: this runs for every key of every table, and a
  // spread copies through a slow generic path.
  const exact = table.entries.get(key);
  if (exact) return { key: exact.key, value: exact.value, exact: true };
  const lower = key.toLowerCase();
  const index = lowerCaseIndex(table);
  // Without an index every name is written in lower case, so the entries are their own index.
  const found = index ? index.get(lower)?.entry : lower === key ? undefined : table.entries.get(lower);
  return found && { key: found.key, value: found.value, exact: false };
}

// Most looked-up keys are absent; scanning the table for another spelling each time made the
// model quadratic in the size of big tables. Tables are complete once parsed, so the index is kept.
const lowerCaseIndexes = new WeakMap<TomlTable, Map<string, { name: string; entry: TomlEntry }> | null>();

/**
 * Entries by lower-cased name, each the spelling flyctl uses: its JSON step writes a table's keys
 * in sorted order and the decoder keeps the last match, so of `PRIMARY_REGION` and
 * `Primary_Region` the second wins, and the lower-case spelling beats every other. Null when
 * every name is already in lower case (most tables): then no index is needed.
 */
function lowerCaseIndex(table: TomlTable): Map<string, { name: string; entry: TomlEntry }> | null {
  let index = lowerCaseIndexes.get(table);
  if (index === undefined) {
    // forEach, not for-of: every table of every file is asked, mostly while the code is cold,
    // when an iterator allocates per step.
    let upper = false;
    table.entries.forEach((_, name) => {
      upper ||= name.toLowerCase() !== name;
    });
    if (upper) {
      const built = new Map<string, { name: string; entry: TomlEntry }>();
      table.entries.forEach((entry, name) => {
        const lower = name.toLowerCase();
        const held = built.get(lower);
        if (!held || held.name < name) built.set(lower, { name, entry });
      });
      index = built;
    } else {
      index = null;
    }
    lowerCaseIndexes.set(table, index);
  }
  return index;
}

/**
 * Every spelling of `key` in the table (`Env`, `env`), in the order flyctl's decoder reads them:
 * byte order, the one it keeps last at the end. Tables spelled so are one table to it: the decoder
 * fills the same map or struct from each.
 */
function spellingsOf(table: TomlTable, key: string): TomlEntry[] {
  const lower = key.toLowerCase();
  const found: Array<[string, TomlEntry]> = [];
  table.entries.forEach((entry, name) => {
    if (name.toLowerCase() === lower) found.push([name, entry]);
  });
  return found.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, entry]) => entry);
}

/** The spellings of `key` when there are several and every one is a table: one table to flyctl, read in this order. */
export function mergedTables(table: TomlTable, key: string): Array<{ key: KeySegmentNode; value: TomlTable }> | undefined {
  // Without an index every name is in lower case, so there is one spelling at most: settled before
  // any array is made, as the schema walk asks this of every table-valued key.
  if (!lowerCaseIndex(table)) return undefined;
  const spellings = spellingsOf(table, key);
  if (spellings.length < 2 || !spellings.every((e): e is { key: KeySegmentNode; value: TomlTable } => e.value.type === 'table')) return undefined;
  return spellings;
}

/** The spelling flyctl reads of the keys written like `name` but for case (`name` itself when it is the only one). */
export function caseWinner(table: TomlTable, name: string): string {
  return lowerCaseIndex(table)?.get(name.toLowerCase())?.name ?? name;
}

/** The node of a scalar or an inline array (arrays of tables and tables have none). */
export function valueNode(value: TomlValue): ValueNode | undefined {
  if (value.type === 'table') return value.node.kind === 'inlineTable' ? value.node : undefined;
  if (value.type === 'array') return value.node.kind === 'array' ? value.node : undefined;
  return value.node;
}

export function isString(v: TomlValue): boolean {
  // A TOML date or time becomes a string wherever flyctl expects one.
  return v.type === 'string' || v.type === 'datetime';
}

export function stringField(table: TomlTable | undefined, key: string): Field<string> | undefined {
  const e = lookup(table, key);
  if (!e || !isString(e.value) || e.value.type === 'table' || e.value.type === 'array') return undefined;
  return { value: String(e.value.value), key: e.key, node: e.value.node };
}

/**
 * An integer field. flyctl takes a float with an integral value; a fractional one is a type
 * error (absent here). `patched`: the int* keys (`[[services]] internal_port`, `port`), where a
 * float truncates and a base-10 integer string converts — but only when written in exact case.
 */
export function numberField(table: TomlTable | undefined, key: string, patched = false): Field<number> | undefined {
  const e = lookup(table, key);
  if (!e) return undefined;
  const v = e.value;
  const intPatch = patched && e.exact;
  if (v.type === 'integer') return { value: Number(v.value), key: e.key, node: v.node };
  if (v.type === 'float' && Number.isFinite(v.value as number) && (intPatch || Number.isInteger(v.value))) return { value: Math.trunc(v.value as number), key: e.key, node: v.node };
  if (intPatch && v.type === 'string' && /^[+-]?\d+$/.test(String(v.value))) return { value: Number(v.value), key: e.key, node: v.node };
  return undefined;
}

export function boolField(table: TomlTable | undefined, key: string): Field<boolean> | undefined {
  const e = lookup(table, key);
  if (!e || e.value.type !== 'boolean') return undefined;
  return { value: e.value.value as boolean, key: e.key, node: e.value.node };
}

/** A list of strings; `oneString`: a single string is a one-element list (experimental cmd/entrypoint/exec). */
export function stringListField(table: TomlTable | undefined, key: string, oneString = false): Field<string[]> | undefined {
  const e = lookup(table, key);
  if (!e) return undefined;
  if (oneString && e.value.type === 'string') return { value: [String(e.value.value)], key: e.key, node: e.value.node };
  if (e.value.type !== 'array' || e.value.arrayOfTables || e.value.node.kind !== 'array') return undefined;
  if (!e.value.items.every(isString)) return undefined;
  return { value: e.value.items.map((i) => String((i as { value: unknown }).value)), key: e.key, node: e.value.node };
}

/**
 * A duration in its key's unit (§2.1): seconds or milliseconds where a patch converts bare numbers,
 * nanoseconds elsewhere — and also where the key is not written in exact case, since the patch
 * then misses it.
 */
export function durationField(table: TomlTable | undefined, key: string, unit: DurationUnit): DurationField | undefined {
  const e = lookup(table, key);
  if (!e) return undefined;
  const v = e.value;
  const effective: DurationUnit = e.exact ? unit : 'ns';
  // Absent properties are left undefined rather than spread in: durations are read for every check.
  const caseSkippedUnit = effective !== unit ? unit : undefined;
  if (v.type === 'string') {
    const text = String(v.value);
    if (text === '' && effective !== 'ns') return undefined;
    const parsed = parseGoDurationNs(text);
    return {
      value: parsed.ok ? Number(parsed.value) / 1e6 : undefined,
      key: e.key,
      node: v.node,
      written: 'string',
      unit: effective,
      caseSkippedUnit,
      error: parsed.ok ? undefined : parsed.error,
    };
  }
  if (v.type === 'integer' || v.type === 'float') {
    return { value: durationMs(v.value as number | bigint, effective), key: e.key, node: v.node, written: 'number', unit: effective, caseSkippedUnit };
  }
  return undefined;
}

/**
 * A size: memory in MB or a volume size in GB (§2.2). `numbers`: a TOML number is accepted (a patch
 * turns it into a string first); otherwise only strings are.
 */
export function sizeField(table: TomlTable | undefined, key: string, unit: 'MB' | 'GB', numbers: boolean): SizeField | undefined {
  const e = lookup(table, key);
  if (!e) return undefined;
  const v = e.value;
  const isNumber = v.type === 'integer' || v.type === 'float';
  if (v.type !== 'string' && !(numbers && e.exact && isNumber)) return undefined;
  const raw = v.value as string | number | bigint;
  const parsed = unit === 'MB' ? parseMemoryMb(raw) : parseVolumeGb(raw);
  return {
    value: typeof raw === 'bigint' ? Number(raw) : (raw as string | number),
    key: e.key,
    node: v.node as ValueNode,
    size: parsed.ok ? parsed.value : undefined,
    unit,
    error: parsed.ok ? undefined : parsed.error,
  };
}

/** A table, or each table of an array of tables. */
export function tablesOf(value: TomlValue | undefined): TomlTable[] {
  if (!value) return [];
  if (value.type === 'table') return [value];
  if (value.type === 'array') return value.items.filter((i): i is TomlTable => i.type === 'table');
  return [];
}

/**
 * The table flyctl decodes `key` into. Several spellings of it that are all tables (`[HTTP_Service]`
 * beside `[http_service]`) are one table to Go's decoder, read as `mergedTable` says. `map`: the
 * table is a map (`[build.args]`), whose names are exact, not a struct, whose fields match any case.
 */
export function tableField(table: TomlTable | undefined, key: string, map = false): TomlTable | undefined {
  const spellings = table && mergedTables(table, key);
  if (spellings) return mergedTable(spellings.map((s) => s.value), map);
  const v = lookup(table, key)?.value;
  return v?.type === 'table' ? v : undefined;
}

const sources = new WeakMap<TomlEntry, TomlTable>();

/**
 * Tables that flyctl's JSON decoder fills one after the other, in the order given: it decodes into
 * the struct or map it already holds, so a key the later table sets wins and the others stay
 * (for a struct, keys match in any case, and two spellings within one table count in byte order,
 * as the JSON step writes them). A struct's table set in both is merged the same way, as a struct;
 * a map's value is replaced. The result points at the last table written as a header (where keys
 * are added), else the last one.
 */
export function mergedTable(tables: readonly TomlTable[], map = false): TomlTable {
  const entries = new Map<string, TomlEntry>();
  // The name each field is held under, by its lower-case form (by itself in a map).
  const held = new Map<string, string>();
  const replaced: TomlEntry[] = [];
  for (const table of tables) {
    const names = [...table.entries.keys()];
    if (!map) names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const entry = table.entries.get(name)!;
      const field = map ? name : name.toLowerCase();
      const before = held.get(field);
      const previous = before === undefined ? undefined : entries.get(before);
      if (before !== undefined) entries.delete(before);
      // A map's values are decoded afresh (Go zeroes a map element before filling it); a struct's fill the one it holds.
      const merging = !map && previous?.value.type === 'table' && entry.value.type === 'table';
      if (previous && !merging) replaced.push(previous);
      const value = merging ? mergedTable([previous!.value as TomlTable, entry.value as TomlTable]) : entry.value;
      const merged = { key: entry.key, value };
      sources.set(merged, sources.get(entry) ?? table);
      entries.set(name, merged);
      held.set(field, name);
    }
  }
  const home = [...tables].reverse().find((t) => t.origin === 'header') ?? tables[tables.length - 1]!;
  const result: TomlTable = { type: 'table', entries, origin: home.origin, node: home.node, ...(home.depth === undefined ? {} : { depth: home.depth }) };
  if (replaced.length) overridden.set(result, replaced);
  return result;
}

const overridden = new WeakMap<TomlTable, TomlEntry[]>();

/**
 * The entries of a `mergedTable` that a later one replaced, as written: Go's decoder read them too,
 * before the one it keeps, so a value there that does not fit its field still fails the file.
 */
export function overriddenEntries(table: TomlTable): readonly TomlEntry[] {
  return overridden.get(table) ?? NONE;
}

const NONE: readonly TomlEntry[] = [];

/** The table an entry of a `mergedTable` was written in (the entry's own table for any other entry). */
export function sourceTable(entry: TomlEntry): TomlTable | undefined {
  return sources.get(entry);
}

/** How flyctl turns an `[env]` value into a string (Go's `%v`). */
export function goValueString(value: TomlValue): string {
  switch (value.type) {
    case 'string':
      return String(value.value);
    case 'integer':
    case 'float':
      return goNumberString(value.value as number | bigint);
    case 'boolean':
      return String(value.value);
    case 'datetime':
      return String(value.value);
    case 'array':
      return `[${value.items.map(goValueString).join(' ')}]`;
    case 'table':
      return `map[${[...value.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, e]) => `${k}:${goValueString(e.value)}`).join(' ')}]`;
  }
}
