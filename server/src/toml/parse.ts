/**
 * The TOML parser: one pass over the text's char codes, producing the lossless token list, the
 * syntax tree and (through DocumentBuilder) the document's value. It never throws: every problem
 * becomes an error with the smallest range that shows it, and parsing resumes at the next place
 * that can be trusted (the next value in an array, the next line, the next header), so a
 * half-typed line never hides the rest of the file.
 */
import type {
  ArrayNode,
  CommentNode,
  DocumentNode,
  InlineTableNode,
  KeyNode,
  KeySegmentNode,
  KeyValueNode,
  StringNode,
  TableNode,
  ValueNode,
} from './ast.js';
import { TOKEN, TokenList, type TokenCode } from './token-list.js';
import type { TomlTable } from './values.js';
import type { OffsetRange } from '../lint/types.js';
import {
  APOSTROPHE,
  BACKSLASH,
  BOM,
  COMMA,
  CR,
  DOT,
  EQUALS,
  HASH,
  LBRACE,
  LBRACKET,
  LF,
  QUOTE,
  RBRACE,
  RBRACKET,
  isBareKeyChar,
  isDigit,
  isForbiddenControl,
  isHighSurrogate,
  isLowSurrogate,
  isValueWordChar,
  isWhitespace,
} from './chars.js';
import { templateAt, templateMessage, type TemplateSyntax } from './template-syntax.js';
import { readLiteral, shownToken } from './literals.js';
import { DocumentBuilder } from './document-builder.js';
import { ParsedDocument } from './document-node.js';

export interface TomlError {
  code: 'toml-syntax' | 'toml-duplicate-key' | 'toml-version';
  message: string;
  range: OffsetRange;
  /** For duplicates: where the key or table was first defined. */
  related?: { message: string; range: OffsetRange }[];
  /** For toml-version: the TOML 1.0 spelling, where one exists. */
  fix?: { range: OffsetRange; text: string };
}

export interface ParseOptions {
  /** Default '1.1' (what current flyctl reads); 1.1-only syntax then yields toml-version infos. */
  tomlVersion?: '1.0' | '1.1';
}

export interface ParseResult {
  ast: DocumentNode;
  value: TomlTable;
  errors: TomlError[];
  /** The file holds template syntax where TOML expects keys or values: it is a template, not yet a config. */
  template?: TemplateSyntax['language'];
}

/** Arrays and inline tables nested deeper than this are reported, not descended into. */
const MAX_DEPTH = 256;

// Where an unclosed array or inline table gives way to the next statement. Sticky, read from the
// start of a line: `key =` never belongs inside an array, and neither does a header of bare keys
// (`[http_service]`), except `[true]`, `[inf]` … which are nested arrays.
const SEGMENT = String.raw`(?:[A-Za-z0-9_-]+|"[^"\r\n]*"|'[^'\r\n]*')`;
const LOOKS_LIKE_KEY_VALUE = new RegExp(String.raw`[ \t]*${SEGMENT}(?:[ \t]*\.[ \t]*${SEGMENT})*[ \t]*=`, 'y');
const LOOKS_LIKE_HEADER = new RegExp(
  String.raw`[ \t]*\[\[?[ \t]*(?!(?:true|false|inf|nan)[ \t]*\])[A-Za-z_][A-Za-z0-9_-]*(?:[ \t]*\.[ \t]*${SEGMENT})*[ \t]*\]\]?[ \t]*(?:#[^\r\n]*)?(?:\r?\n|$)`,
  'y',
);

/** An array or inline table without its closing bracket. */
function leftOpen(node: ValueNode | null | undefined): boolean {
  return (node?.kind === 'array' || node?.kind === 'inlineTable') && !node.closed;
}

/** Line breaks, other control characters and surrogates: where a comment needs a closer look. */
const COMMENT_NEEDS_CHECK = /[\u0000-\u0008\u000a-\u001f\u007f\ud800-\udfff]/g;

/** Escapes, control characters, line breaks and surrogates: what a basic string must be read for. */
const NEEDS_CHECK_IN_STRING = /[\\\u0000-\u0008\u000a-\u001f\u007f\ud800-\udfff]/;

/** The file's line ending is its first one's. */
function firstLineEnding(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === CR ? '\r\n' : '\n';
}

export function parseToml(text: string, options: ParseOptions = {}): ParseResult {
  return new Parser(text, options.tomlVersion ?? '1.1').run();
}

/** The character at `offset`, whole: both halves of a surrogate pair (an emoji), never one. */
function characterAt(text: string, offset: number): string {
  return String.fromCodePoint(text.codePointAt(offset)!);
}

