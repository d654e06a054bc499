/** From a JSON pointer into the document's value back to the nodes in the text. */
import type { TomlTable, TomlValue } from '../toml/values.js';
import type { KeySegmentNode } from '../toml/ast.js';
import type { OffsetRange } from '../lint/types.js';

export interface Located {
  value: TomlValue;
  /** The key that names it, where it has one (array items have none). */
  key?: KeySegmentNode;
}

export function valueAtPointer(root: TomlTable, path: readonly string[]): Located | undefined {
  let current: Located = { value: root };
  for (const part of path) {
    const v = current.value;
    if (v.type === 'table') {
      const entry = v.entries.get(part);
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
    return [node.start, node.start];
  }
  return [node.start, node.end];
}

export function describeFound(value: TomlValue): string {
  switch (value.type) {
    case 'table':
      return 'a table';
    case 'array':
      return value.arrayOfTables ? 'an array of tables' : 'a list';
    case 'string': {
      const s = String(value.value);
      return `the string ${JSON.stringify(s.length > 40 ? s.slice(0, 37) + '…' : s)}`;
    }
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
