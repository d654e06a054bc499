/**
 * Formatting a TOML document: the edits that bring it to the house style (layout.ts), computed on
 * the lossless tree and checked before they are handed out. A document with syntax errors is not
 * formatted: where its structure ends is a guess, and a guess must not move anyone's text.
 */
import { parseToml, type ParseResult } from '../toml/parse.js';
import { toTaggedJson } from '../toml/plain.js';
import type { Fix, OffsetRange } from '../lint/types.js';
import { DEFAULT_FORMAT_OPTIONS, type FormatOptions } from './options.js';
import { layoutEdits } from './layout.js';
import { applyTextEdits } from './text-edits.js';

export type FormatResult =
  /** In source order, none overlapping; empty when the text is formatted already. */
  | { ok: true; edits: Fix[] }
  | { ok: false; message: string; range: OffsetRange };

/**
 * `parsed`: the text's parse, when the caller has it already. With `verify` (the default) the
 * result is checked: the formatted text must hold the same value and the same comments, in order,
 * or nothing is changed. The check parses the result again, two thirds of the cost of formatting;
 * an editor, which shows the edits and can undo them, may skip it to stay within its latency
 * budget. The rules themselves are checked by the tests on every real config.
 */
export function formatEdits(text: string, style: Partial<FormatOptions> = {}, parsed: ParseResult = parseToml(text), verify = true): FormatResult {
  const options: FormatOptions = { ...DEFAULT_FORMAT_OPTIONS, ...style };
  const blocking = parsed.errors.find((error) => error.code !== 'toml-version');
  if (blocking) return { ok: false, message: `not formatted: ${blocking.message}`, range: blocking.range };
  const edits = layoutEdits(text, parsed.ast, options);
  if (edits.length === 0 || !verify) return { ok: true, edits };
  const after = parseToml(applyTextEdits(text, edits));
  if (after.errors.some((error) => error.code !== 'toml-version') || !sameContent(parsed, after)) {
    return { ok: false, message: 'not formatted: the result would not keep every value and comment as written (a flylint bug, please report it)', range: [0, 0] };
  }
  return { ok: true, edits };
}

/** The formatted text (the text itself when it cannot be formatted). */
export function formatText(text: string, options: Partial<FormatOptions> = {}): string {
  const result = formatEdits(text, options);
  return result.ok ? applyTextEdits(text, result.edits) : text;
}

function sameContent(before: ParseResult, after: ParseResult): boolean {
  const comments = (parse: ParseResult) => parse.ast.comments.map((c) => c.text);
  return (
    JSON.stringify(toTaggedJson(before.value)) === JSON.stringify(toTaggedJson(after.value)) &&
    JSON.stringify(comments(before)) === JSON.stringify(comments(after))
  );
}
