/** Applying fixes to a text: one pass of non-overlapping edits, in source order. */
import type { Finding, Fix } from './types.js';

export interface ApplyFixesOptions {
  /** Also apply the first suggestion of findings that have no safe fix. */
  unsafe?: boolean;
}

export interface ApplyFixesResult {
  text: string;
  /** How many fixes were applied; overlapping ones wait for the next pass (re-lint, apply again). */
  applied: number;
  /** Fixes skipped in this pass because they overlapped an earlier one. */
  remaining: number;
}

export function fixesOf(findings: readonly Finding[], options: ApplyFixesOptions = {}): Fix[] {
  const fixes: Fix[] = [];
  for (const finding of findings) {
    if (finding.fix) fixes.push(finding.fix);
    else if (options.unsafe && finding.suggestions?.length) fixes.push(finding.suggestions[0]!.fix);
  }
  return fixes;
}

export function applyFixes(text: string, findings: readonly Finding[], options: ApplyFixesOptions = {}): ApplyFixesResult {
  return applyEdits(text, fixesOf(findings, options));
}

/**
 * Applies edits that do not overlap; an edit that overlaps or touches one already taken is left
 * for a later pass (re-lint, apply again), so two fixes never interleave and two insertions at one
 * offset never land in an arbitrary order. Identical edits are applied once.
 */
export function applyEdits(text: string, edits: readonly Fix[]): ApplyFixesResult {
  const sorted = [...edits]
    .filter((e) => e.range[0] >= 0 && e.range[1] <= text.length && e.range[0] <= e.range[1])
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const parts: string[] = [];
  let cursor = 0;
  let lastEnd = -1;
  let applied = 0;
  let remaining = edits.length - sorted.length;
  let previous: Fix | undefined;
  for (const edit of sorted) {
    const [start, end] = edit.range;
    if (previous && previous.range[0] === start && previous.range[1] === end && previous.text === edit.text) continue;
    if (start <= lastEnd) {
      remaining++;
      continue;
    }
    parts.push(text.slice(cursor, start), edit.text);
    cursor = end;
    lastEnd = end;
    previous = edit;
    applied++;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), applied, remaining };
}
