/** Reprints a document from its tokens: the inverse of parsing, byte for byte. */
import type { DocumentNode } from './ast.js';

export function printDocument(document: DocumentNode, text: string): string {
  const tokens = document.tokenList;
  let out = '';
  for (let i = 0; i < tokens.length; i++) out += text.slice(tokens.startAt(i), tokens.endAt(i));
  return out;
}

/** Whether the tokens cover the text without gap or overlap (what makes the tree lossless). */
export function tokensAreContiguous(document: DocumentNode, length: number): boolean {
  const tokens = document.tokenList;
  let expected = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.startAt(i) !== expected || tokens.endAt(i) <= expected) return false;
    expected = tokens.endAt(i);
  }
  return expected === length;
}
