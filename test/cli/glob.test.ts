import { describe, expect, it } from 'vitest';
import { globMatches } from '../../server/src/config/glob.js';

/** What the globs mean, as a backtracking regular expression: the oracle, fine on short inputs. */
function oracle(glob: string, relativePath: string): boolean {
  const toRegExp = (g: string) => {
    let source = '';
    for (let i = 0; i < g.length; i++) {
      const ch = g[i]!;
      if (ch === '*' && g[i + 1] === '*') {
        const slash = g[i + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else if (ch === '*') source += '[^/]*';
      else if (ch === '?') source += '[^/]';
      else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
  };
  const path = relativePath.replace(/\\/g, '/');
  if (!glob.includes('/')) return toRegExp(glob).test(path.slice(path.lastIndexOf('/') + 1));
  return toRegExp(glob.replace(/^\.\//, '')).test(path);
}

function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

describe('config globs', () => {
  it.each([
    ['fly.toml', 'fly.toml', true],
    ['fly.toml', 'apps/web/fly.toml', true],
    ['*.toml', 'apps/fly.staging.toml', true],
    ['deploy/fly.*.toml', 'deploy/fly.staging.toml', true],
    ['deploy/fly.*.toml', 'deploy/x/fly.staging.toml', false],
    ['./deploy/fly.?.toml', 'deploy/fly.a.toml', true],
    ['**/fly.toml', 'fly.toml', true],
    ['**/fly.toml', 'a/b/c/fly.toml', true],
    ['**/fly.toml', 'afly.toml', false],
    ['infra/**', 'infra/db/fly.toml', true],
    ['infra/**', 'web/infra/fly.toml', false],
    ['apps/**/staging/*.toml', 'apps/x/y/staging/fly.toml', true],
    ['apps\\fly.toml', 'apps\\fly.toml', false],
    ['a/b', 'a\\b', true],
  ])('%s against %s: %s', (glob, path, expected) => {
    expect(globMatches(glob, path)).toBe(expected);
    expect(oracle(glob, path)).toBe(expected);
  });

  it('matches as the regular-expression reading does on 20,000 random globs and paths', () => {
    const next = random(20261202);
    const pick = (alphabet: string, max: number) => Array.from({ length: Math.floor(next() * (max + 1)) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    let matched = 0;
    for (let i = 0; i < 20_000; i++) {
      const glob = pick('ab/.*?', 8);
      const path = pick('ab/.', 10);
      const expected = oracle(glob, path);
      if (globMatches(glob, path) !== expected) throw new Error(`${JSON.stringify(glob)} against ${JSON.stringify(path)}: expected ${expected}`);
      if (expected) matched++;
    }
    // Both outcomes must be well represented for the comparison to mean anything.
    expect(matched).toBeGreaterThan(1000);
    expect(matched).toBeLessThan(19_000);
  });

  it('takes linear time on globs that make a backtracking matcher exponential', () => {
    const start = performance.now();
    expect(globMatches('*a*a*a*a*a*a*a*a*a*a*a*b', `fly.${'a'.repeat(40)}.toml`)).toBe(false);
    expect(globMatches(`${'**/'.repeat(30)}*a*a*a*a*a*a*b`, `${'a/'.repeat(2000)}${'a'.repeat(2000)}`)).toBe(false);
    // The backtracking reading takes minutes on the first of these; this one, a few milliseconds.
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
