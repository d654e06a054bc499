/** From a path into the document's value back to the nodes in the text, and values in words. */
import type { TomlTable, TomlValue } from '../toml/values.js';
import type { DocumentNode, KeySegmentNode, KeyValueNode } from '../toml/ast.js';
import type { OffsetRange } from '../lint/types.js';

export interface Located {
  value: TomlValue;
  /** The key that names it, where it has one (array items have none). */
  key?: KeySegmentNode;
}

/** The value at a path; a key matches exactly, else ignoring case (as flyctl matches keys). */
export function valueAtPointer(root: TomlTable, path: readonly (string | number)[]): Located | undefined {
  let current: Located = { value: root };
  for (const part of path) {
    const v = current.value;
    if (v.type === 'table') {
      const name = String(part);
      const entry = v.entries.get(name) ?? [...v.entries].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
      if (!entry) return undefined;
      current = { value: entry.value, key: entry.key };
    } else if (v.type === 'array') {
      const item = v.items[Number(part)];
      if (!item) return undefined;
      current = { value: item };
    } else {
      return undefined;
    }
  }
  return current;
}

/** Where to point for a value: the scalar or literal itself; for a table, its header or key. */
export function rangeOfValue(located: Located): OffsetRange {
  const v = located.value;
  const node = v.node;
  if (v.type === 'table' || (v.type === 'array' && v.arrayOfTables)) {
    if (node.kind === 'table' || node.kind === 'arrayTable') return [node.header.start, node.header.end];
    if (node.kind === 'inlineTable') return [node.start, node.end];
    if (located.key) return [located.key.start, located.key.end];
    if (node.kind === 'keyValue') return [node.key.start, node.key.end];
    return [node.start, node.start];
  }
  return [node.start, node.end];
}

/** The key/value line a key segment belongs to (for edits that move or remove the line). */
export function keyValueOf(doc: DocumentNode, segment: KeySegmentNode): KeyValueNode | undefined {
  const holds = (kv: KeyValueNode) => kv.key.segments.includes(segment);
  // Index loops: this runs for many issues of many files, mostly while cold (a for-of allocates per step).
  for (let i = 0; i < doc.body.length; i++) if (holds(doc.body[i]!)) return doc.body[i];
  for (let t = 0; t < doc.tables.length; t++) {
    const body = doc.tables[t]!.body;
    for (let i = 0; i < body.length; i++) if (holds(body[i]!)) return body[i];
  }
  return undefined;
}

function quoted(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}…` : s);
}

/** A value in words, for messages: `a string "abc"`, `the number 512.5`, `an array of tables`. */
export function describeFound(value: TomlValue): string {
  switch (value.type) {
    case 'table':
      return 'a table';
    case 'array':
      return value.arrayOfTables ? 'an array of tables' : 'a list';
    case 'string':
      return `a string ${quoted(String(value.value))}`;
    case 'integer':
      return `the integer ${String(value.value)}`;
    case 'float':
      return `the number ${String(value.value)}`;
    case 'boolean':
      return String(value.value);
    case 'datetime':
      return `the date ${String(value.value)}`;
  }
}
