/**
 * Property-based checks with a fixed seed and a small budget (npm run fuzz runs them for longer):
 * nothing throws, every range is inside the text, the tree is lossless, fixes are safe.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText, parseToml } from '../../server/src/index.js';
import { fixUntilStable } from '../../server/src/lint/fix-loop.js';
import { checkInvariants, comments, mutate } from './invariants.js';

const SEED = 20261122;
const corpusDir = join(process.cwd(), '..', 'shared', 'corpus', 'real-world');
const corpus = readdirSync(corpusDir).filter((f) => f.endsWith('.toml')).sort().map((f) => readFileSync(join(corpusDir, f), 'utf8'));

const key = fc.oneof(fc.constantFrom('app', 'primary_region', 'internal_port', 'auto_stop_machines', 'processes', 'memory', 'size', 'interval', 'port', 'a-b', '"quoted key"', "'lit'"), fc.stringMatching(/^[a-z_]{1,8}$/));
const value = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: false }).map((n) => (Number.isFinite(n) ? String(n) : n > 0 ? 'inf' : n < 0 ? '-inf' : 'nan')),
  fc.boolean().map(String),
  fc.string().map((s) => JSON.stringify(s)),
  fc.constantFrom('"1gb"', '"30s"', '10000', '["app"]', '{ type = "requests", soft_limit = 20 }', '1979-05-27T07:32:00Z', '[1, 2, [3]]', "'''\nx\n'''", '"""\na\\\n  b"""'),
);
const line = fc.oneof(
  fc.tuple(key, value).map(([k, v]) => `${k} = ${v}`),
  fc.tuple(fc.constantFrom('', 'http_service', 'env', 'build', 'deploy', 'processes', 'metrics', 'checks.alive'), fc.boolean()).map(([h, a]) => (h ? (a ? `[[${h === 'checks.alive' ? 'vm' : h}]]` : `[${h}]`) : '')),
  fc.constantFrom('[[services]]', '[[services.ports]]', '[[mounts]]', '[[vm]]', '[[http_service.checks]]', '# comment', '  # indented comment', ''),
);
const document = fc.tuple(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n')).map(([lines, eol]) => lines.join(eol));

describe('properties', () => {
  it('any string: no throw, ranges inside, sorted and unique, lossless', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => void checkInvariants(s)), { seed: SEED, numRuns: 300 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => void checkInvariants(Buffer.from(bytes).toString('latin1'))), { seed: SEED, numRuns: 200 });
  });

  it('TOML-shaped documents: the same invariants', () => {
    fc.assert(fc.property(document, (text) => void checkInvariants(text)), { seed: SEED, numRuns: 400 });
  });

  it('mutations of the real corpus: the same invariants', () => {
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.double({ min: 0, max: 0.999, noNaN: true }), fc.double({ min: 0, max: 0.999, noNaN: true }), (i, a, b) => void checkInvariants(mutate(corpus[i]!, a, b))),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('safe fixes on every corpus file: still TOML, comments kept, idempotent', () => {
    for (const text of corpus) {
      const lint = (t: string) => lintText(t, { filePath: '/p/fly.toml' });
      const syntaxBefore = lint(text).filter((f) => f.ruleId.startsWith('toml-') && f.severity === 'error').length;
      const result = fixUntilStable(text, lint);
      expect(lint(result.text).filter((f) => f.ruleId.startsWith('toml-') && f.severity === 'error').length).toBeLessThanOrEqual(syntaxBefore);
      expect(comments(result.text)).toEqual(comments(text));
      expect(fixUntilStable(result.text, lint).text).toBe(result.text);
    }
  });

  it('unsafe fixes on every corpus file: still TOML and idempotent', () => {
    for (const text of corpus) {
      const lint = (t: string) => lintText(t, { filePath: '/p/fly.toml' });
      const before = parseToml(text).errors.filter((e) => e.code !== 'toml-version').length;
      const result = fixUntilStable(text, lint, { unsafe: true });
      expect(parseToml(result.text).errors.filter((e) => e.code !== 'toml-version').length).toBeLessThanOrEqual(before);
      const again = fixUntilStable(result.text, lint, { unsafe: true });
      expect(again.text).toBe(result.text);
    }
  });

  it('lint time grows linearly with input size', () => {
    const base = corpus.find((t) => t.length > 1500)!;
    const time = (text: string) => {
      const start = performance.now();
      for (let i = 0; i < 3; i++) lintText(text, { filePath: '/p/fly.toml' });
      return (performance.now() - start) / 3;
    };
    const big = base.replace(/^app\s*=.*$/m, '').split('\n').map((l) => l.replace(/^\[/, '#[')).join('\n');
    time(big);
    const one = time(big);
    const twenty = time(big.repeat(20));
    // Per-byte cost may not grow more than 3× (generous against machine noise).
    expect(twenty / 20).toBeLessThan(one * 3 + 1);
  });
});
