import type { Rule } from '../server/src/lint/rule.js';
import { serviceLabel } from '../server/src/fly/model.js';
import { tableRange } from './rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'service-without-ports',
    category: 'schema',
    severity: 'warning',
    env: 'any',
    fix: 'none',
    summary: 'A [[services]] entry exposes no port',
    why: 'A service without `[[services.ports]]` receives no traffic from the proxy; flyctl warns "Service must expose at least one port".',
    flyDocs: 'https://fly.io/docs/reference/configuration/#services-ports',
    examples: {
      bad: 'app = "shop"\n\n[[services]]\ninternal_port = 8080\nprotocol = "tcp"\n',
      good: 'app = "shop"\n\n[[services]]\ninternal_port = 8080\nprotocol = "tcp"\n\n[[services.ports]]\nport = 443\nhandlers = ["tls", "http"]\n',
    },
  },
  check({ config, report }) {
    for (const s of config.services) {
      if (s.kind !== 'services' || s.ports.length > 0) continue;
      report({ message: `${serviceLabel(s)}${s.internalPort ? ` (internal_port ${s.internalPort.value})` : ''} exposes no port, so no traffic reaches it: add a [[services.ports]] section after it, or remove the service`, range: tableRange(s.table) });
    }
  },
};
export default rule;
