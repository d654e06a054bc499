import type { Rule } from '../server/src/lint/rule.js';
import { serviceLabel } from '../server/src/fly/model.js';
import { setServiceKey } from './production-helpers.js';
import { valueRange } from './rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'min-machines-running',
    category: 'production',
    severity: 'warning',
    env: 'production',
    fix: 'suggestion',
    summary: 'Machines stopped when idle, none kept running',
    why: 'With `auto_stop_machines = "stop"` and `min_machines_running` unset or 0, every Machine stops when idle and the first request afterwards waits for a cold start. Keeping at least one Machine running in the primary region avoids it. (`min_machines_running` set while autostop is off has no effect, but it does no harm either — it may even be kept on purpose for the day autostop is turned on — so it is not reported. Neither is `"suspend"`: resuming a suspended Machine is faster than starting a stopped one, which is the point of choosing it.)',
    flyDocs: 'https://fly.io/docs/launch/autostop-autostart/',
    examples: {
      bad: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\nauto_stop_machines = "stop"\nauto_start_machines = true\nmin_machines_running = 0\n',
      good: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\nauto_stop_machines = "stop"\nauto_start_machines = true\nmin_machines_running = 1\n',
    },
  },
  check(context) {
    for (const s of context.config.services) {
      // "suspend" is the scale-to-zero the docs offer for fast wake-ups: resuming is faster than a
      // start, so a service that suspends with no Machine kept running made that trade on purpose.
      const stops = s.autostop?.value === 'stop';
      const min = s.minMachinesRunning;
      if (stops && (!min || min.value <= 0)) {
        const fix = setServiceKey(context, s, 'min_machines_running', '1');
        context.report({
          message: `${serviceLabel(s)} stops idle Machines (auto_stop_machines = "${s.autostop!.value}") and keeps none running: the first request after idle waits for a cold start. Set min_machines_running = 1`,
          range: min ? valueRange(min) : valueRange(s.autostop!),
          ...(fix ? { suggestions: [{ desc: 'Set min_machines_running = 1', fix }] } : {}),
        });
      }
    }
  },
};
export default rule;
