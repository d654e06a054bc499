/**
 * The root node of a parsed document. `tokens` is made on first use from the packed list that
 * flylint itself reads: a getter on the class, shared by every document, costs nothing per parse.
 */
import type { CommentNode, DocumentNode, KeyValueNode, TableNode, Token } from './ast.js';
import type { TokenList } from './token-list.js';

export class ParsedDocument implements DocumentNode {
  readonly kind = 'document' as const;
  readonly start = 0;
  readonly body: KeyValueNode[] = [];
  readonly tables: TableNode[] = [];

  constructor(
    public end: number,
    readonly comments: CommentNode[],
    readonly tokenList: TokenList,
    readonly lineEnding: '\n' | '\r\n',
  ) {}

  get tokens(): Token[] {
    return this.tokenList.toArray();
  }

  /** Serialised with its tokens as objects, as a plain tree would be. */
  toJSON(): Omit<DocumentNode, 'tokenList'> {
    const { tokenList: _packed, ...rest } = this;
    return { ...rest, tokens: this.tokens };
  }
}
