/**
 * The document's value (what a TOML decoder returns), where every value still points at the
 * syntax node it came from. The schema check and the fly.toml model read this, never raw text.
 */
import type {
  ArrayNode,
  DocumentNode,
  InlineTableNode,
  KeySegmentNode,
  KeyValueNode,
  TableNode,
  ValueNode,
} from './ast.js';

export type TomlValue = TomlTable | TomlArray | TomlScalar;

export interface TomlEntry {
  /** The key segment that names this entry where it was (first) defined. */
  key: KeySegmentNode;
  value: TomlValue;
}

export interface TomlTable {
  type: 'table';
  /** Insertion order is definition order. */
  entries: Map<string, TomlEntry>;
  /**
   * How the table came to be: the document root, a `[header]`, one element of `[[header]]`, an
   * inline table, a dotted key (`a.b = 1` makes `a`), or implicitly as the parent of a header
   * (`[a.b]` makes `a`).
   */
  origin: 'root' | 'header' | 'arrayTableElement' | 'inline' | 'dotted' | 'implicit';
  /** The node that defines it: the document, its header's TableNode, the inline table, or the
   * first key/value (dotted) or table header (implicit) that created it. */
  node: DocumentNode | TableNode | InlineTableNode | KeyValueNode;
  /** For implicit and dotted tables: how many leading segments of the node's key name this table. */
  depth?: number;
}

export interface TomlArray {
  type: 'array';
  items: TomlValue[];
  /** An array of tables (`[[x]]`): each item is a table whose node is its header's TableNode. */
  arrayOfTables: boolean;
  /** The array literal, or for an array of tables its first TableNode. */
  node: ArrayNode | TableNode;
}

export interface TomlScalar {
  type: 'string' | 'integer' | 'float' | 'boolean' | 'datetime';
  value: string | bigint | number | boolean;
  node: ValueNode;
}
