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

/** Per token: line, character, length, type and modifiers (absolute positions), five numbers each. */
export type TokenTuples = number[];

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

/**
 * Every token of the document in text order. `multiline`: the client accepts tokens that span
 * lines (a multi-line string as one token); otherwise such a token is cut at each line end.
 */
export function semanticTokenTuples(file: AnalyzedFile, index: LineIndex, multiline: boolean): TokenTuples {
  const doc = file.doc;
  const flagged = flaggedStarts(file);
  /** start, end, type, modifiers per token, as the tree gives them. */
  const spans: number[] = [];
  // Writes by index, not push(a, b, c, d): a push of several values is not optimised, and a big
  // file has tens of thousands of tokens.
  let n = 0;
  const emit = (start: number, end: number, type: number, modifiers: number) => {
    if (end <= start) return;
    const flag = flagged.size ? flagged.get(start) : undefined;
    spans[n++] = start;
    spans[n++] = end;
    spans[n++] = type;
    spans[n++] = flag && end <= flag.end ? modifiers | flag.modifiers : modifiers;
  };
  const key = (node: KeyNode, type: number, modifiers: number) => {
    for (const segment of node.segments) emit(segment.start, segment.end, type, modifiers);
  };
  const value = (node: ValueNode | null, depth: number): void => {
    if (!node || depth > MAX_DEPTH) return;
    switch (node.kind) {
      case 'string':
        return emit(node.start, node.end, TYPE.string, 0);
      case 'integer':
      case 'float':
        return emit(node.start, node.end, TYPE.number, 0);
      case 'boolean':
        return emit(node.start, node.end, TYPE.keyword, 0);
      case 'datetime':
        return emit(node.start, node.end, TYPE.enumMember, 0);
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
  for (const kv of doc.body) keyValue(kv, 0);
  for (const table of doc.tables) {
    if (table.key) key(table.key, TYPE.namespace, DECLARATION);
    for (const kv of table.body) keyValue(kv, 0);
  }
  return toTuples(mergeComments(spans, doc.comments), index, multiline);
}

/** The tree's spans and the comments, in one list in text order. */
function mergeComments(spans: number[], comments: ReadonlyArray<{ start: number; end: number }>): number[] {
  if (comments.length === 0) return sorted(spans);
  const tree = sorted(spans);
  const out: number[] = [];
  let n = 0;
  let c = 0;
  const comment = () => {
    out[n++] = comments[c]!.start;
    out[n++] = comments[c]!.end;
    out[n++] = TYPE.comment;
    out[n++] = 0;
    c++;
  };
  for (let i = 0; i < tree.length; i += 4) {
    while (c < comments.length && comments[c]!.start < tree[i]!) comment();
    out[n++] = tree[i]!;
    out[n++] = tree[i + 1]!;
    out[n++] = tree[i + 2]!;
    out[n++] = tree[i + 3]!;
  }
  while (c < comments.length) comment();
  return out;
}

/** The walk yields text order; a file the parser recovered from oddly may not, so it is checked. */
function sorted(spans: number[]): number[] {
  let ordered = true;
  for (let i = 4; i < spans.length && ordered; i += 4) ordered = spans[i]! >= spans[i - 3]!;
  if (ordered) return spans;
  const groups: number[][] = [];
  for (let i = 0; i < spans.length; i += 4) groups.push(spans.slice(i, i + 4));
  groups.sort((a, b) => a[0]! - b[0]!);
  // Overlapping tokens are not allowed: keep the first of any that overlap.
  const out: number[] = [];
  let end = -1;
  for (const g of groups) {
    if (g[0]! < end) continue;
    out.push(...g);
    end = g[1]!;
  }
  return out;
}

function toTuples(spans: number[], index: LineIndex, multiline: boolean): TokenTuples {
  const out: TokenTuples = [];
  let n = 0;
  const add = (line: number, character: number, length: number, type: number, modifiers: number) => {
    out[n++] = line;
    out[n++] = character;
    out[n++] = length;
    out[n++] = type;
    out[n++] = modifiers;
  };
  const starts = index.lineStarts;
  let line = 0;
  for (let i = 0; i < spans.length; i += 4) {
    const start = spans[i]!;
    const end = spans[i + 1]!;
    const type = spans[i + 2]!;
    const modifiers = spans[i + 3]!;
    // Spans come in text order, so the line only moves forward.
    while (line + 1 < starts.length && starts[line + 1]! <= start) line++;
    const lineEnd = index.lineEnd(line);
    if (end <= lineEnd || multiline) {
      add(line, start - starts[line]!, end - start, type, modifiers);
      continue;
    }
    // One piece per line, each without its line break; empty lines get none.
    let pieceLine = line;
    let pieceStart = start;
    while (pieceStart < end) {
      const pieceEnd = Math.min(end, index.lineEnd(pieceLine));
      if (pieceEnd > pieceStart) add(pieceLine, pieceStart - starts[pieceLine]!, pieceEnd - pieceStart, type, modifiers);
      pieceLine++;
      if (pieceLine >= starts.length) break;
      pieceStart = starts[pieceLine]!;
    }
  }
  return out;
}

/**
 * The LSP encoding (each token relative to the one before), of every token or of those that
 * touch the lines from `firstLine` to `lastLine`.
 */
export function encodeTokens(tuples: TokenTuples, lines?: { firstLine: number; lastLine: number }): number[] {
  const data: number[] = [];
  let n = 0;
  let previousLine = 0;
  let previousChar = 0;
  for (let i = 0; i < tuples.length; i += 5) {
    const line = tuples[i]!;
    if (lines && (line < lines.firstLine || line > lines.lastLine)) continue;
    const char = tuples[i + 1]!;
    data[n++] = line - previousLine;
    data[n++] = line === previousLine ? char - previousChar : char;
    data[n++] = tuples[i + 2]!;
    data[n++] = tuples[i + 3]!;
    data[n++] = tuples[i + 4]!;
    previousLine = line;
    previousChar = char;
  }
  return data;
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
