/**
 * Edits every fix is built from: add a key to a table (after its last line, in its indentation),
 * add a table, replace a value. They return one `{range, text}` on the original text and never
 * touch comments or other lines.
 */
import type { DocumentNode, KeyValueNode } from '../toml/ast.js';
import type { TomlTable } from '../toml/values.js';
import type { Fix } from '../lint/types.js';
import { closestKey } from '../lint/did-you-mean.js';

/** The start of `offset`'s line; the first line starts after a byte order mark, which must stay first. */
function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i === 0 && offset > 0 && text.charCodeAt(0) === 0xfeff ? 1 : i;
}

export function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

/** The spaces and tabs that open `offset`'s line, up to `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/** Where the text after `offset`'s line starts, and whether a line break must be added first. */
function afterLine(text: string, doc: DocumentNode, offset: number): { at: number; prefix: string } {
  const end = lineEnd(text, offset);
  if (end >= text.length) return { at: text.length, prefix: text.length > 0 ? doc.lineEnding : '' };
  const breakLength = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1;
  return { at: end + breakLength, prefix: '' };
}

// How the file writes things, read once per document: fixes are built per finding, often
// hundreds in one file, and a scan of the file for each would make linting quadratic.
const singleQuoted = new WeakMap<DocumentNode, boolean>();
const indentedBodies = new WeakMap<DocumentNode, boolean>();

/** A string in the quote style the file uses most: `fly launch` writes single quotes, people often double. */
export function stringLiteral(doc: DocumentNode, value: string): string {
  let single = singleQuoted.get(doc);
  if (single === undefined) {
    single = doc.tokenList.count('literalString') > doc.tokenList.count('basicString');
    singleQuoted.set(doc, single);
  }
  return single && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
}

/** Whether the file indents key lines under headers (as `fly launch` does). */
function indentsBodies(doc: DocumentNode, text: string): boolean {
  let indented = indentedBodies.get(doc);
  if (indented === undefined) {
    const withBody = doc.tables.find((t) => t.body.length > 0);
    indented = withBody ? indentationAt(text, withBody.body[0]!.start).length > indentationAt(text, withBody.header.start).length : false;
    indentedBodies.set(doc, indented);
  }
  return indented;
}

function lastLine(body: readonly KeyValueNode[]): KeyValueNode | undefined {
  return body.length ? body.reduce((a, b) => (b.end > a.end ? b : a)) : undefined;
}

/** The key that names an implicit or dotted table, as written (`http_service`, `"services"`). */
function writtenPath(text: string, table: TomlTable): string | undefined {
  const node = table.node;
  const segments = node.kind === 'keyValue' ? node.key.segments : node.kind === 'table' || node.kind === 'arrayTable' ? node.key?.segments : undefined;
  if (!segments || !table.depth || table.depth > segments.length) return undefined;
  return text.slice(segments[0]!.start, segments[table.depth - 1]!.end);
}

/** The written key of a table that has a header of its own or is named by others' headers. */
function headerPath(text: string, table: TomlTable): string | undefined {
  const node = table.node;
  if (table.origin === 'implicit') return writtenPath(text, table);
  if ((table.origin === 'header' || table.origin === 'arrayTableElement') && (node.kind === 'table' || node.kind === 'arrayTable') && node.key) {
    return text.slice(node.key.start, node.key.end);
  }
  return undefined;
}

/**
 * A table named only by the headers of its sub-tables (`[http_service.concurrency]` makes
 * `http_service`): a header of its own with the new lines goes right before the first of them, as
 * TOML allows a table to be defined after its sub-tables but never twice.
 */
function defineImplicitFix(doc: DocumentNode, text: string, table: TomlTable, lines: readonly string[]): Fix | undefined {
  const path = writtenPath(text, table);
  if (!path) return undefined;
  const at = lineStart(text, table.node.start);
  const eol = doc.lineEnding;
  const indent = indentsBodies(doc, text) ? '  ' : '';
  return { range: [at, at], text: `[${path}]${eol}${lines.map((l) => indent + l + eol).join('')}${eol}` };
}

/**
 * Whether the table holds the key under another spelling (`auto_machine_stop`): unknown-key's fix
 * renames that line, and adding the key as well would define it twice once both fixes are applied.
 */
function writtenMisspelt(table: TomlTable, key: string): boolean {
  let found = false;
  // forEach: a for-of over the keys allocates per step while cold, and every lint asks this.
  table.entries.forEach((_, name) => {
    found ||= name !== key && isMisspellingOf(name, key);
  });
  return found;
}

