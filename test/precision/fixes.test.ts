/**
 * No fix or suggestion makes a config worse. Every fix and every suggestion of every default
 * finding is applied alone to every real config (the corpus, each repository as one project) and
 * every flyctl fixture, and the edited file is linted again: it must parse with no new TOML error,
 * the finding it answers must be gone, and no other finding may appear. One exception, kept
 * narrow: renaming a misspelt key (unknown-key, key-case) lets flylint read that key's value at
 * last, so findings inside the renamed entry may appear.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze, applyEdits, lintAnalyzed, type AnalyzedFile, type Finding, type Fix } from '../../server/src/index.js';
import { flyctlFixturesDir } from '../support/data-paths.js';
import { corpusProjects } from '../support/corpus-projects.mjs';

/** Rules whose fix renames a key: the renamed key's value is read only after the edit. */
const RENAMES = new Set(['unknown-key', 'key-case']);

interface Config {
  name: string;
  file: AnalyzedFile;
  siblings: AnalyzedFile[];
}

function configs(): Config[] {
  const out: Config[] = [];
  for (const project of corpusProjects()) {
    const analyzed = project.files.map((f: { filePath: string; text: string }) => analyze(f.text, f.filePath));
    project.files.forEach((f: { corpusName: string }, i: number) => {
      out.push({ name: f.corpusName, file: analyzed[i]!, siblings: analyzed.filter((_: AnalyzedFile, j: number) => j !== i) });
    });
  }
  for (const path of tomlFiles(flyctlFixturesDir)) {
    const name = `flyctl-fixtures/${relative(flyctlFixturesDir, path).split('\\').join('/')}`;
    out.push({ name, file: analyze(readFileSync(path, 'utf8'), `/fixtures/${name}`), siblings: [] });
  }
  return out;
}

function tomlFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return tomlFiles(path);
    return entry.endsWith('.toml') ? [path] : [];
  });
}

const key = (f: Finding) => `${f.ruleId}\u0000${f.message}`;

function counts(findings: readonly Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) out.set(key(f), (out.get(key(f)) ?? 0) + 1);
  return out;
}

const isTomlError = (f: Finding) => f.ruleId === 'toml-syntax' || f.ruleId === 'toml-duplicate-key';

/** Where the renamed entry lies in the edited text: the key-value or table that holds the edit. */
function renamedSpan(after: AnalyzedFile, at: number): [number, number] | undefined {
  const { doc } = after;
  const inside = (n: { start: number; end: number }) => n.start <= at && at <= n.end;
  const table = doc.tables.find((t) => t.header.start <= at && at <= t.header.end);
  if (table) return [table.start, table.end];
  for (const kv of [...doc.body, ...doc.tables.flatMap((t) => t.body)]) if (inside(kv)) return [kv.start, kv.end];
  return undefined;
}

/** What is wrong with the config after this one edit, or undefined when it is better. */
function judge(config: Config, finding: Finding, fix: Fix): string | undefined {
  const before = lintAnalyzed(config.file, config.siblings);
  const edited = applyEdits(config.file.text, [fix]).text;
  const after = analyze(edited, config.file.filePath);
  const found = lintAnalyzed(after, config.siblings);
  if (found.filter(isTomlError).length > before.filter(isTomlError).length) {
    return `new TOML error: ${found.filter(isTomlError).map((f) => f.message).join('; ')}`;
  }
  const was = counts(before);
  const now = counts(found);
  if ((now.get(key(finding)) ?? 0) >= (was.get(key(finding)) ?? 0)) return 'its own finding is still there';
  // A finding appears when its rule has more findings than before; one reworded by the edit
  // (`[services]` becoming `[[services]]` in a message) is the same finding.
  const span = RENAMES.has(finding.ruleId) ? renamedSpan(after, fix.range[0]) : undefined;
  const kept = found.filter((f) => !(span && span[0] <= f.range[0] && f.range[0] <= span[1]));
  const perRule = (list: readonly Finding[], rule: string) => list.filter((f) => f.ruleId === rule).length;
  const grown = [...new Set(kept.map((f) => f.ruleId))].filter((rule) => perRule(kept, rule) > perRule(before, rule));
  const appeared = kept.filter((f) => grown.includes(f.ruleId) && (now.get(key(f)) ?? 0) > (was.get(key(f)) ?? 0));
  return grown.length ? `new finding: ${appeared.map((f) => `${f.ruleId}: ${f.message}`).join('; ')}` : undefined;
}

const all = configs();

describe('every fix and every suggestion alone leaves the config better', () => {
  it('holds for every finding of the corpus and the flyctl fixtures', () => {
    const failures = new Map<string, string>();
    let edits = 0;
    for (const config of all) {
      for (const finding of lintAnalyzed(config.file, config.siblings)) {
        const options = [...(finding.fix ? [{ desc: 'safe fix', fix: finding.fix }] : []), ...(finding.suggestions ?? [])];
        for (const { desc, fix } of options) {
          edits++;
          const wrong = judge(config, finding, fix);
          const id = `${finding.ruleId} | ${config.name} | ${desc}`;
          if (wrong) failures.set(id, wrong);
        }
      }
    }
    expect(edits).toBeGreaterThan(100);
    expect([...failures].map(([id, wrong]) => `${id}: ${wrong}`)).toEqual([]);
  });
});
