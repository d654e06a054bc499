/**
 * fly.toml's many shapes normalised into one view: services from `[http_service]` and
 * `[[services]]`, Machine sizes from `[vm]`/`[[vm]]`/`[compute]`, mounts from `[mounts]`/
 * `[[mounts]]`/`[mount]`, legacy `[[processes]]` and `[[checks]]` … Every value keeps its key and
 * value nodes, so a rule reports at the right place and a fix edits there. Wrong types read as
 * absent (the schema rules report them); nothing here throws.
 */
import type { KeySegmentNode, ValueNode } from '../toml/ast.js';
import type { TomlEntry, TomlTable, TomlValue } from '../toml/values.js';
import type {
  Autostop,
  Build,
  BuildSource,
  Concurrency,
  Deploy,
  EnvEntry,
  Experimental,
  FlyConfig,
  MachineCheck,
  MetricsEndpoint,
  Mount,
  ProcessGroup,
  Service,
  ServiceCheck,
  ServicePort,
  TopCheck,
  Vm,
} from './config-types.js';
import {
  boolField,
  durationField,
  goValueString,
  lookup,
  numberField,
  sizeField,
  stringField,
  stringListField,
  tableField,
  mergedTable,
  mergedTables,
  tablesOf,
  type Field,
} from './fields.js';
import { guestOf } from './vm-presets.js';

export { boolField, durationField, lookup, numberField, sizeField, stringField, stringListField, tablesOf } from './fields.js';
export type { DurationField, Field, SizeField } from './fields.js';
export type * from './config-types.js';
export { serviceLabel, groupsOf, vmForGroup, durationsOf, type PlacedDuration } from './queries.js';

const cache = new WeakMap<TomlTable, FlyConfig>();

/** The table when it holds `key` spelled exactly so: for keys only a rewrite of flyctl reads. */
function exactly(t: TomlTable | undefined, key: string): TomlTable | undefined {
  return t?.entries.has(key) ? t : undefined;
}

/** A section as flyctl's rewrites see it: spelled in lower case, and a table. */
function rewrittenSection(root: TomlTable, key: string): TomlTable | undefined {
  const value = root.entries.get(key)?.value;
  return value?.type === 'table' ? value : undefined;
}

function nonEmpty(field: Field<string> | undefined): Field<string> | undefined {
  return field && field.value !== '' ? field : undefined;
}

function autostopField(t: TomlTable): Field<Autostop> | undefined {
  const e = lookup(t, 'auto_stop_machines');
  if (!e) return undefined;
  const v = e.value;
  if (v.type === 'boolean') return { value: v.value ? 'stop' : 'off', key: e.key, node: v.node };
  if (v.type === 'string' && ['off', 'stop', 'suspend'].includes(String(v.value))) return { value: v.value as Autostop, key: e.key, node: v.node };
  return undefined;
}

function serviceChecks(t: TomlTable, section: ServiceCheck['section'], kind: ServiceCheck['kind'], unit: 'ms' | 'ns'): ServiceCheck[] {
  const e = lookup(t, section);
  // A single table is turned into a list only for [[services]]' tcp_checks/http_checks.
  const tables = section === 'checks' && e?.value.type === 'table' ? [] : tablesOf(e?.value);
  return tables.map((c) => ({
    kind,
    section,
    table: c,
    interval: durationField(c, 'interval', unit),
    timeout: durationField(c, 'timeout', unit),
    gracePeriod: durationField(c, 'grace_period', unit),
    path: stringField(c, 'path'),
    method: stringField(c, 'method'),
    protocol: stringField(c, 'protocol'),
  }));
}

function machineChecks(value: TomlValue | undefined): MachineCheck[] {
  if (value?.type !== 'array') return [];
  return tablesOf(value).map((t) => ({
    table: t,
    command: stringListField(t, 'command'),
    image: stringField(t, 'image'),
    entrypoint: stringListField(t, 'entrypoint'),
    killSignal: stringField(t, 'kill_signal'),
    killTimeout: durationField(t, 'kill_timeout', 'ns'),
  }));
}

