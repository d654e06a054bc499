import type { Rule } from '../server/src/lint/rule.js';
import { serviceLabel } from '../server/src/fly/model.js';
import { addSubTableFix, stringLiteral } from '../server/src/edit/insert-key.js';
import { publicServices } from './production-helpers.js';
import { tableRange } from './rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'missing-health-check',
    category: 'production',
    severity: 'warning',
    env: 'production',
    fix: 'suggestion',
    summary: 'A public service without a health check',
    why: 'The proxy routes only to Machines whose service checks pass, and rolling deploys wait for them before moving on. Without a service-level check, a broken Machine keeps receiving traffic and a bad deploy rolls out everywhere. (Top-level `[checks]` do not affect routing.)',
    flyDocs: 'https://fly.io/docs/reference/health-checks/',
    examples: {
      bad: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n',
      good: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n\n[[http_service.checks]]\ninterval = "15s"\ntimeout = "2s"\ngrace_period = "10s"\nmethod = "GET"\npath = "/healthz"\n',
    },
  },
  check(context) {
    const { config, doc, text } = context;
    const services = publicServices(config.services);
    for (const s of services) {
      if (s.checks.length > 0) continue;
      const q = (v: string) => stringLiteral(doc, v);
      const timing = [`interval = ${q('15s')}`, `timeout = ${q('2s')}`, `grace_period = ${q('10s')}`];
      const fix =
        s.kind === 'http_service'
          ? addSubTableFix(doc, text, s.table, 'checks', [...timing, `method = ${q('GET')}`, `path = ${q('/healthz')}`])
          : s.kind === 'services'
            ? addSubTableFix(doc, text, s.table, 'tcp_checks', timing)
            : undefined;
      context.report({
        message: `${serviceLabel(s)} has no health check: traffic keeps going to broken Machines and deploys cannot tell a bad release. Add ${s.kind === 'http_service' ? '[[http_service.checks]]' : '[[services.tcp_checks]] or [[services.http_checks]]'}`,
        range: tableRange(s.table),
        ...(fix ? { suggestions: [{ desc: 'Add a health check (adjust the path)', fix }] } : {}),
      });
    }
  },
};
export default rule;