// Every lint asks this of the same few names (each key of the top level against `swap_size_mb` …):
// the answers are kept, up to a bound, as a typing session would otherwise grow the memo forever.
// By key, then by name: a joined "name+key" string would be built (and hashed) on every question.
const misspellings = new Map<string, Map<string, boolean>>();
let remembered = 0;
const MAX_REMEMBERED = 10_000;

function isMisspellingOf(name: string, key: string): boolean {
  let byName = misspellings.get(key);
  let answer = byName?.get(name);
  if (answer === undefined) {
    // The lengths of a typo and its key differ by no more than the edit distance closestKey allows
    // (a third of the typo's length), or for reordered words by their dropped plural s's: most
    // names are ruled out without computing a distance.
    const slack = Math.max(Math.floor(name.length / 3), name.split(/[_-]+/).length);
    answer = Math.abs(name.length - key.length) <= slack && closestKey(name, [key]) === key;
    if (remembered >= MAX_REMEMBERED) {
      misspellings.clear();
      remembered = 0;
      byName = undefined;
    }
    if (!byName) misspellings.set(key, (byName = new Map()));
    byName.set(name, answer);
    remembered++;
  }
  return answer;
}

/** `key = value` as the last line of `table` (a header of its own for a table only named by sub-tables). */
export function insertKeyFix(doc: DocumentNode, text: string, table: TomlTable, key: string, valueText: string): Fix | undefined {
  return insertKeysFix(doc, text, table, [[key, valueText]]);
}

/** Several `key = value` lines at once, in one edit: two edits at one place would wait for each other. */
export function insertKeysFix(doc: DocumentNode, text: string, table: TomlTable, wanted: ReadonlyArray<readonly [string, string]>): Fix | undefined {
  // A key the table already has (with a value of the wrong type, say) is never added a second time.
  const entries = wanted.filter(([key]) => !table.entries.has(key) && !writtenMisspelt(table, key));
  if (entries.length === 0) return undefined;
  const node = table.node;
  const eol = doc.lineEnding;
  const lines = (indent: string, path = '') => entries.map(([key, value]) => `${indent}${path}${key} = ${value}${eol}`).join('');
  if (table.origin === 'implicit') return defineImplicitFix(doc, text, table, entries.map(([key, value]) => `${key} = ${value}`));
  if (table.origin === 'dotted') {
    // `http_service.internal_port = 8080` makes the table: more dotted lines right after it.
    const path = writtenPath(text, table);
    if (!path || node.kind !== 'keyValue') return undefined;
    const { at, prefix } = afterLine(text, doc, node.end);
    return { range: [at, at], text: prefix + lines(indentationAt(text, node.start), `${path}.`) };
  }
  if (node.kind === 'inlineTable') {
    const close = node.closed ? node.end - 1 : -1;
    if (close < 0) return undefined;
    const separator = node.entries.length ? ', ' : ' ';
    const before = text.slice(0, close).replace(/\s*$/, '');
    const at = before.length;
    return { range: [at, close], text: `${separator}${entries.map(([key, value]) => `${key} = ${value}`).join(', ')} ` };
  }
  if (node.kind === 'document') {
    const last = lastLine(doc.body);
    if (last) {
      const { at, prefix } = afterLine(text, doc, last.end);
      return { range: [at, at], text: prefix + lines(indentationAt(text, last.start)) };
    }
    // No top-level keys: before the first header (or at the end of an empty file), after any leading comments.
    const firstTable = doc.tables[0];
    const at = firstTable ? lineStart(text, firstTable.start) : text.length;
    const prefix = !firstTable && text.length > 0 && !/\r?\n$/.test(text) ? eol : '';
    return { range: [at, at], text: `${prefix}${lines('')}${firstTable ? eol : ''}` };
  }
  if (node.kind === 'table' || node.kind === 'arrayTable') {
    const last = lastLine(node.body);
    const anchor = last ? last.end : node.header.end;
    const indent = last ? indentationAt(text, last.start) : indentationAt(text, node.header.start) + (indentsBodies(doc, text) ? '  ' : '');
    const { at, prefix } = afterLine(text, doc, anchor);
    return { range: [at, at], text: prefix + lines(indent) };
  }
  return undefined;
}

/**
 * A new `[[name]]` section with its lines, appended at the end of the file; none where the top
 * level already holds `name` in another form, or a misspelling of it that unknown-key renames
 * (both fixes applied together would define it twice).
 */
