/** The rules backed by the schema check share this shape: report the schema issues of one kind. */
import type { Rule, RuleContext, RuleMeta } from '../server/src/lint/rule.js';
import { checkSchema, type SchemaIssueKind } from '../server/src/schema/check-schema.js';

export function schemaRule(meta: RuleMeta, kind: SchemaIssueKind, more?: (context: RuleContext) => void): Rule {
  return {
    meta,
    check(context) {
      for (const issue of checkSchema(context.value)) {
        if (issue.kind !== kind) continue;
        context.report({
          message: issue.message,
          range: issue.range,
          ...(issue.severity ? { severity: issue.severity } : {}),
          ...(issue.fix ? { fix: issue.fix } : {}),
          ...(issue.suggestions ? { suggestions: issue.suggestions } : {}),
          ...(issue.tags ? { tags: issue.tags } : {}),
        });
      }
      more?.(context);
    },
  };
}
