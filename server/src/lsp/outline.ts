/** Document symbols (the table outline) and folding ranges. */
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { DocumentNode, KeyValueNode } from '../toml/ast.js';
import { LineIndex } from '../lint/line-index.js';

function keySymbol(kv: KeyValueNode, index: LineIndex): DocumentSymbol {
  const range = { start: index.positionAt(kv.start), end: index.positionAt(kv.end) };
  return { name: kv.key.segments.map((s) => s.name).join('.') || '?', kind: SymbolKind.Property, range, selectionRange: { start: index.positionAt(kv.key.start), end: index.positionAt(kv.key.end) } };
}

export function documentSymbols(doc: DocumentNode, text: string): DocumentSymbol[] {
  const index = new LineIndex(text);
  const out: DocumentSymbol[] = doc.body.map((kv) => keySymbol(kv, index));
  for (const t of doc.tables) {
    const name = t.key ? t.key.segments.map((s) => s.name).join('.') : '?';
    out.push({
      name: t.kind === 'arrayTable' ? `[[${name}]]` : `[${name}]`,
      kind: t.kind === 'arrayTable' ? SymbolKind.Array : SymbolKind.Namespace,
      range: { start: index.positionAt(t.start), end: index.positionAt(t.end) },
      selectionRange: { start: index.positionAt(t.header.start), end: index.positionAt(t.header.end) },
      children: t.body.map((kv) => keySymbol(kv, index)),
    });
  }
  return out;
}

export function foldingRanges(doc: DocumentNode, text: string): FoldingRange[] {
  const index = new LineIndex(text);
  const out: FoldingRange[] = [];
  const add = (start: number, end: number) => {
    const a = index.positionAt(start).line;
    const b = index.positionAt(end).line;
    if (b > a) out.push({ startLine: a, endLine: b });
  };
  for (const t of doc.tables) add(t.start, t.end);
  const visit = (kv: KeyValueNode) => {
    const v = kv.value;
    if (v && (v.kind === 'array' || v.kind === 'inlineTable' || v.kind === 'string')) add(v.start, v.end);
  };
  doc.body.forEach(visit);
  doc.tables.forEach((t) => t.body.forEach(visit));
  return out;
}
