/** Runs one rule on a config text as the engine would, and shows each finding with the text it points at. */
import { parseToml } from '../../server/src/toml/parse.js';
import { ruleReports } from '../support/rule-reports.js';
import type { Rule, RuleReport } from '../../server/src/lint/rule.js';
import type { Fix } from '../../server/src/lint/types.js';

export interface Seen {
  message: string;
  severity: string;
  /** The text the range covers. */
  at: string;
  /** The whole text after the safe fix, if there is one. */
  fixed?: string;
  /** The whole text after each suggestion. */
  suggested: string[];
  report: RuleReport;
}

export function applyFix(text: string, fix: Fix): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

export function runRule(rule: Rule, text: string): Seen[] {
  return runRules([rule], text).map(({ ruleId: _ruleId, ...seen }) => seen);
}

/** Several rules on one parse of the text (the schema check behind them runs once). */
export function runRules(rules: readonly Rule[], text: string): Array<Seen & { ruleId: string }> {
  return ruleReports(rules, text).map(({ rule, report }) => ({ ruleId: rule.meta.id, ...seen(rule, text, report) }));
}

function seen(rule: Rule, text: string, report: RuleReport): Seen {
  return {
    message: report.message,
    severity: report.severity ?? rule.meta.severity,
    at: text.slice(report.range[0], report.range[1]),
    ...(report.fix ? { fixed: applyFix(text, report.fix) } : {}),
    suggested: (report.suggestions ?? []).map((s) => applyFix(text, s.fix)),
    report,
  };
}

/** The syntax errors of a text (a fix must never add one). */
export function syntaxErrors(text: string): string[] {
  return parseToml(text).errors.map((e) => e.message);
}
