/**
 * A construct left open (a multi-line string, an array, an inline table, a string) makes the
 * parser guess where it ends, and a fix that adds a line after it changes that guess: the added
 * text becomes part of the construct, or a new syntax error appears. Fixes that touch the first
 * such statement or anything after it wait until it is closed; fixes before it still apply.
 */
import type { DocumentNode } from '../toml/ast.js';
import type { TomlError } from '../toml/parse.js';
import type { Finding, Fix } from './types.js';

/** Where the statement (key/value line or table header) holding `offset` starts. */
function statementStart(doc: DocumentNode, offset: number): number {
  let start = 0;
  const consider = (s: number) => {
    if (s <= offset && s > start) start = s;
  };
  for (const kv of doc.body) consider(kv.start);
  for (const table of doc.tables) {
    consider(table.start);
    for (const kv of table.body) consider(kv.start);
  }
  return start;
}

/** The start of the first statement with something left open, or undefined when there is none. */
export function openTailStart(doc: DocumentNode, errors: readonly TomlError[]): number | undefined {
  let first: number | undefined;
  // The parser words every construct it had to close itself "Unterminated …".
  for (const e of errors) if (e.code === 'toml-syntax' && e.message.startsWith('Unterminated') && (first === undefined || e.range[0] < first)) first = e.range[0];
  return first === undefined ? undefined : statementStart(doc, first);
}

function touches(fix: Fix, openStart: number): boolean {
  return fix.range[1] > openStart || fix.range[0] >= openStart;
}

/** The finding without the fix and suggestions that would write into or after the open construct. */
export function withoutFixesInOpenTail(finding: Finding, openStart: number | undefined): Finding {
  if (openStart === undefined) return finding;
  if (finding.fix && touches(finding.fix, openStart)) delete finding.fix;
  if (finding.suggestions) {
    const kept = finding.suggestions.filter((s) => !touches(s.fix, openStart));
    if (kept.length) finding.suggestions = kept;
    else delete finding.suggestions;
  }
  return finding;
}
