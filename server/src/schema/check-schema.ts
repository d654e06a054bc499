/**
 * Validates a document's value against schemas/fly.schema.json (compiled ahead of time by ajv)
 * and turns ajv's errors into findings for people: on the key for an unknown key, on the value
 * for a wrong type, with the best-matching branch of an `anyOf` rather than "must match a schema
 * in anyOf". Six rule modules read the result, so it is computed once per document.
 */
import type { ErrorObject } from 'ajv';
import validate from './generated/fly-validator.js';
import type { TomlTable } from '../toml/values.js';
import { toSchemaData } from '../toml/plain.js';
import type { Fix, OffsetRange, Severity, Suggestion } from '../lint/types.js';
import { didYouMean } from '../lint/did-you-mean.js';
import { keyLocations, subschemaAt, type JsonSchema } from './schema-lookup.js';
import { rangeOfValue, describeFound, valueAtPointer, type Located } from './locate.js';

export type SchemaIssueKind = 'unknown-key' | 'invalid-type' | 'invalid-value' | 'missing-required' | 'deprecated' | 'key-case';

export interface SchemaIssue {
  kind: SchemaIssueKind;
  message: string;
  range: OffsetRange;
  severity?: Severity;
  fix?: Fix;
  suggestions?: Suggestion[];
  tags?: Array<'deprecated' | 'unnecessary'>;
}

const cache = new WeakMap<TomlTable, SchemaIssue[]>();

function sectionName(path: string[]): string {
  if (path.length === 0) return 'the top level';
  return `[${path.filter((p) => !/^\d+$/.test(p)).join('.')}]`;
}

function typeWords(type: unknown): string {
  const names: Record<string, string> = { string: 'a string', integer: 'an integer', number: 'a number', boolean: 'true or false', object: 'a table', array: 'a list' };
  const list = Array.isArray(type) ? type : [type];
  return list.map((t) => names[String(t)] ?? String(t)).join(' or ');
}

export function checkSchema(root: TomlTable): SchemaIssue[] {
  const cached = cache.get(root);
  if (cached) return cached;
  const issues: SchemaIssue[] = [];
  const data = toSchemaData(root);
  if (!validate(data)) issues.push(...mapErrors(root, validate.errors ?? []));
  cache.set(root, issues);
  return issues;
}

