import type { Rule } from '../server/src/lint/rule.js';
import { lookup, serviceLabel } from '../server/src/fly/model.js';
import { insertKeysFix, stringLiteral } from '../server/src/edit/insert-key.js';
import { publicServices } from './production-helpers.js';
import { valueRange, tableRange } from './rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'missing-auto-stop',
    category: 'production',
    severity: 'warning',
    env: 'production',
    fix: 'suggestion',
    summary: 'Autostop and autostart not set as an explicit pair',
    why: 'Left unset, Machines are started on demand but never stopped — a choice made by default rather than on purpose, and one that differs from what `fly launch` writes. Set `auto_stop_machines` and `auto_start_machines` explicitly. Stopping Machines with autostart off is worse: stopped Machines never come back and requests fail.',
    flyDocs: 'https://fly.io/docs/launch/autostop-autostart/',
    examples: {
      bad: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n',
      good: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\nauto_stop_machines = "stop"\nauto_start_machines = true\nmin_machines_running = 1\n',
    },
  },
  check(context) {
    const { doc, text } = context;
    for (const s of publicServices(context.config.services)) {
      const label = serviceLabel(s);
      if (s.autostop && s.autostop.value !== 'off' && s.autostart && s.autostart.value === false) {
        context.report({
          severity: 'error',
          message: `${label} stops idle Machines but auto_start_machines = false: stopped Machines never start again and requests fail. Set auto_start_machines = true`,
          range: valueRange(s.autostart),
          suggestions: [{ desc: 'Set auto_start_machines = true', fix: { range: valueRange(s.autostart), text: 'true' } }],
        });
        continue;
      }
      // Set in any case: flyctl reads `Auto_Stop_Machines` too (key-case reports the spelling).
      const hasStop = lookup(s.table, 'auto_stop_machines') !== undefined;
      const hasStart = lookup(s.table, 'auto_start_machines') !== undefined;
      if (hasStop && hasStart) continue;
      // The explicit form of what the platform does today: start on demand, never stop.
      const entries: Array<[string, string]> = [];
      if (!hasStop) entries.push(['auto_stop_machines', stringLiteral(doc, 'off')]);
      if (!hasStart) entries.push(['auto_start_machines', 'true']);
      const fix = insertKeysFix(doc, text, s.table, entries);
      const missing = [!hasStop && 'auto_stop_machines', !hasStart && 'auto_start_machines'].filter(Boolean).join(' and ');
      context.report({
        message: `${label} leaves ${missing} unset (defaults: start on demand, never stop). Set both explicitly, e.g. auto_stop_machines = "stop" with auto_start_machines = true`,
        range: tableRange(s.table),
        ...(fix ? { suggestions: [{ desc: 'Write the current behaviour explicitly', fix }] } : {}),
      });
    }
  },
};
export default rule;
