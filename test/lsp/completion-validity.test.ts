/**
 * Completion never offers what the file cannot take: over every corpus and flyctl fixture config,
 * at line starts (also on an empty line added at the end of each table, there also after `[`)
 * and after every `=`, each offered item is accepted (its tab stops filled with a value of the
 * key's type) and the file must have no more TOML errors, duplicate keys or unknown keys than
 * before.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { analyze } from '../../server/src/lint/engine.js';
import { LineIndex } from '../../server/src/lint/line-index.js';
import { complete, type CompletionOptions } from '../../server/src/lsp/completion.js';
import { cursorAt } from '../../server/src/lsp/cursor.js';
import { enumValues, subschemaAt } from '../../server/src/lsp/schema-view.js';
import { parseToml } from '../../server/src/toml/parse.js';
import type { KeyValueNode, ValueNode } from '../../server/src/toml/ast.js';
import { checkSchema } from '../../server/src/schema/check-schema.js';
import { corpusDir, flyctlFixturesDir } from '../support/data-paths.js';

function tomlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.toml'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** What accepting an item must not add: counts of TOML syntax errors, duplicate keys, unknown keys. */
function problems(text: string): Record<string, number> {
  const parse = parseToml(text);
  const counts: Record<string, number> = { 'toml-syntax': 0, 'toml-duplicate-key': 0, 'unknown-key': 0 };
  for (const e of parse.errors) if (e.code in counts) counts[e.code]!++;
  for (const issue of checkSchema(parse.value, text)) if (issue.kind === 'unknown-key') counts['unknown-key']!++;
  return counts;
}

/** A value of the type the key at `keyPath` takes: what a user types at a tab stop after `=`. */
function plausibleValue(keyPath: readonly string[] | undefined): string {
  const schema = keyPath ? subschemaAt(keyPath) : undefined;
  const choice = enumValues(schema)[0];
  if (choice) return JSON.stringify(choice.value);
  const types = schema ? [schema.type ?? [], ...(schema.anyOf ?? []).map((b) => b.type ?? [])].flat() : [];
  if (types.includes('string')) return '"x"';
  if (types.includes('integer') || types.includes('number')) return '1';
  if (types.includes('boolean')) return 'true';
  if (types.includes('array')) return '[]';
  if (types.includes('object')) return '{}';
  return '"x"';
}

/**
 * The text after accepting the item: snippet tab stops take their default (or first choice); an
 * empty tab stop right after `=` (and the end of the insertion, where the cursor is left) gets a
 * value of the key's type; other empty tab stops (in `{ }`, `[ ]`, `""`) stay empty.
 */
function accept(text: string, index: LineIndex, item: CompletionItem, container: readonly string[]): string {
  const edit = item.textEdit as TextEdit;
  const from = index.offsetAt(edit.range.start);
  const to = index.offsetAt(edit.range.end);
  let inserted = '';
  const stops: number[] = [];
  const snippet = item.insertTextFormat === 2;
  const re = /\$\{\d+:([^}]*)\}|\$\{\d+\|([^,|]*)[^}]*\}|\$\d+/g;
  let last = 0;
  for (let m = snippet ? re.exec(edit.newText) : null; m; m = re.exec(edit.newText)) {
    inserted += edit.newText.slice(last, m.index);
    const fill = m[1] ?? m[2] ?? '';
    if (fill === '') stops.push(from + inserted.length);
    inserted += fill;
    last = m.index + m[0].length;
  }
  inserted += edit.newText.slice(last);
  stops.push(from + inserted.length);
  let out = text.slice(0, from) + inserted + text.slice(to);
  // Only key items leave a tab stop right after `=`: the key is the one they wrote, in `container`.
  for (const at of [...new Set(stops)].sort((a, b) => b - a)) {
    const key = /([\w-]+(?:\.[\w-]+)*)[ \t]*=[ \t]*$/.exec(out.slice(out.lastIndexOf('\n', at - 1) + 1, at));
    if (key) out = out.slice(0, at) + plausibleValue([...container, ...key[1]!.split('.')]) + out.slice(at);
  }
  return out;
}

/** Offsets right after each `=` of the file, inline tables included. */
function afterEquals(text: string): number[] {
  const { ast } = parseToml(text);
  const out: number[] = [];
  const visitValue = (value: ValueNode | null): void => {
    if (value?.kind === 'inlineTable') value.entries.forEach(visit);
    if (value?.kind === 'array') value.items.forEach(visitValue);
  };
  const visit = (kv: KeyValueNode): void => {
    if (kv.equals >= 0) out.push(kv.equals + 1);
    visitValue(kv.value);
  };
  ast.body.forEach(visit);
  for (const table of ast.tables) table.body.forEach(visit);
  return out;
}

