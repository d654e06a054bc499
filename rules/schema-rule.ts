/** The rules backed by the schema check share this shape: report the schema issues of one kind. */
import type { Rule, RuleMeta } from '../server/src/lint/rule.js';
import { checkSchema, type SchemaIssueKind } from '../server/src/schema/check-schema.js';

export function schemaRule(meta: RuleMeta, kind: SchemaIssueKind): Rule {
  return {
    meta,
    check(context) {
      const issues = checkSchema(context.value, context.text);
      // Six rules read every issue of every file: an index loop allocates nothing while cold.
      for (let i = 0; i < issues.length; i++) {
        const issue = issues[i]!;
        if (issue.kind !== kind) continue;
        const { kind: _kind, ...report } = issue;
        context.report(report);
      }
    },
  };
}
