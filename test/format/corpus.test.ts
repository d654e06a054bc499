/**
 * The formatter on every real config, every flyctl fixture and every valid toml-test file, under
 * the default style and others: the formatted text holds the same value (as @iarna/toml decodes
 * it, and as our parser does) and the same comments in the same order, and formatting it again
 * changes nothing. A file with syntax errors is refused, never changed.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import TOML from '@iarna/toml';
import { applyTextEdits, formatEdits, type FormatOptions } from '../../server/src/format/index.js';
import { parseToml, toTaggedJson } from '../../server/src/toml/index.js';
import { corpusDir, flyctlFixturesDir, tomlTestDir } from '../support/data-paths.js';

function tomlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tomlFiles(path);
    return name.endsWith('.toml') ? [path] : [];
  });
}

const configs = [...tomlFiles(corpusDir), ...tomlFiles(flyctlFixturesDir)].sort();
const tomlTestValid = tomlFiles(join(tomlTestDir, 'valid')).sort();

const STYLES: FormatOptions[] = [
  { indent: 2, quotes: 'preserve' },
  { indent: 'tab', quotes: 'single' },
  { indent: 0, quotes: 'double' },
];

/** @iarna/toml's value as JSON (its dates and big integers made comparable), or undefined when it rejects the text. */
function iarnaValue(text: string): string | undefined {
  try {
    return JSON.stringify(TOML.parse(text), (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
  } catch {
    return undefined;
  }
}

const ourValue = (text: string) => JSON.stringify(toTaggedJson(parseToml(text).value));
const comments = (text: string) => parseToml(text).ast.comments.map((c) => c.text);

function checkFile(path: string, style: FormatOptions, decoders: { iarna: boolean }): 'formatted' | 'refused' {
  const text = readFileSync(path, 'utf8');
  const result = formatEdits(text, style);
  const blocking = parseToml(text).errors.filter((e) => e.code !== 'toml-version');
  if (!result.ok) {
    expect(blocking.length, `${path}: refused though it parses: ${result.message}`).toBeGreaterThan(0);
    return 'refused';
  }
  expect(blocking, path).toEqual([]);
  const formatted = applyTextEdits(text, result.edits);
  expect(ourValue(formatted), path).toBe(ourValue(text));
  if (decoders.iarna) expect(iarnaValue(formatted), path).toBe(iarnaValue(text));
  expect(comments(formatted), path).toEqual(comments(text));
  expect(formatEdits(formatted, style), `${path}: formatting twice`).toEqual({ ok: true, edits: [] });
  return 'formatted';
}

describe.each(STYLES)('formatting with indent $indent, quotes $quotes', (style) => {
  it('keeps the value and comments of every corpus and fixture config, and is idempotent', () => {
    const outcomes = configs.map((path) => checkFile(path, style, { iarna: true }));
    // The corpus has 3 configs with TOML errors, the fixtures 1 that flyctl itself refuses.
    expect(outcomes.filter((o) => o === 'formatted').length).toBeGreaterThanOrEqual(configs.length - 4);
    expect(configs.length).toBe(276 + 51);
  });

  it('keeps the value of every valid toml-test file, and is idempotent', () => {
    expect(tomlTestValid.length).toBeGreaterThan(200);
    for (const path of tomlTestValid) expect(checkFile(path, style, { iarna: false }), path).toBe('formatted');
  });
});

describe('the default style on the corpus', () => {
  it('leaves about half of the real configs as they are', () => {
    const untouched = tomlFiles(corpusDir).filter((path) => {
      const result = formatEdits(readFileSync(path, 'utf8'));
      return result.ok && result.edits.length === 0;
    });
    // 136 of 276 at the time of writing; the freshly launched ones among them.
    expect(untouched.length).toBeGreaterThanOrEqual(130);
  });
});

describe('formatting configs with their whitespace scrambled', () => {
  /** A fixed-seed generator: the same variants on every run. */
  function random(seed: number): () => number {
    return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  }

  it('keeps the value, and a second pass changes nothing, for 600 variants of real and toml-test files', () => {
    const rnd = random(42);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
    const sources = [...configs, ...tomlTestValid].map((path) => readFileSync(path, 'utf8')).filter((text) => !parseToml(text).errors.some((e) => e.code !== 'toml-version'));
    let checked = 0;
    for (let i = 0; i < 600; i++) {
      const text = pick(sources);
      const tokens = parseToml(text).ast.tokenList;
      // Every whitespace run and line break respelt, blank lines and trailing spaces added.
      let variant = '';
      for (let t = 0; t < tokens.length; t++) {
        const spelling = text.slice(tokens.startAt(t), tokens.endAt(t));
        const kind = tokens.kindAt(t);
        if (kind === 'whitespace') variant += pick(['', ' ', '   ', '\t', spelling]);
        else if (kind === 'newline') variant += pick([spelling, spelling, spelling + spelling, ' ' + spelling + '  ' + spelling]);
        else variant += spelling + (rnd() < 0.05 ? pick([' ', '\t']) : '');
      }
      if (parseToml(variant).errors.some((e) => e.code !== 'toml-version')) continue;
      checked++;
      const style = pick(STYLES);
      const result = formatEdits(variant, style);
      expect(result.ok, variant).toBe(true);
      if (!result.ok) continue;
      const formatted = applyTextEdits(variant, result.edits);
      expect(ourValue(formatted), variant).toBe(ourValue(variant));
      expect(comments(formatted)).toEqual(comments(variant));
      expect(formatEdits(formatted, style), variant).toEqual({ ok: true, edits: [] });
    }
    expect(checked).toBeGreaterThan(450);
  });
});
