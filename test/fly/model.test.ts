/** The fly.toml model: each shape flyctl accepts becomes the same view, values keep their nodes, strange input never throws. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseToml } from '../../server/src/toml/parse.js';
import { buildModel, durationsOf, groupsOf, vmForGroup, type FlyConfig } from '../../server/src/fly/model.js';
import { corpusDir, flyctlFixturesDir } from '../support/data-paths.js';

const fixtures = flyctlFixturesDir;

function model(text: string): FlyConfig & { text: string } {
  return Object.assign(buildModel(parseToml(text).value), { text });
}

function at(text: string, node: { start: number; end: number } | undefined): string | undefined {
  return node && text.slice(node.start, node.end);
}

function fixture(name: string): FlyConfig & { text: string } {
  return model(readFileSync(join(fixtures, name), 'utf8'));
}

describe('top level', () => {
  it('reads app, region, kill settings and swap with their nodes', () => {
    const m = model('app = "shop"\nprimary_region = "ams"\nkill_signal = "SIGTERM"\nkill_timeout = 5\nswap_size_mb = 512.0\n');
    expect(m.appName).toBe('shop');
    expect(at(m.text, m.app?.node)).toBe('"shop"');
    expect(at(m.text, m.app?.key)).toBe('app');
    expect(m.primaryRegion?.value).toBe('ams');
    expect(m.killSignal?.value).toBe('SIGTERM');
    expect(m.killTimeout).toMatchObject({ value: 5000, written: 'number', unit: 's' });
    expect(m.swapSizeMb?.value).toBe(512);
  });

  it('takes the legacy [experimental] kill_timeout only when the top-level one is absent', () => {
    expect(model('[experimental]\nkill_timeout = 3\n').killTimeout?.value).toBe(3000);
    expect(model('kill_timeout = "10s"\n[experimental]\nkill_timeout = 3\n').killTimeout?.value).toBe(10000);
  });

  it('matches struct keys case-insensitively, exact case first, and skips the seconds patch for other cases', () => {
    const m = model('APP = "upper"\nKill_Timeout = 5\n');
    expect(m.appName).toBe('upper');
    expect(m.killTimeout).toMatchObject({ value: 5e-6, unit: 'ns', caseSkippedUnit: 's' });
    expect(model('APP = "upper"\napp = "lower"\n').appName).toBe('lower');
  });

  it('reads [experimental] kill_timeout and metrics_port only in lower case, and lets the copied kill_timeout beat a top-level Kill_Timeout', () => {
    expect(model('[experimental]\nKill_Timeout = 3\nMetrics_Port = 9091\n').experimental).toMatchObject({ killTimeout: undefined, metricsPort: undefined });
    expect(model('Kill_Timeout = "10s"\n[experimental]\nkill_timeout = "30s"\n').killTimeout?.value).toBe(30000);
    expect(model('Kill_Timeout = "10s"\n').killTimeout?.value).toBe(10000);
    expect(model('kill_timeout = "10s"\n[experimental]\nkill_timeout = "30s"\n').killTimeout?.value).toBe(10000);
  });

  it('drops [[VM]], [[Mounts]] and [Metrics] as flyctl does: its rewrites read the lower-case names only', () => {
    const m = model('[[VM]]\nsize = "performance-2x"\n[[Mounts]]\nsource = "d"\ndestination = "/d"\n[Metrics]\nport = 9091\npath = "/m"\n');
    expect([m.vms.length, m.mounts.length, m.metrics.length]).toEqual([0, 0, 0]);
  });

  it('reads legacy [[processes]] as flyctl does: names and commands of other types as text, items without a name dropped', () => {
    const m = model('[[processes]]\nname = 1\ncommand = 2.5\n[[processes]]\ncommand = "orphan"\n');
    expect(m.processes.map((p) => [p.name, p.command?.value])).toEqual([['1', '2.5']]);
    expect(m.processNames).toEqual(['1']);
    expect(model('processes = ["web"]\n').processNames).toEqual(['app']);
  });

  it('of several spellings in another case reads the one that sorts last, as flyctl\'s sorted JSON step does', () => {
    expect(model('PRIMARY_REGION = "ord"\nPrimary_Region = "ams"\n').primaryRegion?.value).toBe('ams');
    expect(model('Primary_Region = "ams"\nPRIMARY_REGION = "ord"\n').primaryRegion?.value).toBe('ams');
    expect(model('[HTTP_SERVICE]\ninternal_port = 1\n[Http_Service]\ninternal_port = 2\n').services[0]?.internalPort?.value).toBe(2);
  });

  it('reads wrong types as absent', () => {
    const m = model('app = 123\nswap_size_mb = "512"\nkill_timeout = true\nprimary_region = ["ams"]\n');
    expect(m.app).toBeUndefined();
    expect(m.swapSizeMb).toBeUndefined();
    expect(m.killTimeout).toBeUndefined();
    expect(m.primaryRegion).toBeUndefined();
    expect(model('swap_size_mb = 512.5\n').swapSizeMb).toBeUndefined();
  });

  it('is memoised per value tree', () => {
    const value = parseToml('app = "a"\n').value;
    expect(buildModel(value)).toBe(buildModel(value));
  });
});

describe('processes', () => {
  it.each([
    ['[processes]\nweb = "bin/web"\nworker = "bin/worker"\n', ['web', 'worker'], 'web'],
    ['[processes]\nzzz = ""\nbar = "x"\nfoo = "y"\n', ['bar', 'foo', 'zzz'], 'bar'],
    ['[processes]\nweb = "a"\napp = "b"\n', ['app', 'web'], 'app'],
    ['[processes]\n', ['app'], 'app'],
    ['processes = []\n', ['app'], 'app'],
    ['[[processes]]\nname = "web"\ncommand = "./web"\n[[processes]]\ncommand = "dropped"\n', ['web'], 'web'],
    ['[[processes]]\n', ['app'], 'app'],
    ['', ['app'], 'app'],
  ])('%j → groups %j, default %s', (text, names, defaultGroup) => {
    const m = model(text);
    expect(m.processNames).toEqual(names);
    expect(m.defaultProcess).toBe(defaultGroup);
  });

  it('keeps each command and its node', () => {
    const m = model('[[processes]]\nname = "web"\ncommand = "./web --port 8080"\n');
    expect(m.processes[0]?.command?.value).toBe('./web --port 8080');
    expect(at(m.text, m.processes[0]?.key)).toBe('name');
    expect(at(model('[processes]\nweb = "x"\n').text, model('[processes]\nweb = "x"\n').processes[0]?.key)).toBe('web');
  });
});

describe('services', () => {
  it('reads [http_service] and [[services]] into one list', () => {
    const m = model(`[http_service]
internal_port = 8080
force_https = true
auto_stop_machines = true
auto_start_machines = true
min_machines_running = 1
processes = ["app"]
[http_service.concurrency]
type = "requests"
soft_limit = 20
[[http_service.checks]]
interval = 10000
path = "/up"

[[services]]
internal_port = "8081"
protocol = "tcp"
auto_stop_machines = "suspend"
concurrency = "12,23"
[[services.ports]]
port = "443"
handlers = ["tls", "http"]
[[services.ports]]
start_port = 1000
end_port = 2000
[[services.tcp_checks]]
interval = 10000
`);
    const [http, tcp] = m.services;
    expect(http).toMatchObject({ kind: 'http_service', implicit: false, ports: [] });
    expect(http?.internalPort?.value).toBe(8080);
    expect(http?.forceHttps?.value).toBe(true);
    expect(http?.autostop?.value).toBe('stop');
    expect(at(m.text, http?.autostop?.node)).toBe('true');
    expect(http?.minMachinesRunning?.value).toBe(1);
    expect(http?.processes?.value).toEqual(['app']);
    expect(http?.concurrency).toMatchObject({ type: { value: 'requests' }, softLimit: 20 });
    expect(http?.checks[0]).toMatchObject({ kind: 'http', section: 'checks', interval: { value: 0.01, unit: 'ns' }, path: { value: '/up' } });
    expect(tcp).toMatchObject({ kind: 'services', index: 0 });
    expect(tcp?.internalPort?.value).toBe(8081);
    expect(tcp?.autostop?.value).toBe('suspend');
    expect(tcp?.concurrency).toMatchObject({ softLimit: 12, hardLimit: 23 });
    expect(tcp?.ports.map((p) => p.port?.value)).toEqual([443, undefined]);
    expect(tcp?.ports[0]?.handlers).toEqual(['tls', 'http']);
    expect(tcp?.ports[1]).toMatchObject({ startPort: { value: 1000 }, endPort: { value: 2000 } });
    expect(tcp?.checks[0]).toMatchObject({ kind: 'tcp', section: 'tcp_checks', interval: { value: 10000, unit: 'ms' } });
  });

  it('normalises a single [services] table, drops empty ones, and notices ports written without a service', () => {
    expect(model('[services]\ninternal_port = 80\n').services.map((s) => s.internalPort?.value)).toEqual([80]);
    expect(model('[[services]]\n[[services]]\ninternal_port = 1\n').services.map((s) => s.index)).toEqual([0]);
    const implicit = model('[[services.ports]]\nport = 80\n').services;
    expect(implicit).toHaveLength(1);
    expect(implicit[0]).toMatchObject({ implicit: true, ports: [{ port: { value: 80 } }] });
  });

  it('converts only what flyctl converts', () => {
    const m = model('[http_service]\ninternal_port = "8080"\nauto_stop_machines = "true"\nconcurrency = "1,2"\n[[services]]\ninternal_port = 8080.9\n[[services.ports]]\nport = " 80"\n');
    expect(m.services[0]?.internalPort).toBeUndefined();
    expect(m.services[0]?.autostop).toBeUndefined();
    expect(m.services[0]?.concurrency).toBeUndefined();
    expect(m.services[1]?.internalPort?.value).toBe(8080);
    expect(m.services[1]?.ports[0]?.port).toBeUndefined();
  });

  it('reads a single [http_service.checks] table as no check (flyctl cannot load it)', () => {
    expect(model('[http_service]\ninternal_port = 8080\n[http_service.checks]\ninterval = "5s"\n').services[0]?.checks).toEqual([]);
  });

  it('reads machine checks with nanosecond kill timeouts', () => {
    const m = model('[[http_service.machine_checks]]\ncommand = ["curl", "x"]\nkill_timeout = 30\n[[machine_checks]]\nimage = "curl"\n');
    expect(m.services[0]?.machineChecks[0]).toMatchObject({ command: { value: ['curl', 'x'] }, killTimeout: { unit: 'ns' } });
    expect(m.machineChecks[0]?.image?.value).toBe('curl');
  });
});

describe('Machine sizes', () => {
  it('concatenates compute, computes and vm in that order, single tables and arrays', () => {
    const m = model('[[vm]]\nsize = "performance-1x"\n[compute]\nsize = "shared-cpu-2x"\n[[computes]]\nsize = "shared-cpu-4x"\n');
    expect(m.vms.map((v) => [v.section, v.size?.value])).toEqual([
      ['compute', 'shared-cpu-2x'],
      ['computes', 'shared-cpu-4x'],
      ['vm', 'performance-1x'],
    ]);
  });

  it.each([
    ['memory = "1gb"', 1024, { cpuKind: 'shared', cpus: 1, memoryMb: 1024 }],
    ['memory = 512', 512, { cpuKind: 'shared', cpus: 1, memoryMb: 512 }],
    ['memory = "2gb"\nmemory_mb = 1024', 1024, { cpuKind: 'shared', cpus: 1, memoryMb: 1024 }],
    ['memory = "2gb"\nmemory_mb = 0', 2048, { cpuKind: 'shared', cpus: 1, memoryMb: 2048 }],
    ['size = "performance-2x"\ncpus = 4', undefined, { cpuKind: 'performance', cpus: 4, memoryMb: 4096 }],
    ['cpu_kind = "performance"\ncpus = 2', undefined, { cpuKind: 'performance', cpus: 2, memoryMb: 256 }],
    ['gpu_kind = "l40s"', undefined, { cpuKind: 'performance', cpus: 8, memoryMb: 16384, gpuKind: 'l40s' }],
    ['memory = "64gb"\ngpu_kind = "a100-pcie-40gb"', 65536, { cpuKind: 'performance', cpus: 8, memoryMb: 65536 }],
    ['cpus = 0\ncpu_kind = ""', undefined, { cpuKind: 'shared', cpus: 1, memoryMb: 256 }],
  ])('[[vm]] %s → memory %s, guest %j', (body, memory, guest) => {
    const vm = model(`[[vm]]\n${body}\n`).vms[0]!;
    expect(vm.memoryMb?.value).toBe(memory);
    expect(vm.guest).toMatchObject(guest);
  });

  it('has no guest for an unknown size, and keeps memory as written with its reading', () => {
    const m = model('[[vm]]\nsize = "shared-cpu-3x"\nmemory = "1.5gb"\n');
    expect(m.vms[0]?.guest).toBeUndefined();
    expect(m.vms[0]?.memoryText).toMatchObject({ value: '1.5gb', size: 1536, unit: 'MB' });
    expect(model('[[vm]]\nsize = "toString"\n').vms[0]?.guest).toBeUndefined();
  });

  it('reads [deploy.release_command_vm] as a Machine whose memory must be a string', () => {
    const m = model('[deploy.release_command_vm]\nsize = "performance-2x"\nmemory = "4G"\n');
    expect(m.deploy?.releaseCommandVm?.guest).toMatchObject({ cpuKind: 'performance', cpus: 2, memoryMb: 4096 });
    expect(model('[deploy]\nrelease_command_vm = { memory = 2048 }\n').deploy?.releaseCommandVm?.memoryText).toBeUndefined();
  });

  it('picks the section flyctl applies to each group', () => {
    const m = fixture('tomachine-compute.toml');
    expect(vmForGroup(m, 'app')?.guest).toMatchObject({ cpus: 2, memoryMb: 512 });
    expect(vmForGroup(m, 'whisper')?.guest).toMatchObject({ cpuKind: 'performance', cpus: 8, memoryMb: 65536, gpuKind: 'a100-pcie-40gb' });
    expect(vmForGroup(fixture('tomachine-compute-nodefault.toml'), 'app')).toBeUndefined();
  });
});

describe('mounts', () => {
  it('concatenates mount and mounts, single tables and arrays, with sizes in GB', () => {
    const m = model('[[mounts]]\nsource = "b"\ndestination = "/b"\ninitial_size = "10GiB"\n[mount]\nsource = "a"\ndestination = "/a"\ninitial_size = 200\nsnapshot_retention = 10\n');
    expect(m.mounts.map((x) => [x.section, x.source?.value, x.initialSizeGb])).toEqual([
      ['mount', 'a', 200],
      ['mounts', 'b', 10],
    ]);
    expect(m.mounts[0]?.snapshotRetention?.value).toBe(10);
  });

  it('reads auto-extend sizes as strings only, and an empty initial_size as unset', () => {
    const m = model('[mounts]\nsource = "d"\ninitial_size = ""\nauto_extend_size_threshold = 80\nauto_extend_size_increment = "1GB"\nauto_extend_size_limit = 5\n');
    expect(m.mounts[0]?.initialSize).toBeUndefined();
    expect(m.mounts[0]?.autoExtendSizeThreshold?.value).toBe(80);
    expect(m.mounts[0]?.autoExtendSizeIncrement).toMatchObject({ value: '1GB', size: 1 });
    expect(m.mounts[0]?.autoExtendSizeLimit).toBeUndefined();
  });

  it('records why a size does not parse', () => {
    expect(fixture('validate-mounts.toml').mounts.map((x) => [x.initialSize?.value, x.initialSize?.size, x.initialSize?.error])).toEqual([
      ['15Mb', 0, undefined],
      ['unparseable', undefined, "invalid size: invalid size: 'unparseable'"],
      [undefined, undefined, undefined],
      [undefined, undefined, undefined],
    ]);
  });
});

describe('checks', () => {
  it('reads named checks in milliseconds and legacy [[checks]] keyed by name', () => {
    const named = model('[checks.alive]\ntype = "tcp"\nport = 8080\ninterval = 15000\ntimeout = "2s"\ngrace_period = ""\n');
    expect(named.checks[0]).toMatchObject({ name: 'alive', type: { value: 'tcp' }, port: { value: 8080 }, interval: { value: 15000, unit: 'ms' }, timeout: { value: 2000 } });
    expect(named.checks[0]?.gracePeriod).toBeUndefined();
    expect(at(named.text, named.checks[0]?.key)).toBe('alive');
    const legacy = model('[[checks]]\nname = "pg"\ntype = "http"\nport = 5500\n[[checks]]\ntype = "tcp"\n');
    expect(legacy.checks.map((c) => c.name)).toEqual(['pg']);
    expect(at(legacy.text, legacy.checks[0]?.key)).toBe('name');
    expect(at(legacy.text, legacy.checks[0]?.nameNode)).toBe('"pg"');
  });

  it('reads the legacy old-format fixture: integer check times are milliseconds', () => {
    const m = fixture('old-format.toml');
    const times = m.services.flatMap((s) => s.checks.flatMap((c) => [c.interval?.value, c.timeout?.value]));
    expect(times).toEqual(expect.arrayContaining([10000, 2000]));
    expect(m.services[0]?.internalPort?.value).toBe(8080);
    expect(m.services[0]?.autostop?.value).toBe('off');
    expect(m.services[0]?.ports[0]?.port?.value).toBe(80);
  });

  it('lists every duration with its place', () => {
    const m = model('kill_timeout = 5\n[deploy]\nwait_timeout = "5m"\n[checks.a]\ninterval = "10s"\n[[http_service.checks]]\ntimeout = 5\n');
    expect(durationsOf(m).map((d) => d.where)).toEqual(['kill_timeout', '[deploy] wait_timeout', '[checks.a] interval', '[[http_service.checks]] timeout']);
  });
});

describe('build, deploy, experimental, env', () => {
  it('lists the ways to build in flyctl order, skipping empty ones', () => {
    const m = model('[build]\ndockerfile = "Dockerfile"\nimage = ""\nbuilder = "heroku/builder:24"\nbuild_target = "prod"\nbuiltin = "node"\n');
    expect(m.build?.sources.map((s) => [s.strategy, s.field.key.name])).toEqual([
      ['buildpack', 'builder'],
      ['dockerfile', 'dockerfile'],
      ['builtin', 'builtin'],
    ]);
    expect(m.build?.buildTarget?.value).toBe('prod');
  });

  it('reads [deploy] with nanosecond timeouts', () => {
    const m = model('[deploy]\nstrategy = "canary"\nrelease_command = "bin/migrate"\nwait_timeout = 300\nrelease_command_timeout = "3m"\nmax_unavailable = 0.5\n');
    expect(m.strategy?.value).toBe('canary');
    expect(m.releaseCommand?.value).toBe('bin/migrate');
    expect(m.waitTimeout).toMatchObject({ value: 0.0003, unit: 'ns' });
    expect(m.deploy?.releaseCommandTimeout?.value).toBe(180000);
    expect(m.deploy?.maxUnavailable?.value).toBe(0.5);
  });

  it('turns a string cmd into a one-element list and reads legacy metrics keys', () => {
    const m = fixture('experimental-alt.toml');
    expect(m.experimental?.cmd?.value).toHaveLength(1);
    expect(m.metricsEndpoints).toMatchObject([{ legacy: true, port: { value: 9000 }, path: { value: '/foo' } }]);
    expect(model('[metrics]\nport = 1\n[experimental]\nmetrics_port = 9000\n').metricsEndpoints.map((e) => e.legacy)).toEqual([false]);
    expect(model('[metric]\nport = 1\n[experimental]\nmetrics_port = 9000\n').metricsEndpoints.map((e) => e.legacy)).toEqual([false, true]);
  });

  it('merges legacy [[env]] tables and stringifies values as flyctl does', () => {
    const m = fixture('env-list.toml');
    expect(Object.fromEntries(m.env.map((e) => [e.name, e.text]))).toEqual({ FOO: 'BAR', TWO: '2', TRUE: 'true' });
    const odd = model('[env]\nA = 1e6\nB = [1, "x"]\nC = 1.0\nD = 0x1F\n');
    expect(odd.env.map((e) => e.text)).toEqual(['1e+06', '[1 x]', '1', '31']);
  });

  it('reads restart policies, files, statics', () => {
    const m = fixture('full-reference.toml');
    expect(m.restartPolicies.length).toBeGreaterThan(0);
    expect(m.restartPolicies[0]?.policy).toBeDefined();
    expect(m.guestFiles.length).toBeGreaterThan(0);
    expect(m.statics.length).toBeGreaterThan(0);
    expect(m.metricsEndpoints).toHaveLength(2);
  });
});

describe('process groups of sections', () => {
  it('a section without processes applies to the default group; named groups must exist', () => {
    const m = model('[processes]\nweb = "w"\nworker = "k"\n');
    expect(groupsOf(m, undefined)).toEqual(['web']);
    expect(groupsOf(m, { value: ['worker', 'nope'], key: m.processes[0]!.key, node: m.processes[0]!.command!.node })).toEqual(['worker']);
  });
});

describe('never throws', () => {
  const strange = [
    '[[http_service]]\ninternal_port = 1\n',
    'services = 1\nvm = "x"\nmounts = [1, 2]\nchecks = "x"\nprocesses = 5\nenv = "x"\n',
    '[checks]\nfoo = "bar"\n[[checks.x]]\n',
    '[build]\nbuildpacks = [1]\n[deploy]\nrelease_command_vm = 3\n',
    '[[vm]]\nmemory = nan\ncpus = inf\n[[mounts]]\ninitial_size = -inf\n',
    '[[services]]\nports = "80"\nconcurrency = 20\ntcp_checks = 1\n[http_service]\nchecks = [1]\nmachine_checks = {}\n',
    'kill_timeout = 99999999999999999\n[experimental]\ncmd = [1]\n',
    '[[processes]]\nname = 1\n[[restart]]\nprocesses = "x"\n',
    '= = =\n[[[\n',
  ];
  it.each(strange)('%j', (text) => {
    const m = model(text);
    expect(m.root).toBeDefined();
    expect(() => durationsOf(m)).not.toThrow();
  });

  it('reads every flyctl fixture and corpus file', () => {
    for (const dir of [fixtures, corpusDir]) {
      for (const name of readdirSyncToml(dir)) expect(() => model(readFileSync(name, 'utf8'))).not.toThrow();
    }
  });
});

function readdirSyncToml(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? readdirSyncToml(full) : entry.endsWith('.toml') ? [full] : [];
  });
}

describe('the legacy [[processes]] and [[checks]] arrays, and the tables their fixes write', () => {
  const groups = (m: FlyConfig) => m.processes.map((p) => [p.name, p.command?.value]);
  const checks = (m: FlyConfig) => m.checks.map((c) => [c.name, c.type?.value, c.port?.value, c.path?.value]);

  it('read the same', () => {
    const legacy = model('[[processes]]\nname = "web"\ncommand = "./web"\n[[processes]]\nname = "queue worker"\ncommand = "./worker"\n[[checks]]\nname = "pg"\ntype = "http"\nport = 5500\npath = "/pg"\n');
    const modern = model('[processes]\nweb = "./web"\n"queue worker" = "./worker"\n[checks.pg]\ntype = "http"\nport = 5500\npath = "/pg"\n');
    expect(groups(legacy)).toEqual([['web', './web'], ['queue worker', './worker']]);
    expect(groups(modern)).toEqual(groups(legacy));
    expect(legacy.processNames).toEqual(modern.processNames);
    expect(checks(legacy)).toEqual([['pg', 'http', 5500, '/pg']]);
    expect(checks(modern)).toEqual(checks(legacy));
  });
});

describe('[env] spelled twice', () => {
  it('reads both tables, the one flyctl decodes last at the end', () => {
    const m = model('[env]\nB = "3"\n[Env]\nA = "1"\nB = "2"\n');
    expect(m.env.map((e) => [e.name, e.text])).toEqual([['A', '1'], ['B', '2'], ['B', '3']]);
    expect(model('[Env]\nA = "1"\n').env.map((e) => e.name)).toEqual(['A']);
  });
});

describe('a struct section spelled twice', () => {
  // Go's JSON decoder decodes each spelling into the struct it already holds: keys the later one
  // (in byte order) sets win, the others stay.
  it('is one section, the keys of both spellings in it, the later spelling winning a key set in both', () => {
    const m = model('[HTTP_Service]\ninternal_port = 8080\nForce_Https = false\nauto_stop_machines = "stop"\n[http_service]\nforce_https = true\n[[http_service.checks]]\npath = "/"\n');
    const http = m.services.find((s) => s.kind === 'http_service')!;
    expect(http.internalPort?.value).toBe(8080);
    expect(http.forceHttps?.value).toBe(true);
    expect(http.autostop?.value).toBe('stop');
    expect(http.checks.map((c) => c.path?.value)).toEqual(['/']);
    expect(model('[Deploy]\nstrategy = "bluegreen"\n[deploy]\nrelease_command = "x"\n').deploy?.strategy?.value).toBe('bluegreen');
  });

  it('a map section spelled twice is one map, a name set in both holding the later value whole', () => {
    const m = model('[Processes]\nweb = "a"\nworker = "x"\n[processes]\nworker = "b"\n[Checks.alive]\ntype = "tcp"\nport = 1\n[checks.alive]\ntype = "http"\n[checks.db]\ntype = "tcp"\nport = 5432\n');
    expect(m.processNames).toEqual(['web', 'worker']);
    expect(m.processes.map((p) => [p.name, p.command?.value])).toEqual([['web', 'a'], ['worker', 'b']]);
    // Go zeroes a map element before decoding into it: the later [checks.alive] has no port.
    expect(m.checks.map((c) => [c.name, c.type?.value, c.port?.value])).toEqual([['alive', 'http', undefined], ['db', 'tcp', 5432]]);
  });

  it('keeps the keys only flyctl\'s rewrites read to the lower-case spelling, which the rewrites look up', () => {
    expect(model('[Experimental]\nkill_timeout = 30\n[experimental]\ncmd = ["x"]\n').experimental?.killTimeout).toBeUndefined();
    expect(model('[Experimental]\nkill_timeout = 30\n').experimental?.killTimeout).toBeUndefined();
    expect(model('[experimental]\nkill_timeout = 30\n[Experimental]\ncmd = ["x"]\n').experimental?.killTimeout?.value).toBe(30_000);
    expect(model('[build]\nbuild_target = "web"\n[Build]\nimage = "x"\n').build?.buildTarget?.value).toBe('web');
    expect(model('[Build]\nbuild_target = "web"\n[build]\nimage = "x"\n').build?.buildTarget).toBeUndefined();
  });
});
