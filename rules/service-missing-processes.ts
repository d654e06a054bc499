import type { Rule } from '../server/src/lint/rule.js';
import { lookup, serviceLabel } from '../server/src/fly/model.js';
import { insertKeyFix, stringLiteral } from '../server/src/edit/insert-key.js';
import { tableRange, valueRange } from './rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'service-missing-processes',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'suggestion',
    summary: 'A service names no process group while [processes] defines some',
    why: 'Once `[processes]` defines a group, flyctl needs every service (including `[http_service]`) to say which groups it routes to, and rejects the config otherwise.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-processes-section',
    examples: {
      bad: 'app = "shop"\n\n[processes]\nweb = "bin/web"\nworker = "bin/worker"\n\n[http_service]\ninternal_port = 8080\n',
      good: 'app = "shop"\n\n[processes]\nweb = "bin/web"\nworker = "bin/worker"\n\n[http_service]\ninternal_port = 8080\nprocesses = ["web"]\n',
    },
  },
  check({ config, doc, text, report }) {
    if (config.processes.length === 0) return;
    const target = config.defaultProcess;
    const defined = config.processNames.map((n) => `"${n}"`).join(', ');
    const list = `[${stringLiteral(doc, target)}]`;
    for (const s of config.services) {
      const processes = s.processes;
      if (processes && processes.value.length > 0) continue;
      // An empty list counts as none; a list of the wrong type is the schema rules' finding.
      if (!processes && lookup(s.table, 'processes')) continue;
      const fix = processes ? { range: valueRange(processes), text: list } : insertKeyFix(doc, text, s.table, 'processes', list);
      report({
        message: `${serviceLabel(s)} names no process group, but [processes] defines ${defined}: flyctl rejects the config. Add processes = ${list} (or the groups this service serves)`,
        range: processes ? valueRange(processes) : tableRange(s.table),
        ...(fix ? { suggestions: [{ desc: `Set processes = ${list}`, fix }] } : {}),
      });
    }
  },
};
export default rule;
