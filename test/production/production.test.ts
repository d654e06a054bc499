import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules, applyFixes, lintText, parseToml, resolveEnvironment } from '../../server/src/index.js';
import { detectSecret } from '../../server/src/lint/secrets.js';
import { fixUntilStable } from '../../server/src/lint/fix-loop.js';
import { corpusDir } from '../support/data-paths.js';

const wellConfigured = readFileSync(join(process.cwd(), 'examples', 'well-configured', 'fly.toml'), 'utf8');
const productionRules = new Set(allRules().filter((r) => r.meta.env === 'production').map((r) => r.meta.id));

describe('environments', () => {
  it.each([
    [{ explicit: { name: 'staging', reason: '--env' }, filePath: 'fly.toml' }, 'staging', 'explicit'],
    [{ comments: [' flylint-env: qa'], filePath: 'fly.production.toml' }, 'qa', 'comment'],
    [{ filePath: 'deploy/fly.staging.toml', appName: 'shop' }, 'staging', 'file-name'],
    [{ filePath: 'fly.stg.toml' }, 'staging', 'file-name'],
    [{ filePath: 'fly.prod.toml', appName: 'shop-staging' }, 'production', 'file-name'],
    [{ filePath: 'apps/web/production/fly.toml' }, 'production', 'folder'],
    [{ filePath: 'fly.toml', appName: 'shop-staging' }, 'staging', 'app-name'],
    [{ filePath: 'fly.toml', appName: 'shop-pr-12' }, 'pr-12', 'app-name'],
    [{ filePath: 'fly.toml', appName: 'shop-dev' }, 'development', 'app-name'],
    [{ filePath: 'fly.worker.toml', appName: 'shop' }, 'production', 'default'],
  ])('%j → %s (%s)', (sources, name, source) => {
    const env = resolveEnvironment(sources);
    expect(env).toMatchObject({ name, source, isProduction: name === 'production' });
    expect(env.reason.length).toBeGreaterThanOrEqual(5);
  });
});

