/**
 * The document's tokens, packed: three small integers a token (kind code, start, end) in one
 * array, which V8 stores unboxed. Half of all tokens are whitespace runs and line breaks; the
 * parser records only the others, and the trivia between them is read from the text when the
 * list is first indexed. As objects, the tokens were a third of all the parser allocated.
 * Readers take tokens by index, or as `Token` objects made on demand.
 */
import type { Token, TokenKind } from './ast.js';
import { CR, LF, isWhitespace } from './chars.js';

/** Each kind's number in the packed list: the parser passes these, so pushing is a plain store. */
export const TOKEN = {
  bom: 0,
  whitespace: 1,
  newline: 2,
  comment: 3,
  bareKey: 4,
  basicString: 5,
  literalString: 6,
  mlBasicString: 7,
  mlLiteralString: 8,
  integer: 9,
  float: 10,
  boolean: 11,
  datetime: 12,
  equals: 13,
  dot: 14,
  comma: 15,
  lbracket: 16,
  rbracket: 17,
  lbrace: 18,
  rbrace: 19,
  invalid: 20,
} as const satisfies Record<TokenKind, number>;
export type TokenCode = (typeof TOKEN)[TokenKind];
const KINDS = Object.keys(TOKEN) as TokenKind[];

export class TokenList implements Iterable<Token> {
  private all: number[] | undefined;
  private objects: Token[] | undefined;

  /**
   * `significant` holds every token but whitespace runs and line breaks (`\n`, `\r\n`): those
   * fill the gaps. A gap holding anything else stays uncovered, which `tokensAreContiguous` reports.
   */
  constructor(
    private readonly text: string,
    private readonly significant: readonly number[] = [],
  ) {}

  get length(): number {
    return this.tokens().length / 3;
  }

  kindAt(index: number): TokenKind {
    return KINDS[this.tokens()[index * 3]!]!;
  }

  startAt(index: number): number {
    return this.tokens()[index * 3 + 1]!;
  }

  endAt(index: number): number {
    return this.tokens()[index * 3 + 2]!;
  }

  at(index: number): Token | undefined {
    if (index < 0 || index >= this.length) return undefined;
    return { kind: this.kindAt(index), start: this.startAt(index), end: this.endAt(index) };
  }

  find(predicate: (token: Token) => boolean): Token | undefined {
    for (let i = 0; i < this.length; i++) {
      const token = this.at(i)!;
      if (predicate(token)) return token;
    }
    return undefined;
  }

  some(predicate: (token: Token) => boolean): boolean {
    return this.find(predicate) !== undefined;
  }

  /** How many tokens of a kind the document has; counting anything but trivia leaves the list packed. */
  count(kind: TokenKind): number {
    const code = TOKEN[kind];
    const list = code === TOKEN.whitespace || code === TOKEN.newline ? this.tokens() : this.significant;
    let n = 0;
    for (let i = 0; i < list.length; i += 3) if (list[i] === code) n++;
    return n;
  }

  *[Symbol.iterator](): Iterator<Token> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }

  /** The tokens as objects, made once. */
  toArray(): Token[] {
    return (this.objects ??= [...this]);
  }

  toJSON(): Token[] {
    return this.toArray();
  }

  private tokens(): number[] {
    if (this.all) return this.all;
    const all: number[] = [];
    const significant = this.significant;
    let pos = 0;
    for (let i = 0; i < significant.length; i += 3) {
      pos = this.trivia(all, pos, significant[i + 1]!);
      all.push(significant[i]!, significant[i + 1]!, significant[i + 2]!);
      pos = significant[i + 2]!;
    }
    this.trivia(all, pos, this.text.length);
    this.all = all;
    return all;
  }

  /** The whitespace and line-break tokens of [from, to); stops at anything else. */
  private trivia(out: number[], from: number, to: number): number {
    const text = this.text;
    let pos = from;
    while (pos < to) {
      const c = text.charCodeAt(pos);
      if (isWhitespace(c)) {
        const start = pos;
        while (pos < to && isWhitespace(text.charCodeAt(pos))) pos++;
        out.push(TOKEN.whitespace, start, pos);
      } else if (c === LF) {
        out.push(TOKEN.newline, pos, ++pos);
      } else if (c === CR && pos + 1 < to && text.charCodeAt(pos + 1) === LF) {
        out.push(TOKEN.newline, pos, (pos += 2));
      } else {
        break;
      }
    }
    return pos;
  }
}
