/** Reprints a document from its tokens: the inverse of parsing, byte for byte. */
import type { DocumentNode } from './ast.js';

export function printDocument(document: DocumentNode, text: string): string {
  let out = '';
  for (const token of document.tokens) out += text.slice(token.start, token.end);
  return out;
}

/** Whether the tokens cover the text without gap or overlap (what makes the tree lossless). */
export function tokensAreContiguous(document: DocumentNode, length: number): boolean {
  let expected = 0;
  for (const token of document.tokens) {
    if (token.start !== expected || token.end <= token.start) return false;
    expected = token.end;
  }
  return expected === length;
}
