/**
 * Completion that works on half-typed lines: keys valid in the current table and not yet set,
 * table headers, values (enums, regions with their cities, Machine sizes, memory sizes the CPU
 * allows, process names from `[processes]`, booleans) and section snippets.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver';
import type { AnalyzedFile } from '../lint/engine.js';
import type { LineIndex } from '../lint/line-index.js';
import type { TomlTable, TomlValue } from '../toml/values.js';
import { REGIONS } from '../fly/regions.js';
import { CPU_RULES, PRESETS, effectiveGuest } from '../fly/vm-presets.js';
import { memoryText } from '../fly/units.js';
import { valueKindAt } from '../fly/value-kinds.js';
import { cursorAt, names, type CursorContext } from './cursor.js';
import { SECTION_SNIPPETS, plainBody } from './snippets.js';
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

  const header = /^\s*(\[\[?)\s*([\w.\-"']*)$/.exec(before);
  if (header) {
    const start = lineStart + before.indexOf('[');
    const tail = /^[\w.\-"']*\s*\]{0,2}/.exec(after)![0];
    return headers(file, cursorAt(file.doc, offset, text).tablePath, range(start, offset + tail.length), header[1]!.length);
  }

  const cursor = cursorAt(file.doc, offset, text);
  if (cursor.inHeader) return [];
  if (!cursor.onKey && cursor.keyPath) return values(file, cursor, offset, before, after, range);

  const typed = /([\w\-.]*)$/.exec(before)![1]!;
  const atLineStart = before.trim() === typed;
  if (!atLineStart && !/[{,]\s*[\w\-.]*$/.test(before)) return [];
  const dotted = typed.split('.');
  const word = dotted.pop()!;
  const base = cursor.keyValue && cursor.keyPath ? cursor.keyPath.slice(0, cursor.keyPath.length - names(cursor.keyValue.key).length) : cursor.containerPath;
  const container = [...base, ...dotted];
  const wordEnd = offset + /^[\w-]*/.exec(after)![0].length;
  const hasEquals = /^[\w-]*\s*=/.test(after);
  const items = keys(file, container, offset, word, range(offset - word.length, wordEnd), hasEquals, options);
  if (atLineStart && dotted.length === 0 && !keyValueFollows(file, lineEnd)) items.push(...snippets(file, range(offset - word.length, wordEnd), options));
  return items;
}

