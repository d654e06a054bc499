/** What is under the cursor: the table the line belongs to, and the key or value at the offset. */
import type { DocumentNode, KeyValueNode, TableNode, ValueNode } from '../toml/ast.js';

export interface CursorContext {
  /** Key path of the enclosing table (`['http_service']`, `['services', 'ports']`). */
  tablePath: string[];
  table?: TableNode;
  /** The key/value line the cursor is on, if any. */
  keyValue?: KeyValueNode;
  /** Full path of the key under or before the cursor (table path + dotted key). */
  keyPath?: string[];
  /** True when the cursor is on the key (hover/completion of keys), false when after `=`. */
  onKey: boolean;
  /** The innermost value node under the cursor. */
  value?: ValueNode;
  /** Inside a header `[...]`. */
  inHeader: boolean;
}

function containing<T extends { start: number; end: number }>(nodes: readonly T[], offset: number): T | undefined {
  return nodes.find((n) => n.start <= offset && offset <= n.end);
}

export function tableAt(doc: DocumentNode, offset: number): TableNode | undefined {
  let found: TableNode | undefined;
  for (const t of doc.tables) {
    if (t.start <= offset) found = t;
    else break;
  }
  return found;
}

function innermostValue(value: ValueNode | null, offset: number): ValueNode | undefined {
  let current: ValueNode | undefined = value && value.start <= offset && offset <= value.end ? value : undefined;
  for (let depth = 0; current && depth < 64; depth++) {
    const child: ValueNode | undefined =
      current.kind === 'array' ? current.items.find((i) => i.start <= offset && offset <= i.end)
      : current.kind === 'inlineTable' ? current.entries.find((e) => e.start <= offset && offset <= e.end)?.value ?? undefined
      : undefined;
    if (!child) break;
    current = child;
  }
  return current;
}

/** The key/value line at an offset; a half-typed one (`key = `) reaches to the end of its line. */
function keyValueAt(body: readonly KeyValueNode[], offset: number, text: string): KeyValueNode | undefined {
  return body.find((n) => n.start <= offset && (offset <= n.end || ((!n.value || n.value.kind === 'invalid') && !/[\r\n]/.test(text.slice(n.end, offset)))));
}

export function cursorAt(doc: DocumentNode, offset: number, text = ''): CursorContext {
  const table = tableAt(doc, offset);
  const inHeader = !!table && table.header.start <= offset && offset <= table.header.end;
  const tablePath = table?.key?.segments.map((s) => s.name) ?? [];
  const body = table ? table.body : doc.body;
  const keyValue = inHeader ? undefined : text ? keyValueAt(body, offset, text) : containing(body, offset);
  if (!keyValue) return { tablePath: inHeader ? tablePath.slice(0, -1) : tablePath, ...(table ? { table } : {}), onKey: !inHeader, inHeader };
  const onKey = keyValue.equals < 0 || offset <= keyValue.equals;
  const keyPath = [...tablePath, ...keyValue.key.segments.map((s) => s.name)];
  const value = onKey ? undefined : innermostValue(keyValue.value, offset);
  return { tablePath, ...(table ? { table } : {}), keyValue, keyPath, onKey, ...(value ? { value } : {}), inHeader };
}
