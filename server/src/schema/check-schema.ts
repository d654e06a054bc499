/**
 * Checks a document's value against schemas/fly.schema.json: JSON Schema validation for types,
 * values and required keys, and a walk beside the schema for what JSON Schema cannot say (key
 * case, legacy shapes, nan/inf). Six rule modules read the result, so it is computed once per
 * document.
 */
import type { DocumentNode } from '../toml/ast.js';
import type { TomlTable } from '../toml/values.js';
import type { Fix, OffsetRange, RelatedInformation, Severity, Suggestion } from '../lint/types.js';
import { flySchema } from './schema-lookup.js';
import { walkWithSchema, type Visited } from './schema-walk.js';
import { walkIssues } from './walk-issues.js';
import { durationIssue, validationIssues, pathKey } from './validation-issues.js';
import { validateSchema } from './validate-schema.js';
import { overriddenIssues } from './overridden-spelling.js';
import { isPlaceholder } from '../fly/placeholder.js';

export type SchemaIssueKind = 'unknown-key' | 'invalid-type' | 'invalid-value' | 'missing-required' | 'deprecated' | 'key-case';

export interface SchemaIssue {
  kind: SchemaIssueKind;
  message: string;
  range: OffsetRange;
  /** Absent: the rule's own severity. */
  severity?: Severity;
  fix?: Fix;
  suggestions?: Suggestion[];
  related?: RelatedInformation[];
  tags?: Array<'deprecated' | 'unnecessary'>;
}

const cache = new WeakMap<TomlTable, { text: string | undefined; issues: SchemaIssue[] }>();

/**
 * Every schema issue of a document, in text order. `text` (the document's source) lets the issues
 * carry fixes; without it they carry only those that need no source text.
 */
export function checkSchema(root: TomlTable, text?: string): SchemaIssue[] {
  const cached = cache.get(root);
  if (cached && cached.text === text) return cached.issues;
  const issues = compute(root, text);
  cache.set(root, { text, issues });
  return issues;
}

function compute(root: TomlTable, text: string | undefined): SchemaIssue[] {
  const doc = root.node.kind === 'document' ? (root.node as DocumentNode) : undefined;
  const ctx = { text, doc, root };
  const visits: Visited[] = [];
  const covered = new Set<string>();
  const issues: SchemaIssue[] = [];
  // Placeholders of template configs (`"${KILL_TIMEOUT}"`) in a key with a list of values or a
  // format are filled in before a deploy: their value is not checked, their type is (a quoted
  // placeholder stays a string). Commands are checked as written: `$HOME` there is the shell's.
  const placeholders: Array<readonly [number, number]> = [];
  const data = walkWithSchema(root, flySchema, (v) => {
    visits.push(v);
    if (v.value.type === 'string' && hasValueList(v) && isPlaceholder(v.value.value as string)) placeholders.push([v.value.node.start, v.value.node.end]);
    const found = walkIssues(ctx, v);
    for (let i = 0; i < found.length; i++) {
      const issue = found[i]!;
      if (issue.kind === 'invalid-type') covered.add(pathKey(v.path));
      issues.push(issue);
    }
    // A section read from several spellings: what a later spelling replaced was decoded too.
    if (v.value.type === 'table') for (const issue of overriddenIssues(ctx, v)) issues.push(issue);
    // Only a string over 7 characters can pass the pattern and still be too long for Go (the
    // longest 7 are "999999h", 3.6e18 ns of the 9.2e18 allowed). "" is unset where the pattern allows it.
    if (v.value.type === 'string' && (v.value.value as string).length > 7 && v.schema?.['x-flylint-duration']) {
      const overflow = durationIssue(ctx, v, v.value.value as string);
      if (overflow) issues.push(overflow);
    }
  });
  const errors = validateSchema(data, flySchema);
  if (errors.length > 0) {
    // Only the validator's errors are looked up by path: most documents never need the index.
    const visited = new Map(visits.map((v) => [pathKey(v.path), v]));
    // A loop, not push(...): a spread of a huge error list would overflow the stack.
    for (const issue of validationIssues({ ...ctx, visited, covered }, errors)) issues.push(issue);
  }
  const kept = placeholders.length ? issues.filter((issue) => issue.kind !== 'invalid-value' || !placeholders.some(([start, end]) => issue.range[0] >= start && issue.range[1] <= end)) : issues;
  return dedupe(kept).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}

/** Whether a value is checked against a list of values or a format (an enum, a pattern, a duration). */
function hasValueList(v: Visited): boolean {
  const schema = v.schema ?? v.declared;
  return Boolean(schema && (schema.enum || schema.pattern || schema['x-flylint-duration']));
}

function dedupe(issues: SchemaIssue[]): SchemaIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.kind}\u001f${issue.range[0]}\u001f${issue.range[1]}\u001f${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