export function appendArrayTableFix(doc: DocumentNode, text: string, root: TomlTable, name: string, lines: readonly string[]): Fix | undefined {
  if (root.entries.has(name) || writtenMisspelt(root, name)) return undefined;
  return appendedTable(doc, text, `[[${name}]]`, lines);
}

/** A new `[name]` table at the end of the file; the caller makes sure the file has none. */
export function appendTableFix(doc: DocumentNode, text: string, name: string, lines: readonly string[]): Fix {
  return appendedTable(doc, text, `[${name}]`, lines);
}

/** One more `[[name]]` at the end of the file, when `name` is already an array of tables written as headers. */
export function appendArrayTableItemFix(doc: DocumentNode, text: string, root: TomlTable, name: string, lines: readonly string[]): Fix | undefined {
  const existing = root.entries.get(name)?.value;
  if (!existing || existing.type !== 'array' || !existing.arrayOfTables) return undefined;
  return appendedTable(doc, text, `[[${name}]]`, lines);
}

function appendedTable(doc: DocumentNode, text: string, header: string, lines: readonly string[]): Fix {
  const eol = doc.lineEnding;
  const indent = indentsBodies(doc, text) ? '  ' : '';
  const trailing = text.length === 0 ? '' : /\r?\n\r?\n$/.test(text) ? '' : /\r?\n$/.test(text) ? eol : eol + eol;
  return { range: [text.length, text.length], text: `${trailing}${header}${eol}${lines.map((l) => indent + l + eol).join('')}` };
}

/**
 * A sub-table (`[[http_service.checks]]`, `[[services.tcp_checks]]`) for `parent`, placed where it
 * belongs to that parent: after the parent's own lines, or for a parent named only by other
 * sub-tables, before the first of them. Appending at the end of the file would attach it to the
 * last `[[services]]`, not necessarily this one. An empty array already under that name (`tcp_checks
 * = []`) gets the table as an inline element instead; any other value there, or a misspelling of
 * the name, gets no fix.
 */
export function addSubTableFix(doc: DocumentNode, text: string, parent: TomlTable, key: string, lines: readonly string[]): Fix | undefined {
  if (writtenMisspelt(parent, key)) return undefined;
  const existing = parent.entries.get(key);
  if (existing) {
    const value = existing.value;
    if (value.type !== 'array' || value.arrayOfTables || value.items.length > 0 || value.node.kind !== 'array' || !value.node.closed) return undefined;
    return { range: [value.node.start, value.node.end], text: `[{ ${lines.join(', ')} }]` };
  }
  const path = headerPath(text, parent);
  if (!path) return undefined;
  const eol = doc.lineEnding;
  const indented = indentsBodies(doc, text);
  if (parent.origin === 'implicit') {
    const at = lineStart(text, parent.node.start);
    const pad = indented ? '  ' : '';
    return { range: [at, at], text: `[[${path}.${key}]]${eol}${lines.map((l) => pad + l + eol).join('')}${eol}` };
  }
  const node = parent.node;
  if (node.kind !== 'table' && node.kind !== 'arrayTable') return undefined;
  const last = lastLine(node.body);
  const headerIndent = indentationAt(text, node.header.start);
  const keyIndent = headerIndent + (indented ? '  ' : '');
  const { at, prefix } = afterLine(text, doc, last ? last.end : node.header.end);
  const followedByText = at < text.length && !/^[ \t]*(\r?\n|$)/.test(text.slice(at, at + 200));
  const block = `${prefix}${eol}${headerIndent}[[${path}.${key}]]${eol}${lines.map((l) => keyIndent + l + eol).join('')}${followedByText ? eol : ''}`;
  return { range: [at, at], text: block };
}

/** Replaces a value node's text. */
export function replaceFix(range: [number, number], replacement: string): Fix {
  return { range, text: replacement };
}

/**
 * Removes a key/value line with its line break. A comment at the end of that line stays, on a line
 * of its own (a fix never loses a comment); comments on other lines are not touched.
 */
export function removeLineFix(text: string, node: { start: number; end: number }): Fix {
  const start = lineStart(text, node.start);
  const end = lineEnd(text, node.end);
  const rest = text.slice(node.end, end);
  const hash = rest.indexOf('#');
  if (hash >= 0 && rest.slice(0, hash).trim() === '') {
    const indent = indentationAt(text, node.start);
    return { range: [start + indent.length, node.end + hash], text: '' };
  }
  let through = end;
  if (text.charCodeAt(through) === 13 && text.charCodeAt(through + 1) === 10) through += 2;
  else if (through < text.length) through += 1;
  return { range: [start, through], text: '' };
}
