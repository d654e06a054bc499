/**
 * Semantic tokens: keys, table headers, strings, numbers, booleans, dates and comments, so a
 * client highlights fly.toml without a TextMate grammar. Keys flyctl ignores carry the `unknown`
 * modifier and legacy ones `deprecated`: the issues the unknown-key and deprecated rules report,
 * read from the schema check, not worked out again here.
 *
 * Token types are standard ones that common themes colour (VS Code's Dark+/Light+ and Neovim's
 * default `@lsp.type.*` links): `property` for keys, `namespace` for the names in a table header
 * (Dark+ and Neovim's `@module` colour it apart from keys), `keyword` for `true`/`false` (themes
 * give keywords the colour of language constants), `enumMember` for dates and times (a constant
 * colour, apart from numbers and strings; TOML grammars scope them `constant.other`).
 */
import type { SemanticTokensLegend } from 'vscode-languageserver';
import type { AnalyzedFile } from '../lint/engine.js';
import type { LineIndex } from '../lint/line-index.js';
import type { KeyNode, KeyValueNode, ValueNode } from '../toml/ast.js';
import { checkSchema } from '../schema/check-schema.js';

const TYPES = ['namespace', 'property', 'string', 'number', 'keyword', 'enumMember', 'comment'] as const;
const MODIFIERS = ['declaration', 'deprecated', 'unknown'] as const;

export type TokenTypeName = (typeof TYPES)[number];
export type TokenModifierName = (typeof MODIFIERS)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

const TYPE = Object.fromEntries(TYPES.map((t, i) => [t, i])) as Record<TokenTypeName, number>;
const DECLARATION = 1 << MODIFIERS.indexOf('declaration');
const DEPRECATED = 1 << MODIFIERS.indexOf('deprecated');
const UNKNOWN = 1 << MODIFIERS.indexOf('unknown');

/** Nesting deeper than this (arrays in arrays …) is not coloured: a hostile file must not blow the stack. */
const MAX_DEPTH = 64;

/** Modifiers by the start offset of the key or value a rule reports. */
function flaggedStarts(file: AnalyzedFile): Map<number, { end: number; modifiers: number }> {
  const flagged = new Map<number, { end: number; modifiers: number }>();
  for (const issue of checkSchema(file.value, file.text)) {
    const modifier = issue.kind === 'unknown-key' ? UNKNOWN : issue.kind === 'deprecated' ? DEPRECATED : 0;
    if (!modifier) continue;
    const [start, end] = issue.range;
    const held = flagged.get(start);
    flagged.set(start, { end: Math.max(end, held?.end ?? end), modifiers: (held?.modifiers ?? 0) | modifier });
  }
  return flagged;
}

type Emit = (start: number, end: number, type: number, modifiers: number) => void;

/** The tree's tokens in the order the tree holds them (text order, but for odd error recovery). */
function walk(file: AnalyzedFile, emit: Emit): void {
  const flagged = flaggedStarts(file);
  const token = (start: number, end: number, type: number, modifiers: number) => {
    const flag = flagged.size ? flagged.get(start) : undefined;
    emit(start, end, type, flag && end <= flag.end ? modifiers | flag.modifiers : modifiers);
  };
  const key = (node: KeyNode, type: number, modifiers: number) => {
    for (const segment of node.segments) token(segment.start, segment.end, type, modifiers);
  };
  const value = (node: ValueNode | null, depth: number): void => {
    if (!node || depth > MAX_DEPTH) return;
    switch (node.kind) {
      case 'string':
        return token(node.start, node.end, TYPE.string, 0);
      case 'integer':
      case 'float':
        return token(node.start, node.end, TYPE.number, 0);
      case 'boolean':
        return token(node.start, node.end, TYPE.keyword, 0);
      case 'datetime':
        return token(node.start, node.end, TYPE.enumMember, 0);
      case 'array':
        for (const item of node.items) value(item, depth + 1);
        return;
      case 'inlineTable':
        for (const entry of node.entries) keyValue(entry, depth + 1);
        return;
      default:
        return;
    }
  };
  const keyValue = (kv: KeyValueNode, depth: number) => {
    key(kv.key, TYPE.property, 0);
    value(kv.value, depth);
  };
  for (const kv of file.doc.body) keyValue(kv, 0);
  for (const table of file.doc.tables) {
    if (table.key) key(table.key, TYPE.namespace, DECLARATION);
    for (const kv of table.body) keyValue(kv, 0);
  }
}

/**
 * Writes tokens in the LSP encoding (each relative to the one before) as they come, in text
 * order: one pass, no list in between. A big file has tens of thousands of tokens: they go into
 * a typed buffer that doubles when full and are copied once into an array of the exact size,
 * several times faster than growing an array value by value.
 */
class Encoder {
  private buffer = new Int32Array(1024);
  /** A token came before the end of the one before it: the tree was not in text order. */
  disordered = false;
  private n = 0;
  private line = 0;
  private previousLine = 0;
  private previousChar = 0;
  private lastEnd = 0;

