/**
 * Completion that works on half-typed lines: keys valid in the current table and not yet set
 * (table-valued ones as inline tables), table headers where a header fits, values (enums,
 * regions with their cities, Machine sizes, memory sizes the CPU allows, process names from
 * `[processes]`, booleans) and section snippets. Nothing is offered that the file cannot take:
 * accepting an item adds no TOML error, duplicate key or unknown key
 * (test/lsp/completion-validity.test.ts checks it over every corpus config).
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver';
import type { AnalyzedFile } from '../lint/engine.js';
import type { LineIndex } from '../lint/line-index.js';
import type { TomlTable, TomlValue } from '../toml/values.js';
import type { ArrayNode } from '../toml/ast.js';
import { REGIONS } from '../fly/regions.js';
import { CPU_RULES, PRESETS, effectiveGuest } from '../fly/vm-presets.js';
import { memoryText } from '../fly/units.js';
import { valueKindAt } from '../fly/value-kinds.js';
import { cursorAt, names, type CursorContext } from './cursor.js';
import { SECTION_SNIPPETS, plainBody } from './snippets.js';
import { headerFits, keyValueFollows } from './table-placement.js';
import { descriptionOf, enumValues, isArrayOfTables, isDeprecated, isHeaderCandidate, isList, isTableLike, keysAt, subschemaAt, takesBoolean, takesString, typeLabel, type JsonSchema } from './schema-view.js';

export interface CompletionOptions {
  /** The client expands `${1:…}` snippets. */
  snippets?: boolean;
  /** The client runs `editor.action.triggerSuggest` (VS Code): after `key = `, values pop up at once. */
  retrigger?: boolean;
}

const MAX_HEADER_DEPTH = 3;

function markdown(value: string | undefined): { documentation: { kind: 'markdown'; value: string } } | Record<string, never> {
  return value ? { documentation: { kind: 'markdown', value } } : {};
}

/** The table a key typed at the cursor would land in: array-of-tables steps pick the element being edited. */
export function tableForPath(root: TomlTable, path: readonly string[], offset: number): TomlTable | undefined {
  let current: TomlTable | undefined = root;
  for (const part of path) {
    const value: TomlValue | undefined = current?.entries.get(part)?.value;
    if (!value) return undefined;
    if (value.type === 'table') current = value;
    else if (value.type === 'array') {
      const tables: TomlTable[] = value.items.filter((i): i is TomlTable => i.type === 'table');
      current = tables.filter((t: TomlTable) => t.node.start <= offset).pop() ?? tables[0];
    } else return undefined;
  }
  return current;
}

