/** The parser on 276 real fly.toml files: lossless, clean where valid, precise where not, and in agreement with @iarna/toml. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import TOML from '@iarna/toml';
import { parseToml, printDocument, tokensAreContiguous, toPlainValue } from '../../server/src/toml/index.js';
import { LineIndex } from '../../server/src/lint/line-index.js';
import { corpusDir } from '../support/data-paths.js';

const files = readdirSync(corpusDir).filter((f) => f.endsWith('.toml')).sort();
const texts = new Map(files.map((f) => [f, readFileSync(join(corpusDir, f), 'utf8')]));

/** @iarna/toml's values, made comparable: its dates are Date objects with a custom toISOString. */
function normalizeIarna(value: unknown): unknown {
  if (value instanceof Date) return 'date';
  if (Array.isArray(value)) return value.map(normalizeIarna);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeIarna(v)]));
  if (typeof value === 'bigint') return Number(value);
  return value;
}

function normalizeOurs(value: unknown, node?: unknown): unknown {
  void node;
  if (Array.isArray(value)) return value.map((v) => normalizeOurs(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeOurs(v)]));
  if (typeof value === 'bigint') return Number(value);
  return value;
}

describe('real-world corpus', () => {
  it('has the 276 files', () => {
    expect(files.length).toBe(276);
  });

  it('round-trips every file byte for byte through the tokens', () => {
    for (const [file, text] of texts) {
      const { ast } = parseToml(text);
      expect(tokensAreContiguous(ast, text.length), file).toBe(true);
      expect(printDocument(ast, text), file).toBe(text);
    }
  });

  it('agrees with @iarna/toml on which files are TOML, and on their values', () => {
    const rejected: string[] = [];
    for (const [file, text] of texts) {
      const ours = parseToml(text);
      const errors = ours.errors.filter((e) => e.code !== 'toml-version');
      let theirs: unknown;
      try {
        theirs = TOML.parse(text);
      } catch {
        theirs = undefined;
      }
      if (theirs === undefined) {
        rejected.push(file);
        expect(errors.length, `${file}: @iarna/toml rejects it, so should we`).toBeGreaterThan(0);
        continue;
      }
      expect(errors, file).toEqual([]);
      // Dates differ in representation only (iarna: Date objects; ours: the spelling); none in fly.toml values matter.
      const plain = JSON.parse(JSON.stringify(normalizeOurs(toPlainValue(ours.value)), (_k, v) => v));
      const expected = JSON.parse(JSON.stringify(normalizeIarna(theirs)));
      expect(stripDates(plain, expected), file).toEqual(expected);
    }
    expect(rejected.length).toBe(3);
  });

  it('reports the invalid files at the line that is wrong', () => {
    // The line @iarna/toml names (checked by eye: an unquoted URL; `[processes]` after
    // `processes = [...]`; `[mounts]` after `[[mounts]]`).
    const expected: Record<string, number> = {};
    for (const [file, text] of texts) {
      try {
        TOML.parse(text);
      } catch (error) {
        expected[file] = Number(/at row (\d+)/.exec(String((error as Error).message))![1]);
      }
    }
    expect(expected).toEqual({
      'EliteOath__n8n-on-fly__fly.toml': 51,
      'dejagersh__symfony-on-fly__fly.toml': 13,
      'uchilaka__cami-ritv__fly.crm.toml': 54,
    });
    for (const [file, line] of Object.entries(expected)) {
      const text = texts.get(file)!;
      const { errors } = parseToml(text);
      const index = new LineIndex(text);
      const first = errors.filter((e) => e.code !== 'toml-version')[0]!;
      expect(index.positionAt(first.range[0]).line + 1, file).toBe(line);
      expect(first.code, file).toBe(line === 51 ? 'toml-syntax' : 'toml-duplicate-key');
    }
  });
});

/** Where @iarna/toml has a date, accept our spelling of it. */
function stripDates(ours: unknown, theirs: unknown): unknown {
  if (theirs === 'date') return 'date';
  if (Array.isArray(ours) && Array.isArray(theirs)) return ours.map((v, i) => stripDates(v, theirs[i]));
  if (ours && typeof ours === 'object' && theirs && typeof theirs === 'object') {
    return Object.fromEntries(Object.entries(ours).map(([k, v]) => [k, stripDates(v, (theirs as Record<string, unknown>)[k])]));
  }
  return ours;
}

describe('syntax error messages', () => {
  it.each([
    ['X😀 = 1\n', 'Expected "=" after key "X", found "😀"'],
    ['😀 = 1\n', 'Expected a key, a table header or a comment, found "😀"'],
    ['a = 😀\n', 'Expected a value, found "😀"'],
  ])('%j names a whole character, and its range covers both halves of it', (text, message) => {
    const [error] = parseToml(text).errors;
    expect(error!.message).toBe(message);
    expect(text.slice(error!.range[0], error!.range[1])).toBe('😀');
  });
});