  constructor(
    private readonly index: LineIndex,
    private readonly multiline: boolean,
  ) {}

  add(start: number, end: number, type: number, modifiers: number): void {
    if (end <= start) return;
    if (start < this.lastEnd) {
      this.disordered = true;
      return;
    }
    this.lastEnd = end;
    const starts = this.index.lineStarts;
    while (this.line + 1 < starts.length && starts[this.line + 1]! <= start) this.line++;
    if (this.multiline || end <= this.index.lineEnd(this.line)) {
      this.put(this.line, start - starts[this.line]!, end - start, type, modifiers);
      return;
    }
    // One piece per line, each without its line break; empty lines get none.
    let pieceLine = this.line;
    let pieceStart = start;
    while (pieceStart < end) {
      const pieceEnd = Math.min(end, this.index.lineEnd(pieceLine));
      if (pieceEnd > pieceStart) this.put(pieceLine, pieceStart - starts[pieceLine]!, pieceEnd - pieceStart, type, modifiers);
      pieceLine++;
      if (pieceLine >= starts.length) break;
      pieceStart = starts[pieceLine]!;
    }
  }

  /** The encoded tokens. */
  finish(): number[] {
    const data = new Array<number>(this.n);
    for (let i = 0; i < this.n; i++) data[i] = this.buffer[i]!;
    return data;
  }

  private put(line: number, character: number, length: number, type: number, modifiers: number): void {
    if (this.n + 5 > this.buffer.length) {
      const grown = new Int32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    const data = this.buffer;
    data[this.n++] = line - this.previousLine;
    data[this.n++] = line === this.previousLine ? character - this.previousChar : character;
    data[this.n++] = length;
    data[this.n++] = type;
    data[this.n++] = modifiers;
    this.previousLine = line;
    this.previousChar = character;
  }
}

/**
 * Every token of the document, in the LSP encoding. `multiline`: the client accepts tokens that
 * span lines (a multi-line string as one token); otherwise such a token is cut at each line end.
 */
export function semanticTokens(file: AnalyzedFile, index: LineIndex, multiline: boolean): number[] {
  const comments = file.doc.comments;
  const encoder = new Encoder(index, multiline);
  let c = 0;
  walk(file, (start, end, type, modifiers) => {
    for (; c < comments.length && comments[c]!.start < start; c++) encoder.add(comments[c]!.start, comments[c]!.end, TYPE.comment, 0);
    encoder.add(start, end, type, modifiers);
  });
  for (; c < comments.length; c++) encoder.add(comments[c]!.start, comments[c]!.end, TYPE.comment, 0);
  return encoder.disordered ? sortedTokens(file, index, multiline) : encoder.finish();
}

/** For a tree the parser recovered oddly: every token, sorted, and of overlapping ones the first. */
function sortedTokens(file: AnalyzedFile, index: LineIndex, multiline: boolean): number[] {
  const spans: Array<[number, number, number, number]> = file.doc.comments.map((c) => [c.start, c.end, TYPE.comment, 0]);
  walk(file, (start, end, type, modifiers) => spans.push([start, end, type, modifiers]));
  spans.sort((a, b) => a[0] - b[0]);
  const encoder = new Encoder(index, multiline);
  for (const [start, end, type, modifiers] of spans) encoder.add(start, end, type, modifiers);
  return encoder.finish();
}

/** The tokens of encoded data that lie on the lines from `firstLine` to `lastLine`, encoded anew. */
export function tokensInLines(data: readonly number[], firstLine: number, lastLine: number): number[] {
  const out: number[] = [];
  let n = 0;
  let line = 0;
  let character = 0;
  let previousLine = 0;
  let previousChar = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    if (line < firstLine) continue;
    if (line > lastLine) break;
    out[n++] = line - previousLine;
    out[n++] = line === previousLine ? character - previousChar : character;
    out[n++] = data[i + 2]!;
    out[n++] = data[i + 3]!;
    out[n++] = data[i + 4]!;
    previousLine = line;
    previousChar = character;
  }
  return out;
}

/**
 * One edit that turns the previous data into the new: what lies between their common start and
 * end, both counted in whole tokens (five numbers each) as clients apply them.
 */
export function tokenEdits(previous: readonly number[], next: readonly number[]): Array<{ start: number; deleteCount: number; data?: number[] }> {
  const shorter = Math.min(previous.length, next.length);
  let head = 0;
  while (head < shorter && previous[head] === next[head]) head++;
  head -= head % 5;
  let tail = 0;
  while (tail < shorter - head && previous[previous.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  tail -= tail % 5;
  const deleteCount = previous.length - head - tail;
  const inserted = next.slice(head, next.length - tail);
  if (deleteCount === 0 && inserted.length === 0) return [];
  return [{ start: head, deleteCount, ...(inserted.length ? { data: inserted } : {}) }];
}
