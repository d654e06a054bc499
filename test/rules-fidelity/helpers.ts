/** Runs one rule on a config text, as the engine would, and shows each finding with the text it points at. */
import { expect } from 'vitest';
import { ruleReports } from '../support/rule-reports.js';
import { applyFixes } from '../../server/src/lint/apply-fixes.js';
import type { Rule, RuleReport } from '../../server/src/lint/rule.js';
import type { Finding } from '../../server/src/lint/types.js';

export interface Seen {
  message: string;
  severity: string;
  /** The text the range covers. */
  at: string;
  suggestions: Array<{ desc: string; result: string }>;
  report: RuleReport;
}

export function runRule(rule: Rule, text: string, filePath = '/project/fly.toml'): Seen[] {
  return ruleReports([rule], text, filePath).map(({ report: r }) => ({
    message: r.message,
    severity: r.severity ?? rule.meta.severity,
    at: text.slice(r.range[0], r.range[1]),
    suggestions: (r.suggestions ?? []).map((s) => ({ desc: s.desc, result: applySuggestion(text, s.fix) })),
    report: r,
  }));
}

function applySuggestion(text: string, fix: { range: [number, number]; text: string }): string {
  const finding: Finding = { ruleId: 'x', severity: 'warning', message: '', range: fix.range, suggestions: [{ desc: '', fix }] };
  return applyFixes(text, [finding], { unsafe: true }).text;
}

/** A table row: the config, and what the rule must say (nothing for a good case). */
export interface Case {
  name: string;
  toml: string;
  expect: Array<{ at: string; message: RegExp; severity?: string; suggestion?: string }>;
}

/** Checks one row: the findings, in order, point at `at` and say `message`; suggestions produce `suggestion` somewhere in the result. */
export function expectCase(rule: Rule, c: Case): void {
  const seen = runRule(rule, c.toml);
  expect(seen.map((s) => s.at)).toEqual(c.expect.map((e) => e.at));
  c.expect.forEach((e, i) => {
    expect(seen[i]!.message).toMatch(e.message);
    if (e.severity) expect(seen[i]!.severity).toEqual(e.severity);
    if (e.suggestion !== undefined) expect(seen[i]!.suggestions.map((s) => s.result).join('\n---\n')).toContain(e.suggestion);
  });
}
