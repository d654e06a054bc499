/**
 * Edits every fix is built from: add a key to a table (after its last line, in its indentation),
 * add a table, replace a value. They return one `{range, text}` on the original text and never
 * touch comments or other lines.
 */
import type { DocumentNode, KeyValueNode } from '../toml/ast.js';
import type { TomlTable } from '../toml/values.js';
import type { Fix } from '../lint/types.js';

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

function indentationAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/** Where the text after `offset`'s line starts, and whether a line break must be added first. */
function afterLine(text: string, doc: DocumentNode, offset: number): { at: number; prefix: string } {
  const end = lineEnd(text, offset);
  if (end >= text.length) return { at: text.length, prefix: text.length > 0 ? doc.lineEnding : '' };
  const breakLength = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1;
  return { at: end + breakLength, prefix: '' };
}

/** The quote style the file uses most: `fly launch` writes single quotes, people often double. */
export function stringLiteral(doc: DocumentNode, value: string): string {
  let single = 0;
  let double = 0;
  for (const t of doc.tokens) {
    if (t.kind === 'literalString') single++;
    else if (t.kind === 'basicString') double++;
  }
  return single > double && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
}

function lastLine(body: readonly KeyValueNode[]): KeyValueNode | undefined {
  return body.length ? body.reduce((a, b) => (b.end > a.end ? b : a)) : undefined;
}

/** `key = value` as the last line of `table`; undefined for tables made by dotted keys. */
export function insertKeyFix(doc: DocumentNode, text: string, table: TomlTable, key: string, valueText: string): Fix | undefined {
  const node = table.node;
  if (node.kind === 'inlineTable') {
    const close = node.closed ? node.end - 1 : -1;
    if (close < 0) return undefined;
    const separator = node.entries.length ? ', ' : ' ';
    const before = text.slice(0, close).replace(/\s*$/, '');
    const at = before.length;
    return { range: [at, close], text: `${separator}${key} = ${valueText} ` };
  }
  if (node.kind === 'document') {
    const last = lastLine(doc.body);
    if (last) {
      const { at, prefix } = afterLine(text, doc, last.end);
      return { range: [at, at], text: `${prefix}${indentationAt(text, last.start)}${key} = ${valueText}${doc.lineEnding}` };
    }
    // No top-level keys: before the first header (or at the end of an empty file), after any leading comments.
    const firstTable = doc.tables[0];
    const at = firstTable ? lineStart(text, firstTable.start) : text.length;
    const prefix = !firstTable && text.length > 0 && !/\r?\n$/.test(text) ? doc.lineEnding : '';
    return { range: [at, at], text: `${prefix}${key} = ${valueText}${doc.lineEnding}${firstTable ? doc.lineEnding : ''}` };
  }
  if (node.kind === 'table' || node.kind === 'arrayTable') {
    const last = lastLine(node.body);
    const anchor = last ? last.end : node.header.end;
    const indent = last ? indentationAt(text, last.start) : indentationAt(text, node.header.start) + (nextTableIndented(doc, text, node.header.start) ? '  ' : '');
    const { at, prefix } = afterLine(text, doc, anchor);
    return { range: [at, at], text: `${prefix}${indent}${key} = ${valueText}${doc.lineEnding}` };
  }
  return undefined;
}

/** Whether the file indents key lines under headers (as `fly launch` does). */
function nextTableIndented(doc: DocumentNode, text: string, _near: number): boolean {
  const withBody = doc.tables.find((t) => t.body.length > 0);
  return withBody ? indentationAt(text, withBody.body[0]!.start).length > indentationAt(text, withBody.header.start).length : false;
}

/** A new `[name]` (or `[[name]]`) section with its lines, appended at the end of the file. */
export function appendTableFix(doc: DocumentNode, text: string, header: string, lines: readonly string[]): Fix {
  const eol = doc.lineEnding;
  const indent = nextTableIndented(doc, text, 0) ? '  ' : '';
  const trailing = text.length === 0 ? '' : /\r?\n\r?\n$/.test(text) ? '' : /\r?\n$/.test(text) ? eol : eol + eol;
  return { range: [text.length, text.length], text: `${trailing}${header}${eol}${lines.map((l) => indent + l + eol).join('')}` };
}

/** Replaces a value node's text. */
export function replaceFix(range: [number, number], replacement: string): Fix {
  return { range, text: replacement };
}

/** Removes a key/value line with its line break (comments on other lines stay). */
export function removeLineFix(text: string, node: { start: number; end: number }): Fix {
  const start = lineStart(text, node.start);
  let end = lineEnd(text, node.end);
  if (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) end += 2;
  else if (end < text.length) end += 1;
  return { range: [start, end], text: '' };
}
