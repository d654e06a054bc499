/**
 * Where completion may write a table: a `[header]` only where no key/value follows it (a header
 * takes every key below it, up to the next header, from the table they belong to), and only for a
 * table the file can still take: not defined yet, or for `[[x]]` already an array of tables.
 */
import type { AnalyzedFile } from '../lint/engine.js';
import type { TomlTable, TomlValue } from '../toml/values.js';
import { isArrayOfTables, subschemaAt } from './schema-view.js';

/** Whether a key/value comes next after `from`, before any header. */
export function keyValueFollows(file: AnalyzedFile, from: number): boolean {
  let next = Infinity;
  let isKeyValue = false;
  const consider = (start: number, keyValue: boolean) => {
    if (start > from && start < next) {
      next = start;
      isKeyValue = keyValue;
    }
  };
  for (const kv of file.doc.body) consider(kv.start, true);
  for (const table of file.doc.tables) {
    consider(table.start, false);
    for (const kv of table.body) consider(kv.start, true);
  }
  return isKeyValue;
}

/**
 * Whether `[path]` (or `[[path]]` for `array`) written at `offset` is valid TOML for this file and
 * lands where the schema wants it. Every step before the last must be a table a header may extend
 * (not an inline table, not a plain value) or an array of tables with an element above `offset`
 * (the element such a header extends); a missing step is created as a table, which is wrong where
 * the schema wants an array of tables. The last step must not exist yet, unless it is an array of
 * tables and the header appends to it.
 */
export function headerFits(file: AnalyzedFile, path: readonly string[], array: boolean, offset: number): boolean {
  if (path.length === 0) return false;
  let current: TomlTable | undefined = file.value;
  for (let i = 0; i < path.length; i++) {
    const value: TomlValue | undefined = current?.entries.get(path[i]!)?.value;
    if (i === path.length - 1) return !value || (array && value.type === 'array' && value.arrayOfTables && !takesSubTables(file, path, offset));
    if (!value) {
      if (isArrayOfTables(subschemaAt(path.slice(0, i + 1)))) return false;
      current = undefined;
    } else if (value.type === 'table') {
      if (value.origin === 'inline') return false;
      current = value;
    } else if (value.type === 'array' && value.arrayOfTables) {
      const above: TomlTable[] = value.items.filter((t: TomlValue): t is TomlTable => t.type === 'table' && t.node.start < offset);
      current = above[above.length - 1];
      if (!current) return false;
    } else return false;
  }
  return false;
}

/**
 * Whether a new `[[path]]` element at `offset` would take sub-tables written below it for the
 * element above (`[services.concurrency]`, `[[services.ports]]`): those headers name the last
 * element before them, up to the next header of the array itself or of an array around it.
 */
function takesSubTables(file: AnalyzedFile, path: readonly string[], offset: number): boolean {
  for (const table of file.doc.tables) {
    if (table.start < offset || !table.key) continue;
    const segments = table.key.segments;
    const shared = segments.length <= path.length ? segments.length : path.length;
    let prefix = true;
    for (let i = 0; i < shared && prefix; i++) prefix = segments[i]!.name === path[i];
    if (!prefix) continue;
    if (segments.length <= path.length) return false;
    return true;
  }
  return false;
}
