/**
 * The formatter's rules, as edits of the whitespace between tokens (and of the quotes of plain
 * strings): a token's text is never rewritten otherwise, so comments, keys, numbers, dates and
 * multi-line strings come out byte for byte, and key order and blank-line groups are untouched.
 *
 * - Indentation: a table header by one level per key segment beyond the first, its keys one level
 *   deeper (`[http_service]` at 0 with keys at 1, `[http_service.concurrency]` at 1 with keys at
 *   2), as go-toml's indented tables do for flyctl. Lines inside a multi-line array or inline
 *   table one level per open bracket, a closing bracket back at its opener's level. A comment line
 *   takes the level of the header it sits on (no blank line between), otherwise of its table's keys.
 * - One space around `=`, after `,` and inside `{ }`; none inside `[ ]`, around `.` or before `,`;
 *   a trailing comma before `]` on the same line goes. A comment after a value keeps its spacing
 *   (aligned comments stay aligned), at least one space.
 * - No trailing whitespace, at most one blank line in a row, none at the start; the file ends with
 *   exactly one line break. Existing line breaks keep their spelling (`\n` or `\r\n`).
 */
import type { DocumentNode, KeyValueNode, TableNode, TokenKind, ValueNode } from '../toml/ast.js';
import type { Fix } from '../lint/types.js';
import { indentUnit, type FormatOptions } from './options.js';

interface Significant {
  kind: TokenKind;
  start: number;
  end: number;
}

export function layoutEdits(text: string, doc: DocumentNode, options: FormatOptions): Fix[] {
  const unit = indentUnit(options);
  const edits: Fix[] = [];
  const edit = (start: number, end: number, replacement: string) => {
    if (text.slice(start, end) !== replacement) edits.push({ range: [start, end], text: replacement });
  };

  const tokens = significantTokens(doc);
  const headers = new Map<number, TableNode>();
  for (const table of doc.tables) headers.set(table.header.start, table);
  const headerIndent = (table: TableNode) => unit.repeat(Math.max(0, (table.key?.segments.length ?? 1) - 1));
  const attachedHeader = commentsOnHeaders(text, tokens, headers);

  const bomEnd = doc.tokenList.length > 0 && doc.tokenList.kindAt(0) === 'bom' ? doc.tokenList.endAt(0) : 0;
  let prev: Significant | undefined;
  let prevEnd = bomEnd;
  let depth = 0;
  let keyIndent = '';
  let statementIndent = '';
  let headerEnd = -1;
  /** A comma that starts a line stays: without it, the `]` after it would need another indentation. */
  let prevStartedLine = false;

  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    const table = headers.get(token.start);
    const inHeader = table !== undefined || token.start < headerEnd;
    const closing = !inHeader && (token.kind === 'rbracket' || token.kind === 'rbrace');
    const lineStart = lineBreaksIn(text, prevEnd, token.start) > 0 || prev === undefined;
    if (lineStart) {
      const start = lineBreaks(text, prevEnd, token.start, prev === undefined ? 0 : 2, edit);
      let indent: string;
      if (depth > 0) indent = statementIndent + unit.repeat(depth - (closing ? 1 : 0));
      else if (table) indent = headerIndent(table);
      else if (token.kind === 'comment') indent = attachedHeader[k] ? headerIndent(attachedHeader[k]!) : keyIndent;
      else indent = statementIndent = keyIndent;
      edit(start, token.start, indent);
    } else if (prev) {
      const wanted = spacing(prev.kind, token.kind, inHeader, text.slice(prevEnd, token.start));
      if (prev.kind === 'comma' && token.kind === 'rbracket' && !inHeader && !prevStartedLine) {
        // A trailing comma on the line of its `]`: the comma goes with the space after it.
        edit(prev.start, token.start, '');
      } else {
        edit(prevEnd, token.start, wanted);
      }
    }
    if (table) {
      headerEnd = table.header.end;
      keyIndent = unit.repeat(table.key?.segments.length ?? 1);
    } else if (!inHeader) {
      if (token.kind === 'lbracket' || token.kind === 'lbrace') depth++;
      else if (closing) depth = Math.max(0, depth - 1);
    }
    prev = token;
    prevEnd = token.end;
    prevStartedLine = lineStart;
  }

  if (prev === undefined) edit(bomEnd, text.length, '');
  else if (lineBreaksIn(text, prevEnd, text.length) === 0) edit(prevEnd, text.length, doc.lineEnding);
  else {
    const end = lineBreaks(text, prevEnd, text.length, 1, edit);
    edit(end, text.length, '');
  }

  edits.push(...quoteEdits(text, doc, options));
  return edits.sort((a, b) => a.range[0] - b.range[0]);
}