class Parser {
  private pos = 0;
  /**
   * Packed for TokenList: kind code, start, end; whitespace runs and line breaks left out. Sized
   * up front for a typical config (a significant token every nine characters or so): grown from
   * empty, its discarded copies outweighed the list itself.
   */
  private readonly tokens: number[];
  private tokensEnd = 0;
  private readonly errors: TomlError[] = [];
  private readonly comments: CommentNode[] = [];
  private readonly document: DocumentNode;
  private readonly builder: DocumentBuilder;
  private currentTable: TomlTable;
  private currentBody: KeyValueNode[];
  private currentTableNode: TableNode | undefined;
  private depth = 0;
  /** Where the last syntax error starts: a later one on the same line is its consequence. */
  private lastErrorAt = -1;
  /** The file's first template construct, its error, and the lines after it that hold more. */
  private template: { first: TemplateSyntax; error: TomlError; lastLine: number; moreLines: number } | undefined;

  constructor(
    private readonly text: string,
    private readonly version: '1.0' | '1.1',
  ) {
    this.tokens = new Array<number>((text.length * 3) >> 3);
    this.document = new ParsedDocument(text.length, this.comments, new TokenList(text, this.tokens), firstLineEnding(text));
    this.builder = new DocumentBuilder(this.document, this.errors);
    this.currentTable = this.builder.root;
    this.currentBody = this.document.body;
  }

  run(): ParseResult {
    const text = this.text;
    if (text.charCodeAt(0) === BOM) this.token(TOKEN.bom, 0, 1), (this.pos = 1);
    while (this.pos < text.length) {
      this.skipWhitespace();
      if (this.pos >= text.length) break;
      const c = text.charCodeAt(this.pos);
      if (c === LF || c === CR) {
        this.newline();
        continue;
      }
      if (c === HASH) {
        this.comment();
        continue;
      }
      if (this.templateLine()) continue;
      if (c === LBRACKET) this.header();
      else this.keyValueLine();
      this.endOfLine();
    }
    if (this.template) {
      const { first, error, moreLines } = this.template;
      error.message = templateMessage(first, JSON.stringify(text.slice(first.start, Math.min(first.end, first.start + 40))), moreLines);
    }
    this.tokens.length = this.tokensEnd;
    if (this.errors.length > 1) this.errors.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
    return { ast: this.document, value: this.builder.root, errors: this.errors, ...(this.template ? { template: this.template.first.language } : {}) };
  }

  // --- tokens and errors ---------------------------------------------------------------------------

  private token(code: TokenCode, start: number, end: number): void {
    if (end <= start) return;
    const tokens = this.tokens;
    const at = this.tokensEnd;
    tokens[at] = code;
    tokens[at + 1] = start;
    tokens[at + 2] = end;
    this.tokensEnd = at + 3;
  }

  private error(message: string, start: number, end: number): void {
    // One broken construct, one error: what goes wrong after it on the same line follows from it.
    // (An enclosing construct's error, reported later at an earlier offset, is still its own.)
    if (this.lastErrorAt >= 0 && start >= this.lastErrorAt && !this.lineBreakBetween(this.lastErrorAt, start)) return;
    this.lastErrorAt = start;
    this.errors.push({ code: 'toml-syntax', message, range: [start, Math.max(end, start)] });
  }

