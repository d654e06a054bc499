import type { Rule } from '../server/src/lint/rule.js';
import { durationsOf } from '../server/src/fly/model.js';
import { durationWords, formatDuration } from '../server/src/fly/units.js';
import { stringLiteral } from '../server/src/edit/insert-key.js';
import { valueRange } from './rule-helpers.js';
import { replaceWith } from '../server/src/lint/fix-title.js';

const rule: Rule = {
  meta: {
    id: 'ambiguous-duration',
    category: 'schema',
    severity: 'warning',
    env: 'any',
    fix: 'suggestion',
    summary: 'A bare number where flyctl counts nanoseconds',
    why: 'Durations written as bare numbers count in a unit that depends on the key: seconds for `kill_timeout`, milliseconds in `[[services.http_checks]]` and `[checks]`, but **nanoseconds** in `[[http_service.checks]]`, `[deploy] wait_timeout`, `release_command_timeout` and machine checks: `interval = 10000` there means 10 microseconds. The same happens to any duration key not written in lower case (`Kill_Timeout = 5`), because flyctl converts bare numbers only for keys spelled exactly. Write the unit.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#http_service-checks',
    examples: { bad: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n\n[[http_service.checks]]\ninterval = 10000\npath = "/healthz"\n', good: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n\n[[http_service.checks]]\ninterval = "10s"\npath = "/healthz"\n' },
  },
  check({ config, doc, report, text }) {
    for (const { field, where, serviceCheck } of durationsOf(config)) {
      if (field.written !== 'number' || field.unit !== 'ns' || !field.value) continue;
      const node = field.node;
      const raw = node.kind === 'integer' || node.kind === 'float' ? Math.trunc(Number(node.value)) : 0;
      // What was almost certainly meant: the unit flyctl uses for the key spelled in lower case;
      // elsewhere milliseconds for large numbers (as the checks docs say) and seconds for small ones.
      const intended = field.caseSkippedUnit;
      const meantMs = intended ? raw * { s: 1000, ms: 1, ns: 1e-6 }[intended] : raw >= 1000 ? raw : raw * 1000;
      const meant = formatDuration(meantMs);
      const why = intended
        ? `flyctl converts bare numbers only for "${field.key.name.toLowerCase()}" spelled in lower case, so this one counts nanoseconds`
        : 'a bare number here counts nanoseconds';
      const clamped = serviceCheck ? ', which flyctl then raises to 1 second' : '';
      report({
        message: `${where} = ${raw} is ${durationWords(field.value)} (${why})${clamped}. Write the unit, e.g. "${meant}"`,
        range: valueRange(field),
        suggestions: [replaceWith(text, valueRange(field), stringLiteral(doc, meant))],
      });
    }
  },
};
export default rule;
