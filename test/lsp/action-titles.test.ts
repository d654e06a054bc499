/**
 * Code-action titles read on their own in an editor's menu, where the finding is not shown beside
 * them: each says what its edit does to this config, and none ends in a rule id (which would read
 * as a verdict on the fix, `Replace … (deprecated)`). Checked on every fix and suggestion of the
 * real configs, the rules' examples and flyctl's fixtures.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules, lintText } from '../../server/src/index.js';
import { describeFix } from '../../server/src/lsp/code-actions.js';
import { corpusDir, flyctlFixturesDir } from '../support/data-paths.js';

function tomlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tomlFiles(path) : name.endsWith('.toml') ? [path] : [];
  });
}

const ids = new Set(allRules().map((r) => r.meta.id));
/** A verb that names the edit, then what it writes: `Set min_machines_running = 1`, `Replace "sea" with "sjc"`. */
const SAYS_THE_EDIT = /^(Replace|Insert|Remove|Set|Add|Rename|Move|Quote|Use \d+ performance CPUs?) \S/;

describe('code-action titles', () => {
  const titles = new Map<string, string>();
  const sources = [
    ...tomlFiles(corpusDir).map((path) => ({ path, text: readFileSync(path, 'utf8') })),
    ...tomlFiles(flyctlFixturesDir).map((path) => ({ path, text: readFileSync(path, 'utf8') })),
    ...allRules().map((r) => ({ path: `/project/${r.meta.examples.fileName ?? 'fly.toml'}`, text: r.meta.examples.bad })),
  ];
  for (const { path, text } of sources) {
    for (const finding of lintText(text, { filePath: path })) {
      if (finding.fix) titles.set(describeFix(text, finding.fix), finding.ruleId);
      for (const s of finding.suggestions ?? []) titles.set(s.desc, finding.ruleId);
    }
  }

  it('were seen for most rules with fixes', () => {
    expect(new Set(titles.values()).size).toBeGreaterThan(15);
  });

  it('say what the edit does and end in no rule id', () => {
    const bad = [...titles].filter(([title]) => !SAYS_THE_EDIT.test(title) || [...ids].some((id) => title.endsWith(`(${id})`) || title.endsWith(`[${id}]`) || title.endsWith(`: ${id}`)));
    expect(bad, JSON.stringify(bad)).toEqual([]);
  });
});
