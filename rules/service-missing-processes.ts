import type { Rule } from '../server/src/lint/rule.js';
import { serviceLabel } from '../server/src/fly/model.js';
import { insertKeyFix } from '../server/src/edit/insert-key.js';
import { tableRange } from './rule-helpers.js';

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
    const target = config.processNames.includes('app') ? 'app' : config.processNames[0]!;
    for (const s of config.services) {
      if (s.table.entries.has('processes')) continue;
      const fix = insertKeyFix(doc, text, s.table, 'processes', `["${target}"]`);
      report({
        message: `${serviceLabel(s)} names no process group, but [processes] defines ${config.processNames.map((n) => `"${n}"`).join(', ')}: flyctl rejects this. Add processes = ["${target}"] (or the groups it serves)`,
        range: tableRange(s.table),
        ...(fix ? { suggestions: [{ desc: `Route it to "${target}"`, fix }] } : {}),
      });
    }
  },
};
export default rule;
