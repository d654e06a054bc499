/** Applying fixes to a text: one pass of non-overlapping edits, in source order. */
import { parseToml, type TomlError } from '../toml/parse.js';
import type { Finding, Fix, OffsetRange } from './types.js';

export interface ApplyFixesOptions {
  /** Also apply the first suggestion of findings that have no safe fix. */
  unsafe?: boolean;
}

export interface ApplyFixesResult {
  text: string;
  /** How many fixes were applied; overlapping ones wait for the next pass (re-lint, apply again). */
  applied: number;
  /** Fixes skipped in this pass: they overlapped an earlier one, or would have broken the TOML. */
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
 * the same key): when the pass as a whole breaks the TOML, the fixes are taken in source order,
 * and one that would break it waits for the next pass, whose findings see the file as it then is.
 * The text after the fixes taken never has more TOML errors than the text before.
 */
export function applyFixes(text: string, findings: readonly Finding[], options: ApplyFixesOptions = {}): ApplyFixesResult {
  const selection = selectEdits(text, fixesOf(findings, options));
  const whole = applySelection(text, selection);
  if (whole.applied < 2) return whole;
  const before = tomlErrors(text);
  const after = tomlErrors(whole.text);
  if (after.length <= before.length) return whole;
  return resolveConflicts(text, selection, before, after);
}

/** Syntax and definition errors (not the TOML 1.1 infos): what a fix must never add. */
function tomlErrors(text: string): TomlError[] {
  return parseToml(text).errors.filter((error) => error.code !== 'toml-version');
}

/** Rounds of step 1 below before the groups take over. */
const MAX_ROUNDS = 8;

/**
 * The fixes of a pass that break the TOML together, without a parse per fix (a pass can hold
 * thousands of fixes, and each parse reads the whole file):
 *
 * 1. A fix that defines a key or a table a fix earlier in the pass defines too (two misspellings
 *    of one key, two case variants of it) is held back: the first in source order wins. These
 *    are read from the duplicate definitions in the text with every fix, then in the text without
 *    the fixes held back, until no two fixes define one name.
 * 2. Whatever still breaks the TOML: the fixes are taken in source order, in groups. A group that
 *    keeps the TOML as readable as it was is taken whole; one that does not is split in halves,
 *    down to the single fix that waits. k such fixes among n cost about 2k·log2(n/k) parses.
 *
 * A fix held back in step 1 whose earlier twin was not taken after all gets its turn at the end.
 */
function resolveConflicts(text: string, selection: EditSelection, before: TomlError[], errorsOfAll: TomlError[]): ApplyFixesResult {
  let current = errorsOfAll;
  const edits = selection.edits;
  const taken = edits.map(() => true);
  // Pairs of fixes on the two places of a duplicate definition the text already has: that
  // duplicate is not theirs.
  const existing = new Set<string>();
  for (const [first, later] of definitionPairs(before, places(edits.map((e) => e.range)))) existing.add(`${first} ${later}`);

  const held: Array<[later: number, first: number]> = [];
  let errors = current.length;
  // Holding fixes back can bring other pairs to light (keys under a table header held back), but
  // rarely more than once: past a few rounds, the groups below sort out the rest.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let found = false;
    for (const [first, later] of definitionPairs(current, places(outputRanges(edits, taken)))) {
      if (!taken[later] || existing.has(`${first} ${later}`)) continue;
      taken[later] = false;
      held.push([later, first]);
      found = true;
    }
    if (!found) break;
    current = tomlErrors(applyTaken(text, edits, taken));
    errors = current.length;
    if (errors <= before.length) break;
  }

  let groups: Groups;
  if (errors > before.length) {
    // Source order from the start: none taken, the error count of the text as it is.
    const pending = edits.flatMap((_, i) => (taken[i] ? [i] : []));
    for (const i of pending) taken[i] = false;
    groups = new Groups(text, edits, taken, before.length);
    groups.take(pending, true);
  } else groups = new Groups(text, edits, taken, errors);
  const retry = [...new Set(held.filter(([, first]) => !taken[first]).map(([later]) => later))].sort((a, b) => a - b);
  if (retry.length) groups.take(retry, false);

  const applied = taken.filter(Boolean).length;
  return { text: applyTaken(text, edits, taken), applied, remaining: selection.remaining + edits.length - applied };
}

/**
 * Fixes taken a group at a time: `errors` is the TOML error count of the text with the fixes
 * taken so far, which a group may not raise.
 */
