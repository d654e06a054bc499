/**
 * The edits behind the schema check's fixes: rewrite a header (`[vm]` → `[[vm]]`), rename a key,
 * replace a value, move or remove a line. Each is one `{range, text}` on the original text and
 * touches nothing else; undefined when the text does not allow a clean edit.
 */
import type { DocumentNode, KeySegmentNode, TableNode } from '../toml/ast.js';
import type { TomlTable, TomlValue } from '../toml/values.js';
import type { Fix } from '../lint/types.js';
import { appendTableFix, indentationAt, insertKeyFix, lineEnd, removeLineFix, stringLiteral } from '../edit/insert-key.js';
import { mergeEdits } from '../edit/merge-edits.js';
import { keyValueOf } from './locate.js';
import { formatDuration } from '../fly/units.js';
import { lookup } from '../fly/fields.js';

export interface EditContext {
  text: string | undefined;
  doc: DocumentNode | undefined;
  /** The document's value: fixes that move a key to the top level look there. */
  root?: TomlTable;
}

/** A string in the file's own quote style. */
export function stringText(ctx: EditContext, value: string): string {
  return ctx.doc ? stringLiteral(ctx.doc, value) : JSON.stringify(value);
}

export function replaceValue(value: TomlValue, text: string): Fix {
  return { range: [value.node.start, value.node.end], text };
}

function headerOf(table: TomlValue): TableNode | undefined {
  const node = table.node;
  return node.kind === 'table' || node.kind === 'arrayTable' ? node : undefined;
}

/** Every header whose key starts with `name` at the top level: `[[mount]]` and `[mount.x]` alike. */
function headersNamed(doc: DocumentNode, name: string): TableNode[] {
  return doc.tables.filter((t) => t.key?.segments[0]?.name === name);
}

/**
 * Whether renaming one key would split what other places share with it: at the top level, other
 * headers or dotted keys that start with its name (`[[Services]]` twice, `[[Services.ports]]`;
 * `APP` in [env] is another key); deeper, any other place that spells the name (more than needed,
 * never less).
 */
export function renameSplits(doc: DocumentNode | undefined, key: KeySegmentNode, topLevel: boolean): boolean {
  if (!doc) return true;
  const name = key.name;
  if (topLevel) {
    const startsHere = (segments: readonly KeySegmentNode[]) => segments[0] !== key && segments[0]?.name === name;
    return headersNamed(doc, name).some((t) => t.key!.segments[0] !== key) || doc.body.some((kv) => kv.key.segments.length > 1 && startsHere(kv.key.segments));
  }
  const uses = (segments: readonly KeySegmentNode[]) => segments.some((s) => s !== key && s.name === name);
  return doc.tables.some((t) => uses(t.key?.segments ?? []) || t.body.some((kv) => uses(kv.key.segments))) || doc.body.some((kv) => uses(kv.key.segments));
}

/**
 * Whether a sub-table header (`[services.concurrency]`) comes before the table's own header: then
 * the table was implicit up to its header, and `[[x]]` there would be a second definition.
 */
function namedBeforeItsHeader(doc: DocumentNode | undefined, header: TableNode): boolean {
  const own = header.key?.segments ?? [];
  if (!doc || own.length === 0) return true;
  return doc.tables.some((t) => t.start < header.start && t.key !== null && t.key.segments.length > own.length && own.every((s, i) => t.key!.segments[i]!.name === s.name));
}

/** `[x]` → `[[x]]` for a single table flyctl expects as an array of tables. */
export function tableToArrayFix(ctx: EditContext, table: TomlValue): Fix | undefined {
  if (table.type === 'table' && table.origin === 'implicit') return openingHeaderFix(ctx, table);
  const header = table.type === 'table' && table.origin === 'header' ? headerOf(table) : undefined;
  if (!header || header.kind !== 'table' || !ctx.text || namedBeforeItsHeader(ctx.doc, header)) return undefined;
  return { range: [header.header.start, header.header.end], text: `[${ctx.text.slice(header.header.start, header.header.end)}]` };
}

/**
 * A top-level table that only sub-table headers made (`[[services.ports]]` before any
 * `[[services]]`) gets its own `[[x]]` header above the first of them: one entry, as flyctl reads it.
 */
function openingHeaderFix(ctx: EditContext, table: TomlTable): Fix | undefined {
  const { text, doc } = ctx;
  const first = table.node;
  if (!text || !doc || (first.kind !== 'table' && first.kind !== 'arrayTable') || !first.key || table.depth !== 1) return undefined;
  const name = first.key.segments[0]!;
  const named = headersNamed(doc, name.name);
  if (name.quote !== 'bare' || named.some((h) => h.key!.segments.length === 1 || h.start < first.start)) return undefined;
  return { range: [first.start, first.start], text: `[[${name.name}]]${doc.lineEnding}${indentationAt(text, first.start)}` };
}