function keys(file: AnalyzedFile, container: string[], offset: number, word: string, replace: Range, hasEquals: boolean, options: CompletionOptions): CompletionItem[] {
  const present = tableForPath(file.value, container, offset);
  const out: CompletionItem[] = [];
  for (const [key, schema] of Object.entries(keysAt(container))) {
    if (isDeprecated(schema) || isTableLike(schema)) continue;
    if (present?.entries.has(key) && key !== word) continue;
    const path = [...container, key];
    const stringValue = takesString(schema) && !isList(schema) && !takesBoolean(schema);
    const list = isList(schema);
    const suffix = hasEquals ? '' : options.snippets ? (stringValue ? ' = "$1"' : list ? ' = [$1]' : ' = ') : ' = ';
    const hasValues = valueItems(path, schema, [], undefined).length > 0;
    out.push({
      label: key,
      kind: CompletionItemKind.Property,
      ...(typeLabel(schema) ? { detail: typeLabel(schema)! } : {}),
      ...markdown(descriptionOf(schema)),
      textEdit: { range: replace, newText: `${key}${suffix}` },
      ...(options.snippets && suffix.includes('$') ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
      ...(options.retrigger && hasValues && !hasEquals ? { command: { title: 'Suggest values', command: 'editor.action.triggerSuggest' } } : {}),
    });
  }
  return out;
}

function headers(file: AnalyzedFile, currentTable: readonly string[], replace: Range, brackets: number): CompletionItem[] {
  const existing = new Set(file.doc.tables.filter((t) => t.kind === 'table' && t.key).map((t) => names(t.key).join('.')));
  const out: CompletionItem[] = [];
  const walk = (path: string[]) => {
    if (path.length >= MAX_HEADER_DEPTH) return;
    for (const [name, schema] of Object.entries(keysAt(path))) {
      if (!isHeaderCandidate(schema)) continue;
      const full = [...path, name];
      const dotted = full.join('.');
      const array = isArrayOfTables(schema);
      if (!(brackets === 2 && !array) && !(!array && existing.has(dotted))) {
        const label = array ? `[[${dotted}]]` : `[${dotted}]`;
        const related = currentTable.length > 0 && currentTable.join('.') === path.join('.');
        out.push({
          label,
          kind: array ? CompletionItemKind.Struct : CompletionItemKind.Module,
          ...markdown(descriptionOf(schema)),
          filterText: label,
          sortText: `${related ? '0' : '1'}${dotted}`,
          textEdit: { range: replace, newText: label },
        });
      }
      if (!subschemaAt(full)?.['x-flylint-map']) walk(full);
    }
  };
  walk([]);
  return out;
}

/**
 * Whether a key/value comes next after `from`, before any header: a section written there would
 * take the keys below it from the table they belong to.
 */
function keyValueFollows(file: AnalyzedFile, from: number): boolean {
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

function snippets(file: AnalyzedFile, replace: Range, options: CompletionOptions): CompletionItem[] {
  const existing = new Set(file.doc.tables.filter((t) => t.kind === 'table' && t.key).map((t) => names(t.key).join('.')));
  // The group a new [http_service] serves: the default one, where [processes] defines others.
  const group = file.config.defaultProcess;
  const withGroup = (body: string) => (/^[\w-]+$/.test(group) ? body.replace('${4:app}', `\${4:${group}}`) : body);
  return SECTION_SNIPPETS.filter((s) => s.array || !existing.has(s.table)).map((s) => ({
    label: s.array ? `[[${s.table}]]` : `[${s.table}]`,
    kind: CompletionItemKind.Snippet,
    detail: 'section',
    documentation: s.description,
    sortText: `~${s.table}`,
    filterText: s.table,
    textEdit: { range: replace, newText: options.snippets ? withGroup(s.body) : plainBody(withGroup(s.body)) },
    ...(options.snippets ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
  }));
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
  // What is typed so far: the string or bare word the cursor is in (replaced whole), else nothing.
  const token = value && value.kind !== 'array' && value.start < offset ? value : undefined;
  const start = token ? token.start : offset - /[\w.\-+:/]*$/.exec(before)![0].length;
  const end = token ? Math.max(offset, token.end) : offset + /^[\w.\-+:/]*/.exec(after)![0].length;
  const lineStart = offset - before.length;
  if (start < lineStart || !/(^|[=\[,])\s*$/.test(before.slice(0, start - lineStart))) return [];
  const quote = token?.kind === 'string' ? file.text[token.start] : undefined;
  const container = path.slice(0, -1);
  const choices = valueItems(path, schema, file.config.processNames, valueKindAt(path)?.kind === 'memory' ? guestAt(file, container, offset) : undefined);
  const already = listed(cursor);
  // `processes = ` wants a list: a bare string there is a value flyctl cannot load.
  const array = cursor.keyValue?.value?.kind === 'array' ? cursor.keyValue.value : undefined;
  const wrap = isList(schema) && !(array && array.start < offset && (offset < array.end || !array.closed));
  return choices
    .filter((c) => !already.has(c.value))
    .map((c, i) => {
      const written = c.quoted ? JSON.stringify(c.value) : c.value;
      const newText = wrap ? `[${written}]` : written;
      return {
        label: c.value,
        kind: c.quoted ? CompletionItemKind.EnumMember : CompletionItemKind.Value,
        ...(c.detail ? { detail: c.detail } : {}),
        filterText: c.quoted && quote ? newText : c.value,
        sortText: String(i).padStart(4, '0'),
        textEdit: { range: range(start, end), newText },
      };
    });
}