class Groups {
  constructor(
    private readonly text: string,
    private readonly edits: readonly Fix[],
    private readonly taken: boolean[],
    private errors: number,
  ) {}

  /**
   * Takes what it can of `indices` (ascending, none of them taken) on top of the fixes taken, in
   * source order. `failing`: the text with all of them is known to have too many errors. Returns
   * whether all were taken.
   */
  take(indices: readonly number[], failing: boolean): boolean {
    if (!failing) {
      for (const i of indices) this.taken[i] = true;
      const count = tomlErrors(applyTaken(this.text, this.edits, this.taken)).length;
      if (count <= this.errors) {
        this.errors = count;
        return true;
      }
      for (const i of indices) this.taken[i] = false;
    }
    if (indices.length === 1) return false;
    const middle = indices.length >>> 1;
    const left = this.take(indices.slice(0, middle), false);
    // With the whole first half taken, the second half on top is the text that just failed, and
    // taking the first half can only have lowered the count it has to stay within.
    const right = this.take(indices.slice(middle), left);
    return left && right;
  }
}

/** A place in the text and the edit it belongs to. */
type Place = [start: number, end: number, edit: number];

/** The non-empty ranges (an insertion or an edit held back holds no definition), in order. */
function places(ranges: readonly OffsetRange[]): Place[] {
  const list: Place[] = [];
  ranges.forEach(([start, end], i) => {
    if (start < end) list.push([start, end, i]);
  });
  return list;
}

/**
 * For every duplicate definition whose two places lie in two different edits: the edit with the
 * first definition and the one with the second.
 */
function definitionPairs(errors: readonly TomlError[], edits: readonly Place[]): Array<[first: number, later: number]> {
  const pairs: Array<[number, number]> = [];
  for (const error of errors) {
    if (error.code !== 'toml-duplicate-key' || !error.related?.length) continue;
    const a = editAt(edits, error.range);
    if (a < 0) continue;
    const b = editAt(edits, error.related[0]!.range);
    if (b < 0 || a === b) continue;
    pairs.push(a < b ? [a, b] : [b, a]);
  }
  return pairs;
}

/** The edit of the last of `places` (sorted, disjoint) that shares a character with `range`, or -1. */
function editAt(places: readonly Place[], [start, end]: OffsetRange): number {
  let lo = 0;
  let hi = places.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (places[mid]![0] < end) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && places[found]![1] > start ? places[found]![2] : -1;
}

/** Where the text of each edit lies in the text with the taken edits (an empty range for the others). */
function outputRanges(edits: readonly Fix[], taken: readonly boolean[]): OffsetRange[] {
  let shift = 0;
  return edits.map((edit, i) => {
    const start = edit.range[0] + shift;
    if (!taken[i]) return [start, start];
    shift += edit.text.length - (edit.range[1] - edit.range[0]);
    return [start, start + edit.text.length];
  });
}

function applyTaken(text: string, edits: readonly Fix[], taken: readonly boolean[]): string {
  const parts: string[] = [];
  let cursor = 0;
  edits.forEach((edit, i) => {
    if (!taken[i]) return;
    parts.push(text.slice(cursor, edit.range[0]), edit.text);
    cursor = edit.range[1];
  });
  parts.push(text.slice(cursor));
  return parts.join('');
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
  return { text: applyTaken(text, selection.edits, selection.edits.map(() => true)), applied: selection.edits.length, remaining: selection.remaining };
}
interface EditSelection {
  /** In source order, none overlapping or touching another. */
  edits: Fix[];
  /** Left for a later pass. */
  remaining: number;
}

/**
 * Whether an edit would make one line break of a lone CR beside it and an LF of its own (or the
 * other way round): the CR, part of a comment or string, would vanish into a CRLF.
 */
function joinsLineBreaks(text: string, edit: Fix): boolean {
  const [start, end] = edit.range;
  const first = edit.text.length ? edit.text[0] : text[end];
  const last = edit.text.length ? edit.text[edit.text.length - 1] : text[start - 1];
  return (text[start - 1] === '\r' && first === '\n') || (last === '\r' && text[end] === '\n');
}

function selectEdits(text: string, edits: readonly Fix[]): EditSelection {
  const sorted = [...edits]
    .filter((e) => e.range[0] >= 0 && e.range[1] <= text.length && e.range[0] <= e.range[1] && !joinsLineBreaks(text, e))
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