function concurrency(t: TomlTable, legacyString: boolean): Concurrency | undefined {
  const e = lookup(t, 'concurrency');
  if (!e) return undefined;
  if (e.value.type === 'table') {
    return {
      value: e.value,
      key: e.key,
      type: stringField(e.value, 'type'),
      softLimit: numberField(e.value, 'soft_limit')?.value,
      hardLimit: numberField(e.value, 'hard_limit')?.value,
    };
  }
  const legacy = legacyString && e.exact && e.value.type === 'string' ? /^([+-]?\d+),([+-]?\d+)$/.exec(String(e.value.value)) : null;
  if (!legacy) return undefined;
  return { value: e.value, key: e.key, softLimit: Number(legacy[1]), hardLimit: Number(legacy[2]) };
}

function port(p: TomlTable): ServicePort {
  return {
    table: p,
    port: numberField(p, 'port', true),
    startPort: numberField(p, 'start_port'),
    endPort: numberField(p, 'end_port'),
    handlers: stringListField(p, 'handlers')?.value ?? [],
    forceHttps: boolField(p, 'force_https'),
  };
}

function service(t: TomlTable, kind: Service['kind'], index: number): Service {
  const isHttp = kind === 'http_service';
  return {
    kind,
    index,
    table: t,
    implicit: t.origin === 'implicit',
    internalPort: numberField(t, 'internal_port', !isHttp),
    protocol: isHttp ? undefined : stringField(t, 'protocol'),
    ports: isHttp ? [] : tablesOf(lookup(t, 'ports')?.value).map(port),
    forceHttps: isHttp ? boolField(t, 'force_https') : undefined,
    autostop: autostopField(t),
    autostart: boolField(t, 'auto_start_machines'),
    minMachinesRunning: numberField(t, 'min_machines_running'),
    processes: stringListField(t, 'processes'),
    concurrency: concurrency(t, !isHttp),
    checks: isHttp ? serviceChecks(t, 'checks', 'http', 'ns') : [...serviceChecks(t, 'tcp_checks', 'tcp', 'ms'), ...serviceChecks(t, 'http_checks', 'http', 'ms')],
    machineChecks: machineChecks(lookup(t, 'machine_checks')?.value),
  };
}

function nonZero(field: Field<number> | undefined): Field<number> | undefined {
  return field && field.value !== 0 ? field : undefined;
}

/** `memoryNumbers`: `[[vm]] memory` may be a TOML number; `release_command_vm.memory` may not. */
function vm(t: TomlTable, section: Vm['section'], memoryNumbers: boolean): Vm {
  const memoryText = sizeField(t, 'memory', 'MB', memoryNumbers);
  const memoryMbKey = numberField(t, 'memory_mb');
  const fromMemory = memoryText && memoryText.size !== undefined ? { value: memoryText.size, key: memoryText.key, node: memoryText.node } : undefined;
  const memoryMb = nonZero(memoryMbKey) ?? fromMemory;
  const size = nonEmpty(stringField(t, 'size'));
  const cpuKind = nonEmpty(stringField(t, 'cpu_kind'));
  const cpus = nonZero(numberField(t, 'cpus'));
  const gpuKind = nonEmpty(stringField(t, 'gpu_kind'));
  const persist = lookup(t, 'persist_rootfs');
  const guest = guestOf({
    size: size?.value,
    cpuKind: cpuKind?.value,
    cpus: cpus?.value,
    memoryMb: memoryMb?.value,
    gpuKind: gpuKind?.value,
  });
  return {
    table: t,
    section,
    size: size,
    cpuKind: cpuKind,
    cpus: cpus,
    memoryMb: memoryMb,
    memoryText: memoryText,
    memoryMbKey: memoryMbKey,
    gpuKind: gpuKind,
    gpus: numberField(t, 'gpus'),
    hostDedicationId: stringField(t, 'host_dedication_id'),
    kernelArgs: stringListField(t, 'kernel_args'),
    persistRootfs: persist && (persist.value.type === 'string' || persist.value.type === 'integer') ? { value: persist.value.type === 'string' ? String(persist.value.value) : Number(persist.value.value), key: persist.key, node: persist.value.node } : undefined,
    processes: stringListField(t, 'processes'),
    guest: guest,
  };
}

