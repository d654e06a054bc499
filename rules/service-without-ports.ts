import type { Rule } from '../server/src/lint/rule.js';
import { serviceLabel, type Service } from '../server/src/fly/model.js';
import { privatePortName } from '../server/src/fly/private-ports.js';
import { tableRange } from './rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'service-without-ports',
    category: 'schema',
    severity: 'warning',
    env: 'any',
    fix: 'none',
    summary: 'A [[services]] entry exposes no port',
    why: 'A service without `[[services.ports]]` receives no traffic from the proxy; flyctl warns "Service must expose at least one port". A service with no port but with `tcp_checks` or `http_checks` is how some apps that take no public traffic get health checks: a public port would expose them, so the advice there is top-level `[checks]` on the same port, which gate deploys the same way and draw no warning. For a database port (5432, 6379 …) the advice is the private network, not a public port.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#services-ports',
    examples: {
      bad: 'app = "shop"\n\n[[services]]\ninternal_port = 8080\nprotocol = "tcp"\n',
      good: 'app = "shop"\n\n[[services]]\ninternal_port = 8080\nprotocol = "tcp"\n\n[[services.ports]]\nport = 443\nhandlers = ["tls", "http"]\n',
    },
  },
  check({ config, report }) {
    const advice = (s: Service) => {
      // A service kept for its checks (how some private apps get health checks): a public port
      // would expose the app; top-level [checks] do the same job without the warning.
      if (s.checks.length > 0) {
        const port = s.internalPort ? `, port = ${s.internalPort.value}` : '';
        return `its checks still run, so if that is what it is for, move them to top-level [checks] (type = "${s.checks[0]!.kind}"${port}), which gate deploys the same way without this flyctl warning`;
      }
      const name = privatePortName(config, s.internalPort?.value);
      // A database port: a public port would expose it; the private network needs no service.
      return name
        ? `remove the service and reach ${name} over the private network (\`<app>.internal:${s.internalPort!.value}\`), or give it a port only behind a Flycast address (\`fly ips allocate-v6 --private\`)`
        : 'add a [[services.ports]] section after it, or remove the service';
    };
    for (const s of config.services) {
      if (s.kind !== 'services' || s.ports.length > 0) continue;
      report({ message: `${serviceLabel(s)}${s.internalPort ? ` (internal_port ${s.internalPort.value})` : ''} exposes no port, so no traffic reaches it: ${advice(s)}`, range: tableRange(s.table) });
    }
  },
};
export default rule;