/** The text with an empty line before each header and at the end, and the offsets of those lines. */
function withTableEnds(text: string): { text: string; offsets: number[] } {
  const { ast } = parseToml(text);
  const index = new LineIndex(text);
  const cuts = [...ast.tables.map((t) => index.lineStarts[index.positionAt(t.start).line]!), text.length];
  let out = '';
  let last = 0;
  const offsets: number[] = [];
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    out += text.slice(last, cut);
    if (out.length > 0 && !out.endsWith('\n')) out += '\n';
    offsets.push(out.length);
    out += '\n';
    last = cut;
  }
  return { text: out + text.slice(last), offsets };
}

interface Tally {
  files: number;
  positions: number;
  items: number;
  failures: string[];
}

/** `baseline`: the problems accepting an item must not add to (by default those of `text`). */
function checkPositions(name: string, text: string, offsets: readonly number[], options: CompletionOptions, tally: Tally, baseline?: Record<string, number>): void {
  const file = analyze(text, '/project/fly.toml');
  const index = new LineIndex(text);
  const before = baseline ?? problems(text);
  for (const offset of offsets) {
    tally.positions++;
    const container = cursorAt(file.doc, offset, text).containerPath;
    for (const item of complete(file, offset, index, options)) {
      tally.items++;
      const after = problems(accept(text, index, item, container));
      const added = Object.keys(before).filter((code) => after[code]! > before[code]!);
      if (added.length) {
        const { line, character } = index.positionAt(offset);
        tally.failures.push(`${name}:${line + 1}:${character + 1} ${String(item.label)} (${options.snippets ? 'snippet' : 'plain'}) adds ${added.join(', ')}: ${JSON.stringify((item.textEdit as TextEdit).newText)}`);
      }
    }
  }
}

// Every file is checked, the fixtures in full. A full run over the corpus takes minutes on a busy
// machine, so of each corpus file these are sampled: line starts where a key/value is written
// (every third; their items only rename that key), and of the table ends, those checked in plain
// text and after a typed `[` (see checkFile).
const SAMPLE_EVERY = 3;

/** Offsets of the line starts: all, or when sampled all blank and comment lines and every third other one. */
function lineStarts(text: string, sampled: boolean): number[] {
  const starts = new LineIndex(text).lineStarts;
  return starts.filter((start, line) => {
    if (!sampled || line % SAMPLE_EVERY === 0) return true;
    const end = starts[line + 1] ?? text.length;
    return /^\s*(#.*)?$/.test(text.slice(start, end));
  });
}

function checkFile(path: string, sampled: boolean, tally: Tally): void {
  const text = readFileSync(path, 'utf8');
  const name = path.slice(path.lastIndexOf('/test/data/') + 1);
  tally.files++;
  checkPositions(name, text, [...lineStarts(text, sampled), ...afterEquals(text)], { snippets: true }, tally);
  const ends = withTableEnds(text);
  checkPositions(name, ends.text, ends.offsets, { snippets: true }, tally);
  // Of the table ends of a corpus file, the first and the last (the end of the file).
  const some = sampled ? [...new Set([ends.offsets[0]!, ends.offsets[ends.offsets.length - 1]!])] : ends.offsets;
  // Clients without snippets get plain text: the same places, the same promise.
  checkPositions(name, ends.text, some, { snippets: false }, tally);
  // A `[` typed there: each header offered must leave the file as it was without the `[`.
  const baseline = problems(ends.text);
  for (const at of some) checkPositions(name, `${ends.text.slice(0, at)}[${ends.text.slice(at)}`, [at + 1], { snippets: true }, tally, baseline);
}

describe('completion validity over the corpus and the flyctl fixtures', () => {
  it('offers nothing that adds a TOML error, a duplicate key or an unknown key', () => {
    const tally: Tally = { files: 0, positions: 0, items: 0, failures: [] };
    for (const path of tomlFiles(flyctlFixturesDir)) checkFile(path, false, tally);
    for (const path of tomlFiles(corpusDir)) checkFile(path, true, tally);
    console.log(`completion validity: ${tally.files} files, ${tally.positions} positions, ${tally.items} items, ${tally.failures.length} failures`);
    expect(tally.files).toBeGreaterThan(300);
    expect(tally.items).toBeGreaterThan(tally.positions);
    expect(tally.failures.slice(0, 40)).toEqual([]);
  }, 600_000);
});