/** `[[x]]` → `[x]` for an array of one table where flyctl expects a single table. */
export function arrayToTableFix(ctx: EditContext, array: TomlValue): Fix | undefined {
  if (array.type !== 'array' || !array.arrayOfTables || array.items.length !== 1 || !ctx.text) return undefined;
  const header = headerOf(array.items[0]!);
  if (!header || header.kind !== 'arrayTable') return undefined;
  const written = ctx.text.slice(header.header.start, header.header.end);
  if (!written.startsWith('[[') || !written.endsWith(']]')) return undefined;
  return { range: [header.header.start, header.header.end], text: written.slice(1, -1) };
}

/**
 * Renames a top-level section written under a legacy name (`[[mount]]` → `[[mounts]]`), in every
 * header that names it; `asArray` also turns a single `[compute]` into `[[vm]]`.
 */
export function renameSectionFix(ctx: EditContext, key: KeySegmentNode, value: TomlValue, modern: string, asArray: boolean): Fix | undefined {
  if (!ctx.text || !ctx.doc || key.quote !== 'bare') return undefined;
  const edits: Fix[] = [];
  const headers = headersNamed(ctx.doc, key.name);
  if (value.type === 'table' || value.type === 'array') {
    if (headers.length === 0) {
      edits.push({ range: [key.start, key.end], text: modern });
    } else {
      for (const h of headers) edits.push({ range: [h.key!.segments[0]!.start, h.key!.segments[0]!.end], text: modern });
      // Dotted keys or inline tables under the old name too: leave such files to a person.
      if (!headers.some((h) => h.key!.segments[0] === key)) return undefined;
    }
  } else {
    edits.push({ range: [key.start, key.end], text: modern });
  }
  if (asArray) {
    const header = value.type === 'table' && value.origin === 'header' ? headerOf(value) : undefined;
    if (!header || header.kind !== 'table' || namedBeforeItsHeader(ctx.doc, header)) return undefined;
    edits.push({ range: [header.header.start, header.header.start], text: '[' }, { range: [header.header.end, header.header.end], text: ']' });
  }
  return mergeEdits(ctx.text, edits);
}

/** Removes the line of a key that has no effect. */
export function removeKeyFix(ctx: EditContext, key: KeySegmentNode): Fix | undefined {
  if (!ctx.text || !ctx.doc) return undefined;
  const kv = keyValueOf(ctx.doc, key);
  return kv && kv.key.segments.length === 1 ? removeLineFix(ctx.text, kv) : undefined;
}

/** Moves a `key = value` line into another table (one that exists and has a header, or the top level). */
export function moveKeyFix(ctx: EditContext, key: KeySegmentNode, target: TomlTable, valueText?: string): Fix | undefined {
  if (!ctx.text || !ctx.doc) return undefined;
  const kv = keyValueOf(ctx.doc, key);
  if (!kv || !kv.value || kv.key.segments.length !== 1 || target.entries.has(key.name)) return undefined;
  // An implicit table's node is the header of a table below it: inserting there would land in the wrong table.
  if (target.origin !== 'root' && target.origin !== 'header' && target.origin !== 'arrayTableElement') return undefined;
  const insert = insertKeyFix(ctx.doc, ctx.text, target, ctx.text.slice(kv.key.start, kv.key.end), valueText ?? ctx.text.slice(kv.value.start, kv.value.end));
  return insert ? mergeEdits(ctx.text, [removeLineFix(ctx.text, kv), insert]) : undefined;
}

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * An array of `{ name, value }` tables that flyctl turns into a map, written as that map:
 * `[[processes]] name = "web" command = "./web"` … → `[processes] web = "./web"`, and
 * `[[services.http_checks.headers]] name = "Host" value = "x"` … → `[services.http_checks.headers]
 * Host = "x"`. Only for the plain case: every item a header of its own holding a string name and a
 * string value and nothing else, names unique, no comment the rewrite would have to drop.
 */
export function pairsArrayToTableFix(ctx: EditContext, array: TomlValue, nameKey: string, valueKey: string): Fix | undefined {
  const { text, doc } = ctx;
  if (!text || !doc || array.type !== 'array' || !array.arrayOfTables || array.items.length === 0) return undefined;
  const lines: string[] = [];
  const names = new Set<string>();
  const headers: TableNode[] = [];
  for (const item of array.items) {
    const header = headerOf(item);
    if (item.type !== 'table' || !header || header.kind !== 'arrayTable' || item.entries.size !== 2) return undefined;
    const name = item.entries.get(nameKey);
    const value = item.entries.get(valueKey);
    if (name?.value.type !== 'string' || value?.value.type !== 'string' || header.body.some((kv) => kv.key.segments.length !== 1)) return undefined;
    const key = keyFor(text, name.value);
    if (!key || names.has(name.value.value as string)) return undefined;
    names.add(name.value.value as string);
    lines.push(`${indentationAt(text, name.key.start)}${key} = ${text.slice(value.value.node.start, value.value.node.end)}`);
    headers.push(header);
  }
  if (doc.comments.some((c) => headers.some((h) => c.start >= h.start && c.start < lineEnd(text, h.end)))) return undefined;
  const [first, ...rest] = headers;
  const written = text.slice(first!.header.start, first!.header.end);
  if (!written.startsWith('[[') || !written.endsWith(']]')) return undefined;
  const eol = doc.lineEnding;
  const edits: Fix[] = [{ range: [first!.start, first!.end], text: `${written.slice(1, -1)}${eol}${lines.join(eol)}` }];
  for (const h of rest) {
    // The entry's lines and the blank lines before them.
    let start = h.start;
    while (start > 0 && /[ \t\r\n]/.test(text[start - 1]!)) start--;
    edits.push({ range: [start, h.end], text: '' });
  }
  return mergeEdits(text, edits);
}