describe('production readiness', () => {
  it('a well-configured production config gets no warning at all', () => {
    expect(lintText(wellConfigured, { filePath: '/p/fly.toml' })).toEqual([]);
  });

  it('the same config named fly.staging.toml gets none of the production rules', () => {
    const bare = 'app = "shop"\n\n[http_service]\ninternal_port = 8080\nauto_stop_machines = "stop"\n';
    expect(lintText(bare, { filePath: '/p/fly.toml' }).some((f) => productionRules.has(f.ruleId))).toBe(true);
    expect(lintText(bare, { filePath: '/p/fly.staging.toml' }).filter((f) => productionRules.has(f.ruleId))).toEqual([]);
    expect(lintText(bare.replace('"shop"', '"shop-staging"'), { filePath: '/p/fly.toml' }).filter((f) => productionRules.has(f.ruleId))).toEqual([]);
  });

  it('missing-metrics is off by default: Fly.io collects built-in metrics of every app', () => {
    const text = 'app = "shop"\n';
    expect(lintText(text, { filePath: '/p/fly.toml' }).filter((f) => f.ruleId === 'missing-metrics')).toEqual([]);
    const [on] = lintText(text, { filePath: '/p/fly.toml', rules: { 'missing-metrics': 'info' } }).filter((f) => f.ruleId === 'missing-metrics');
    expect(on?.severity).toBe('info');
    expect(on?.message).toMatch(/built-in metrics .* anyway; if the app serves Prometheus metrics of its own/);
  });

  it('missing-metrics, turned on, counts the legacy [experimental] metrics_port, which flyctl copies into [metrics]', () => {
    const metrics = (text: string) => lintText(text, { filePath: '/p/fly.toml', rules: { 'missing-metrics': 'info' } }).filter((f) => f.ruleId === 'missing-metrics');
    expect(metrics('app = "shop"\n')).toHaveLength(1);
    expect(metrics('app = "shop"\n[experimental]\n  metrics_port = 9091\n')).toEqual([]);
    expect(metrics('app = "shop"\n[experimental]\n  auto_rollback = true\n')).toHaveLength(1);
  });

  it('shared-cpu-in-production looks only at [[vm]] sections flyctl applies to a group', () => {
    const shared = (text: string) => lintText(text, { filePath: '/p/fly.toml' }).filter((f) => f.ruleId === 'shared-cpu-in-production').map((f) => text.slice(f.range[0], f.range[1]));
    // The first [[vm]] without processes sizes every group; later ones are ignored (§3.14).
    const web = 'app = "shop"\n[http_service]\ninternal_port = 8080\n';
    expect(shared(`${web}[[vm]]\nsize = "performance-1x"\n[[vm]]\nsize = "shared-cpu-1x"\n`)).toEqual([]);
    expect(shared(`${web}[[vm]]\nsize = "performance-1x"\n[[vm]]\nsize = "shared-cpu-1x"\nprocesses = ["nope"]\n`)).toEqual([]);
    expect(shared(`${web}[[vm]]\nsize = "shared-cpu-2x"\n[[vm]]\nsize = "performance-1x"\n`)).toEqual(['"shared-cpu-2x"']);
  });

  it('shared-cpu-in-production names a process group that no [[vm]] sizes, and adds one for it', () => {
    const text = 'app = "shop"\n\n[processes]\n  web = "bin/web"\n  worker = "bin/worker"\n\n[[services]]\n  processes = ["worker"]\n  internal_port = 8080\n  [[services.ports]]\n    port = 80\n    handlers = ["http"]\n\n[[vm]]\n  processes = ["web"]\n  size = "performance-1x"\n  memory = "2gb"\n';
    const found = lintText(text, { filePath: '/p/fly.toml' }).filter((f) => f.ruleId === 'shared-cpu-in-production');
    expect(found).toHaveLength(1);
    expect(text.slice(found[0]!.range[0], found[0]!.range[1])).toBe('worker');
    expect(found[0]!.message).toBe('Process group "worker" has no [[vm]]: every [[vm]] names other groups, so its new Machines get shared-cpu-1x with 256 MB. It serves the web: add a [[vm]] with processes = ["worker"] and performance CPUs');
    const fixed = applyFixes(text, [found[0]!], { unsafe: true }).text;
    expect(fixed).toBe(`${text}\n[[vm]]\n  processes = ["worker"]\n  cpu_kind = "performance"\n  cpus = 1\n  memory = "2gb"\n`);
    expect(lintText(fixed, { filePath: '/p/fly.toml' }).filter((f) => f.ruleId === 'shared-cpu-in-production' || f.severity === 'error')).toEqual([]);
    // A global [[vm]] sizes every group it is not named by; the default group counts without [processes].
    expect(lintText(text.replace('processes = ["web"]\n', ''), { filePath: '/p/fly.toml' }).filter((f) => f.ruleId === 'shared-cpu-in-production')).toEqual([]);
    const app = lintText('app = "shop"\n[http_service]\n  internal_port = 8080\n[[vm]]\n  processes = ["web"]\n  size = "performance-1x"\n', { filePath: '/p/fly.toml' }).filter((f) => f.ruleId === 'shared-cpu-in-production');
    expect(app.map((f) => f.message.slice(0, 40))).toEqual(['Process group "app" has no [[vm]]: every']);
    // No section to append to when the vm sections are not [[vm]] headers.
    const inline = lintText('app = "shop"\nvm = [{ processes = ["web"], size = "performance-1x" }]\n[processes]\nweb = "a"\nworker = "b"\n[http_service]\nprocesses = ["worker"]\ninternal_port = 8080\n', { filePath: '/p/fly.toml' }).find((f) => f.message.startsWith('Process group "worker"'));
    expect(inline).toBeDefined();
    expect(inline!.suggestions).toBeUndefined();
  });

  // flyctl matches struct keys in any case, so a key in another case is set: key-case says how
  // to write it, and no rule may call it missing. [[vm]] and [metrics] are not here: flyctl's
  // rewrites of those read the lower-case name only and drop [[Vm]] and [Metrics].
  it.each(['primary_region', 'swap_size_mb', 'internal_port', 'force_https', 'auto_stop_machines', 'auto_start_machines', 'min_machines_running', 'interval', 'path', 'cpu_kind', 'cpus', 'memory', 'port'])(
    'a key written in another case counts as set: %s',
    (key) => {
      const other = key.replace(/(^|_)([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
      const text = wellConfigured.replace(new RegExp(`^(\\s*)${key} =`, 'm'), `$1${other} =`);
      expect(text).not.toBe(wellConfigured);
      const findings = lintText(text, { filePath: '/p/fly.toml' });
      expect(findings.map((f) => f.ruleId)).toEqual(['key-case']);
    },
  );

  it('a missing primary_region is suggested from [env] PRIMARY_REGION and from the project\'s other configs, current regions only', () => {
    const staging = { filePath: '/p/fly.staging.toml', text: 'app = "shop-staging"\nprimary_region = "ams"\n' };
    const retired = { filePath: '/p/fly.review.toml', text: 'app = "shop-review"\nprimary_region = "sea"\n' };
    const text = 'app = "shop"\n\n[env]\n  PRIMARY_REGION = "ord"\n';
    const finding = lintText(text, { filePath: '/p/fly.toml', siblings: [staging, retired] }).find((f) => f.ruleId === 'primary-region')!;
    expect(finding.message).toBe('No primary_region: where new Machines start depends on who deploys. Set primary_region = "ord", as [env] PRIMARY_REGION says');
    expect(finding.suggestions!.map((s) => s.desc)).toEqual(['Set primary_region = "ord" (Chicago, Illinois (US)), as [env] PRIMARY_REGION says', 'Set primary_region = "ams" (Amsterdam, Netherlands), as in fly.staging.toml']);
    expect(applyFixes(text, [{ ...finding, fix: finding.suggestions![1]!.fix }]).text).toBe('app = "shop"\nprimary_region = "ams"\n\n[env]\n  PRIMARY_REGION = "ord"\n');
    const alone = lintText('app = "shop"\n', { filePath: '/p/fly.toml' }).find((f) => f.ruleId === 'primary-region')!;
    expect(alone.message).toMatch(/Set primary_region \(e\.g\. "ams", "iad", "ord"\)$/);
    expect(alone.suggestions).toBeUndefined();
  });

  it('a section spelled two ways is one section: [Http_Service] with its [[http_service.checks]] is a complete service', () => {
    const text = wellConfigured.replace('[http_service]', '[Http_Service]');
    expect(text).toContain('[[http_service.checks]]');
    expect(lintText(text, { filePath: '/p/fly.toml' }).map((f) => f.ruleId)).toEqual(['key-case']);
  });

  it('a service whose processes list has the wrong type, in any case, is the schema rules\' finding alone', () => {
    for (const key of ['processes', 'Processes']) {
      const text = `app = "shop"\n\n[processes]\n  web = "bin/web"\n\n[[services]]\n  internal_port = 8080\n  ${key} = "web"\n`;
      const ids = lintText(text, { filePath: '/p/fly.staging.toml' }).map((f) => f.ruleId);
      expect(ids).toContain('invalid-type');
      expect(ids).not.toContain('service-missing-processes');
    }
  });

  it('suggestions set a key where it is written in another case, not beside it', () => {
    const text = 'app = "shop"\nprimary_region = "ams"\nswap_size_mb = 512\n\n[http_service]\n  internal_port = 8080\n  force_https = true\n  auto_stop_machines = "stop"\n  auto_start_machines = true\n  Min_Machines_Running = 0\n\n[[vm]]\n  cpu_kind = "shared"\n  cpus = 1\n  Memory_MB = 512\n';
    const findings = lintText(text, { filePath: '/p/fly.toml' });
    const warm = findings.find((f) => f.ruleId === 'min-machines-running')!;
    expect(applyFixes(text, [{ ...warm, fix: warm.suggestions![0]!.fix }]).text).toContain('  Min_Machines_Running = 1\n');
    const cpu = findings.find((f) => f.ruleId === 'shared-cpu-in-production')!;
    const sized = applyFixes(text, [{ ...cpu, fix: cpu.suggestions![0]!.fix }]).text;
    expect(sized).toContain('  Memory_MB = 2048\n');
    expect(sized).not.toMatch(/^\s*memory/m);
  });

  it('stopping Machines with autostart off is an error', () => {
    const text = 'app = "shop"\n[http_service]\ninternal_port = 8080\nauto_stop_machines = "stop"\nauto_start_machines = false\n';
    expect(lintText(text, { filePath: '/p/fly.toml' }).find((f) => f.ruleId === 'missing-auto-stop')).toMatchObject({ severity: 'error' });
  });

  it('suggestions insert keys in the right table with its indentation, and the result parses', () => {
    const text = 'app = "shop"\n\n[http_service]\n  internal_port = 8080\n  auto_stop_machines = "stop"\n  # keep this comment\n\n[[vm]]\n  size = "shared-cpu-1x"\n  memory = "512mb"\n';
    const fixed = fixUntilStable(text, (t) => lintText(t, { filePath: '/p/fly.toml' }), { unsafe: true }).text;
    expect(parseToml(fixed).errors).toEqual([]);
    expect(fixed).toContain('# keep this comment');
    expect(fixed).toContain('  min_machines_running = 1\n');
    expect(fixed).toContain('size = "performance-1x"');
    expect(fixed).toContain('memory = "2gb"');
    const again = lintText(fixed, { filePath: '/p/fly.toml' }).filter((f) => ['min-machines-running', 'shared-cpu-in-production', 'missing-swap'].includes(f.ruleId));
    expect(again).toEqual([]);
  });
});

describe('secrets', () => {
  it.each([
    ['STRIPE_SECRET_KEY', 'sk_live_51HxQ2rTz8kL9mN3pQ7vW2yX', true],
    ['DATABASE_URL', 'postgres://app:s3cretPass@db.internal:5432/app', true],
    ['GITHUB_TOKEN', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', true],
    ['SESSION_SECRET', 'x8Fq2LpZ9wRt7vKc', true],
    ['PASSWORD_MIN_LENGTH', '12', false],
    ['GOOGLE_APPLICATION_CREDENTIALS', '/app/gcp-creds.json', false],
    ['SECRETS_DIR', '/run/secrets', false],
    ['SECRET_KEY', '/9j4AAQSkZJRgABAQ+x7', true],
    ['TOKEN_EXPIRY', '3600', false],
    ['JWT_SECRET', '${JWT_SECRET}', false],
    ['API_KEY', 'changeme', false],
    ['DATABASE_URL', 'postgres://db.internal:5432/app', false],
    ['AUTH_ENABLED', 'true', false],
    ['SECRET_KEY_BASE', '', false],
    // Plain words and short values under a secret's name are still the secret.
    ['DB_PASSWORD', 'hunter2', true],
    ['POSTGRES_PASSWORD', 'boluo-staging', true],
    ['NATS_PASSWORD', 'sys', true],
    ['NQB_API_KEY', 'nqbflyio', true],
    // A session cookie's name, a setting that says a secret is not needed, a hashing scheme.
    ['SESSION_KEY', '_shop_session', false],
    ['SESSION_KEY', 'shop-staging-session', false],
    ['EGRESS_TOKENLESS', 'deny', false],
    ['PASSWORD_HASHER', 'argon2', false],
    ['PASSWORD_REQUIRE_NUMBER', 'true', false],
    ['POSTGRES_PASSWORD', '%fly_db_password%', false],
  ])('%s = %s → %s', (name, value, secret) => {
    expect(detectSecret(name, value) !== undefined).toBe(secret);
  });

  it('never repeats the value in the message', () => {
    const value = 'sk_live_51HxQ2rTz8kL9mN3pQ7vW2yX';
    const [finding] = lintText(`app = "shop-staging"\n[env]\nSTRIPE_KEY = "${value}"\n`, { filePath: '/p/fly.toml' }).filter((f) => f.ruleId === 'secret-in-env');
    expect(finding!.severity).toBe('error');
    expect(JSON.stringify(finding)).not.toContain(value.slice(2));
  });
});

describe('suppressions', () => {
  const base = 'app = "shop"\nprimary_region = "ams"\nswap_size_mb = 512\n[metrics]\nport = 9091\npath = "/metrics"\n';
  it('next-line, same-line and file-level suppressions hide findings, and unused ones are reported', () => {
    const text = '# flylint-disable-next-line primary-region -- moving next month\nprimary_region = "sea"\napp = "shop"\n[[vm]]\nsize = "shared-cpu-1x" # flylint-disable-line missing-swap\n';
    expect(lintText(text.replace(' # flylint-disable-line missing-swap', ''), { filePath: '/p/fly.toml' }).map((f) => f.ruleId)).toContain('missing-swap');
    const ids = lintText(text, { filePath: '/p/fly.toml' }).map((f) => f.ruleId);
    expect(ids).not.toContain('primary-region');
    expect(ids).not.toContain('missing-swap');
    const unused = lintText(base + '# flylint-disable missing-swap\n', { filePath: '/p/fly.toml' }).filter((f) => f.ruleId === 'unused-suppression');
    expect(unused).toHaveLength(1);
    expect(applyFixes(base + '# flylint-disable missing-swap\n', unused).text).toBe(base);
  });

  it('never reports or removes a suppression of a rule that did not run: off, or a production rule on a staging config', () => {
    const text = 'app = "shop"\n[http_service]\ninternal_port = 8080\n[[vm]]\nsize = "shared-cpu-1x" # flylint-disable-line shared-cpu-in-production -- low traffic\n# flylint-disable missing-swap\n';
    const unused = (options: Parameters<typeof lintText>[1]) => lintText(text, options).filter((f) => f.ruleId === 'unused-suppression');
    expect(unused({ filePath: '/p/fly.staging.toml' })).toEqual([]);
    expect(unused({ filePath: '/p/fly.toml', rules: { 'shared-cpu-in-production': 'off', 'missing-swap': 'off' } })).toEqual([]);
    expect(fixUntilStable(text, (t) => lintText(t, { filePath: '/p/fly.staging.toml' }), { unsafe: true }).text).toContain('# flylint-disable-line shared-cpu-in-production -- low traffic');
    // Where the rules run, the suppressions are used.
    expect(unused({ filePath: '/p/fly.toml' })).toEqual([]);
    // A file-wide suppression of every rule is judged only when every rule ran.
    expect(lintText('app = "shop-staging"\n# flylint-disable\n', { filePath: '/p/fly.toml' }).filter((f) => f.ruleId === 'unused-suppression')).toEqual([]);
  });

  it('reports unknown rule ids in a suppression', () => {
    const [finding] = lintText(base + '# flylint-disable missing-swapp\n', { filePath: '/p/fly.toml' }).filter((f) => f.ruleId === 'unused-suppression');
    expect(finding!.message).toContain('Did you mean "missing-swap"?');
  });
});

describe('isolation', () => {
  const prod = { filePath: '/p/fly.toml', text: 'app = "shop"\n' };
  it('flags two environments deploying one app, pointing at both files', () => {
    const [finding] = lintText('app = "shop"\n', { filePath: '/p/fly.staging.toml', siblings: [prod] }).filter((f) => f.ruleId === 'shared-app-name');
    expect(finding!.related![0]).toMatchObject({ filePath: '/p/fly.toml', location: { line: 1, column: 7 } });
  });
  it('exposed-private-service sees database ports inside a public port range', () => {
    const text = 'app = "shop-db"\n[[services]]\ninternal_port = 6379\n[[services.ports]]\nstart_port = 6000\nend_port = 7000\n';
    const found = lintText(text, { filePath: '/p/fly.toml' }).filter((f) => f.ruleId === 'exposed-private-service');
    expect(found.map((f) => f.message)).toEqual([expect.stringMatching(/^Ports 6000–7000 of \[\[services\]\] #1 include 6379 \(Redis\), public whenever the app has public IPs/)]);
  });

  it('flags staging reaching production hosts', () => {
    const text = 'app = "shop-staging"\n[env]\nAPI = "http://shop.internal:8080"\nOK = "http://shop-staging.internal"\n';
    const found = lintText(text, { filePath: '/p/fly.staging.toml', siblings: [prod] }).filter((f) => f.ruleId === 'cross-environment-reference');
    expect(found).toHaveLength(1);
  });
  it('flags reaching another environment\'s counterpart app, but not shared infrastructure', () => {
    const siblings = [
      { filePath: '/p/web/fly.toml', text: 'app = "web"\n' },
      { filePath: '/p/web/fly.staging.toml', text: 'app = "web-staging"\n' },
      { filePath: '/p/queue/fly.toml', text: 'app = "queue"\n' },
    ];
    const text = 'app = "api-staging"\n[env]\nWEB = "http://web.internal"\nQUEUE = "http://queue.internal"\n';
    const found = lintText(text, { filePath: '/p/api/fly.staging.toml', siblings }).filter((f) => f.ruleId === 'cross-environment-reference');
    expect(found.map((f) => f.message.slice(0, 9))).toEqual(['[env] WEB']);
  });
  it('finds a production host in every form it is written, and only as a whole name', () => {
    const hosts = (value: string, app = 'shop') =>
      lintText(`app = "${app}-staging"\n[env]\nURL = "${value}"\n`, { filePath: '/p/fly.staging.toml', siblings: [{ filePath: '/p/fly.toml', text: `app = "${app}"\n` }] }).filter((f) => f.ruleId === 'cross-environment-reference').length;
    expect(hosts('top1.nearest.of.shop.internal')).toBe(1);
    expect(hosts('postgres://u@SHOP.Flycast:5432/db')).toBe(1);
    expect(hosts('https://shop.fly.dev/api')).toBe(1);
    expect(hosts('a.internal,shop.internal')).toBe(1);
    expect(hosts('x.flycast.internal', 'flycast')).toBe(1);
    expect(hosts('my_shop.internal', 'my_shop')).toBe(1);
    // A longer name is another host.
    expect(hosts('https://shop.fly.dev.example.com')).toBe(0);
    expect(hosts('http://shop.internal.corp')).toBe(0);
    expect(hosts('a.internal,my_shop.internal.corp', 'my_shop')).toBe(0);
    expect(hosts('myshop.internal')).toBe(0);
    expect(hosts('shop-api.internal')).toBe(0);
    expect(hosts('shop.internals')).toBe(0);
    expect(hosts('shop.fly.dev2')).toBe(0);
  });
});

describe('rule counts over the real-world corpus', () => {
  it('prints each rule\'s count (repositories as projects)', () => {
    const dir = corpusDir;
    const files = readdirSync(dir).filter((f) => f.endsWith('.toml'));
    const byRepo = new Map<string, string[]>();
    for (const f of files) {
      const repo = f.split('__').slice(0, 2).join('__');
      byRepo.set(repo, [...(byRepo.get(repo) ?? []), f]);
    }
    const counts = new Map<string, number>();
    for (const group of byRepo.values()) {
      const sources = group.map((f) => ({ filePath: join(dir, f.split('__').slice(2).join('/')), text: readFileSync(join(dir, f), 'utf8') }));
      for (const source of sources) {
        for (const f of lintText(source.text, { filePath: source.filePath, siblings: sources })) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
      }
    }
    const table = [...counts].sort((a, b) => b[1] - a[1]);
    console.log(table.map(([id, n]) => `${id.padEnd(30)} ${n}`).join('\n'));
    expect(counts.get('missing-swap')).toBeGreaterThan(0);
  });
});
