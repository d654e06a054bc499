/** Applying fixes to a text: one pass of non-overlapping edits, in source order. */
import { parseToml } from '../toml/parse.js';
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

/**
 * One pass of fixes. Fixes are made one finding at a time, so two of them can be right alone and
 * wrong together (two misspelt keys both renamed to `kill_timeout`, a rename and an insertion of
 * the same key): when the pass as a whole breaks the TOML, the fixes are taken one by one in
 * source order, and one that would break it waits for the next pass, whose findings see the
 * file as it then is.
 */
export function applyFixes(text: string, findings: readonly Finding[], options: ApplyFixesOptions = {}): ApplyFixesResult {
  const selection = selectEdits(text, fixesOf(findings, options));
  const whole = applySelection(text, selection);
  if (whole.applied < 2) return whole;
  const before = tomlErrorCount(text);
  if (tomlErrorCount(whole.text) <= before) return whole;
  return applyOneByOne(text, selection, before);
}

/** Syntax and definition errors (not the TOML 1.1 infos): what a fix must never add. */
function tomlErrorCount(text: string): number {
  let count = 0;
  for (const error of parseToml(text).errors) if (error.code !== 'toml-version') count++;
  return count;
}

function applyOneByOne(text: string, selection: EditSelection, errorsBefore: number): ApplyFixesResult {
  let current = text;
  let errors = errorsBefore;
  // Where the original offsets now are: the edits before have changed the length.
  let shift = 0;
  let applied = 0;
  let remaining = selection.remaining;
  for (const edit of selection.edits) {
    const [start, end] = edit.range;
    const candidate = current.slice(0, start + shift) + edit.text + current.slice(end + shift);
    const count = tomlErrorCount(candidate);
    if (count > errors) {
      remaining++;
      continue;
    }
    current = candidate;
    errors = count;
    shift += edit.text.length - (end - start);
    applied++;
  }
  return { text: current, applied, remaining };
}

/**
 * Applies edits that do not overlap; an edit that overlaps or touches one already taken is left
 * for a later pass (re-lint, apply again), so two fixes never interleave and two insertions at one
 * offset never land in an arbitrary order. Identical edits are applied once.
 */
export function applyEdits(text: string, edits: readonly Fix[]): ApplyFixesResult {
  return applySelection(text, selectEdits(text, edits));
}

function applySelection(text: string, selection: EditSelection): ApplyFixesResult {
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of selection.edits) {
    parts.push(text.slice(cursor, edit.range[0]), edit.text);
    cursor = edit.range[1];
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), applied: selection.edits.length, remaining: selection.remaining };
}

interface EditSelection {
  /** In source order, none overlapping or touching another. */
  edits: Fix[];
  /** Left for a later pass. */
  remaining: number;
}

function selectEdits(text: string, edits: readonly Fix[]): EditSelection {
  const sorted = [...edits]
    .filter((e) => e.range[0] >= 0 && e.range[1] <= text.length && e.range[0] <= e.range[1])
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const selected: Fix[] = [];
  let lastEnd = -1;
  let remaining = edits.length - sorted.length;
  let previous: Fix | undefined;
  for (const edit of sorted) {
    const [start, end] = edit.range;
    if (previous && previous.range[0] === start && previous.range[1] === end && previous.text === edit.text) continue;
    if (start <= lastEnd) {
      remaining++;
      continue;
    }
    selected.push(edit);
    lastEnd = end;
    previous = edit;
  }
  return { edits: selected, remaining };
}
