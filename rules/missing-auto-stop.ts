import type { Rule } from '../server/src/lint/rule.js';
import { lookup, serviceLabel } from '../server/src/fly/model.js';
import { insertKeyFix, insertKeysFix, stringLiteral } from '../server/src/edit/insert-key.js';
import { publicServices } from './production-helpers.js';
import { privatePortName } from '../server/src/fly/private-ports.js';
import { valueRange, tableRange } from './rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'missing-auto-stop',
    category: 'production',
    severity: 'info',
    env: 'production',
    fix: 'safe',
    summary: 'Autostop left to its default (Machines never stopped), or stopping with autostart off',
    why: [
      'A service that leaves `auto_stop_machines` unset never has its Machines stopped: the default is `"off"`, for `[http_service]` and `[[services]]` alike, while `auto_start_machines` defaults to `true` (the proxy starts a stopped Machine on a request). Idle Machines keep running and are billed. An always-on app is a legitimate choice, so this is cost advice (an info): the safe fix writes today\'s behaviour, `auto_stop_machines = "off"`, so the choice shows in the config; the suggestion is the pair the docs recommend to cut costs, `auto_stop_machines = "stop"` with `auto_start_machines = true`.',
      '',
      'An explicit `auto_stop_machines = "off"` (or `false`) with autostart on or unset is the same behaviour written down on purpose, and is not reported; neither is the both-disabled pair (`auto_start_machines = false` with autostop unset or off), which is consistent and right for databases and other always-on services. UDP services are left alone (the docs describe autostop in terms of requests and connections through Fly Proxy), and so are databases and internal services (the ports of `exposed-private-service`), which are not something to stop when idle.',
      '',
      'Stopping Machines with `auto_start_machines = false` is an error: stopped Machines never start again and requests fail.',
    ].join('\n'),
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
      if (s.protocol?.value.toLowerCase() === 'udp') continue;
      // A database is not something to stop when idle: the cost advice does not apply.
      if (privatePortName(context.config, s.internalPort?.value)) continue;
      // Any value, in any case (flyctl reads `Auto_Stop_Machines` too; key-case reports the spelling):
      // written down is a choice, and one the schema rules check.
      if (lookup(s.table, 'auto_stop_machines') !== undefined) continue;
      // Both disabled: nothing is started or stopped behind the app's back.
      if (s.autostart?.value === false) continue;
      // A service made only by its sub-tables ([[services.ports]] with no [[services]]) has no place
      // for a key that would not turn it into the legacy single [services] table.
      const fix = s.implicit ? undefined : insertKeyFix(doc, text, s.table, 'auto_stop_machines', stringLiteral(doc, 'off'));
      // The pair with one Machine kept warm, so the suggestion does not trade this finding for a
      // min-machines-running one; a min_machines_running written as 0 is left to that rule.
      const minWritten = lookup(s.table, 'min_machines_running') !== undefined;
      const keepsOne = (s.minMachinesRunning?.value ?? 0) >= 1;
      const pair: Array<[string, string]> = [
        ['auto_stop_machines', stringLiteral(doc, 'stop')],
        ...(lookup(s.table, 'auto_start_machines') === undefined ? [['auto_start_machines', 'true'] as [string, string]] : []),
        ...(minWritten ? [] : [['min_machines_running', '1'] as [string, string]]),
      ];
      // No place for auto_stop_machines (a misspelling of it is there: unknown-key renames it): no pair either.
      const enabled = !fix || (minWritten && !keepsOne) ? undefined : insertKeysFix(doc, text, s.table, pair);
      context.report({
        message: `${label} leaves auto_stop_machines unset, so Fly Proxy never stops its Machines (the default is "off"): they keep running, and billing, when idle. To cut costs, set auto_stop_machines = "stop" with auto_start_machines = true; to keep them running, write auto_stop_machines = "off"`,
        range: tableRange(s.table),
        ...(fix ? { fix } : {}),
        ...(enabled ? { suggestions: [{ desc: `Add ${pair.map(([key, value]) => `${key} = ${value}`).join(', ')}`, fix: enabled }] } : {}),
      });
    }
  },
};
export default rule;