function mount(t: TomlTable, section: Mount['section']): Mount {
  const initial = sizeField(t, 'initial_size', 'GB', true);
  const initialSize = initial && initial.value !== '' ? initial : undefined;
  return {
    table: t,
    section,
    source: stringField(t, 'source'),
    destination: stringField(t, 'destination'),
    initialSize: initialSize,
    initialSizeGb: initialSize?.size,
    snapshotRetention: numberField(t, 'snapshot_retention'),
    scheduledSnapshots: boolField(t, 'scheduled_snapshots'),
    autoExtendSizeThreshold: numberField(t, 'auto_extend_size_threshold'),
    autoExtendSizeIncrement: sizeField(t, 'auto_extend_size_increment', 'GB', false),
    autoExtendSizeLimit: sizeField(t, 'auto_extend_size_limit', 'GB', false),
    processes: stringListField(t, 'processes'),
  };
}

/** A map section (`[processes]`, `[checks]`) as flyctl reads it: every spelling that is a table, merged. */
function mapSection(root: TomlTable, key: string): TomlEntry | undefined {
  const spellings = mergedTables(root, key);
  // Under the key of the spelling read last, the one `lookup` finds.
  return spellings ? { key: spellings[spellings.length - 1]!.key, value: mergedTable(spellings.map((s) => s.value), true) } : lookup(root, key);
}

function processGroups(root: TomlTable): ProcessGroup[] {
  const e = mapSection(root, 'processes');
  if (!e) return [];
  if (e.value.type === 'table') {
    return [...e.value.entries].map(([name, p]) => ({
      name,
      key: p.key,
      ...(p.value.type === 'string' ? { command: { value: String(p.value.value), key: p.key, node: p.value.node } } : {}),
    }));
  }
  // Legacy `[[processes]] name = … command = …`: flyctl drops items that are not tables or have no
  // `name` (spelled so), and turns a name or command of another type into text as Go's %v does.
  return tablesOf(e.value).flatMap((t) => {
    const name = scalarText(t.entries.get('name'));
    if (!name) return [];
    const command = scalarText(t.entries.get('command'));
    return [{ name: name.value, key: name.key, ...(command ? { command } : {}) }];
  });
}

function scalarText(entry: TomlEntry | undefined): Field<string> | undefined {
  if (!entry || entry.value.type === 'table' || entry.value.type === 'array') return undefined;
  return { value: goValueString(entry.value), key: entry.key, node: entry.value.node };
}

function mapEntries(value: TomlValue | undefined): EnvEntry[] {
  return tablesOf(value).flatMap((t) => [...t.entries].map(([name, e]) => ({ name, key: e.key, value: e.value, text: goValueString(e.value) })));
}

/**
 * `[env]`, with `[Env]` and other spellings of it when they are tables too: flyctl's decoder fills
 * one map from each in turn, so their variables reach the Machines, and where two set one name
 * the spelling read last wins (its entry comes last here).
 */
function envEntries(root: TomlTable): EnvEntry[] {
  return mergedTables(root, 'env')?.flatMap((e) => mapEntries(e.value)) ?? mapEntries(lookup(root, 'env')?.value);
}

const BUILD_SOURCES: Array<{ strategy: BuildSource['strategy']; keys: Array<keyof Build> }> = [
  { strategy: 'image', keys: ['image'] },
  { strategy: 'buildpack', keys: ['builder', 'buildpacks'] },
  { strategy: 'dockerfile', keys: ['dockerfile', 'buildTarget'] },
  { strategy: 'builtin', keys: ['builtin'] },
];

/** `rewritten`: [build] spelled so, the one whose `build_target` flyctl's rewrite reads. */
function build(t: TomlTable | undefined, rewritten: TomlTable | undefined): Build | undefined {
  if (!t) return undefined;
  const fields = {
    image: stringField(t, 'image'),
    dockerfile: stringField(t, 'dockerfile'),
    buildTarget: stringField(t, 'build-target') ?? stringField(exactly(rewritten, 'build_target'), 'build_target'),
    builder: stringField(t, 'builder'),
    buildpacks: stringListField(t, 'buildpacks'),
    builtin: stringField(t, 'builtin'),
    ignorefile: stringField(t, 'ignorefile'),
    compression: stringField(t, 'compression'),
    compressionLevel: numberField(t, 'compression_level'),
  };
  const used = (f: Field<unknown> | undefined) => f !== undefined && (Array.isArray(f.value) ? f.value.length > 0 : f.value !== '');
  const sources = BUILD_SOURCES.flatMap(({ strategy, keys }) => {
    const field = keys.map((k) => fields[k as keyof typeof fields] as Field<unknown> | undefined).find(used);
    return field ? [{ strategy, field }] : [];
  });
  return { table: t, ...fields, sources };
}

