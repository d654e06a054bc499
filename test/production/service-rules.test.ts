/**
 * The service rules say only what is true for the config at hand: each row is a config and what
 * one rule must report on it (nothing, for the configs where the old advice was wrong).
 */
import { describe, expect, it } from 'vitest';
import { applyFixes, lintText } from '../../server/src/index.js';
import type { Finding } from '../../server/src/lint/types.js';

interface Row {
  name: string;
  toml: string;
  /** The other configs of the project, by path. */
  siblings?: Record<string, string>;
  /** Per finding of the rule, in order: the text it points at and its message. */
  expect: Array<{ at: string; message: RegExp; severity?: string; suggestion?: RegExp | null; fix?: RegExp }>;
}

function findings(rule: string, row: Row): Array<Finding & { at: string }> {
  const siblings = Object.entries(row.siblings ?? {}).map(([filePath, text]) => ({ filePath, text }));
  return lintText(row.toml, { filePath: '/p/fly.toml', siblings: [{ filePath: '/p/fly.toml', text: row.toml }, ...siblings] })
    .filter((f) => f.ruleId === rule)
    .map((f) => ({ ...f, at: row.toml.slice(f.range[0], f.range[1]) }));
}

function check(rule: string, row: Row): void {
  const found = findings(rule, row);
  expect(found.map((f) => f.at)).toEqual(row.expect.map((e) => e.at));
  row.expect.forEach((e, i) => {
    const f = found[i]!;
    expect(f.message).toMatch(e.message);
    if (e.severity) expect(f.severity).toBe(e.severity);
    if (e.suggestion === null) expect(f.suggestions ?? []).toEqual([]);
    else if (e.suggestion) expect(applyFixes(row.toml, [{ ...f, fix: f.suggestions![0]!.fix }]).text).toMatch(e.suggestion);
    if (e.fix) expect(applyFixes(row.toml, [f]).text).toMatch(e.fix);
  });
}

const table = (rule: string, rows: Row[]) => describe(rule, () => it.each(rows.map((r) => [r.name, r] as const))('%s', (_, r) => check(rule, r)));

const checks = '\n[[http_service.checks]]\npath = "/health"\n';

table('immediate-deploy', [
  { name: 'a single Machine with no checks (a game server) loses nothing', toml: 'app = "game"\n[deploy]\nstrategy = "immediate"\n[[services]]\ninternal_port = 7777\n[[services.ports]]\nport = 7777\n', expect: [] },
  { name: 'a worker without services or checks', toml: 'app = "worker"\n[deploy]\nstrategy = "immediate"\n[processes]\nworker = "bin/work"\n', expect: [] },
  { name: 'checks that the deploy would wait for', toml: `app = "shop"\n[deploy]\nstrategy = "immediate"\n[http_service]\ninternal_port = 8080\n${checks}`, expect: [{ at: '"immediate"', message: /^strategy = "immediate" does not wait for \[\[http_service\.checks\]\]: .* Use "rolling" \(the default\), "canary" or "bluegreen"$/ }] },
  { name: 'top-level checks count too, and volumes rule out canary and bluegreen', toml: 'app = "db"\n[deploy]\nstrategy = "immediate"\n[mounts]\nsource = "data"\ndestination = "/data"\n[checks.pg]\ntype = "tcp"\nport = 5432\n', expect: [{ at: '"immediate"', message: /does not wait for \[checks\] pg: .* Use "rolling" \(the default\)$/ }] },
  { name: 'several Machines kept running, no checks: never tells of skipped health checks', toml: 'app = "shop"\n[deploy]\nstrategy = "immediate"\n[http_service]\ninternal_port = 8080\nmin_machines_running = 2\n', expect: [{ at: '"immediate"', message: /^strategy = "immediate" restarts all 2 Machines kept running at once .* Use "rolling" \(the default\) or "canary"$/ }] },
]);

