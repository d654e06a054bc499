/**
 * Inline suppressions (`# flylint-disable-next-line ID -- reason`, `# flylint-disable-line ID`,
 * `# flylint-disable ID`). First version: the production-rules module refines it.
 */
import type { DocumentNode } from '../toml/ast.js';
import type { Finding } from './types.js';

export function applySuppressions(findings: Finding[], _doc: DocumentNode, _text: string): Finding[] {
  return findings;
}