/** Every token but whitespace runs, line breaks and the byte-order mark. */
function significantTokens(doc: DocumentNode): Significant[] {
  const list = doc.tokenList;
  const out: Significant[] = [];
  for (let i = 0; i < list.length; i++) {
    const kind = list.kindAt(i);
    if (kind !== 'whitespace' && kind !== 'newline' && kind !== 'bom') out.push({ kind, start: list.startAt(i), end: list.endAt(i) });
  }
  return out;
}

/** Counted within the gap only: indexOf would search on past it, across a whole one-line array. */
function lineBreaksIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function nextLineBreak(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return i;
  return -1;
}

/**
 * The line breaks of a gap holding only whitespace: trailing whitespace before each goes, and of
 * the breaks beyond `keep` (blank lines), whole lines go. Returns where the last line starts.
 */
function lineBreaks(text: string, from: number, to: number, keep: number, edit: (start: number, end: number, text: string) => void): number {
  let pos = from;
  let kept = 0;
  let deleteFrom = -1;
  for (let lf = nextLineBreak(text, pos, to); lf >= 0; lf = nextLineBreak(text, pos, to)) {
    const breakStart = lf > pos && text.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
    if (kept < keep) {
      edit(pos, breakStart, '');
      kept++;
    } else if (deleteFrom < 0) {
      deleteFrom = pos;
    }
    pos = lf + 1;
  }
  if (deleteFrom >= 0) edit(deleteFrom, pos, '');
  return pos;
}

/** What goes between two tokens on one line. */
function spacing(before: TokenKind, after: TokenKind, inHeader: boolean, current: string): string {
  if (after === 'comment') return current.length > 0 ? current : ' ';
  if (inHeader) return '';
  if (before === 'equals' || after === 'equals') return ' ';
  if (before === 'dot' || after === 'dot' || after === 'comma') return '';
  if (before === 'lbracket' || after === 'rbracket') return '';
  if (before === 'comma') return ' ';
  if (before === 'lbrace') return after === 'rbrace' ? '' : ' ';
  if (after === 'rbrace') return ' ';
  return current;
}

/**
 * For each comment that starts a line: the header it documents, when the comment and the lines
 * below it run into that header without a blank line between.
 */
function commentsOnHeaders(text: string, tokens: readonly Significant[], headers: ReadonlyMap<number, TableNode>): Array<TableNode | undefined> {
  const out: Array<TableNode | undefined> = new Array(tokens.length);
  for (let k = tokens.length - 2; k >= 0; k--) {
    const token = tokens[k]!;
    if (token.kind !== 'comment') continue;
    const next = tokens[k + 1]!;
    if (lineBreaksIn(text, token.end, next.start) !== 1) continue;
    out[k] = next.kind === 'comment' ? out[k + 1] : headers.get(next.start);
  }
  return out;
}

/** Quotes of one-line strings, changed only when the text between them stays exactly the same. */
function quoteEdits(text: string, doc: DocumentNode, options: FormatOptions): Fix[] {
  if (options.quotes === 'preserve') return [];
  const edits: Fix[] = [];
  const visit = (value: ValueNode | null): void => {
    if (!value) return;
    if (value.kind === 'array') value.items.forEach(visit);
    else if (value.kind === 'inlineTable') value.entries.forEach((entry) => visit(entry.value));
    else if (value.kind === 'string') {
      const inner = text.slice(value.start + 1, value.end - 1);
      if (inner.includes('\\')) return;
      if (options.quotes === 'single' && value.style === 'basic' && !inner.includes("'")) edits.push({ range: [value.start, value.end], text: `'${inner}'` });
      if (options.quotes === 'double' && value.style === 'literal' && !inner.includes('"')) edits.push({ range: [value.start, value.end], text: `"${inner}"` });
    }
  };
  const visitAll = (entries: readonly KeyValueNode[]) => entries.forEach((entry) => visit(entry.value));
  visitAll(doc.body);
  for (const table of doc.tables) visitAll(table.body);
  return edits;
}
