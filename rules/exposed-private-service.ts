import type { Rule } from '../server/src/lint/rule.js';
import { PRIVATE_PORTS } from '../server/src/fly/private-ports.js';
import { serviceLabel } from '../server/src/fly/model.js';
import { removeLineFix } from '../server/src/edit/insert-key.js';
import { tableRange, valueRange } from './rule-helpers.js';
import type { TomlTable } from '../server/src/toml/values.js';

const FLYCAST = 'Reach it over the private network instead: Flycast (`fly ips allocate-v6 --private`, then `<app>.flycast`) or `<app>.internal`, and release its public IPs (`fly ips release`)';

const PRIVATE_PORT_NUMBERS = Object.keys(PRIVATE_PORTS).map(Number).sort((a, b) => a - b);

/** The database and internal-service ports a public range `start_port`–`end_port` takes in. */
function privatePortsInRange(start: number | undefined, end: number | undefined): number[] {
  if (start === undefined || end === undefined || end < start) return [];
  return PRIVATE_PORT_NUMBERS.filter((n) => n >= start && n <= end);
}

const rule: Rule = {
  meta: {
    id: 'exposed-private-service',
    category: 'production',
    severity: 'warning',
    env: 'any',
    fix: 'suggestion',
    summary: 'A database or internal port reachable from the internet',
    why: 'Every port in `[[services.ports]]` is public as soon as the app has public IPs, which flyctl allocates on the first deploy. A database (Postgres 5432/5433, Redis 6379, MySQL 3306 …) exposed this way is open to the whole internet. Private apps belong on Flycast, and Flycast is HTTP-only, so `force_https` must be off.',
    flyDocs: 'https://fly.io/docs/networking/flycast/',
    examples: {
      bad: 'app = "shop-db"\n\n[[services]]\ninternal_port = 5432\nprotocol = "tcp"\n\n[[services.ports]]\nport = 5432\nhandlers = ["pg_tls"]\n',
      good: 'app = "shop-db"\n\n[[services]]\ninternal_port = 5432\nprotocol = "tcp"\n',
    },
  },
  check(context) {
    const { config, settings, text } = context;
    for (const s of config.services) {
      for (const port of s.ports) {
        const range = privatePortsInRange(port.startPort?.value, port.endPort?.value);
        if (range.length && port.startPort) {
          context.report({
            message: `Ports ${port.startPort.value}–${port.endPort!.value} of ${serviceLabel(s)} include ${range.map((n) => `${n} (${PRIVATE_PORTS[n]})`).join(', ')}, public whenever the app has public IPs. ${FLYCAST}`,
            range: valueRange(port.startPort),
          });
        }
        const p = port.port?.value;
        if (p === undefined || !PRIVATE_PORTS[p]) continue;
        context.report({
          message: `Port ${p} (${PRIVATE_PORTS[p]}) of ${serviceLabel(s)} is public whenever the app has public IPs. ${FLYCAST}`,
          range: valueRange(port.port!),
          ...suggestRemoval(text, port.table, p),
        });
      }
    }
    if (!settings.privateApp) return;
    for (const s of config.services) {
      if (s.forceHttps?.value) {
        context.report({ message: `This app is declared private, but ${serviceLabel(s)} sets force_https = true; Flycast is HTTP-only, so requests over it would be redirected away. Set force_https = false`, range: valueRange(s.forceHttps), suggestions: [{ desc: 'Set force_https = false', fix: { range: valueRange(s.forceHttps), text: 'false' } }] });
      }
      for (const port of s.ports) {
        if (port.forceHttps?.value) context.report({ message: 'This app is declared private, but this port sets force_https = true; Flycast is HTTP-only. Set force_https = false', range: valueRange(port.forceHttps), suggestions: [{ desc: 'Set force_https = false', fix: { range: valueRange(port.forceHttps), text: 'false' } }] });
        const tls = port.handlers.includes('tls') || port.port?.value === 443;
        if (tls) context.report({ message: `This app is declared private, but ${serviceLabel(s)} serves public TLS${port.port ? ` on port ${port.port.value}` : ''}. ${FLYCAST}`, range: port.port ? valueRange(port.port) : tableRange(port.table) });
      }
    }
  },
};

/** Removing the whole `[[services.ports]]` block (header and lines); inline forms share lines with other ports, so none there. */
function suggestRemoval(text: string, table: TomlTable, port: number) {
  const node = table.node;
  if (node.kind !== 'arrayTable') return {};
  return { suggestions: [{ desc: `Remove the public port ${port}`, fix: removeLineFix(text, { start: node.start, end: node.end }) }] };
}
export default rule;
