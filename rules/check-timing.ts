import type { Rule } from '../server/src/lint/rule.js';
import { durationsOf, groupsOf, type FlyConfig, type TopCheck } from '../server/src/fly/model.js';
import { formatDuration } from '../server/src/fly/units.js';
import { valueRange } from './rule-helpers.js';

/** The groups a top-level check runs in that have no `[http_service]` to lend it a port. */
function groupsWithoutHttpService(config: FlyConfig, check: TopCheck): string[] {
  const http = config.services.find((s) => s.kind === 'http_service');
  const served = http ? groupsOf(config, http.processes) : [];
  return groupsOf(config, check.processes).filter((g) => !served.includes(g));
}

const rule: Rule = {
  meta: {
    id: 'check-timing',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'none',
    summary: 'A health check type, port or timing flyctl rejects or changes',
    why: 'flyctl rejects a top-level `[checks.<name>]` without `type = "http"` or `"tcp"`, with an interval under 2 seconds or a timeout over 60 seconds, and fails the deploy when a check has no `port` and its process group has no `[http_service]` to take one from. Service checks outside 1 second … 1 minute are silently clamped, so the check does not run as written.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-checks-section',
    examples: {
      bad: 'app = "shop"\n\n[checks.alive]\ntype = "tcp"\nport = 8080\ninterval = "1s"\ntimeout = "90s"\n',
      good: 'app = "shop"\n\n[checks.alive]\ntype = "tcp"\nport = 8080\ninterval = "15s"\ntimeout = "2s"\n',
    },
  },
  check({ config, report }) {
    for (const c of config.checks) {
      const name = `[checks.${c.name}]`;
      const nameRange: [number, number] = [c.key.start, (c.nameNode ?? c.key).end];
      if (!c.type) report({ message: `${name} has no type: flyctl rejects it. Add type = "http" or type = "tcp"`, range: nameRange });
      else if (c.type.value !== 'http' && c.type.value !== 'tcp') report({ message: `${name} type = "${c.type.value}" is not a check type: flyctl rejects it. Use "http" or "tcp" (lower case)`, range: valueRange(c.type) });
      if (c.interval?.value !== undefined && c.interval.value < 2000) report({ message: `${name} interval is ${formatDuration(c.interval.value)}: flyctl rejects intervals under 2 seconds. Use "2s" or more`, range: valueRange(c.interval) });
      if (c.timeout?.value !== undefined && c.timeout.value > 60_000) report({ message: `${name} timeout is ${formatDuration(c.timeout.value)}: flyctl rejects timeouts over 60 seconds. Use "60s" or less`, range: valueRange(c.timeout) });
      if (!c.port || c.port.value === 0) {
        const groups = groupsWithoutHttpService(config, c);
        if (groups.length) {
          report({
            message: `${name} has no port, and process group "${groups[0]}" has no [http_service] whose internal_port it could use: the deploy fails. Add port = <the port to check>`,
            range: nameRange,
          });
        }
      }
    }
    for (const { field, where, serviceCheck } of durationsOf(config)) {
      if (!serviceCheck || field.value === undefined) continue;
      const ms = field.value;
      // A bare number in nanoseconds is ambiguous-duration's finding, which says it gets raised.
      if (field.written === 'number' && field.unit === 'ns' && ms !== 0) continue;
      const grace = /grace_period$/.test(where);
      if (grace && ms === 0) continue;
      if (ms < 1000) report({ severity: 'warning', message: `${where} is ${formatDuration(ms)}: flyctl raises it to 1 second. Write "1s" or more`, range: valueRange(field) });
      else if (ms > 60_000) report({ severity: 'warning', message: `${where} is ${formatDuration(ms)}: flyctl lowers it to 1 minute. Write "60s" or less`, range: valueRange(field) });
    }
  },
};
export default rule;
