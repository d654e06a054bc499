/** Folding ranges: tables, multi-line arrays, inline tables and strings, and runs of comment lines. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { DocumentNode, KeyValueNode, ValueNode } from '../toml/ast.js';
import type { LineIndex } from '../lint/line-index.js';

export function foldingRanges(doc: DocumentNode, index: LineIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: FoldingRangeKind) => {
    const startLine = index.positionAt(start).line;
    const endLine = index.positionAt(end).line;
    if (endLine > startLine) out.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  const visitValue = (value: ValueNode | null, depth: number) => {
    if (!value || depth > 32) return;
    if (value.kind === 'array' || value.kind === 'inlineTable' || value.kind === 'string') add(value.start, value.end);
    if (value.kind === 'array') value.items.forEach((item) => visitValue(item, depth + 1));
    if (value.kind === 'inlineTable') value.entries.forEach((entry) => visitValue(entry.value, depth + 1));
  };
  const visit = (kv: KeyValueNode) => visitValue(kv.value, 0);

  doc.body.forEach(visit);
  for (const table of doc.tables) {
    add(table.start, table.end);
    table.body.forEach(visit);
  }
  // Consecutive whole-line comments fold together.
  let run: { start: number; end: number; line: number } | undefined;
  for (const comment of doc.comments) {
    const line = index.positionAt(comment.start).line;
    const alone = /^[ \t]*$/.test(index.text.slice(index.lineStarts[line]!, comment.start));
    if (!alone) continue;
    if (run && line === run.line + 1) run = { start: run.start, end: comment.end, line };
    else {
      if (run) add(run.start, run.end, FoldingRangeKind.Comment);
      run = { start: comment.start, end: comment.end, line };
    }
  }
  if (run) add(run.start, run.end, FoldingRangeKind.Comment);
  return out;
}