function pointerParts(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Of an anyOf's branches, the one whose type matches the data (a table vs a list of tables …). */
function chosenBranch(error: ErrorObject): number {
  const branches = (error.schema as JsonSchema[]) ?? [];
  const data = error.data;
  const kind = Array.isArray(data) ? 'array' : data === null ? 'null' : typeof data === 'object' ? 'object' : typeof data === 'number' ? (Number.isInteger(data) ? 'integer' : 'number') : typeof data;
  return branches.findIndex((b) => {
    const types = Array.isArray(b.type) ? b.type : b.type ? [b.type] : [];
    return types.includes(kind) || (kind === 'integer' && types.includes('number'));
  });
}

function mapErrors(root: TomlTable, errors: ErrorObject[]): SchemaIssue[] {
  // Keep only the errors of the branch each anyOf would take; an anyOf no branch of which fits the
  // data's type is itself the error.
  const dropped = new Set<ErrorObject>();
  for (const error of errors) {
    if (error.keyword !== 'anyOf') continue;
    const branch = chosenBranch(error);
    const prefix = `${error.schemaPath}/`;
    for (const other of errors) {
      if (other === error || !other.schemaPath.startsWith(prefix)) continue;
      const index = Number(other.schemaPath.slice(prefix.length).split('/')[0]);
      if (index !== branch) dropped.add(other);
    }
    if (branch >= 0) dropped.add(error);
  }
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (dropped.has(error) || error.keyword === 'if') continue;
    const issue = mapError(root, error);
    if (!issue) continue;
    const key = `${issue.kind}:${issue.range[0]}:${issue.range[1]}:${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

function mapError(root: TomlTable, error: ErrorObject): SchemaIssue | undefined {
  const path = pointerParts(error.instancePath);
  const located = valueAtPointer(root, path);
  if (!located) return undefined;
  const schema = (error.parentSchema ?? {}) as JsonSchema;
  const keyName = path[path.length - 1] ?? '';
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownKey(root, located, path, String((error.params as { additionalProperty: string }).additionalProperty), schema);
    case 'type': {
      if (schema['x-flylint-checked-by']) return undefined;
      return { kind: 'invalid-type', message: `"${keyName}" must be ${typeWords(schema.type)}, not ${describeFound(located.value)}; flyctl cannot load this config`, range: rangeOfValue(located) };
    }
    case 'anyOf': {
      const words = ((error.schema as JsonSchema[]) ?? []).map((b) => (b.type === 'array' && (b.items as JsonSchema | undefined)?.type === 'object' ? 'a list of tables' : typeWords(b.type)));
      return { kind: 'invalid-type', message: `"${keyName}" must be ${[...new Set(words)].join(' or ')}, not ${describeFound(located.value)}; flyctl cannot load this config`, range: rangeOfValue(located) };
    }
    case 'enum': {
      if (schema['x-flylint-soft-enum'] || schema['x-flylint-checked-by']) return undefined;
      const allowed = (schema.enum as unknown[]).filter((v) => v !== '');
      const found = located.value.type === 'string' ? String(located.value.value) : undefined;
      const closest = found !== undefined ? didYouMean(found, allowed.filter((v): v is string => typeof v === 'string')) : undefined;
      const range = rangeOfValue(located);
      return {
        kind: 'invalid-value',
        message: `Invalid ${keyName} ${describeFound(located.value)}: use ${allowed.map((v) => JSON.stringify(v)).join(', ')}${closest ? `. Did you mean "${closest}"?` : ''}`,
        range,
        ...(closest ? { suggestions: [{ desc: `Replace with "${closest}"`, fix: { range, text: JSON.stringify(closest) } }] } : {}),
      };
    }
    case 'pattern': {
      if (schema['x-flylint-int-string']) return { kind: 'invalid-type', message: `"${keyName}" must be a whole number, not ${describeFound(located.value)}; flyctl cannot load this config`, range: rangeOfValue(located) };
      const duration = error.schemaPath.includes('/then/') || schema['x-flylint-duration'] !== undefined;
      const expected = duration ? 'a Go duration such as "30s", "1m30s" or "500ms"' : 'a size such as "512mb" or "1gb"';
      return { kind: 'invalid-value', message: `"${keyName}" must be ${expected}, not ${describeFound(located.value)}; flyctl cannot load this config`, range: rangeOfValue(located) };
    }
    case 'minimum':
    case 'maximum': {
      const limit = (error.params as { limit: number }).limit;
      return { kind: 'invalid-value', message: `"${keyName}" must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${limit}, not ${describeFound(located.value)}`, range: rangeOfValue(located) };
    }
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return { kind: 'missing-required', message: `${sectionName(path)} needs "${missing}"`, range: rangeOfValue(located) };
    }
    default:
      return undefined;
  }
}

function unknownKey(root: TomlTable, parent: Located, path: string[], key: string, schema: JsonSchema): SchemaIssue | undefined {
  if (parent.value.type !== 'table') return undefined;
  const entry = parent.value.entries.get(key);
  if (!entry) return undefined;
  const range: OffsetRange = [entry.key.start, entry.key.end];
  const known = Object.keys((schema.properties as Record<string, unknown>) ?? {});
  const section = sectionName(path);
  // Go's JSON decoding matches struct keys case-insensitively: the key works, but flyctl's
  // patches (which look keys up in lower case) skip it.
  const sameCase = known.find((k) => k.toLowerCase() === key.toLowerCase());
  if (sameCase) {
    if (parent.value.entries.has(sameCase)) return { kind: 'unknown-key', message: `"${key}" is ignored: "${sameCase}" is also set in ${section}, and it wins`, range, tags: ['unnecessary'] };
    return {
      kind: 'key-case',
      message: `"${key}" should be written "${sameCase}": flyctl reads it, but its rewrites of legacy values skip keys not in lower case (e.g. a bare "Kill_Timeout = 5" means 5 nanoseconds)`,
      range,
      ...(entry.key.quote === 'bare' ? { fix: { range, text: sameCase } } : {}),
    };
  }
  const suggestion = didYouMean(key, known);
  const elsewhere = keyLocations(key).filter((p) => p.join('.') !== path.filter((x) => !/^\d+$/.test(x)).join('.'));
  let message = `Unknown key "${key}" in ${section}; flyctl ignores it.`;
  if (suggestion) message = `Unknown key "${key}" in ${section}. Did you mean "${suggestion}"?`;
  else if (elsewhere.length) message = `"${key}" does not belong in ${section}; flyctl ignores it here. It belongs ${elsewhere.slice(0, 3).map((p) => (p.length ? `in [${p.join('.')}]` : 'at the top level')).join(' or ')}.`;
  // Renaming onto a key that is already set would define it twice.
  const suggestions: Suggestion[] = suggestion && entry.key.quote === 'bare' && !parent.value.entries.has(suggestion) ? [{ desc: `Rename to "${suggestion}"`, fix: { range, text: suggestion } }] : [];
  return { kind: 'unknown-key', message, range, ...(suggestions.length ? { suggestions } : {}) };
}
