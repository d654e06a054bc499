/** Completion that works on half-typed lines: keys of the current table, headers, enum values, regions, sizes, process names. */
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import type { AnalyzedFile } from '../lint/engine.js';
import { keysAt, subschemaAt, flySchema, type JsonSchema } from '../schema/schema-lookup.js';
import { REGIONS } from '../fly/regions.js';
import { PRESETS } from '../fly/vm-presets.js';
import { cursorAt } from './cursor.js';
import { tablesOf } from '../fly/model.js';
import type { TomlTable } from '../toml/values.js';

function isTableLike(schema: JsonSchema): boolean {
  const types = [schema.type, ...(schema.anyOf ?? []).map((b) => b.type)].flat();
  return types.includes('object') || (types.includes('array') && (schema.items as JsonSchema | undefined)?.type === 'object') || (schema.anyOf ?? []).some((b) => b.type === 'array' && (b.items as JsonSchema | undefined)?.type === 'object');
}

function isArrayOfTables(schema: JsonSchema): boolean {
  return schema['x-flylint-shape'] === 'array-of-tables' || (schema['x-flylint-shape'] === 'table-or-array' && schema['x-flylint-preferred'] !== 'table');
}

function doc(schema: JsonSchema | undefined): { kind: 'markdown'; value: string } | undefined {
  return schema?.description ? { kind: 'markdown', value: String(schema.description) } : undefined;
}

/** The value already present at a table path (to leave out keys that are set). */
function tableAtPath(root: TomlTable, path: readonly string[]): TomlTable | undefined {
  let current: TomlTable | undefined = root;
  for (const part of path) {
    const next: TomlTable[] = tablesOf(current?.entries.get(part)?.value);
    current = next[next.length - 1];
    if (!current) return undefined;
  }
  return current;
}

const SNIPPETS: CompletionItem[] = [
  { label: '[http_service] (snippet)', kind: CompletionItemKind.Snippet, insertTextFormat: InsertTextFormat.Snippet, insertText: '[http_service]\n  internal_port = ${1:8080}\n  force_https = true\n  auto_stop_machines = "${2|stop,suspend,off|}"\n  auto_start_machines = true\n  min_machines_running = ${3:1}\n' },
  { label: '[[vm]] (snippet)', kind: CompletionItemKind.Snippet, insertTextFormat: InsertTextFormat.Snippet, insertText: '[[vm]]\n  cpu_kind = "${1|performance,shared|}"\n  cpus = ${2:1}\n  memory = "${3:2gb}"\n' },
  { label: '[[http_service.checks]] (snippet)', kind: CompletionItemKind.Snippet, insertTextFormat: InsertTextFormat.Snippet, insertText: '[[http_service.checks]]\n  interval = "${1:15s}"\n  timeout = "${2:2s}"\n  grace_period = "${3:10s}"\n  method = "GET"\n  path = "${4:/healthz}"\n' },
  { label: '[metrics] (snippet)', kind: CompletionItemKind.Snippet, insertTextFormat: InsertTextFormat.Snippet, insertText: '[metrics]\n  port = ${1:9091}\n  path = "${2:/metrics}"\n' },
];

export function complete(file: AnalyzedFile, offset: number): CompletionItem[] {
  const cursor = cursorAt(file.doc, offset, file.text);
  const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
  const before = file.text.slice(lineStart, offset);
  if (cursor.inHeader || /^\s*\[\[?[\w.-]*$/.test(before)) return headers(before.includes('[[') ? 2 : 1);
  if (cursor.keyValue && !cursor.onKey && cursor.keyPath) return values(file, cursor.keyPath);
  if (/^\s*[\w-]*$/.test(before)) {
    const present = tableAtPath(file.value, cursor.tablePath);
    const keys = Object.entries(keysAt(cursor.tablePath)).filter(([k]) => !present?.entries.has(k) || cursor.keyValue?.key.segments[0]?.name === k);
    const items: CompletionItem[] = keys
      .filter(([, s]) => !s.deprecationMessage && !isTableLike(s))
      .map(([k, s]) => ({ label: k, kind: CompletionItemKind.Property, insertText: `${k} = `, ...(doc(s) ? { documentation: doc(s)! } : {}) }));
    return before.trim() === '' && cursor.tablePath.length === 0 ? [...items, ...SNIPPETS] : items;
  }
  return [];
}

function headers(brackets: number): CompletionItem[] {
  const out: CompletionItem[] = [];
  const walk = (schema: JsonSchema, path: string[], depth: number) => {
    if (depth > 3) return;
    for (const [name, child] of Object.entries(keysAtSchema(schema))) {
      if (!isTableLike(child) || child.deprecationMessage || child['x-flylint-alias-of'] || child['x-flylint-map'] || child['x-flylint-named']) continue;
      const full = [...path, name].join('.');
      const array = isArrayOfTables(child);
      if (brackets === 1 || array) {
        const insertText = brackets === 2 ? `${full}]]` : array ? `[${full}]]` : `${full}]`;
        out.push({ label: array ? `[[${full}]]` : `[${full}]`, kind: CompletionItemKind.Module, filterText: brackets === 2 ? full : array ? `[${full}` : full, insertText, ...(doc(child) ? { documentation: doc(child)! } : {}) });
      }
      walk(child, [...path, name], depth + 1);
    }
  };
  walk(flySchema, [], 0);
  return out;
}

function keysAtSchema(schema: JsonSchema): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  const visit = (s: JsonSchema | undefined) => {
    if (!s) return;
    if (s.anyOf) s.anyOf.forEach(visit);
    else if (s.type === 'array' && s.items) visit(s.items);
    else if (s.properties) Object.assign(out, s.properties);
  };
  visit(schema);
  return out;
}

function values(file: AnalyzedFile, keyPath: readonly string[]): CompletionItem[] {
  const key = keyPath[keyPath.length - 1];
  const quote = (v: string) => JSON.stringify(v);
  if (key === 'primary_region') return Object.entries(REGIONS).map(([code, city]) => ({ label: code, kind: CompletionItemKind.Value, detail: city, insertText: quote(code), filterText: code }));
  if (key === 'size') return Object.entries(PRESETS).filter(([, p]) => !p.gpu).map(([name, p]) => ({ label: name, kind: CompletionItemKind.Value, detail: `${p.cpus} ${p.cpuKind} CPU${p.cpus > 1 ? 's' : ''}, ${p.memoryMb} MB`, insertText: quote(name) }));
  if (key === 'processes') return file.config.processNames.map((name) => ({ label: name, kind: CompletionItemKind.Value, insertText: quote(name) }));
  const schema = subschemaAt(keyPath);
  if (!schema) return [];
  const docs = (schema['x-flylint-enum-docs'] ?? {}) as Record<string, string>;
  const enumValues = (schema.enum ?? (schema.items as JsonSchema | undefined)?.enum ?? []).filter((v) => v !== '' && typeof v !== 'boolean' && typeof v !== 'number');
  if (enumValues.length) return enumValues.map((v) => ({ label: String(v), kind: CompletionItemKind.EnumMember, insertText: quote(String(v)), ...(docs[String(v)] ? { detail: docs[String(v)] } : {}) }));
  const types = [schema.type].flat();
  if (types.includes('boolean')) return ['true', 'false'].map((v) => ({ label: v, kind: CompletionItemKind.Value }));
  return [];
}
