/** Runs rules on a config text with the context the engine gives them, and returns what each reported. */
import { parseToml } from '../../server/src/toml/parse.js';
import { buildModel } from '../../server/src/fly/model.js';
import { resolveEnvironment } from '../../server/src/fly/environment.js';
import type { Rule, RuleReport } from '../../server/src/lint/rule.js';

export function ruleReports(rules: readonly Rule[], text: string, filePath = '/project/fly.toml'): Array<{ rule: Rule; report: RuleReport }> {
  const parse = parseToml(text);
  const config = buildModel(parse.value);
  const env = resolveEnvironment({ comments: parse.ast.comments.map((c) => c.text), filePath, ...(config.appName ? { appName: config.appName } : {}) });
  return rules.flatMap((rule) => {
    const reports: RuleReport[] = [];
    rule.check({
      text,
      filePath,
      doc: parse.ast,
      value: parse.value,
      config,
      env,
      settings: { privateApp: false, secretPatterns: [] },
      project: [],
      report: (r) => reports.push(r),
    });
    return reports.map((report) => ({ rule, report }));
  });
}
