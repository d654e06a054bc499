/** Lints a config inside an in-memory project and returns one rule's findings with the text they point at. */
import { expect } from 'vitest';
import { allRules, lintText } from '../../server/src/index.js';
import { memoryProjectView } from '../../server/src/project/memory-view.js';

export interface ProjectCase {
  name: string;
  toml: string;
  /** Root-relative path of the config (default `fly.toml`). */
  config?: string;
  files: Record<string, string>;
  /** What the rule reports: the text of each finding's range, and a pattern its message matches. */
  expect: Array<{ at: string; message?: RegExp; severity?: string }>;
}

export function findingsOf(rule: string, c: Pick<ProjectCase, 'toml' | 'config' | 'files'>, withView = true) {
  const configPath = c.config ?? 'fly.toml';
  const meta = allRules().find((r) => r.meta.id === rule)!.meta;
  const findings = lintText(c.toml, {
    filePath: `/repo/${configPath}`,
    projectRoot: '/repo',
    // An opt-in rule is turned on at its own severity; a level set for the others would replace
    // the severity each finding chooses.
    ...(meta.optIn ? { rules: { [rule]: meta.severity } } : {}),
    ...(withView ? { projectView: memoryProjectView(configPath, c.files) } : {}),
  });
  return findings.filter((f) => f.ruleId === rule).map((f) => ({ ...f, at: c.toml.slice(f.range[0], f.range[1]) }));
}

/** Checks a case: the rule reports exactly at the expected places, with the expected messages and severities. */
export function expectCase(rule: string, c: ProjectCase): void {
  const seen = findingsOf(rule, c);
  expect(seen.map((s) => s.at)).toEqual(c.expect.map((e) => e.at));
  c.expect.forEach((e, i) => {
    if (e.message) expect(seen[i]!.message).toMatch(e.message);
    if (e.severity) expect(seen[i]!.severity).toBe(e.severity);
  });
}
