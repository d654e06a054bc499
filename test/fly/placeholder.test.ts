/**
 * isPlaceholder runs its pattern only on values that hold a delimiter or one of its words: the
 * shortcut must never change an answer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlaceholder, PLACEHOLDER } from '../../server/src/fly/placeholder.js';
import { corpusDir } from '../support/data-paths.js';

const DUNDER = /__[A-Z][A-Z0-9_]*__/;
const byPattern = (value: string) => value.length <= 256 && (PLACEHOLDER.test(value) || DUNDER.test(value));

describe('isPlaceholder', () => {
  it('answers as its pattern does for every quoted value of the real configs', () => {
    const values = readdirSync(corpusDir)
      .filter((f) => f.endsWith('.toml'))
      .flatMap((f) => [...readFileSync(join(corpusDir, f), 'utf8').matchAll(/"([^"\n]*)"|'([^'\n]*)'/g)].map((m) => m[1] ?? m[2]!));
    expect(values.length).toBeGreaterThan(1000);
    const placeholders = values.filter(isPlaceholder);
    expect(placeholders.length).toBeGreaterThan(0);
    expect(values.filter((v) => isPlaceholder(v) !== byPattern(v))).toEqual([]);
  });

  it('answers as its pattern does for the words and delimiters in any case and company', () => {
    const pieces = ['change', 'CHANGE-ME', 'Replace_Me', 'fill me in', 'FILL-ME-IN', 'placeholder', 'TBD', 'xxx', 'XXXX', 'your', 'YOUR', 'yourappname', 'Your-Region', '$', '${', '{{', '}}', '{%', '%}', '<%', '%>', '%', '@', '<', '>', 'a', 'Z', '_', '-', ' ', '.', 'ſ', 'İ', 'K', '9'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        const value = parts.join('');
        expect(isPlaceholder(value)).toBe(byPattern(value));
      }),
      { numRuns: 3000 },
    );
  });
});
