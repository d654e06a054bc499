import type { Rule } from '../server/src/lint/rule.js';
import type { DurationField } from '../server/src/fly/model.js';
import { durationField, tablesOf } from '../server/src/fly/model.js';
import { formatDuration } from '../server/src/fly/units.js';
import { valueRange } from './rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'ambiguous-duration',
    category: 'schema',
    severity: 'warning',
    env: 'any',
    fix: 'suggestion',
    summary: 'A bare number where flyctl counts nanoseconds',
    why: 'Durations written as bare numbers count in a unit that depends on the key: seconds for `kill_timeout`, milliseconds in `[[services.http_checks]]`, but **nanoseconds** in `[[http_service.checks]]`, `[deploy] wait_timeout` and `release_command_timeout`: `interval = 10000` there means 10 microseconds. Write the unit.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#http_service-checks',
    examples: { bad: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n\n[[http_service.checks]]\ninterval = 10000\npath = "/healthz"\n', good: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n\n[[http_service.checks]]\ninterval = "10s"\npath = "/healthz"\n' },
  },
  check({ config, report }) {
    const fields: Array<{ field: DurationField; where: string }> = [];
    const add = (field: DurationField | undefined, where: string) => field && field.written === 'number' && field.unit === 'ns' && fields.push({ field, where });
    add(config.waitTimeout, '[deploy] wait_timeout');
    add(durationField(config.deploy, 'release_command_timeout', 'ns'), '[deploy] release_command_timeout');
    for (const s of config.services) {
      for (const c of s.checks) for (const [f, n] of [[c.interval, 'interval'], [c.timeout, 'timeout'], [c.gracePeriod, 'grace_period']] as const) add(f, `[[http_service.checks]] ${n}`);
      for (const mc of tablesOf(s.table.entries.get('machine_checks')?.value)) add(durationField(mc, 'kill_timeout', 'ns'), 'machine check kill_timeout');
    }
    for (const mc of tablesOf(config.root.entries.get('machine_checks')?.value)) add(durationField(mc, 'kill_timeout', 'ns'), 'machine check kill_timeout');
    for (const { field, where } of fields) {
      const raw = Number(field.node.kind === 'integer' || field.node.kind === 'float' ? field.node.value : 0);
      if (raw === 0) continue;
      // What was almost certainly meant: milliseconds when it is large, seconds when small.
      const meantMs = raw >= 1000 ? raw : raw * 1000;
      const meant = formatDuration(meantMs);
      report({
        message: `${where} = ${raw} is ${formatDuration(field.value ?? 0)} (a bare number here counts nanoseconds). Write the unit, e.g. "${meant}"`,
        range: valueRange(field),
        suggestions: [{ desc: `Write "${meant}"`, fix: { range: valueRange(field), text: `"${meant}"` } }],
      });
    }
  },
};
export default rule;
