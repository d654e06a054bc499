/**
 * Builds the document's value from the syntax nodes and enforces TOML's rules about defining
 * things once: a key is defined once, a table by one header, tables made by dotted keys are not
 * reopened by headers, inline tables and static arrays are closed … Every conflict becomes a
 * `toml-duplicate-key` error that points at the first definition; the first definition wins.
 */
import type { DocumentNode, InlineTableNode, KeySegmentNode, KeyValueNode, TableNode, ValueNode } from './ast.js';
import type { TomlArray, TomlTable, TomlValue } from './values.js';
import type { TomlError } from './parse.js';

function describe(value: TomlValue): string {
  if (value.type === 'table') {
    switch (value.origin) {
      case 'inline':
        return 'an inline table';
      case 'dotted':
        return 'a table defined by dotted keys';
      case 'arrayTableElement':
        return 'an array of tables';
      default:
        return 'a table';
    }
  }
  if (value.type === 'array') return value.arrayOfTables ? 'an array of tables' : 'an array';
  return `a ${value.type}`;
}

function keyPath(segments: readonly KeySegmentNode[], count: number): string {
  return segments
    .slice(0, count)
    .map((s) => (/^[A-Za-z0-9_-]+$/.test(s.name) ? s.name : JSON.stringify(s.name)))
    .join('.');
}

export class DocumentBuilder {
  readonly root: TomlTable;

  /** Conflicts go into `errors`, the parser's list. */
  constructor(document: DocumentNode, private readonly errors: TomlError[]) {
    this.root = { type: 'table', entries: new Map(), origin: 'root', node: document };
  }

  private conflict(segment: KeySegmentNode, message: string, first: KeySegmentNode | undefined): void {
    this.errors.push({
      code: 'toml-duplicate-key',
      message,
      range: [segment.start, segment.end],
      ...(first ? { related: [{ message: 'first defined here', range: [first.start, first.end] as [number, number] }] } : {}),
    });
  }

  /** A detached table: key/value lines under a header that conflicts still parse, but go nowhere. */
  private detached(node: TableNode): TomlTable {
    return { type: 'table', entries: new Map(), origin: 'header', node };
  }

  /** `[a.b]` or `[[a.b]]`: returns the table that the following key/value lines fill. */
  openTable(node: TableNode): TomlTable {
    const segments = node.key?.segments ?? [];
    if (segments.length === 0) return this.detached(node);
    let table = this.root;
    for (let i = 0; i < segments.length - 1; i++) {
      const segment = segments[i]!;
      const entry = table.entries.get(segment.name);
      if (!entry) {
        const created: TomlTable = { type: 'table', entries: new Map(), origin: 'implicit', node, depth: i + 1 };
        table.entries.set(segment.name, { key: segment, value: created });
        table = created;
        continue;
      }
      const value = entry.value;
      if (value.type === 'table' && value.origin !== 'inline') {
        table = value;
      } else if (value.type === 'array' && value.arrayOfTables && value.items.length > 0) {
        table = value.items[value.items.length - 1] as TomlTable;
      } else {
        this.conflict(segment, `Cannot define a table inside "${keyPath(segments, i + 1)}": it is already ${describe(value)}`, entry.key);
        return this.detached(node);
      }
    }
    const last = segments[segments.length - 1]!;
    const entry = table.entries.get(last.name);
    if (node.kind === 'table') {
      if (!entry) {
        const created: TomlTable = { type: 'table', entries: new Map(), origin: 'header', node };
        table.entries.set(last.name, { key: last, value: created });
        return created;
      }
      if (entry.value.type === 'table' && entry.value.origin === 'implicit') {
        entry.value.origin = 'header';
        entry.value.node = node;
        delete entry.value.depth;
        entry.key = last;
        return entry.value;
      }
      const path = keyPath(segments, segments.length);
      const what = entry.value.type === 'table' && entry.value.origin === 'header' ? `Table [${path}] is defined twice` : `Cannot define table [${path}]: "${path}" is already ${describe(entry.value)}`;
      this.conflict(last, what, entry.key);
      return this.detached(node);
    }
    let array: TomlArray;
    if (!entry) {
      array = { type: 'array', items: [], arrayOfTables: true, node };
      table.entries.set(last.name, { key: last, value: array });
    } else if (entry.value.type === 'array' && entry.value.arrayOfTables) {
      array = entry.value;
    } else {
      const path = keyPath(segments, segments.length);
      this.conflict(last, `Cannot add [[${path}]]: "${path}" is already ${describe(entry.value)}`, entry.key);
      return this.detached(node);
    }
    const element: TomlTable = { type: 'table', entries: new Map(), origin: 'arrayTableElement', node };
    array.items.push(element);
    return element;
  }

  /** `a.b.c = value` inside `table`. */
  defineKeyValue(table: TomlTable, node: KeyValueNode): void {
    if (!node.value || node.value.kind === 'invalid') return;
    const segments = node.key.segments;
    if (segments.length === 0) return;
    let target = table;
    for (let i = 0; i < segments.length - 1; i++) {
      const segment = segments[i]!;
      const entry = target.entries.get(segment.name);
      if (!entry) {
        const created: TomlTable = { type: 'table', entries: new Map(), origin: 'dotted', node, depth: i + 1 };
        target.entries.set(segment.name, { key: segment, value: created });
        target = created;
        continue;
      }
      const value = entry.value;
      if (value.type === 'table' && (value.origin === 'dotted' || value.origin === 'implicit')) {
        target = value;
      } else {
        this.conflict(segment, `Cannot add keys to "${keyPath(segments, i + 1)}" with a dotted key: it is already ${describe(value)}`, entry.key);
        return;
      }
    }
    const last = segments[segments.length - 1]!;
    const existing = target.entries.get(last.name);
    if (existing) {
      this.conflict(last, `Duplicate key "${keyPath(segments, segments.length)}"`, existing.key);
      return;
    }
    target.entries.set(last.name, { key: last, value: this.valueOf(node.value) });
  }

  private valueOf(node: ValueNode): TomlValue {
    switch (node.kind) {
      case 'string':
      case 'integer':
      case 'float':
      case 'boolean':
        return { type: node.kind, value: node.value, node };
      case 'datetime':
        return { type: 'datetime', value: node.raw, node };
      case 'array':
        return { type: 'array', items: node.items.filter((item) => item.kind !== 'invalid').map((item) => this.valueOf(item)), arrayOfTables: false, node };
      case 'inlineTable':
        return this.inlineTable(node);
      case 'invalid':
        // Never stored: callers skip invalid values. A string keeps the type total.
        return { type: 'string', value: '', node };
    }
  }

  private inlineTable(node: InlineTableNode): TomlTable {
    // Filled as dotted keys would be, then closed: nothing may extend it afterwards.
    const table: TomlTable = { type: 'table', entries: new Map(), origin: 'dotted', node };
    for (const entry of node.entries) this.defineKeyValue(table, entry);
    table.origin = 'inline';
    return table;
  }
}