/** A string value as a key: bare when it can be, else its own single-line literal. */
function keyFor(text: string, value: TomlValue): string | undefined {
  if (value.type !== 'string') return undefined;
  if (BARE_KEY.test(value.value as string)) return value.value as string;
  const written = text.slice(value.node.start, value.node.end);
  return /^("|')(?!\1\1)/.test(written) ? written : undefined;
}

/**
 * `[[checks]] name = "pg" …` → `[checks.pg] …`: flyctl keys the legacy array by `name` and ignores
 * the `name` key itself. Only where every `checks` header is such an item with a unique string
 * name: a `[checks.x]` header beside them would turn into a check of its own.
 */
export function checksArrayToTablesFix(ctx: EditContext, array: TomlValue): Fix | undefined {
  const { text, doc } = ctx;
  if (!text || !doc || array.type !== 'array' || !array.arrayOfTables || array.items.length === 0) return undefined;
  const named = headersNamed(doc, 'checks');
  if (named.length !== array.items.length || named.some((h) => h.kind !== 'arrayTable' || h.key?.segments.length !== 1)) return undefined;
  const names = new Set<string>();
  const edits: Fix[] = [];
  for (const item of array.items) {
    const header = headerOf(item);
    const name = item.type === 'table' ? item.entries.get('name') : undefined;
    const key = name ? keyFor(text, name.value) : undefined;
    const kv = name ? keyValueOf(doc, name.key) : undefined;
    const value = name?.value.type === 'string' ? (name.value.value as string) : undefined;
    if (!header || value === undefined || !key || !kv || kv.key.segments.length !== 1 || names.has(value)) return undefined;
    names.add(value);
    edits.push({ range: [header.header.start, header.header.end], text: `[checks.${key}]` }, removeLineFix(text, kv));
  }
  return mergeEdits(text, edits);
}

/**
 * `[experimental] kill_timeout` → the top level, where flyctl copies it when no top-level
 * kill_timeout is set (either reads a bare number as seconds).
 */
export function experimentalKillTimeoutFix(ctx: EditContext, key: KeySegmentNode): Fix | undefined {
  const experimental = ctx.root?.entries.get('experimental');
  if (!ctx.root || experimental?.value.type !== 'table' || experimental.value.entries.get('kill_timeout')?.key !== key) return undefined;
  // In any case: flyctl matches keys ignoring case.
  if (lookup(ctx.root, 'kill_timeout')) return undefined;
  // A bare number of seconds gets its unit on the way, as the other legacy fix would write it.
  const value = experimental.value.entries.get('kill_timeout')!.value;
  const seconds = value.type === 'integer' ? Number(value.value) : undefined;
  const modern = seconds !== undefined && Math.abs(seconds) < 9e9 ? stringText(ctx, formatDuration(seconds * 1000)) : undefined;
  return moveKeyFix(ctx, key, ctx.root, modern);
}

/**
 * `[experimental] metrics_port` and `metrics_path` → a `[metrics]` table with `port` and `path`,
 * as flyctl reads them when the file has no `metrics` key. Not beside a `[metric]`, whose entries
 * flyctl orders before the copied one.
 */
export function experimentalMetricsFix(ctx: EditContext): Fix | undefined {
  const { text, doc, root } = ctx;
  const experimental = root?.entries.get('experimental')?.value;
  if (!text || !doc || !root || experimental?.type !== 'table' || lookup(root, 'metrics') || lookup(root, 'metric')) return undefined;
  const lines: string[] = [];
  const edits: Fix[] = [];
  for (const [legacy, modern, type] of [['metrics_port', 'port', 'integer'], ['metrics_path', 'path', 'string']] as const) {
    const entry = experimental.entries.get(legacy);
    if (!entry) continue;
    const kv = keyValueOf(doc, entry.key);
    if (entry.value.type !== type || !kv || kv.key.segments.length !== 1) return undefined;
    lines.push(`${modern} = ${text.slice(entry.value.node.start, entry.value.node.end)}`);
    edits.push(removeLineFix(text, kv));
  }
  if (!edits.length) return undefined;
  return mergeEdits(text, [...edits, appendTableFix(doc, text, 'metrics', lines)]);
}
