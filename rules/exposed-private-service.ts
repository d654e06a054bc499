import type { Rule } from '../server/src/lint/rule.js';
import { PRIVATE_PORT_NUMBERS, privatePortName } from '../server/src/fly/private-ports.js';
import { serviceLabel, type Service } from '../server/src/fly/model.js';
import { flycastUsesOf } from '../server/src/fly/flycast.js';
import { pathFromFile } from '../server/src/lint/relative-path.js';
import { portList, tableRange, valueRange } from './rule-helpers.js';

const FLYCAST = 'Reach it over the private network instead: Flycast (`fly ips allocate-v6 --private`, then `<app>.flycast`) or `<app>.internal`, and release its public IPs (`fly ips release`)';

const rule: Rule = {
  meta: {
    id: 'exposed-private-service',
    category: 'production',
    severity: 'warning',
    env: 'any',
    fix: 'suggestion',
    summary: 'A database or internal port reachable from the internet',
    why: [
      'Every service port is public as soon as the app has public IPs, which flyctl allocates on the first deploy (unless `--flycast` or `--no-public-ips`). A database (Postgres 5432/5433, Redis 6379, MySQL 3306 …) exposed this way is open to the whole internet — whether it is published on its own port or forwarded from another one (`internal_port = 5432` behind port 443, or behind `[http_service]`). Conventional ports the Fly docs do not name (etcd 2379, MongoDB 27017, ClickHouse 9000 …) count only when the config shows it runs that software (image, command, app name, volume).',
      '',
      'The exposure comes from the app\'s public IPs, not from fly.toml: the fix is `fly ips release` and a Flycast address (`fly ips allocate-v6 --private`), which needs the service and its ports to stay in fly.toml. So no edit is offered for these.',
      '',
      'Flycast is HTTP-only, so a service reached over Flycast must not redirect to HTTPS: `force_https = true` is reported on an app declared private (`# flylint: private`, the config file, the editor setting) and on a service some config of the project reaches as `<app>.flycast`, with a suggestion to set it to false.',
    ].join('\n'),
    flyDocs: 'https://fly.io/docs/networking/flycast/',
    examples: {
      bad: 'app = "shop-db"\n\n[[services]]\ninternal_port = 5432\nprotocol = "tcp"\n\n[[services.ports]]\nport = 5432\nhandlers = ["pg_tls"]\n',
      good: 'app = "shop-db"\n\n[mounts]\nsource = "pg_data"\ndestination = "/data"\n',
    },
  },
  check(context) {
    const { config, settings } = context;
    for (const s of config.services) reportExposure(context, s);
    if (settings.privateApp) {
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
      return;
    }
    reportFlycastRedirects(context);
  },
};

/** Database and internal ports a service makes public: by its public ports, its port ranges, or the internal port it forwards to. */
function reportExposure(context: Parameters<Rule['check']>[0], s: Service): void {
  const { config } = context;
  const label = serviceLabel(s);
  const internal = s.internalPort?.value;
  const internalName = privatePortName(config, internal);
  if (s.kind === 'http_service') {
    if (internalName && s.internalPort) {
      context.report({ message: `${label} publishes internal port ${internal} (${internalName}) on ports 80 and 443, public whenever the app has public IPs. ${FLYCAST}`, range: valueRange(s.internalPort) });
    }
    return;
  }
  const forwarded: number[] = [];
  for (const port of s.ports) {
    if (port.startPort && port.endPort && port.endPort.value >= port.startPort.value) {
      const inRange = PRIVATE_PORT_NUMBERS.filter((n) => n >= port.startPort!.value && n <= port.endPort!.value && privatePortName(config, n));
      if (inRange.length) {
        context.report({
          message: `Ports ${port.startPort.value}–${port.endPort.value} of ${label} include ${inRange.map((n) => `${n} (${privatePortName(config, n)})`).join(', ')}, public whenever the app has public IPs. ${FLYCAST}`,
          range: valueRange(port.startPort),
        });
      }
    }
    const p = port.port?.value;
    if (p === undefined) continue;
    const publicName = privatePortName(config, p);
    if (publicName && (p === internal || !internalName)) {
      context.report({ message: `Port ${p} (${publicName}) of ${label} is public whenever the app has public IPs. ${FLYCAST}`, range: valueRange(port.port!) });
    } else if (internalName) {
      forwarded.push(p);
    }
  }
  if (forwarded.length && internalName) {
    const first = s.ports.find((port) => port.port?.value === forwarded[0])!;
    context.report({ message: `${label} forwards public ${portList(forwarded)} to internal port ${internal} (${internalName}), public whenever the app has public IPs. ${FLYCAST}`, range: valueRange(first.port!) });
  }
}

/** `force_https = true` on a service some config reaches over Flycast, which is HTTP-only. */
function reportFlycastRedirects(context: Parameters<Rule['check']>[0]): void {
  const uses = flycastUsesOf(context.config, context.project);
  if (!uses.length) return;
  const named = (port: number) => {
    const use = uses.find((u) => u.port === port);
    if (!use) return undefined;
    const from = use.filePath ? ` of ${context.filePath ? pathFromFile(context.filePath, use.filePath) : use.filePath}` : '';
    return `${use.where}${from} reaches this app over Flycast on port ${port}`;
  };
  for (const s of context.config.services) {
    if (s.kind === 'http_service') {
      const by = named(80);
      if (by && s.forceHttps?.value === true) {
        context.report({ message: `${by}, but [http_service] sets force_https = true: Flycast is HTTP-only, so those requests are redirected to HTTPS and fail. Set force_https = false`, range: valueRange(s.forceHttps), suggestions: [{ desc: 'Set force_https = false', fix: { range: valueRange(s.forceHttps), text: 'false' } }] });
      }
      continue;
    }
    for (const port of s.ports) {
      const by = port.port && named(port.port.value);
      if (by && port.forceHttps?.value === true) {
        context.report({ message: `${by}, but this port sets force_https = true: Flycast is HTTP-only, so those requests are redirected to HTTPS and fail. Set force_https = false`, range: valueRange(port.forceHttps), suggestions: [{ desc: 'Set force_https = false', fix: { range: valueRange(port.forceHttps), text: 'false' } }] });
      }
    }
  }
}
export default rule;