table('missing-auto-stop', [
  { name: 'both disabled (a database): consistent, nothing to say', toml: 'app = "db"\n[[services]]\ninternal_port = 8080\nauto_start_machines = false\n[[services.ports]]\nport = 8080\n', expect: [] },
  { name: 'both disabled explicitly', toml: 'app = "api"\n[http_service]\ninternal_port = 8080\nauto_stop_machines = "off"\nauto_start_machines = false\n', expect: [] },
  { name: 'an explicit "off" with autostart on is the default written down on purpose', toml: 'app = "api"\n[http_service]\ninternal_port = 8080\nauto_stop_machines = "off"\nauto_start_machines = true\n', expect: [] },
  { name: 'autostop false with autostart unset', toml: 'app = "api"\n[http_service]\ninternal_port = 8080\nauto_stop_machines = false\n', expect: [] },
  { name: 'stop with autostart unset: autostart defaults to true', toml: 'app = "api"\n[http_service]\ninternal_port = 8080\nauto_stop_machines = "stop"\nmin_machines_running = 1\n', expect: [] },
  {
    name: 'left to the defaults: cost advice, with the safe fix writing today\'s behaviour',
    toml: 'app = "api"\n[http_service]\ninternal_port = 8080\n',
    expect: [{ at: '[http_service]', severity: 'info', message: /^\[http_service\] leaves auto_stop_machines unset, so Fly Proxy never stops its Machines \(the default is "off"\)/, fix: /internal_port = 8080\nauto_stop_machines = "off"\n/, suggestion: /auto_stop_machines = "stop"\nauto_start_machines = true\nmin_machines_running = 1\n/ }],
  },
  { name: 'a database port is not advised to stop when idle', toml: 'app = "cache"\n[[services]]\ninternal_port = 6379\n[[services.ports]]\nport = 6379\n', expect: [] },
  { name: 'a UDP service is left alone', toml: 'app = "game"\n[[services]]\ninternal_port = 34197\nprotocol = "udp"\n[[services.ports]]\nport = 34197\n', expect: [] },
  { name: 'stopping with autostart off stays an error', toml: 'app = "api"\n[http_service]\ninternal_port = 8080\nauto_stop_machines = "stop"\nauto_start_machines = false\n', expect: [{ at: 'false', severity: 'error', message: /never start again/ }] },
]);

table('min-machines-running', [
  { name: 'min_machines_running with autostop off is harmless redundancy', toml: 'app = "api"\n[http_service]\ninternal_port = 8080\nauto_stop_machines = "off"\nmin_machines_running = 1\n', expect: [] },
  { name: 'suspend is a fast wake-up chosen on purpose', toml: 'app = "api"\n[http_service]\ninternal_port = 8080\nauto_stop_machines = "suspend"\nmin_machines_running = 0\n', expect: [] },
  { name: 'stop with none kept running', toml: 'app = "api"\n[http_service]\ninternal_port = 8080\nauto_stop_machines = "stop"\n', expect: [{ at: '"stop"', message: /keeps none running/ }] },
]);

const lemmy = 'app = "lemmy"\n[[services]]\ninternal_port = 8080\n[[services.ports]]\nport = 80\nhandlers = ["http"]\n[[services.http_checks]]\npath = "/"\n';
const buffer = 'app = "buffer"\n[env]\nFORWARD_HOST = "lemmy.flycast"\n';

table('missing-force-https', [
  { name: 'a port another config reaches over Flycast (HTTP-only)', toml: lemmy, siblings: { '/p/buffer/fly.toml': buffer }, expect: [] },
  { name: 'the same port with no Flycast client', toml: lemmy, expect: [{ at: '80', message: /plain HTTP/ }] },
  { name: 'its own config names <app>.flycast', toml: 'app = "api"\n[env]\nSELF = "http://api.flycast"\n[http_service]\ninternal_port = 8080\n', expect: [] },
  { name: 'a Flycast client on another port leaves port 80 public', toml: lemmy, siblings: { '/p/buffer/fly.toml': 'app = "buffer"\n[env]\nX = "lemmy.flycast:9000"\n' }, expect: [{ at: '80', message: /plain HTTP/ }] },
  { name: 'force_https = false written down is a choice', toml: 'app = "api"\n[http_service]\ninternal_port = 8080\nforce_https = false\n', expect: [] },
  { name: 'unset on [http_service]', toml: 'app = "api"\n[http_service]\ninternal_port = 8080\n', expect: [{ at: '[http_service]', message: /Set force_https = true/, suggestion: /force_https = true/ }] },
]);

table('missing-health-check', [
  { name: 'a UDP service gets no TCP or HTTP check', toml: 'app = "game"\n[[services]]\ninternal_port = 34197\nprotocol = "udp"\n[[services.ports]]\nport = 34197\n', expect: [] },
  { name: 'top-level checks on another port (Fly Postgres): nothing a service check could reuse', toml: 'app = "db"\n[[services]]\ninternal_port = 5432\n[[services.ports]]\nport = 5432\nhandlers = ["pg_tls"]\n[checks.pg]\ntype = "http"\nport = 5500\npath = "/flycheck/pg"\n', expect: [] },
  {
    name: 'a top-level check on the service port: only routing is missing, and the suggestion reuses its path',
    toml: 'app = "api"\n[http_service]\ninternal_port = 8000\n[checks.health]\ntype = "http"\nport = 8000\npath = "/v1/health"\ninterval = "15s"\ngrace_period = "2m"\n',
    expect: [{ at: '[http_service]', severity: 'info', message: /^\[http_service\] has no service check: the top-level check "health" on port 8000 makes deploys wait for a healthy Machine, but only service checks decide routing/, suggestion: /\[\[http_service\.checks\]\]\ninterval = "15s"\ngrace_period = "60s"\npath = "\/v1\/health"\n/ }],
  },
  { name: 'no check at all on [http_service]: no guessed path', toml: 'app = "api"\n[http_service]\ninternal_port = 8080\n', expect: [{ at: '[http_service]', severity: 'warning', message: /has no health check: .* with a path that answers 200$/, suggestion: null }] },
  { name: 'a single-Machine game server deployed immediately: a check would steer nothing', toml: 'app = "game"\n[deploy]\nstrategy = "immediate"\n[mounts]\nsource = "world"\ndestination = "/data"\n[[services]]\ninternal_port = 7777\n[[services.ports]]\nport = 7777\n', expect: [] },
  { name: 'no check on a TCP service: a connect check on its port', toml: 'app = "api"\n[[services]]\ninternal_port = 9000\n[[services.ports]]\nport = 9000\n', expect: [{ at: '[[services]]', message: /has no health check/, suggestion: /\[\[services\.tcp_checks\]\]\ninterval = "15s"/ }] },
]);

