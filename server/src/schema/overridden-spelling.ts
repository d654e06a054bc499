/**
 * Spellings of a key that another spelling overrides (`APP` beside `app`, `internal_port` of
 * `[HTTP_Service]` beside that of `[http_service]`). Go's decoder fills the field from each in
 * byte order and keeps the last, but it reads them all: a value that does not fit the field fails
 * the file even where a later spelling replaces it. No rewrite of flyctl's reaches such a spelling.
 */
import type { KeySegmentNode } from '../toml/ast.js';
import type { TomlTable, TomlValue } from '../toml/values.js';
import { overriddenEntries, sourceTable } from '../fly/fields.js';
import type { SchemaIssue } from './check-schema.js';
import { exactNames, type Visited } from './schema-walk.js';
import { misfitAsWritten, fieldOf } from './decodes-as-written.js';
import { describeFound, rangeOfValue } from './locate.js';
import { expectedWords, keyWhere, listWords, namedEnumValues } from './words.js';
import { removeKeyFix, type EditContext } from './schema-fixes.js';
import type { JsonSchema } from './schema-lookup.js';

export interface OverriddenSpelling {
  /** Where the overridden value is, its own key (as written) last. */
  path: ReadonlyArray<string | number>;
  key: KeySegmentNode | undefined;
  value: TomlValue;
  /** The field's schema. */
  declared: JsonSchema;
  /** How flyctl comes to read the value, and what to remove. */
  reads: string;
  remove: string;
  /** The spelling flyctl keeps, and where. */
  used: string;
  winner: KeySegmentNode | undefined;
}

/** An invalid-type error when the overridden value does not fit its field as written; undefined when it does. */
export function overriddenMisfit(ctx: EditContext, o: OverriddenSpelling): SchemaIssue | undefined {
  const misfit = misfitAsWritten(o.value, o.declared);
  if (!misfit) return undefined;
  const own = misfit.value === o.value;
  const found = describeFound(misfit.value);
  const what =
    misfit.reason === 'value'
      ? `${own ? 'is' : 'holds'} ${found}, not one of ${listWords(namedEnumValues(misfit.schema))}`
      : own
        ? `must be ${writtenWords(misfit.schema)} (got ${found})`
        : `holds ${found}, where ${writtenWords(misfit.schema)} belongs`;
  const fix = o.key ? removeKeyFix(ctx, o.key) : undefined;
  return {
    kind: 'invalid-type',
    message: `${keyWhere(o.path)} ${what}: ${o.reads}, and cannot load this file. Remove ${o.remove}`,
    range: rangeOfValue(own ? { value: misfit.value, ...(o.key ? { key: o.key } : {}) } : { value: misfit.value }),
    ...(o.winner ? { related: [{ message: `"${o.used}" is set here`, range: [o.winner.start, o.winner.end] as [number, number] }] } : {}),
    ...(fix ? { suggestions: [{ desc: `Remove ${o.remove}`, fix }] } : {}),
  };
}

/** The misfits among the values that a table read from several spellings (a `mergedTable`) let a later one replace. */
export function overriddenIssues(ctx: EditContext, v: Visited): SchemaIssue[] {
  if (v.value.type !== 'table' || !v.schema || !v.declared) return [];
  const replaced = overriddenEntries(v.value);
  if (replaced.length === 0) return [];
  const table: TomlTable = v.value;
  // As the walk merged the spellings: a map's names are exact, a struct's fields match in any case.
  const map = exactNames(v.declared);
  const issues: SchemaIssue[] = [];
  for (const entry of replaced) {
    const name = entry.key.name;
    const declared = isEnv(v) ? ENV_VALUE_AS_WRITTEN : fieldOf(v.schema, name);
    if (!declared) continue;
    const kept = keptSpelling(table, name, map);
    // Named by the section it is written in: [Env], not the [env] it was read with.
    const source = sourceTable(entry);
    const section = source && v.spellings?.get(source);
    const path = section ? [...v.path.slice(0, -1), section, name] : [...v.path, name];
    const reads = `flyctl reads this "${name}" too, before the one set later replaces it`;
    const issue = overriddenMisfit(ctx, { path, key: entry.key, value: entry.value, declared, reads, remove: `this "${name}"`, used: kept?.name ?? name, winner: kept?.key });
    if (issue) issues.push(issue);
  }
  return issues;
}

// [env] takes any value because flyctl's rewrite turns each into a string (spec §4); that rewrite
// reads "env" alone, so a value written under another spelling must be a string already.
const ENV_VALUE_AS_WRITTEN: JsonSchema = { type: 'string' };

function isEnv(v: Visited): boolean {
  return v.path.length === 1 && v.path[0] === 'env';
}

/** The spelling of a name that a merged table kept: the same name in a map, the same but for case in a struct. */
function keptSpelling(table: TomlTable, name: string, map: boolean): { name: string; key: KeySegmentNode } | undefined {
  const lower = name.toLowerCase();
  for (const [kept, entry] of table.entries) {
    if (map ? kept === name : kept.toLowerCase() === lower) return { name: kept, key: entry.key };
  }
  return undefined;
}

/** What a field takes as written: no rewrite turns a string into its number or list here. */
function writtenWords(schema: JsonSchema): string {
  if (schema['x-flylint-int-string']) return 'an integer';
  if (schema['x-flylint-legacy-string'] === 'list') return 'a list of strings';
  if (schema['x-flylint-rewritten-to-string']) return 'a string';
  return expectedWords(schema);
}