  private lineBreakBetween(from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const c = this.text.charCodeAt(i);
      if (c === LF || c === CR) return true;
    }
    return false;
  }

  /**
   * Template syntax at `pos` (`{{ … }}`, `{% … %}`, `<% … %>`, `${…}`, `$NAME`), consumed as one
   * invalid token. The file's first one is its one error; later ones are counted in it.
   */
  private templateSyntax(pos: number): TemplateSyntax | undefined {
    const found = templateAt(this.text, pos);
    if (!found) return undefined;
    this.token(TOKEN.invalid, found.start, found.end);
    this.pos = found.end;
    const lineStart = this.text.lastIndexOf('\n', pos - 1) + 1;
    if (!this.template) {
      const error: TomlError = { code: 'toml-syntax', message: '', range: [found.start, found.end] };
      this.errors.push(error);
      this.lastErrorAt = found.start;
      this.template = { first: found, error, lastLine: lineStart, moreLines: 0 };
    } else if (lineStart !== this.template.lastLine) {
      this.template.lastLine = lineStart;
      this.template.moreLines++;
      this.lastErrorAt = found.start;
    }
    return found;
  }

  /** A statement that starts with template syntax (`{{ if .Production }}`): the whole line is the template's. */
  private templateLine(): boolean {
    if (!this.templateSyntax(this.pos)) return false;
    this.skipRestOfLine();
    return true;
  }

  /** 1.1-only syntax: an info when reading 1.1, a syntax error when reading 1.0. */
  private newerSyntax(message: string, start: number, end: number, fix?: { range: OffsetRange; text: string }): void {
    if (this.version === '1.0') this.error(`${message} (TOML 1.1 syntax; not allowed in TOML 1.0)`, start, end);
    else this.errors.push({ code: 'toml-version', message: `${message}: TOML 1.1 syntax, which flyctl before v0.4.67 and TOML 1.0 tools reject`, range: [start, end], ...(fix ? { fix } : {}) });
  }

  private isLineEnd(offset: number): boolean {
    const c = this.text.charCodeAt(offset);
    return Number.isNaN(c) || c === LF || c === CR;
  }

  /** Consumes the rest of the line as one invalid token (after a reported error). */
  private skipRestOfLine(): void {
    const start = this.pos;
    while (this.pos < this.text.length && !this.isLineEnd(this.pos)) this.pos++;
    this.token(TOKEN.invalid, start, this.pos);
  }

  // --- trivia --------------------------------------------------------------------------------------

  /** Whitespace and line breaks make no token here: TokenList reads them from the gaps. */
  private skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    while (isWhitespace(text.charCodeAt(pos))) pos++;
    this.pos = pos;
  }

  private newline(): void {
    const start = this.pos;
    if (this.text.charCodeAt(this.pos) === CR) {
      if (this.text.charCodeAt(this.pos + 1) === LF) {
        this.pos += 2;
        return;
      }
      this.pos++;
      this.token(TOKEN.invalid, start, this.pos);
      this.error('A carriage return must be followed by a line feed', start, this.pos);
      return;
    }
    this.pos++;
  }

  private comment(): void {
    const start = this.pos;
    const text = this.text;
    // Most comments are plain text up to a line break: one native search skips to the first
    // character that needs a look (the line break at the latest), with no copy of the comment.
    COMMENT_NEEDS_CHECK.lastIndex = start + 1;
    let i = COMMENT_NEEDS_CHECK.test(text) ? COMMENT_NEEDS_CHECK.lastIndex - 1 : text.length;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || (c === CR && text.charCodeAt(i + 1) === LF)) break;
      if (isForbiddenControl(c)) this.error(`Control character U+${c.toString(16).toUpperCase().padStart(4, '0')} is not allowed in a comment`, i, i + 1);
      else if (isHighSurrogate(c) || isLowSurrogate(c)) i = this.checkSurrogate(i);
    }
    this.pos = i;
    this.token(TOKEN.comment, start, i);
    this.comments.push({ kind: 'comment', start, end: i, text: text.slice(start + 1, i) });
  }

  /** Returns the index of the last code unit of a valid pair, reporting a lone surrogate. */
  private checkSurrogate(i: number): number {
    const c = this.text.charCodeAt(i);
    if (isHighSurrogate(c) && isLowSurrogate(this.text.charCodeAt(i + 1))) return i + 1;
    this.error('Invalid character: a lone UTF-16 surrogate is not Unicode text', i, i + 1);
    return i;
  }

  /** Whitespace, newlines and comments, as allowed inside arrays. Returns whether a newline was crossed. */
  private skipTrivia(): boolean {
    let crossed = false;
    for (;;) {
      this.skipWhitespace();
      const c = this.text.charCodeAt(this.pos);
      if (c === LF || c === CR) {
        this.newline();
        crossed = true;
      } else if (c === HASH) {
        this.comment();
      } else {
        return crossed;
      }
    }
  }

  private endOfLine(): void {
    // An unclosed array or inline table stopped at the start of the next statement.
    if (this.onFreshLine()) return;
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.pos);
    if (Number.isNaN(c) || c === LF || c === CR) return;
    if (c === HASH) {
      this.comment();
      return;
    }
    if (this.templateSyntax(this.pos)) {
      this.skipRestOfLine();
      return;
    }
    const start = this.pos;
    let end = start;
    while (end < this.text.length && !this.isLineEnd(end) && !isWhitespace(this.text.charCodeAt(end))) end++;
    this.error(`Expected the end of the line, found "${this.text.slice(start, Math.min(end, start + 20))}"`, start, end);
    this.skipRestOfLine();
  }

  // --- keys ----------------------------------------------------------------------------------------

  /**
   * A possibly dotted key, and the whitespace after it. Returns null (nothing consumed) when no
   * key starts here.
   */
  private key(): KeyNode | null {
    const start = this.pos;
    const first = this.keySegment();
    if (!first) return null;
    this.skipWhitespace();
    // Most keys have one segment: an array made with its one item, not grown by a push, is a
    // fraction of the size.
    if (this.text.charCodeAt(this.pos) !== DOT) return { kind: 'key', start, end: first.end, segments: [first] };
    const segments: KeySegmentNode[] = [first];
    while (this.text.charCodeAt(this.pos) === DOT) {
      this.token(TOKEN.dot, this.pos, this.pos + 1);
      this.pos++;
      this.skipWhitespace();
      const segment = this.keySegment();
      if (!segment) {
        this.error('Expected a key after "."', this.pos, this.pos + (this.isLineEnd(this.pos) ? 0 : 1));
        break;
      }
      segments.push(segment);
      this.skipWhitespace();
    }
    return { kind: 'key', start, end: segments[segments.length - 1]!.end, segments };
  }

  private keySegment(): KeySegmentNode | null {
    const start = this.pos;
    const c = this.text.charCodeAt(start);
    if (isBareKeyChar(c)) {
      let end = start + 1;
      while (isBareKeyChar(this.text.charCodeAt(end))) end++;
      this.pos = end;
      this.token(TOKEN.bareKey, start, end);
      return { kind: 'keySegment', start, end, name: this.text.slice(start, end), quote: 'bare' };
    }
    if (c === QUOTE || c === APOSTROPHE) {
      if (this.text.charCodeAt(start + 1) === c && this.text.charCodeAt(start + 2) === c) {
        this.error('A multi-line string cannot be a key', start, start + 3);
      }
      const node = c === QUOTE ? this.basicString() : this.literalString();
      return { kind: 'keySegment', start: node.start, end: node.end, name: node.value, quote: c === QUOTE ? 'basic' : 'literal' };
    }
    return null;
  }

  // --- lines ---------------------------------------------------------------------------------------

  private header(): void {
    const start = this.pos;
    const isArray = this.text.charCodeAt(start + 1) === LBRACKET;
    this.token(TOKEN.lbracket, start, start + 1);
    if (isArray) this.token(TOKEN.lbracket, start + 1, start + 2);
    this.pos = start + (isArray ? 2 : 1);
    this.skipWhitespace();
    const key = this.key();
    if (!key) this.error(`Expected a table name after "${isArray ? '[[' : '['}"`, this.pos, this.pos + (this.isLineEnd(this.pos) ? 0 : 1));
    let closed = false;
    if (this.text.charCodeAt(this.pos) === RBRACKET) {
      if (isArray) {
        if (this.text.charCodeAt(this.pos + 1) === RBRACKET) {
          this.token(TOKEN.rbracket, this.pos, this.pos + 1);
          this.token(TOKEN.rbracket, this.pos + 1, this.pos + 2);
          this.pos += 2;
          closed = true;
        } else {
          this.error('Expected "]]" to close the array-of-tables header', this.pos, this.pos + 1);
          this.token(TOKEN.rbracket, this.pos, this.pos + 1);
          this.pos++;
        }
      } else {
        this.token(TOKEN.rbracket, this.pos, this.pos + 1);
        this.pos++;
        closed = true;
      }
    } else if (key) {
      this.error(`Expected "${isArray ? ']]' : ']'}" to close the table header`, this.pos, this.pos + (this.isLineEnd(this.pos) ? 0 : 1));
    }
    const node: TableNode = { kind: isArray ? 'arrayTable' : 'table', start, end: this.pos, key, header: { start, end: this.pos }, body: [] };
    this.document.tables.push(node);
    this.currentTableNode = node;
    this.currentBody = node.body;
    this.currentTable = closed && key ? this.builder.openTable(node) : { type: 'table', entries: new Map(), origin: 'header', node };
    if (!closed) this.skipRestOfLine();
  }

  private keyValueLine(): void {
    const start = this.pos;
    const key = this.key();
    if (!key) {
      const c = this.text.charCodeAt(start);
      const ch = characterAt(this.text, start);
      const shown = c === EQUALS ? 'Expected a key before "="' : `Expected a key, a table header or a comment, found "${ch}"`;
      this.error(shown, start, start + ch.length);
      this.skipRestOfLine();
      return;
    }
    const node: KeyValueNode = { kind: 'keyValue', start, end: key.end, key, equals: -1, value: null };
    this.addKeyValue(node);
    if (this.text.charCodeAt(this.pos) !== EQUALS) {
      const ch = this.isLineEnd(this.pos) ? '' : characterAt(this.text, this.pos);
      const found = ch ? `"${ch}"` : 'the end of the line';
      this.error(`Expected "=" after key "${shownToken(key.segments.map((s) => s.name).join('.'))}", found ${found}`, this.pos, this.pos + ch.length);
      this.skipRestOfLine();
      return;
    }
    node.equals = this.pos;
    this.token(TOKEN.equals, this.pos, this.pos + 1);
    this.pos++;
    this.skipWhitespace();
    if (this.isLineEnd(this.pos) || this.text.charCodeAt(this.pos) === HASH) {
      this.extendTo(node, node.equals + 1);
      this.error(`Expected a value after "${shownToken(key.segments.map((s) => s.name).join('.'))} ="`, this.pos, this.pos);
      return;
    }
    node.value = this.value();
    this.extendTo(node, node.value.end);
    this.builder.defineKeyValue(this.currentTable, node);
  }

  private extendTo(node: KeyValueNode, end: number): void {
    node.end = end;
    if (this.currentTableNode && this.currentBody === this.currentTableNode.body) this.currentTableNode.end = Math.max(this.currentTableNode.end, end);
  }

  private addKeyValue(node: KeyValueNode): void {
    this.currentBody.push(node);
    this.extendTo(node, node.end);
  }

  // --- values --------------------------------------------------------------------------------------

  private value(): ValueNode {
    const start = this.pos;
    if (this.templateSyntax(start)) return { kind: 'invalid', start, end: this.pos };
    const c = this.text.charCodeAt(start);
    if (c === QUOTE) return this.text.charCodeAt(start + 1) === QUOTE && this.text.charCodeAt(start + 2) === QUOTE ? this.multilineString(QUOTE) : this.basicString();
    if (c === APOSTROPHE) return this.text.charCodeAt(start + 1) === APOSTROPHE && this.text.charCodeAt(start + 2) === APOSTROPHE ? this.multilineString(APOSTROPHE) : this.literalString();
    if (c === LBRACKET || c === LBRACE) {
      if (this.depth >= MAX_DEPTH) return this.tooDeep();
      this.depth++;
      const node = c === LBRACKET ? this.array() : this.inlineTable();
      this.depth--;
      return node;
    }
    return this.bareValue();
  }

  /** Skips a too-deeply nested value without descending (bracket counting, strings skipped). */
  private tooDeep(): ValueNode {
    const start = this.pos;
    const text = this.text;
    let level = 0;
    let i = start;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LBRACKET || c === LBRACE) level++;
      else if (c === RBRACKET || c === RBRACE) {
        level--;
        if (level === 0) {
          i++;
          break;
        }
      } else if (c === QUOTE || c === APOSTROPHE) {
        const close = text.indexOf(String.fromCharCode(c), i + 1);
        if (close < 0) {
          i = text.length;
          break;
        }
        i = close;
      }
    }
    this.pos = i;
    this.token(TOKEN.invalid, start, i);
    this.error(`Arrays and inline tables are nested more than ${MAX_DEPTH} levels deep`, start, start + 1);
    return { kind: 'invalid', start, end: i };
  }

  private bareValue(): ValueNode {
    const start = this.pos;
    const text = this.text;
    let end = start;
    while (isValueWordChar(text.charCodeAt(end))) end++;
    // A date and a time may be separated by one space: `1979-05-27 07:32:00`.
    if (end - start === 10 && text.charCodeAt(end) === 0x20 && isDigit(text.charCodeAt(end + 1)) && /^\d{4}-\d{2}-\d{2}$/.test(text.slice(start, end))) {
      end++;
      while (isValueWordChar(text.charCodeAt(end))) end++;
    }
    if (end === start) {
      const ch = this.isLineEnd(start) ? '' : characterAt(text, start);
      const shown = ch ? `"${ch}"` : 'the end of the line';
      this.error(`Expected a value, found ${shown}`, start, start + ch.length);
      if (!this.isLineEnd(start) && text.charCodeAt(start) !== COMMA && text.charCodeAt(start) !== RBRACKET && text.charCodeAt(start) !== RBRACE) {
        // Skip the unreadable run up to a separator so the caller can resynchronise.
        let skip = start + 1;
        while (skip < text.length && !this.isLineEnd(skip) && !isWhitespace(text.charCodeAt(skip)) && ![COMMA, RBRACKET, RBRACE].includes(text.charCodeAt(skip))) skip++;
        this.pos = skip;
        this.token(TOKEN.invalid, start, skip);
        return { kind: 'invalid', start, end: skip };
      }
      return { kind: 'invalid', start, end: start };
    }
    this.pos = end;
    const word = text.slice(start, end);
    const literal = readLiteral(word);
    switch (literal.kind) {
      case 'integer':
        this.token(TOKEN.integer, start, end);
        return { kind: 'integer', start, end, value: literal.value };
      case 'float':
        this.token(TOKEN.float, start, end);
        return { kind: 'float', start, end, value: literal.value };
      case 'boolean':
        this.token(TOKEN.boolean, start, end);
        return { kind: 'boolean', start, end, value: literal.value };
      case 'datetime': {
        this.token(TOKEN.datetime, start, end);
        if (literal.noSeconds) {
          const minutesEnd = start + word.search(/\d{2}:\d{2}(?!:)/) + 5;
          this.newerSyntax('A time without seconds', start, end, { range: [minutesEnd, minutesEnd], text: ':00' });
        }
        return { kind: 'datetime', start, end, subtype: literal.subtype, raw: word };
      }
      case 'error': {
        // An unquoted string (`https://x.dev`) runs on past the word: take it whole, to the next separator.
        let stop = end;
        while (stop < text.length && !this.isLineEnd(stop) && !isWhitespace(text.charCodeAt(stop)) && ![COMMA, RBRACKET, RBRACE, HASH].includes(text.charCodeAt(stop))) stop++;
        this.pos = stop;
        this.token(TOKEN.invalid, start, stop);
        this.error(stop > end ? `Invalid value "${shownToken(text.slice(start, stop))}": strings must be quoted` : literal.message, start, stop);
        return { kind: 'invalid', start, end: stop };
      }
    }
  }

  private array(): ArrayNode {
    const start = this.pos;
    this.token(TOKEN.lbracket, start, start + 1);
    this.pos++;
    const node: ArrayNode = { kind: 'array', start, end: start + 1, items: [], closed: false };
    for (;;) {
      if (this.skipTrivia() && this.atNewStatement(true)) break;
      const c = this.text.charCodeAt(this.pos);
      if (Number.isNaN(c)) break;
      if (c === RBRACKET) {
        this.closeWith(node, TOKEN.rbracket);
        return node;
      }
      if (c === COMMA) {
        this.error('Expected a value before ","', this.pos, this.pos + 1);
        this.token(TOKEN.comma, this.pos, this.pos + 1);
        this.pos++;
        continue;
      }
      const item = this.value();
      node.items.push(item);
      node.end = Math.max(node.end, item.end, this.pos);
      // A nested array or inline table left open has stopped at the start of a line already.
      if ((this.skipTrivia() || leftOpen(item)) && this.atNewStatement(true)) break;
      const next = this.text.charCodeAt(this.pos);
      if (next === COMMA) {
        this.token(TOKEN.comma, this.pos, this.pos + 1);
        this.pos++;
        continue;
      }
      if (next === RBRACKET) {
        this.closeWith(node, TOKEN.rbracket);
        return node;
      }
      if (Number.isNaN(next)) break;
      if (item.kind !== 'invalid' || item.end > item.start) this.error('Expected "," or "]" after an array value', this.pos, this.pos + 1);
      if (item.end === item.start && this.pos === item.start) {
        // Nothing was consumed: skip one character so the loop always moves on.
        this.token(TOKEN.invalid, this.pos, this.pos + 1);
        this.pos++;
      }
    }
    this.error('Unterminated array: expected "]"', start, start + 1);
    node.end = Math.max(node.end, this.lastTokenEnd());
    return node;
  }

  private lastTokenEnd(): number {
    // The end of the last non-trivia token: an unclosed value does not swallow trailing blank lines.
    // The packed list holds no whitespace or line breaks; comments are the only trivia in it.
    const tokens = this.tokens;
    for (let i = this.tokensEnd - 3; i >= 0; i -= 3) {
      if (tokens[i] !== TOKEN.comment) return tokens[i + 2]!;
    }
    return this.pos;
  }

  private closeWith(node: ArrayNode | InlineTableNode, code: typeof TOKEN.rbracket | typeof TOKEN.rbrace): void {
    this.token(code, this.pos, this.pos + 1);
    this.pos++;
    node.end = this.pos;
    node.closed = true;
  }

  /** Whether only whitespace stands between the start of this line and the position. */
  private onFreshLine(): boolean {
    let lineStart = this.pos;
    while (lineStart > 0 && isWhitespace(this.text.charCodeAt(lineStart - 1))) lineStart--;
    return lineStart > 0 && this.text.charCodeAt(lineStart - 1) === LF;
  }

  /**
   * Inside an unclosed array or inline table, at the first token of a later line: does a new
   * statement start here (a `key =` line, when `keyValues`, or a `[header]`)? Then the construct
   * ends before it, and one unclosed bracket costs one error, not one for every line after it.
   */
  private atNewStatement(keyValues: boolean): boolean {
    if (!this.onFreshLine()) return false;
    let lineStart = this.pos;
    while (isWhitespace(this.text.charCodeAt(lineStart - 1))) lineStart--;
    if (keyValues) {
      LOOKS_LIKE_KEY_VALUE.lastIndex = lineStart;
      if (LOOKS_LIKE_KEY_VALUE.test(this.text)) return true;
    }
    LOOKS_LIKE_HEADER.lastIndex = lineStart;
    return LOOKS_LIKE_HEADER.test(this.text);
  }

  private inlineTable(): InlineTableNode {
    const start = this.pos;
    this.token(TOKEN.lbrace, start, start + 1);
    this.pos++;
    const node: InlineTableNode = { kind: 'inlineTable', start, end: start + 1, entries: [], closed: false };
    let expectEntry = true;
    let lastComma = -1;
    for (;;) {
      const noted = this.errors.length;
      const crossed = this.inlineTrivia();
      // A header always starts a statement; a `key =` line does only where no entry is expected.
      if ((crossed || leftOpen(node.entries[node.entries.length - 1]?.value)) && this.atNewStatement(!expectEntry)) {
        // The line breaks crossed to get here belong to no inline table: no note about them.
        this.dropNewerSyntaxSince(noted);
        break;
      }
      const c = this.text.charCodeAt(this.pos);
      if (Number.isNaN(c)) break;
      if (c === RBRACE) {
        if (lastComma >= 0 && expectEntry) this.newerSyntax('A trailing comma in an inline table', lastComma, lastComma + 1, { range: [lastComma, lastComma + 1], text: '' });
        this.closeWith(node, TOKEN.rbrace);
        return node;
      }
      if (!expectEntry) {
        if (c === COMMA) {
          lastComma = this.pos;
          this.token(TOKEN.comma, this.pos, this.pos + 1);
          this.pos++;
          expectEntry = true;
          continue;
        }
        this.error('Expected "," or "}" after an inline table entry', this.pos, this.pos + 1);
        break;
      }
      const entryStart = this.pos;
      const key = this.key();
      if (!key) {
        this.error(c === COMMA ? 'Expected a key before ","' : 'Expected a key in the inline table', this.pos, this.pos + 1);
        break;
      }
      const entry: KeyValueNode = { kind: 'keyValue', start: entryStart, end: key.end, key, equals: -1, value: null };
      node.entries.push(entry);
      if (this.text.charCodeAt(this.pos) !== EQUALS) {
        this.error(`Expected "=" after key "${shownToken(key.segments.map((s) => s.name).join('.'))}"`, this.pos, this.pos + (this.isLineEnd(this.pos) ? 0 : 1));
        break;
      }
      entry.equals = this.pos;
      this.token(TOKEN.equals, this.pos, this.pos + 1);
      this.pos++;
      this.skipWhitespace();
      if (this.isLineEnd(this.pos) || this.text.charCodeAt(this.pos) === COMMA || this.text.charCodeAt(this.pos) === RBRACE || this.text.charCodeAt(this.pos) === HASH) {
        this.error('Expected a value', this.pos, this.pos + (this.isLineEnd(this.pos) ? 0 : 1));
        entry.end = this.pos;
        if (this.isLineEnd(this.pos)) break;
        expectEntry = false;
        continue;
      }
      entry.value = this.value();
      entry.end = entry.value.end;
      node.end = this.pos;
      expectEntry = false;
    }
    this.error('Unterminated inline table: expected "}"', start, start + 1);
    node.end = Math.max(node.end, this.lastTokenEnd());
    return node;
  }

  private dropNewerSyntaxSince(count: number): void {
    let kept = count;
    for (let i = count; i < this.errors.length; i++) if (this.errors[i]!.code !== 'toml-version') this.errors[kept++] = this.errors[i]!;
    this.errors.length = kept;
  }

  /** Inside an inline table: spaces, and (TOML 1.1) newlines and comments. */
  private inlineTrivia(): boolean {
    let crossed = false;
    for (;;) {
      this.skipWhitespace();
      const c = this.text.charCodeAt(this.pos);
      if (c === LF || c === CR) {
        const start = this.pos;
        const recorded = this.tokensEnd;
        this.newline();
        this.newerSyntax('A line break inside an inline table', start, start);
        if (this.version === '1.0') {
          // Resynchronise as TOML 1.0 would read it: the inline table ended at the line break.
          this.pos = start;
          this.tokensEnd = recorded;
          return false;
        }
        crossed = true;
      } else if (c === HASH) {
        const start = this.pos;
        this.comment();
        this.newerSyntax('A comment inside an inline table', start, this.pos);
      } else {
        return crossed;
      }
    }
  }

  // --- strings -------------------------------------------------------------------------------------

  private basicString(): StringNode {
    const text = this.text;
    const start = this.pos;
    // Most strings hold no escape, control character or line break: take them in one slice.
    const close = text.indexOf('"', start + 1);
    if (close > start) {
      const body = text.slice(start + 1, close);
      if (!NEEDS_CHECK_IN_STRING.test(body)) {
        this.pos = close + 1;
        this.token(TOKEN.basicString, start, this.pos);
        return { kind: 'string', start, end: this.pos, value: body, style: 'basic' };
      }
    }
    let i = start + 1;
    let chunkStart = i;
    let value = '';
    for (;;) {
      if (i >= text.length || text.charCodeAt(i) === LF || text.charCodeAt(i) === CR) {
        this.error('Unterminated string: expected a closing "', start, i);
        value += text.slice(chunkStart, i);
        break;
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        value += text.slice(chunkStart, i);
        i++;
        break;
      }
      if (c === BACKSLASH) {
        value += text.slice(chunkStart, i);
        const escape = this.escape(i);
        value += escape.value;
        i = escape.end;
        chunkStart = i;
        continue;
      }
      if (isForbiddenControl(c)) this.error(`Control character U+${c.toString(16).toUpperCase().padStart(4, '0')} must be escaped in a string`, i, i + 1);
      else if (isHighSurrogate(c) || isLowSurrogate(c)) i = this.checkSurrogate(i);
      i++;
    }
    this.pos = i;
    this.token(TOKEN.basicString, start, i);
    return { kind: 'string', start, end: i, value, style: 'basic' };
  }

  private literalString(): StringNode {
    const text = this.text;
    const start = this.pos;
    let i = start + 1;
    for (;;) {
      if (i >= text.length || text.charCodeAt(i) === LF || text.charCodeAt(i) === CR) {
        this.error("Unterminated string: expected a closing '", start, i);
        break;
      }
      const c = text.charCodeAt(i);
      if (c === APOSTROPHE) {
        i++;
        break;
      }
      if (isForbiddenControl(c)) this.error(`Control character U+${c.toString(16).toUpperCase().padStart(4, '0')} is not allowed in a literal string`, i, i + 1);
      else if (isHighSurrogate(c) || isLowSurrogate(c)) i = this.checkSurrogate(i);
      i++;
    }
    this.pos = i;
    this.token(TOKEN.literalString, start, i);
    const closed = text.charCodeAt(i - 1) === APOSTROPHE && i - 1 > start;
    return { kind: 'string', start, end: i, value: text.slice(start + 1, closed ? i - 1 : i), style: 'literal' };
  }

  private multilineString(quote: number): StringNode {
    const text = this.text;
    const start = this.pos;
    const basic = quote === QUOTE;
    let i = start + 3;
    // A line break right after the opening delimiter is not part of the string.
    if (text.charCodeAt(i) === LF) i++;
    else if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
    let chunkStart = i;
    let value = '';
    let closed = false;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === quote && text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote) {
        let run = 3;
        while (text.charCodeAt(i + run) === quote) run++;
        if (run > 5) {
          this.error(`Too many quotes: at most two may directly precede the closing ${basic ? '"""' : "'''"}`, i + 5, i + run);
        }
        const extra = Math.min(run - 3, 2);
        value += text.slice(chunkStart, i + extra);
        i += run;
        closed = true;
        break;
      }
      if (basic && c === BACKSLASH) {
        value += text.slice(chunkStart, i);
        const next = this.lineEndingBackslash(i);
        if (next >= 0) {
          i = next;
        } else {
          const escape = this.escape(i);
          value += escape.value;
          i = escape.end;
        }
        chunkStart = i;
        continue;
      }
      if (c === CR) {
        if (text.charCodeAt(i + 1) !== LF) this.error('A carriage return must be followed by a line feed', i, i + 1);
        i++;
        continue;
      }
      if (c !== LF && isForbiddenControl(c)) this.error(`Control character U+${c.toString(16).toUpperCase().padStart(4, '0')} ${basic ? 'must be escaped in a string' : 'is not allowed in a literal string'}`, i, i + 1);
      else if (isHighSurrogate(c) || isLowSurrogate(c)) i = this.checkSurrogate(i);
      i++;
    }
    if (!closed) {
      value += text.slice(chunkStart, i);
      this.error(`Unterminated multi-line string: expected a closing ${basic ? '"""' : "'''"}`, start, start + 3);
    }
    this.pos = i;
    this.token(basic ? TOKEN.mlBasicString : TOKEN.mlLiteralString, start, i);
    return { kind: 'string', start, end: i, value, style: basic ? 'mlBasic' : 'mlLiteral' };
  }

  /** `\` + optional spaces + line break: the break and all following whitespace are trimmed. Returns -1 when not one. */
  private lineEndingBackslash(i: number): number {
    const text = this.text;
    let j = i + 1;
    while (isWhitespace(text.charCodeAt(j))) j++;
    const c = text.charCodeAt(j);
    if (c !== LF && !(c === CR && text.charCodeAt(j + 1) === LF)) return -1;
    for (;;) {
      const d = text.charCodeAt(j);
      if (isWhitespace(d) || d === LF) j++;
      else if (d === CR && text.charCodeAt(j + 1) === LF) j += 2;
      else return j;
    }
  }

  private escape(i: number): { value: string; end: number } {
    const text = this.text;
    const c = text.charCodeAt(i + 1);
    switch (c) {
      case 0x62: return { value: '\b', end: i + 2 };
      case 0x74: return { value: '\t', end: i + 2 };
      case 0x6e: return { value: '\n', end: i + 2 };
      case 0x66: return { value: '\f', end: i + 2 };
      case 0x72: return { value: '\r', end: i + 2 };
      case QUOTE: return { value: '"', end: i + 2 };
      case BACKSLASH: return { value: '\\', end: i + 2 };
      case 0x65: // \e
        this.newerSyntax('The escape "\\e"', i, i + 2, { range: [i, i + 2], text: '\\u001B' });
        return { value: '\x1b', end: i + 2 };
      case 0x78: // \xHH
        return this.hexEscape(i, 2, 'x');
      case 0x75: // \uXXXX
        return this.hexEscape(i, 4, 'u');
      case 0x55: // \UXXXXXXXX
        return this.hexEscape(i, 8, 'U');
    }
    const shown = Number.isNaN(c) || c === LF || c === CR ? '\\' : text.slice(i, i + 2);
    this.error(`Invalid escape "${shown}": use \\\\ for a backslash`, i, Math.min(i + 2, text.length));
    return { value: '', end: Number.isNaN(c) || c === LF || c === CR ? i + 1 : i + 2 };
  }

  private hexEscape(i: number, digits: number, letter: string): { value: string; end: number } {
    const hex = this.text.slice(i + 2, i + 2 + digits);
    if (hex.length !== digits || !/^[0-9A-Fa-f]+$/.test(hex)) {
      let end = i + 2;
      while (end < i + 2 + digits && /[0-9A-Fa-f]/.test(this.text[end] ?? '')) end++;
      this.error(`Invalid escape "\\${letter}${hex.slice(0, end - i - 2)}": expected ${digits} hexadecimal digits`, i, end);
      return { value: '', end };
    }
    const code = parseInt(hex, 16);
    const end = i + 2 + digits;
    if (letter === 'x') this.newerSyntax(`The escape "\\x${hex}"`, i, end, { range: [i, end], text: `\\u00${hex.toUpperCase()}` });
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      this.error(`Invalid escape "\\${letter}${hex}": not a Unicode scalar value`, i, end);
      return { value: '', end };
    }
    return { value: String.fromCodePoint(code), end };
  }
}