table('exposed-private-service', [
  { name: 'Postgres forwarded from port 443 is as exposed as on 5432', toml: 'app = "db"\n[[services]]\ninternal_port = 5432\n[[services.ports]]\nport = 443\nhandlers = ["tls"]\n', expect: [{ at: '443', message: /^\[\[services\]\] #1 forwards public port 443 to internal port 5432 \(Postgres/, suggestion: null }] },
  { name: 'an internal port served through [http_service] (etcd, named by the app)', toml: 'app = "my-etcd"\n[http_service]\ninternal_port = 2379\n', expect: [{ at: '2379', message: /^\[http_service\] publishes internal port 2379 \(etcd\) on ports 80 and 443/ }] },
  { name: 'a conventional port with nothing saying which software runs there', toml: 'app = "shop"\n[http_service]\ninternal_port = 9000\n[[services]]\ninternal_port = 8086\n[[services.ports]]\nport = 8086\n', expect: [] },
  { name: 'a documented database port: no edit that removes the port', toml: 'app = "cache"\n[[services]]\ninternal_port = 6379\n[[services.ports]]\nport = 6379\n', expect: [{ at: '6379', message: /^Port 6379 \(Redis\) of \[\[services\]\] #1 is public whenever the app has public IPs\. .*fly ips release/, suggestion: null }] },
  {
    name: 'force_https = true on a service reached over Flycast',
    toml: 'app = "lemmy"\n[http_service]\ninternal_port = 8080\nforce_https = true\n',
    siblings: { '/p/buffer/fly.toml': buffer },
    expect: [{ at: 'true', message: /^\[env\] FORWARD_HOST of buffer\/fly\.toml reaches this app over Flycast on port 80, but \[http_service\] sets force_https = true: Flycast is HTTP-only/, suggestion: /force_https = false/ }],
  },
]);

table('service-without-ports', [
  { name: 'a service kept for its checks is not told to add a public port', toml: 'app = "shipper"\n[[services]]\ninternal_port = 8686\n[[services.tcp_checks]]\ninterval = "15s"\n', expect: [{ at: '[[services]]', message: /move them to top-level \[checks\] \(type = "tcp", port = 8686\)/ }] },
  { name: 'a database port is pointed at the private network', toml: 'app = "cache"\n[[services]]\ninternal_port = 6379\n', expect: [{ at: '[[services]]', message: /reach Redis over the private network/ }] },
]);

table('duplicate-service-port', [
  { name: '[http_service] and a [[services]] both on 443', toml: 'app = "etcd"\n[http_service]\ninternal_port = 2379\n[[services]]\ninternal_port = 2379\n[[services.ports]]\nport = 10000\n[[services.ports]]\nport = 443\nhandlers = ["tls"]\n', expect: [{ at: '443', message: /^Port 443 \(tcp\) is claimed by \[http_service\] and by \[\[services\]\] #1: flyctl sends them as two services/ }] },
  { name: 'two [[services]] on 80 and 443', toml: 'app = "a"\n[[services]]\ninternal_port = 1\n[[services.ports]]\nport = 80\n[[services.ports]]\nport = 443\n[[services]]\ninternal_port = 2\n[[services.ports]]\nport = 80\n[[services.ports]]\nport = 443\n', expect: [{ at: '80', message: /^Ports 80 and 443 \(tcp\) are claimed by \[\[services\]\] #1 and by \[\[services\]\] #2/ }] },
  { name: 'TCP and UDP on one port number do not clash', toml: 'app = "dns"\n[[services]]\ninternal_port = 53\nprotocol = "udp"\n[[services.ports]]\nport = 53\n[[services]]\ninternal_port = 53\nprotocol = "tcp"\n[[services.ports]]\nport = 53\n', expect: [] },
  { name: 'services of different process groups', toml: 'app = "a"\n[processes]\nweb = "w"\nadmin = "a"\n[http_service]\ninternal_port = 1\nprocesses = ["web"]\n[[services]]\ninternal_port = 2\nprocesses = ["admin"]\n[[services.ports]]\nport = 443\n', expect: [] },
]);
