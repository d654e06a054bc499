import type { Rule } from '../server/src/lint/rule.js';
import type { DurationField } from '../server/src/fly/model.js';
import { formatDuration } from '../server/src/fly/units.js';
import { valueRange } from './rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'check-timing',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'none',
    summary: 'A health check type or timing flyctl rejects or changes',
    why: 'flyctl rejects a top-level `[checks.<name>]` without `type = "http"` or `"tcp"`, with an interval under 2 seconds or a timeout over 60 seconds. Service checks outside 1 second … 1 minute are silently clamped, so the check does not run as written.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-checks-section',
    examples: {
      bad: 'app = "shop"\n\n[checks.alive]\ntype = "tcp"\nport = 8080\ninterval = "1s"\ntimeout = "90s"\n',
      good: 'app = "shop"\n\n[checks.alive]\ntype = "tcp"\nport = 8080\ninterval = "15s"\ntimeout = "2s"\n',
    },
  },
  check({ config, report }) {
    for (const c of config.checks) {
      if (!c.type) report({ message: `Check "${c.name}" needs type = "http" or "tcp": flyctl rejects it without one`, range: [c.key.start, c.key.end] });
      else if (c.type.value !== 'http' && c.type.value !== 'tcp') report({ message: `Check "${c.name}" has type "${c.type.value}": use "http" or "tcp"`, range: valueRange(c.type) });
      if (c.interval?.value !== undefined && c.interval.value < 2000) report({ message: `Check "${c.name}" interval is ${formatDuration(c.interval.value)}: the minimum is 2 seconds`, range: valueRange(c.interval) });
      if (c.timeout?.value !== undefined && c.timeout.value > 60_000) report({ message: `Check "${c.name}" timeout is ${formatDuration(c.timeout.value)}: the maximum is 60 seconds`, range: valueRange(c.timeout) });
    }
    for (const s of config.services) {
      for (const check of s.checks) {
        const clamp = (field: DurationField | undefined, what: string, zeroOk: boolean) => {
          if (!field || field.value === undefined) return;
          const ms = field.value;
          if (zeroOk && ms === 0) return;
          if (ms < 1000) report({ severity: 'warning', message: `This ${check.kind.toUpperCase()} check's ${what} is ${formatDuration(ms)}; flyctl raises it to 1 second`, range: valueRange(field) });
          else if (ms > 60_000) report({ severity: 'warning', message: `This ${check.kind.toUpperCase()} check's ${what} is ${formatDuration(ms)}; flyctl lowers it to 1 minute`, range: valueRange(field) });
        };
        clamp(check.interval, 'interval', false);
        clamp(check.timeout, 'timeout', false);
        clamp(check.gracePeriod, 'grace period', true);
      }
    }
  },
};
export default rule;
