import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/unknown-process.js';
import { didYouMean } from '../../server/src/lint/did-you-mean.js';
import { expectCase, runRule, type Case } from './helpers.js';

const groups = '[processes]\nweb = "bin/web"\nworker = "bin/worker"\n\n';

const cases: Case[] = [
  { name: 'a service names a missing group', toml: `${groups}[http_service]\nprocesses = ["app"]\n`, expect: [{ at: '"app"', message: /^\[http_service\] names the process group "app", but \[processes\] defines "web", "worker": flyctl rejects the config\. Name one of the defined groups$/, severity: 'error' }] },
  { name: 'a typo in [[restart]]', toml: `${groups}[[restart]]\npolicy = "always"\nprocesses = ["wrker"]\n`, expect: [{ at: '"wrker"', message: /^\[\[restart\]\] names the process group "wrker".*flyctl rejects the config\. Did you mean "worker"\?$/, severity: 'error' }] },
  { name: 'without [processes] the only group is app', toml: '[[services]]\nprocesses = ["web"]\n[[services.ports]]\nport = 80\n', expect: [{ at: '"web"', message: /there is no \[processes\] section, so the only group is "app"/ }] },
  {
    name: 'sections flyctl accepts but apply to nothing',
    toml: `${groups}[[mounts]]\nsource = "d"\ndestination = "/d"\nprocesses = ["wokrer"]\n[[vm]]\nprocesses = ["db"]\n[[metrics]]\nport = 9091\nprocesses = ["web", "api"]\n[[files]]\nguest_path = "/x"\nprocesses = ["job"]\n[checks.c]\nprocesses = ["jobs"]\n`,
    expect: [
      { at: '"wokrer"', message: /^\[\[mounts\]\] names .*flyctl accepts this, and the section applies to no Machine\. Did you mean "worker"\?$/, severity: 'warning' },
      { at: '"db"', message: /^\[\[vm\]\]/, severity: 'warning' },
      { at: '"api"', message: /^\[\[metrics\]\]/, severity: 'warning' },
      { at: '"job"', message: /^\[\[files\]\]/, severity: 'warning' },
      { at: '"jobs"', message: /^\[checks\.c\]/, severity: 'warning' },
    ],
  },
  { name: 'defined groups', toml: `${groups}[http_service]\nprocesses = ["web"]\n[[restart]]\npolicy = "always"\nprocesses = ["worker"]\n[[vm]]\nprocesses = ["web", "worker"]\n`, expect: [] },
  { name: 'app without [processes]', toml: '[http_service]\nprocesses = ["app"]\n', expect: [] },
];

describe('unknown-process', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => expectCase(rule, c));
});

/** `n` groups g0 … and `[[vm]]` sections whose processes lists name `names`, 50 to a list. */
function manyGroups(n: number, names: string[]): string {
  const lists: string[] = [];
  for (let i = 0; i < names.length; i += 50) lists.push(`[[vm]]\nsize = "shared-cpu-1x"\nprocesses = [${names.slice(i, i + 50).map((x) => `"${x}"`).join(', ')}]\n`);
  return `app = "a"\n[processes]\n${Array.from({ length: n }, (_, i) => `g${i} = "run ${i}"`).join('\n')}\n${lists.join('')}`;
}

describe('unknown-process with many groups and many unknown names', () => {
  it('a config of a few dozen groups and typos gets every suggestion did-you-mean has', () => {
    const typos = Array.from({ length: 40 }, (_, i) => (i % 2 ? `g${i}x` : `G${i}`));
    const groups = Array.from({ length: 40 }, (_, i) => `g${i}`).sort();
    const seen = runRule(rule, manyGroups(40, typos));
    expect(seen.map((s) => s.at)).toEqual(typos.map((t) => `"${t}"`));
    for (const [i, s] of seen.entries()) {
      const closest = didYouMean(typos[i]!, groups);
      expect(s.message.endsWith(closest ? `Did you mean "${closest}"?` : 'Name one of the defined groups'), s.message).toBe(true);
    }
    expect(seen.filter((s) => s.message.includes('Did you mean')).length).toBe(40);
    expect(seen[0]!.message).toContain(`defines ${groups.slice(0, 20).map((g) => `"${g}"`).join(', ')} and 20 more:`);
  });

  it('past its budget, a name gets no suggestion; a name seen before keeps the one it got', () => {
    const typos = Array.from({ length: 4000 }, (_, i) => `g${i}x`);
    const seen = runRule(rule, manyGroups(4000, [...typos, 'g0x', 'g3999x']));
    expect(seen).toHaveLength(4002);
    expect(seen[0]!.message).toMatch(/Did you mean "g0"\?$/);
    expect(seen[3999]!.message).toMatch(/Name one of the defined groups$/);
    expect(seen[4000]!.message).toBe(seen[0]!.message);
    expect(seen[4001]!.message).toBe(seen[3999]!.message);
    // Every message names 20 groups, not 4000.
    expect(Math.max(...seen.map((s) => s.message.length))).toBeLessThan(500);
  });

  // Timed on the built bundle, as test/reliability/hostile.test.ts does; the baseline is the same
  // config with every list naming defined groups. Before the budget: 4000 groups and 4000 unknown
  // names took 100 times the baseline.
  it('4,000 groups and 4,000 unknown names lint within a few times the config without them', async () => {
    const api = (await import(join(process.cwd(), 'dist', 'index.js'))) as typeof import('../../server/src/index.js');
    const bad = manyGroups(4000, Array.from({ length: 4000 }, (_, i) => `g${i}x`));
    const good = manyGroups(4000, Array.from({ length: 4000 }, (_, i) => `g${i}`));
    const time = (text: string) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        api.lintText(text, { filePath: '/project/fly.toml', env: 'staging' });
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    time(good);
    const [goodMs, badMs] = [time(good), time(bad)];
    expect(api.lintText(bad, { filePath: '/project/fly.toml', env: 'staging' }).filter((f) => f.ruleId === 'unknown-process')).toHaveLength(4000);
    expect(badMs, `${badMs.toFixed(0)} ms, ${goodMs.toFixed(0)} ms without the unknown names`).toBeLessThan(4 * goodMs + 500);
  });
});
