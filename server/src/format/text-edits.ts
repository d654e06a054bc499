/** Applying and selecting formatting edits (offsets into the text, half-open, none overlapping). */
import type { Fix } from '../lint/types.js';

/** Applies edits given in source order; touching edits are fine, overlapping ones are a bug. */
export function applyTextEdits(text: string, edits: readonly Fix[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of edits) {
    if (edit.range[0] < cursor) throw new Error(`overlapping edits at offset ${edit.range[0]}`);
    parts.push(text.slice(cursor, edit.range[0]), edit.text);
    cursor = edit.range[1];
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/**
 * The edits that lie within [from, to): range formatting takes whole lines, so `from` is the
 * start of the first line and `to` the end of the last one (after its line break).
 */
export function editsWithin(text: string, edits: readonly Fix[], from: number, to: number): Fix[] {
  // An insertion right after the last line break is the next line's (its indentation).
  const nextLineStarts = to > from && text.charCodeAt(to - 1) === 10;
  return edits.filter((edit) => edit.range[0] >= from && edit.range[1] <= to && !(nextLineStarts && edit.range[0] === to));
}
