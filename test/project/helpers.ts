/** Lints a config inside an in-memory project and returns one rule's findings with the text they point at. */
import { lintText } from '../../server/src/index.js';
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
  const findings = lintText(c.toml, {
    filePath: `/repo/${configPath}`,
    projectRoot: '/repo',
    ...(rule === 'no-build-source' ? { rules: { [rule]: 'info' as const } } : rule === 'port-mismatch' ? { rules: { [rule]: 'warning' as const } } : {}),
    ...(withView ? { projectView: memoryProjectView(configPath, c.files) } : {}),
  });
  return findings.filter((f) => f.ruleId === rule).map((f) => ({ ...f, at: c.toml.slice(f.range[0], f.range[1]) }));
}