function deploy(t: TomlTable | undefined): Deploy | undefined {
  if (!t) return undefined;
  const vmTable = tableField(t, 'release_command_vm');
  return {
    table: t,
    strategy: stringField(t, 'strategy'),
    releaseCommand: stringField(t, 'release_command'),
    seedCommand: stringField(t, 'seed_command'),
    waitTimeout: durationField(t, 'wait_timeout', 'ns'),
    releaseCommandTimeout: durationField(t, 'release_command_timeout', 'ns'),
    maxUnavailable: (() => {
      const e = lookup(t, 'max_unavailable');
      return e && (e.value.type === 'integer' || e.value.type === 'float') ? { value: Number(e.value.value), key: e.key, node: e.value.node } : undefined;
    })(),
    releaseCommandVm: vmTable ? vm(vmTable, 'vm', false) : undefined,
  };
}

/** `rewritten`: [experimental] spelled so, the one flyctl's rewrite reads. */
function experimental(t: TomlTable | undefined, rewritten: TomlTable | undefined): Experimental | undefined {
  if (!t) return undefined;
  return {
    table: t,
    cmd: stringListField(t, 'cmd', true),
    entrypoint: stringListField(t, 'entrypoint', true),
    exec: stringListField(t, 'exec', true),
    // Only flyctl's rewrite reads these three (no struct field), and only in lower case, section and key.
    killTimeout: durationField(exactly(rewritten, 'kill_timeout'), 'kill_timeout', 's'),
    machineConfig: stringField(t, 'machine_config'),
    lazyLoadImages: boolField(t, 'lazy_load_images'),
    metricsPort: numberField(exactly(rewritten, 'metrics_port'), 'metrics_port'),
    metricsPath: stringField(exactly(rewritten, 'metrics_path'), 'metrics_path'),
  };
}

function topChecks(root: TomlTable): TopCheck[] {
  const e = mapSection(root, 'checks');
  if (!e) return [];
  const named: Array<{ name: string; key: KeySegmentNode; table: TomlTable; nameNode?: ValueNode }> =
    e.value.type === 'table'
      ? [...e.value.entries].flatMap(([name, c]) => (c.value.type === 'table' ? [{ name, key: c.key, table: c.value }] : []))
      : tablesOf(e.value).flatMap((t) => {
          // Legacy `[[checks]] name = "…"`: flyctl keys the check by its name.
          const name = stringField(t, 'name');
          return name ? [{ name: name.value, key: name.key, table: t, nameNode: name.node }] : [];
        });
  return named.map(({ name, key, table: t, nameNode }) => ({
    name,
    key,
    nameNode: nameNode,
    table: t,
    type: stringField(t, 'type'),
    port: numberField(t, 'port'),
    interval: durationField(t, 'interval', 'ms'),
    timeout: durationField(t, 'timeout', 'ms'),
    gracePeriod: durationField(t, 'grace_period', 'ms'),
    path: stringField(t, 'path'),
    method: stringField(t, 'method'),
    protocol: stringField(t, 'protocol'),
    processes: stringListField(t, 'processes'),
  }));
}

function metricsEndpoints(root: TomlTable, tables: TomlTable[], exp: Experimental | undefined): MetricsEndpoint[] {
  const endpoints: MetricsEndpoint[] = tables.map((t) => ({
    table: t,
    legacy: false,
    port: numberField(t, 'port'),
    path: stringField(t, 'path'),
    https: boolField(t, 'https'),
    processes: stringListField(t, 'processes'),
  }));
  // The legacy experimental keys count only when there is no `metrics` key (a `[metric]` does not stop them).
  if (exp && (exp.metricsPort || exp.metricsPath) && !root.entries.has('metrics')) {
    endpoints.push({ table: exp.table, legacy: true, port: exp.metricsPort, path: exp.metricsPath });
  }
  return endpoints;
}

