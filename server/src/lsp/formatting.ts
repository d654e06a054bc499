/**
 * `textDocument/formatting` and `rangeFormatting` over the core formatter: the same edits
 * `flylint fmt` applies, as LSP text edits (only what changes, never the whole document). A
 * document with TOML errors gets no edits. Range formatting takes the whole lines the range
 * touches.
 */
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import type { ParseResult } from '../toml/parse.js';
import type { LineIndex } from '../lint/line-index.js';
import { editsWithin, formatEdits } from '../format/index.js';
import { DEFAULT_FORMAT_OPTIONS, MAX_INDENT, type FormatOptions } from '../format/options.js';

/**
 * The project's `[format]` (from `.flylint.toml`, shared with `flylint fmt`) comes first; where it
 * sets no indent, the editor's own indentation settings apply.
 */
export function styleFor(project: Partial<FormatOptions>, editor: FormattingOptions | undefined): FormatOptions {
  const fromEditor: Partial<FormatOptions> = {};
  if (editor?.insertSpaces === false) fromEditor.indent = 'tab';
  else if (editor && Number.isInteger(editor.tabSize) && editor.tabSize >= 0) fromEditor.indent = Math.min(editor.tabSize, MAX_INDENT);
  return { ...DEFAULT_FORMAT_OPTIONS, ...fromEditor, ...project };
}

export function formattingEdits(parse: ParseResult, index: LineIndex, style: FormatOptions, range?: Range): TextEdit[] {
  const text = index.text;
  // Unverified: the edits reach the editor, not the disk (see formatEdits).
  const result = formatEdits(text, style, parse, false);
  if (!result.ok) return [];
  let edits = result.edits;
  if (range) {
    const firstLine = range.start.line;
    // A selection that ends at the start of a line does not take that line.
    const lastLine = range.end.line > firstLine && range.end.character === 0 ? range.end.line - 1 : range.end.line;
    const from = index.offsetAt({ line: firstLine, character: 0 });
    const to = lastLine + 1 < index.lineCount ? index.lineStarts[lastLine + 1]! : text.length;
    edits = editsWithin(text, edits, from, to);
  }
  return edits.map((edit) => ({ range: { start: index.positionAt(edit.range[0]), end: index.positionAt(edit.range[1]) }, newText: edit.text }));
}
