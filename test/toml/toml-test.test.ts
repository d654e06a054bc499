/** The language-independent toml-test suite, every case of both versions, in-process. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseToml, toTaggedJson } from '../../server/src/toml/index.js';
import { decodeUtf8, suiteCases, suiteDir, taggedDiff } from './toml-test-support.js';

for (const [version, tomlVersion] of [['1.0.0', '1.0'], ['1.1.0', '1.1']] as const) {
  describe(`toml-test ${version}`, () => {
    const { valid, invalid } = suiteCases(version);

    it(`decodes all ${valid.length} valid cases exactly`, () => {
      const failures: string[] = [];
      for (const file of valid) {
        const text = decodeUtf8(readFileSync(join(suiteDir, file)));
        if (text === undefined) {
          failures.push(`${file}: not UTF-8`);
          continue;
        }
        const result = parseToml(text, { tomlVersion });
        const errors = result.errors.filter((e) => e.code !== 'toml-version');
        if (errors.length) {
          failures.push(`${file}: ${errors[0]!.message} at ${errors[0]!.range[0]}`);
          continue;
        }
        const expected = JSON.parse(readFileSync(join(suiteDir, file.replace(/\.toml$/, '.json')), 'utf8'));
        const diff = taggedDiff(toTaggedJson(result.value), expected);
        if (diff) failures.push(`${file}: ${diff}`);
      }
      console.log(`toml-test ${version} valid: ${valid.length - failures.length}/${valid.length} pass`);
      expect(failures).toEqual([]);
    });

    it(`rejects all ${invalid.length} invalid cases without throwing`, () => {
      const failures: string[] = [];
      for (const file of invalid) {
        const text = decodeUtf8(readFileSync(join(suiteDir, file)));
        if (text === undefined) continue; // invalid UTF-8: rejected before parsing
        const result = parseToml(text, { tomlVersion });
        if (!result.errors.some((e) => e.code !== 'toml-version')) failures.push(file);
      }
      console.log(`toml-test ${version} invalid: ${invalid.length - failures.length}/${invalid.length} rejected`);
      expect(failures).toEqual([]);
    });
  });
}
