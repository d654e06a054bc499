/**
 * A construct left open in the last statement of a file (a multi-line string, an array, an inline
 * table) may run to the end of the file, so whatever a fix adds after it (a key at the end of the
 * last table, a new `[[vm]]` section) would be read as part of it, or change how the parser
 * recovers. Fixes that touch that statement or anything after it wait until it is closed.
 */
import type { DocumentNode } from '../toml/ast.js';
import type { TomlError } from '../toml/parse.js';
import type { Finding, Fix } from './types.js';

/** Where the last top-level statement (key/value line or table header) starts. */
function lastStatementStart(doc: DocumentNode): number | undefined {
  let last = doc.body.at(-1)?.start;
  const table = doc.tables.at(-1);
  if (table) last = Math.max(last ?? 0, table.body.at(-1)?.start ?? table.start);
  return last;
}

/** The start of the last statement when something in it is left open, else undefined. */
export function openTailStart(doc: DocumentNode, errors: readonly TomlError[]): number | undefined {
  const last = lastStatementStart(doc);
  if (last === undefined) return undefined;
  // The parser words every construct it had to close itself "Unterminated …".
  return errors.some((e) => e.code === 'toml-syntax' && e.range[0] >= last && e.message.startsWith('Unterminated')) ? last : undefined;
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
