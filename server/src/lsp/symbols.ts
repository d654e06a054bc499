/**
 * Document symbols: the table outline. Keys are children of their table; a table nests under the
 * table its key extends (`[http_service.concurrency]` under `[http_service]`, `[[services.ports]]`
 * under the `[[services]]` before it); inline tables list their own keys.
 */
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import type { DocumentNode, KeyValueNode, TableNode, ValueNode } from '../toml/ast.js';
import type { LineIndex } from '../lint/line-index.js';
import { names } from './cursor.js';

const VALUE_KIND: Record<ValueNode['kind'], SymbolKind> = {
  string: SymbolKind.String,
  integer: SymbolKind.Number,
  float: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  datetime: SymbolKind.Constant,
  array: SymbolKind.Array,
  inlineTable: SymbolKind.Object,
  invalid: SymbolKind.Property,
};

function rangeOf(index: LineIndex, node: { start: number; end: number }): Range {
  return { start: index.positionAt(node.start), end: index.positionAt(node.end) };
}

function keySymbol(kv: KeyValueNode, index: LineIndex, depth: number): DocumentSymbol {
  const symbol: DocumentSymbol = {
    name: names(kv.key).join('.') || '?',
    kind: kv.value ? VALUE_KIND[kv.value.kind] : SymbolKind.Property,
    range: rangeOf(index, kv),
    selectionRange: rangeOf(index, kv.key),
  };
  if (kv.value?.kind === 'inlineTable' && depth < 16) symbol.children = kv.value.entries.map((e) => keySymbol(e, index, depth + 1));
  return symbol;
}

function headerText(text: string, table: TableNode): string {
  if (!table.key) return text.slice(table.header.start, table.header.end).trim() || '[?]';
  const dotted = names(table.key).join('.');
  return table.kind === 'arrayTable' ? `[[${dotted}]]` : `[${dotted}]`;
}

function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  return prefix.length < path.length && prefix.every((p, i) => p === path[i]);
}

export function documentSymbols(doc: DocumentNode, text: string, index: LineIndex): DocumentSymbol[] {
  const top: DocumentSymbol[] = doc.body.map((kv) => keySymbol(kv, index, 0));
  /** Open tables, outermost first, each with its key path. */
  const stack: Array<{ path: string[]; symbol: DocumentSymbol }> = [];
  for (const table of doc.tables) {
    const path = names(table.key);
    const symbol: DocumentSymbol = {
      name: headerText(text, table),
      kind: table.kind === 'arrayTable' ? SymbolKind.Array : SymbolKind.Module,
      range: rangeOf(index, table),
      selectionRange: rangeOf(index, table.header),
      children: table.body.map((kv) => keySymbol(kv, index, 0)),
    };
    while (stack.length && !(path.length && isPrefix(stack[stack.length - 1]!.path, path))) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.symbol.children!.push(symbol);
      // A parent's range must contain its children's.
      for (const open of stack) open.symbol.range = { start: open.symbol.range.start, end: symbol.range.end };
    } else top.push(symbol);
    stack.push({ path, symbol });
  }
  return top;
}
