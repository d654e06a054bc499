import type { Rule } from '../server/src/lint/rule.js';
import { groupsOf, serviceLabel, type Service } from '../server/src/fly/model.js';
import type { OffsetRange } from '../server/src/lint/types.js';
import { portList, tableRange, valueRange } from './rule-helpers.js';

/** A public port a service takes, with where it is written. */
interface Claim {
  service: Service;
  protocol: string;
  port: number;
  range: OffsetRange;
}

/** Ranges wider than this are not expanded port by port (a range over the whole port space is a finding of its own). */
const MAX_RANGE = 1024;

function claimsOf(s: Service): Claim[] {
  // [http_service] is a TCP service with ports 80 and 443 (flyctl's ToService).
  if (s.kind === 'http_service') return [80, 443].map((port) => ({ service: s, protocol: 'tcp', port, range: tableRange(s.table) }));
  const protocol = (s.protocol?.value || 'tcp').toLowerCase();
  return s.ports.flatMap((p): Claim[] => {
    if (p.port) return [{ service: s, protocol, port: p.port.value, range: valueRange(p.port) }];
    if (!p.startPort || !p.endPort || p.endPort.value < p.startPort.value || p.endPort.value - p.startPort.value > MAX_RANGE) return [];
    const out: Claim[] = [];
    for (let n = p.startPort.value; n <= p.endPort.value; n++) out.push({ service: s, protocol, port: n, range: valueRange(p.startPort) });
    return out;
  });
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const rule: Rule = {
  meta: {
    id: 'duplicate-service-port',
    category: 'schema',
    severity: 'warning',
    env: 'any',
    fix: 'none',
    summary: 'A public port claimed by two services',
    why: [
      'flyctl does not merge services: `[http_service]` becomes one TCP service with ports 80 and 443, and every `[[services]]` entry another, all sent side by side in the Machine config (`AllServices` in flyctl\'s `internal/appconfig/service.go`); neither `fly config validate` nor `fly deploy` checks whether two of them take the same public port. The platform then picks one of them: Fly staff describe services defined twice for one protocol and port as "only one of these services get picked", with health checks failing as a result (superfly/flyctl#3522, a validation proposed for it and not merged). Which definition — handlers, `force_https`, concurrency, autostop settings, checks — governs the port is then not up to the config. The deploy itself is not rejected, so this is a warning.',
      '',
      'Reported when two services of one process group claim the same port and protocol (`[http_service]` and a `[[services]]` on 80 or 443, or two `[[services]]`); TCP and UDP on one port number do not clash. Merge them into one service per public port.',
    ].join('\n'),
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-services-sections',
    examples: {
      bad: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n\n[[services]]\ninternal_port = 9000\nprotocol = "tcp"\n\n[[services.ports]]\nport = 443\nhandlers = ["tls"]\n',
      good: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n\n[[services]]\ninternal_port = 9000\nprotocol = "tcp"\n\n[[services.ports]]\nport = 8443\nhandlers = ["tls"]\n',
    },
  },
  check({ config, report }) {
    // Claims by protocol and port: a config may hold many ports (ranges), so no scan of all of them per port.
    const seen = new Map<string, Claim[]>();
    // One finding per pair of services, at the later one's first clashing port.
    const pairs = new Map<string, { first: Claim; later: Claim; ports: number[] }>();
    for (const s of config.services) {
      const groups = groupsOf(config, s.processes);
      for (const claim of claimsOf(s)) {
        const slot = `${claim.protocol}:${claim.port}`;
        const same = seen.get(slot) ?? [];
        const earlier = same.find((c) => c.service !== s && groupsOf(config, c.service.processes).some((g) => groups.includes(g)));
        if (earlier) {
          const key = `${earlier.service.kind}${earlier.service.index} ${s.kind}${s.index}`;
          const pair = pairs.get(key) ?? { first: earlier, later: claim, ports: [] };
          if (!pair.ports.includes(claim.port)) pair.ports.push(claim.port);
          pairs.set(key, pair);
        }
        same.push(claim);
        seen.set(slot, same);
      }
    }
    for (const { first, later, ports } of pairs.values()) {
      report({
        message: `${capitalized(portList(ports))} (${later.protocol}) ${ports.length === 1 ? 'is' : 'are'} claimed by ${serviceLabel(first.service)} and by ${serviceLabel(later.service)}: flyctl sends them as two services without merging or checking them, and the platform picks one, so which one's handlers, checks and autostop settings govern the port is not up to this config. Keep one service per public port`,
        range: later.range,
        related: [{ message: `${serviceLabel(first.service)} claims it first`, range: first.range }],
      });
    }
  },
};
export default rule;
