/**
 * Every rule's documented examples are its first table of cases: the bad one triggers it, the
 * good one does not (under the file name the example names, so environments apply).
 */
import { describe, expect, it } from 'vitest';
import { allRules, lintText } from '../../server/src/index.js';
import { memoryProjectView } from '../../server/src/project/memory-view.js';

/** Isolation rules need a second config of another environment to compare with. */
const PRODUCTION_SIBLING = { filePath: '/project/fly.toml', text: 'app = "shop"\nprimary_region = "ams"\n' };

describe.each(allRules().map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
  const filePath = `/project/${rule.meta.examples.fileName ?? 'fly.toml'}`;
  // An opt-in rule runs where a config gives it a level: here, the level its docs suggest.
  const options = { filePath, siblings: rule.meta.env === 'project' ? [PRODUCTION_SIBLING] : [], ...(rule.meta.optIn ? { rules: { [id]: rule.meta.severity } } : {}), ...(rule.meta.examples.files ? { projectView: memoryProjectView(rule.meta.examples.fileName ?? 'fly.toml', rule.meta.examples.files) } : {}) };

  it('has complete metadata', () => {
    expect(rule.meta.summary.length).toBeGreaterThan(10);
    expect(rule.meta.why.length).toBeGreaterThan(40);
    expect(rule.meta.flyDocs).toMatch(/^https:\/\/fly\.io\/docs\//);
  });

  it('reports its bad example', () => {
    const ids = lintText(rule.meta.examples.bad, options).map((f) => f.ruleId);
    expect(ids).toContain(id);
  });

  it('does not report its good example', () => {
    const findings = lintText(rule.meta.examples.good, options);
    expect(findings.filter((f) => f.ruleId === id)).toEqual([]);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
  });
});