export function buildModel(root: TomlTable): FlyConfig {
  const cached = cache.get(root);
  if (cached) return cached;
  const buildSection = build(tableField(root, 'build'), rewrittenSection(root, 'build'));
  const deploySection = deploy(tableField(root, 'deploy'));
  const exp = experimental(tableField(root, 'experimental'), rewrittenSection(root, 'experimental'));
  const processes = processGroups(root);
  const processNames = processes.length ? [...new Set(processes.map((p) => p.name))].sort() : ['app'];
  const http = tableField(root, 'http_service');
  // Aliases are rewritten by patches that only know the lower-case names, so they match exactly.
  const sections = (names: string[]) => names.flatMap((k) => tablesOf(root.entries.get(k)?.value).map((t) => ({ t, k })));
  const metricsTables = sections(['metric', 'metrics']).map(({ t }) => t);
  const app = stringField(root, 'app');
  // flyctl copies [experimental] kill_timeout to the top when no `kill_timeout` is there, spelled so:
  // that copy then beats a `Kill_Timeout`, as the lower-case key sorts last.
  const killTimeout = root.entries.has('kill_timeout') ? durationField(root, 'kill_timeout', 's') : (exp?.killTimeout ?? durationField(root, 'kill_timeout', 's'));
  const config: FlyConfig = {
    root,
    appName: app?.value,
    app: app,
    primaryRegion: stringField(root, 'primary_region'),
    killSignal: stringField(root, 'kill_signal'),
    killTimeout: killTimeout,
    swapSizeMb: numberField(root, 'swap_size_mb'),
    consoleCommand: stringField(root, 'console_command'),
    hostDedicationId: stringField(root, 'host_dedication_id'),
    machineConfig: exp?.machineConfig ?? stringField(root, 'machine_config'),
    container: stringField(root, 'container'),
    build: buildSection,
    deploy: deploySection,
    strategy: deploySection?.strategy,
    releaseCommand: deploySection?.releaseCommand,
    waitTimeout: deploySection?.waitTimeout,
    experimental: exp,
    env: envEntries(root),
    buildArgs: mapEntries(tableField(buildSection?.table, 'args', true)),
    processes,
    processNames,
    defaultProcess: processNames.includes('app') ? 'app' : processNames[0]!,
    services: [
      ...(http ? [service(http, 'http_service', 0)] : []),
      ...tablesOf(lookup(root, 'services')?.value)
        .filter((t) => t.entries.size > 0)
        .map((t, i) => service(t, 'services', i)),
    ],
    vms: [
      ...sections(['compute', 'computes']).map(({ t, k }) => vm(t, k as Vm['section'], true)),
      ...sections(['vm']).map(({ t }) => vm(t, 'vm', true)),
    ],
    mounts: sections(['mount', 'mounts']).map(({ t, k }) => mount(t, k as Mount['section'])),
    checks: topChecks(root),
    machineChecks: machineChecks(lookup(root, 'machine_checks')?.value),
    metricsEndpoints: metricsEndpoints(root, metricsTables, exp),
    restartPolicies: tablesOf(lookup(root, 'restart')?.value).map((t) => ({
      table: t,
      policy: stringField(t, 'policy'),
      retries: numberField(t, 'retries'),
      processes: stringListField(t, 'processes'),
    })),
    guestFiles: tablesOf(lookup(root, 'files')?.value).map((t) => ({
      table: t,
      guestPath: stringField(t, 'guest_path'),
      localPath: stringField(t, 'local_path'),
      secretName: stringField(t, 'secret_name'),
      rawValue: stringField(t, 'raw_value'),
      processes: stringListField(t, 'processes'),
    })),
    statics: tablesOf(lookup(root, 'statics')?.value).map((t) => ({
      table: t,
      guestPath: stringField(t, 'guest_path'),
      urlPrefix: stringField(t, 'url_prefix'),
      tigrisBucket: stringField(t, 'tigris_bucket'),
      indexDocument: stringField(t, 'index_document'),
    })),
    metrics: metricsTables,
    restarts: tablesOf(lookup(root, 'restart')?.value),
    files: tablesOf(lookup(root, 'files')?.value),
  };
  cache.set(root, config);
  return config;
}

