/**
 * The lossless syntax tree of a TOML document.
 *
 * Offsets are indices into the JavaScript string (UTF-16 code units), half-open [start, end).
 * `DocumentNode.tokens` covers the whole text contiguously (trivia included), so the text can be
 * reprinted byte-for-byte; the structural nodes below are views over those tokens.
 */
import type { TokenList } from './token-list.js';

export interface Span {
  start: number;
  end: number;
}

export type TokenKind =
  | 'bom'
  | 'whitespace'
  | 'newline'
  | 'comment'
  | 'bareKey'
  | 'basicString'
  | 'literalString'
  | 'mlBasicString'
  | 'mlLiteralString'
  | 'integer'
  | 'float'
  | 'boolean'
  | 'datetime'
  | 'equals'
  | 'dot'
  | 'comma'
  | 'lbracket'
  | 'rbracket'
  | 'lbrace'
  | 'rbrace'
  /** Text the scanner could not make sense of; always accompanied by a toml-syntax error. */
  | 'invalid';

export interface Token extends Span {
  kind: TokenKind;
}

export interface CommentNode extends Span {
  kind: 'comment';
  /** The comment text without the leading `#`. */
  text: string;
}

export interface KeySegmentNode extends Span {
  kind: 'keySegment';
  /** The decoded key (escapes resolved for quoted keys). */
  name: string;
  quote: 'bare' | 'basic' | 'literal';
}

export interface KeyNode extends Span {
  kind: 'key';
  segments: KeySegmentNode[];
}

export interface StringNode extends Span {
  kind: 'string';
  value: string;
  style: 'basic' | 'literal' | 'mlBasic' | 'mlLiteral';
}

export interface IntegerNode extends Span {
  kind: 'integer';
  /** Exact value (TOML integers are 64-bit). */
  value: bigint;
}

export interface FloatNode extends Span {
  kind: 'float';
  value: number;
}

export interface BooleanNode extends Span {
  kind: 'boolean';
  value: boolean;
}

export interface DateTimeNode extends Span {
  kind: 'datetime';
  subtype: 'offsetDateTime' | 'localDateTime' | 'localDate' | 'localTime';
  /** The source spelling. */
  raw: string;
}

export interface ArrayNode extends Span {
  kind: 'array';
  items: ValueNode[];
  /** False when the closing `]` is missing (error recovery). */
  closed: boolean;
}

export interface InlineTableNode extends Span {
  kind: 'inlineTable';
  entries: KeyValueNode[];
  closed: boolean;
}

/** A value position the parser could not read; a toml-syntax error covers it. */
export interface InvalidValueNode extends Span {
  kind: 'invalid';
}

export type ValueNode =
  | StringNode
  | IntegerNode
  | FloatNode
  | BooleanNode
  | DateTimeNode
  | ArrayNode
  | InlineTableNode
  | InvalidValueNode;

export interface KeyValueNode extends Span {
  kind: 'keyValue';
  key: KeyNode;
  /** Offset of `=`, or -1 when it is missing. */
  equals: number;
  /** Null when nothing follows the `=` (half-typed line). */
  value: ValueNode | null;
}

/** `[a.b]` or `[[a.b]]` with the key/value lines that follow it. */
export interface TableNode extends Span {
  kind: 'table' | 'arrayTable';
  /** Null when the header's key could not be read. */
  key: KeyNode | null;
  /** The header from its first `[` to its last `]` (or to the end of what was read). */
  header: Span;
  body: KeyValueNode[];
}

export interface DocumentNode extends Span {
  kind: 'document';
  /** Key/value lines before the first table header. */
  body: KeyValueNode[];
  tables: TableNode[];
  comments: CommentNode[];
  /**
   * Every token, trivia included, in order and contiguous from 0 to the text's length, as objects:
   * made on first use from `tokenList`, which flylint itself reads.
   */
  readonly tokens: Token[];
  /** The same tokens, packed. */
  tokenList: TokenList;
  /** The dominant line ending, for edits that insert lines. */
  lineEnding: '\n' | '\r\n';
}

export type AnyNode = DocumentNode | TableNode | KeyValueNode | KeyNode | KeySegmentNode | ValueNode | CommentNode;
