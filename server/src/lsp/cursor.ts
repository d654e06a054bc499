/**
 * What is under the cursor: the table the line belongs to, the key or value at the offset (inside
 * inline tables and arrays too), and the table a key typed there would belong to. Half-typed lines
 * (`key = `, `key = [`, `key = "s`) count as the key/value they are becoming.
 */
import type { DocumentNode, KeyNode, KeyValueNode, TableNode, ValueNode } from '../toml/ast.js';

export interface CursorContext {
  /** Key path of the enclosing `[table]` (`['http_service']`, `['services', 'ports']`). */
  tablePath: string[];
  table?: TableNode;
  /** Inside a header `[...]`. */
  inHeader: boolean;
  /** The innermost key/value at the cursor (an inline table's entry when inside one). */
  keyValue?: KeyValueNode;
  /** Full path of that key: table path, outer keys, and its own (dotted) segments. */
  keyPath?: string[];
  /** The table a key typed at the cursor belongs to (table path, dotted prefix, inline tables). */
  containerPath: string[];
  /** True where a key goes (or is being typed), false after `=`. */
  onKey: boolean;
  /** The innermost value under the cursor (an array when between its items). */
  value?: ValueNode;
}

export function names(key: KeyNode | null | undefined): string[] {
  return key ? key.segments.map((s) => s.name) : [];
}

/** The table whose header is the last one before the offset. Tables are in source order. */
export function tableAt(doc: DocumentNode, offset: number): TableNode | undefined {
  let low = 0;
  let high = doc.tables.length - 1;
  let found: TableNode | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const t = doc.tables[mid]!;
    if (t.start <= offset) {
      found = t;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Nothing but spaces between the node's end and the cursor: the cursor still extends it. */
function continues(text: string, end: number, offset: number, stops: RegExp): boolean {
  return offset >= end && !stops.test(text.slice(end, offset));
}

function unfinished(value: ValueNode | null): boolean {
  return !value || value.kind === 'invalid' || ((value.kind === 'array' || value.kind === 'inlineTable') && !value.closed);
}

function entryAt(entries: readonly KeyValueNode[], offset: number, text: string, stops: RegExp): KeyValueNode | undefined {
  for (const n of entries) {
    if (n.start > offset) break;
    if (offset <= n.end || (unfinished(n.value) && continues(text, n.end, offset, stops))) return n;
  }
  return undefined;
}

function within(node: { start: number; end: number }, offset: number): boolean {
  return node.start <= offset && offset <= node.end;
}

function inside(kv: KeyValueNode, base: string[], offset: number, text: string): Omit<CursorContext, 'tablePath' | 'inHeader' | 'table'> {
  const own = names(kv.key);
  const keyPath = [...base, ...own];
  if (kv.equals < 0 || offset <= kv.equals) return { keyValue: kv, keyPath, containerPath: [...base, ...own.slice(0, -1)], onKey: true };
  let node: ValueNode | undefined = kv.value ?? undefined;
  if (node && !(within(node, offset) || (unfinished(node) && continues(text, node.end, offset, /[\r\n]/)))) {
    return { keyValue: kv, keyPath, containerPath: [...base, ...own.slice(0, -1)], onKey: false };
  }
  for (let depth = 0; node && depth < 64; depth++) {
    if (node.kind === 'array') {
      const item = node.items.find((i) => within(i, offset) && i.start < offset);
      if (!item) break;
      node = item;
    } else if (node.kind === 'inlineTable') {
      if (offset <= node.start) break;
      const entry = entryAt(node.entries, offset, text, /[\r\n,}]/);
      if (entry) return inside(entry, keyPath, offset, text);
      // Between the braces, where the next key goes.
      return { keyPath, containerPath: keyPath, onKey: true };
    } else break;
  }
  return { keyValue: kv, keyPath, containerPath: [...base, ...own.slice(0, -1)], onKey: false, ...(node ? { value: node } : {}) };
}

export function cursorAt(doc: DocumentNode, offset: number, text: string): CursorContext {
  const table = tableAt(doc, offset);
  const tablePath = names(table?.key);
  const withTable = table ? { table } : {};
  if (table && table.header.start <= offset && offset <= table.header.end) {
    return { tablePath, ...withTable, inHeader: true, containerPath: tablePath.slice(0, -1), onKey: false };
  }
  const body = table ? table.body : doc.body;
  const kv = entryAt(body, offset, text, /[\r\n]/);
  if (!kv) return { tablePath, ...withTable, inHeader: false, containerPath: tablePath, onKey: true };
  return { tablePath, ...withTable, inHeader: false, ...inside(kv, tablePath, offset, text) };
}