export function complete(file: AnalyzedFile, offset: number, index: LineIndex, options: CompletionOptions = {}): CompletionItem[] {
  const text = file.text;
  if (file.doc.comments.some((c) => c.start < offset && offset <= c.end)) return [];
  const line = index.positionAt(offset).line;
  const lineStart = index.lineStarts[line]!;
  const lineEnd = index.lineEnd(line);
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd);
  const range = (start: number, end: number): Range => ({ start: index.positionAt(start), end: index.positionAt(end) });

  const cursor = cursorAt(file.doc, offset, text);
  const inValue = !cursor.inHeader && !cursor.onKey && !!cursor.keyPath;
  // `[` at the start of a line is a header, unless the line is inside a multi-line array.
  const header = inValue ? null : /^\s*(\[\[?)\s*([\w.\-"']*)$/.exec(before);
  if (header) {
    const start = lineStart + before.indexOf('[');
    const tail = /^[\w.\-"']*\s*\]{0,2}/.exec(after)![0];
    // A header here would take the keys below it (on this line or the next ones) from their table.
    if (!restIsEmpty(after.slice(tail.length)) || keyValueFollows(file, lineEnd)) return [];
    return headers(file, tableAbove(file, lineStart), offset, range(start, offset + tail.length), header[1]!.length);
  }

  if (cursor.inHeader) return [];
  if (inValue) return values(file, cursor, offset, before, after, range);

  // A key being typed in quotes (`"forc|"`) is replaced quotes and all by the bare key.
  const quoted = /(^|[{,]\s*)(["'])([\w-]*)$/.exec(before.trimStart());
  const typed = quoted ? quoted[3]! : /([\w\-.]*)$/.exec(before)![1]!;
  const typedStart = offset - typed.length - (quoted ? 1 : 0);
  const atLineStart = before.slice(0, typedStart - lineStart).trim() === '';
  if (!atLineStart && !/[{,]\s*$/.test(before.slice(0, typedStart - lineStart))) return [];
  const dotted = typed.split('.');
  const word = dotted.pop()!;
  const base = cursor.keyValue && cursor.keyPath ? cursor.keyPath.slice(0, cursor.keyPath.length - names(cursor.keyValue.key).length) : cursor.containerPath;
  const container = [...base, ...dotted];
  const wordEnd = offset + (quoted ? new RegExp(`^[\\w-]*${quoted[2]}?`) : /^[\w-]*/).exec(after)![0].length;
  const rest = text.slice(wordEnd, lineEnd);
  const hasEquals = /^\s*=/.test(rest);
  // Before a dotted key, a quoted key or a value without `=`: a key written here would break it.
  if (!hasEquals && !restIsEmpty(rest) && !/^\s*[,}]/.test(rest)) return [];
  // A dotted key extends a table only while dotted keys alone define it.
  if (dotted.length > 0 && !dottedKeyCanExtend(file, base, dotted, offset)) return [];
  const replace = range(offset - word.length - (quoted ? 1 : 0), wordEnd);
  const inTable = sameKeyPath(base, cursor.tablePath);
  const items = keys(file, container, offset, word, replace, hasEquals, options);
  if (atLineStart && !quoted && inTable && dotted.length === 0 && !hasEquals && !keyValueFollows(file, lineEnd)) items.push(...sections(file, cursor.tablePath, offset, replace, options));
  return quoted ? items.map((i) => ({ ...i, filterText: `${quoted[2]}${String(i.label)}` })) : items;
}

/** Nothing but spaces and a comment. */
function restIsEmpty(rest: string): boolean {
  return /^\s*(#.*)?$/.test(rest);
}

function sameKeyPath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

/** The key path of the table whose header is the last one before `lineStart` (root: []). */
function tableAbove(file: AnalyzedFile, lineStart: number): string[] {
  const table = file.doc.tables.filter((t) => t.start < lineStart).pop();
  return names(table?.key);
}

/**
 * Whether `a.b.` typed in the table at `base` may go on: each table the dotted prefix names must be
 * missing or made by dotted keys (TOML forbids extending a `[header]` or inline table that way).
 */
function dottedKeyCanExtend(file: AnalyzedFile, base: readonly string[], dotted: readonly string[], offset: number): boolean {
  let current = tableForPath(file.value, base, offset);
  for (const part of dotted) {
    const value = current?.entries.get(part)?.value;
    if (!value) return true;
    if (value.type !== 'table' || value.origin !== 'dotted') return false;
    current = value;
  }
  return true;
}

function keys(file: AnalyzedFile, container: string[], offset: number, word: string, replace: Range, hasEquals: boolean, options: CompletionOptions): CompletionItem[] {
  const present = tableForPath(file.value, container, offset);
  const out: CompletionItem[] = [];
  for (const [key, schema] of Object.entries(keysAt(container))) {
    if (isDeprecated(schema)) continue;
    if (present?.entries.has(key) && key !== word) continue;
    const table = isTableLike(schema);
    // A table-valued key before an existing `= value` would take a value of another kind.
    if (table && (hasEquals || !isHeaderCandidate(schema))) continue;
    const path = [...container, key];
    const stringValue = takesString(schema) && !isList(schema) && !takesBoolean(schema);
    const list = isList(schema);
    const suffix = hasEquals ? '' : table ? inlineTable(isArrayOfTables(schema), options) : options.snippets ? (stringValue ? ' = "$1"' : list ? ' = [$1]' : ' = ') : ' = ';
    const hasValues = !table && valueItems(path, schema, [], undefined).length > 0;
    out.push({
      label: key,
      kind: table ? CompletionItemKind.Struct : CompletionItemKind.Property,
      ...(typeLabel(schema) ? { detail: table ? (isArrayOfTables(schema) ? 'list of tables' : 'table') : typeLabel(schema)! } : {}),
      ...markdown(descriptionOf(schema)),
      textEdit: { range: replace, newText: `${key}${suffix}` },
      ...(options.snippets && suffix.includes('$') ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
      ...(options.retrigger && hasValues && !hasEquals ? { command: { title: 'Suggest values', command: 'editor.action.triggerSuggest' } } : {}),
    });
  }
  return out;
}

/** ` = { }` or ` = [{ }]`: a table written where a header does not fit, with the cursor inside. */
function inlineTable(array: boolean, options: CompletionOptions): string {
  const body = options.snippets ? '{ $1 }' : '{ }';
  return ` = ${array ? `[${body}]` : body}`;
}

function headerItem(path: readonly string[], schema: JsonSchema | undefined, array: boolean, replace: Range, sortText: string): CompletionItem {
  const label = array ? `[[${path.join('.')}]]` : `[${path.join('.')}]`;
  return {
    label,
    kind: array ? CompletionItemKind.Struct : CompletionItemKind.Module,
    detail: array ? 'array of tables' : 'table',
    ...markdown(descriptionOf(schema)),
    filterText: label,
    sortText,
    textEdit: { range: replace, newText: label },
  };
}

/** Headers offered after `[` (or `[[`, arrays of tables only) where a header fits. */
function headers(file: AnalyzedFile, currentTable: readonly string[], offset: number, replace: Range, brackets: number): CompletionItem[] {
  const out: CompletionItem[] = [];
  const walk = (path: string[]) => {
    if (path.length >= MAX_HEADER_DEPTH) return;
    for (const [name, schema] of Object.entries(keysAt(path))) {
      if (!isHeaderCandidate(schema)) continue;
      const full = [...path, name];
      const array = isArrayOfTables(schema);
      if (!(brackets === 2 && !array) && headerFits(file, full, array, offset)) {
        const related = currentTable.length > 0 && currentTable.join('.') === path.join('.');
        out.push(headerItem(full, schema, array, replace, `${related ? '0' : '1'}${full.join('.')}`));
      }
      if (!subschemaAt(full)?.['x-flylint-map']) walk(full);
    }
  };
  walk([]);
  return out;
}

/**
 * On an empty line where a header fits: section snippets, then plain headers for the tables of
 * the current table and of the tables around it (top level included).
 */
function sections(file: AnalyzedFile, tablePath: readonly string[], offset: number, replace: Range, options: CompletionOptions): CompletionItem[] {
  // The group a new [http_service] serves: the default one, where [processes] defines others.
  const group = file.config.defaultProcess;
  const withGroup = (body: string) => (/^[\w-]+$/.test(group) ? body.replace('${4:app}', `\${4:${group}}`) : body);
  const out: CompletionItem[] = SECTION_SNIPPETS.filter((s) => headerFits(file, s.table.split('.'), s.array, offset)).map((s) => ({
    label: s.array ? `[[${s.table}]]` : `[${s.table}]`,
    kind: CompletionItemKind.Snippet,
    detail: 'section',
    ...markdown(s.description),
    sortText: `~1${s.table}`,
    filterText: s.table,
    textEdit: { range: replace, newText: options.snippets ? withGroup(s.body) : plainBody(withGroup(s.body)) },
    ...(options.snippets ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
  }));
  const offered = new Set(SECTION_SNIPPETS.map((s) => s.table));
  for (let depth = tablePath.length; depth >= 0; depth--) {
    const parent = tablePath.slice(0, depth);
    for (const [name, schema] of Object.entries(keysAt(parent))) {
      const full = [...parent, name];
      const dotted = full.join('.');
      if (!isHeaderCandidate(schema) || offered.has(dotted)) continue;
      offered.add(dotted);
      const array = isArrayOfTables(schema);
      if (!headerFits(file, full, array, offset)) continue;
      const item = headerItem(full, schema, array, replace, `~${depth === tablePath.length && depth > 0 ? '0' : '2'}${dotted}`);
      out.push({ ...item, filterText: dotted });
    }
  }
  return out;
}

/** Values already in the list at the cursor: not offered twice. */
function listed(cursor: CursorContext): Set<string> {
  const list = cursor.value?.kind === 'array' ? cursor.value : cursor.keyValue?.value?.kind === 'array' ? cursor.keyValue.value : undefined;
  return new Set((list?.items ?? []).flatMap((i) => (i.kind === 'string' && i !== cursor.value ? [i.value] : [])));
}

interface ValueChoice {
  value: string;
  /** Written as a TOML string (quoted) or as is (booleans, numbers). */
  quoted: boolean;
  detail?: string;
  doc?: string;
}

function valueItems(path: string[], schema: JsonSchema | undefined, processNames: readonly string[], guest: { cpuKind: 'shared' | 'performance'; cpus: number } | undefined): ValueChoice[] {
  const key = path[path.length - 1];
  const kind = valueKindAt(path)?.kind;
  if (kind === 'region') return Object.entries(REGIONS).map(([code, city]) => ({ value: code, quoted: true, detail: city }));
  if (kind === 'preset') {
    return Object.entries(PRESETS).map(([name, p]) => ({ value: name, quoted: true, detail: `${p.cpus} ${p.cpuKind} CPU${p.cpus > 1 ? 's' : ''}, ${memoryText(p.memoryMb)}${p.gpu ? `, GPU ${p.gpu}` : ''}` }));
  }
  if (kind === 'memory' && guest) {
    const rules = CPU_RULES[guest.cpuKind];
    const choices: number[] = [];
    for (let mb = rules.minPerCpu * guest.cpus; mb <= rules.maxPerCpu * guest.cpus; mb *= 2) choices.push(mb);
    if (choices[choices.length - 1] !== rules.maxPerCpu * guest.cpus) choices.push(rules.maxPerCpu * guest.cpus);
    return choices.map((mb) => ({ value: memoryText(mb), quoted: true, detail: `valid for ${guest.cpus} ${guest.cpuKind} CPU${guest.cpus > 1 ? 's' : ''}` }));
  }
  if (key === 'processes' && path.length > 1) return processNames.map((name) => ({ value: name, quoted: true, detail: 'process group' }));
  const choices: ValueChoice[] = enumValues(schema).map((v) => ({ value: v.value, quoted: true, ...(v.doc ? { detail: v.doc } : {}) }));
  if (choices.length) return choices;
  if (takesBoolean(schema)) return [{ value: 'true', quoted: false }, { value: 'false', quoted: false }];
  return [];
}

function guestAt(file: AnalyzedFile, container: string[], offset: number): { cpuKind: 'shared' | 'performance'; cpus: number } {
  const table = tableForPath(file.value, container, offset);
  const read = (key: string) => {
    const v = table?.entries.get(key)?.value;
    return v && v.type !== 'table' && v.type !== 'array' ? v.value : undefined;
  };
  const size = read('size');
  const cpuKind = read('cpu_kind');
  const cpus = read('cpus');
  const gpuKind = read('gpu_kind');
  const guest = effectiveGuest({
    ...(typeof size === 'string' ? { size } : {}),
    ...(typeof cpuKind === 'string' ? { cpuKind } : {}),
    ...(typeof gpuKind === 'string' && gpuKind !== '' ? { gpuKind } : {}),
    ...(typeof cpus === 'bigint' || typeof cpus === 'number' ? { cpus: Number(cpus) } : {}),
  });
  const kind = guest.cpuKind === 'performance' ? 'performance' : 'shared';
  const allowed: readonly number[] = CPU_RULES[kind].cpus;
  return { cpuKind: kind, cpus: allowed.includes(guest.cpus) ? guest.cpus : 1 };
}

function values(file: AnalyzedFile, cursor: CursorContext, offset: number, before: string, after: string, range: (start: number, end: number) => Range): CompletionItem[] {
  const path = cursor.keyPath!;
  const schema = subschemaAt(path);
  const value = cursor.value;
  // Numbers, dates and inline tables have no value choices.
  if (value && value.kind !== 'array' && value.kind !== 'string' && value.kind !== 'boolean' && value.kind !== 'invalid') return [];
  // What is typed so far: the string or bare word the cursor is in or at the start of (replaced whole), else nothing.
  const token = value && value.kind !== 'array' && value.start <= offset ? value : undefined;
  let start = token ? token.start : offset - /[\w.\-+:/]*$/.exec(before)![0].length;
  let end = token ? Math.max(offset, token.end) : offset + /^[\w.\-+:/]*/.exec(after)![0].length;
  const lineStart = offset - before.length;
  if (start < lineStart || !/(^|[=\[,])\s*$/.test(before.slice(0, start - lineStart))) return [];
  // Between `=` and a value already written: the choice replaces that value, if it is one token on this line.
  const existing = cursor.keyValue?.value;
  let lead = '';
  if (!token && !value && existing && existing.start >= end) {
    if (existing.kind === 'array' || existing.kind === 'inlineTable' || /[\r\n]/.test(file.text.slice(offset, existing.end))) return [];
    lead = file.text.slice(offset, existing.start);
    start = offset;
    end = existing.end;
  }
  const quote = token?.kind === 'string' ? file.text[token.start] : undefined;
  const container = path.slice(0, -1);
  const choices = valueItems(path, schema, file.config.processNames, valueKindAt(path)?.kind === 'memory' ? guestAt(file, container, offset) : undefined);
  const already = listed(cursor);
  // `processes = ` wants a list: a bare string there is a value flyctl cannot load.
  const array = cursor.keyValue?.value?.kind === 'array' ? cursor.keyValue.value : undefined;
  const wrap = isList(schema) && !(array && array.start < offset && (offset < array.end || !array.closed));
  // A new item between others gets the commas that separate it.
  const [leadingComma, trailingComma] = !token && value?.kind === 'array' ? separators(file.text, value, start, end) : ['', ''];
  const description = descriptionOf(schema);
  return choices
    .filter((c) => !already.has(c.value))
    .map((c, i) => {
      const written = c.quoted ? JSON.stringify(c.value) : c.value;
      const newText = wrap ? `[${written}]` : written;
      return {
        label: c.value,
        kind: c.quoted ? CompletionItemKind.EnumMember : CompletionItemKind.Value,
        ...(c.detail ? { detail: c.detail } : {}),
        ...markdown([c.detail && `\`${written}\`: ${c.detail}`, description].filter(Boolean).join('\n\n')),
        filterText: c.quoted && quote ? newText : c.value,
        sortText: String(i).padStart(4, '0'),
        textEdit: { range: range(start, end), newText: `${lead}${leadingComma}${newText}${trailingComma}` },
      };
    });
}

/** The commas an item written over `[start, end)` of the array needs: before it, after it. */
function separators(text: string, array: ArrayNode, start: number, end: number): [string, string] {
  const previous = array.items.filter((i) => i.end <= start).pop();
  const next = array.items.find((i) => i.start >= end);
  const comma = (from: number, to: number) => /,/.test(text.slice(from, to).replace(/#[^\n]*/g, ''));
  return [previous && !comma(previous.end, start) ? ', ' : '', next && !comma(end, next.start) ? ', ' : ''];
}
