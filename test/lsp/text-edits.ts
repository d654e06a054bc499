/** Applies an LSP server's text edits to a text, as a client does: the last edit first. */
import { LineIndex } from '../../server/src/lint/line-index.js';

export interface TextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  return [...edits]
    .sort((a, b) => index.offsetAt(b.range.start) - index.offsetAt(a.range.start))
    .reduce((t, e) => t.slice(0, index.offsetAt(e.range.start)) + e.newText + t.slice(index.offsetAt(e.range.end)), text);
}
