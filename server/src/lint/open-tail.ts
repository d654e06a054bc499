/**
 * A multi-line string left open runs to the end of the file, so whatever a fix adds there (a key
 * at the end of the last table, a new `[[vm]]` section) would become part of the string. Fixes
 * that touch the string or anything after its opening quotes wait until it is closed.
 */
import type { DocumentNode } from '../toml/ast.js';
import type { TomlError } from '../toml/parse.js';
import type { Finding, Fix } from './types.js';

/** Where an unclosed multi-line string starts, or undefined when every string is closed. */
export function openStringStart(doc: DocumentNode, errors: readonly TomlError[]): number | undefined {
  for (let i = doc.tokens.length - 1; i >= 0; i--) {
    const token = doc.tokens[i]!;
    if (token.kind === 'whitespace' || token.kind === 'newline') continue;
    if (token.kind !== 'mlBasicString' && token.kind !== 'mlLiteralString') return undefined;
    // The parser reports an unclosed string at its opening quotes.
    return errors.some((e) => e.range[0] === token.start) ? token.start : undefined;
  }
  return undefined;
}

function touches(fix: Fix, openStart: number): boolean {
  return fix.range[1] > openStart || fix.range[0] >= openStart;
}

/** The finding without the fix and suggestions that would write into the open string. */
export function withoutFixesInOpenString(finding: Finding, openStart: number | undefined): Finding {
  if (openStart === undefined) return finding;
  if (finding.fix && touches(finding.fix, openStart)) delete finding.fix;
  if (finding.suggestions) {
    const kept = finding.suggestions.filter((s) => !touches(s.fix, openStart));
    if (kept.length) finding.suggestions = kept;
    else delete finding.suggestions;
  }
  return finding;
}
