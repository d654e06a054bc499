/**
 * fly.toml's many shapes normalised into one view: services from `[http_service]` and
 * `[[services]]`, Machine sizes from `[vm]`/`[[vm]]`/`[compute]`, mounts from `[mounts]`/
 * `[[mounts]]`/`[mount]` … Every value keeps its key and value nodes, so a rule reports at the
 * right place and a fix edits there. Wrong types are left out (the schema rules report them).
 */
import type { KeySegmentNode, ValueNode } from '../toml/ast.js';
import type { TomlEntry, TomlTable, TomlValue } from '../toml/values.js';
import { durationMs, memoryMb, volumeGb, type DurationUnit } from './units.js';

export interface Field<T> {
  value: T;
  key: KeySegmentNode;
  node: ValueNode;
}

export interface DurationField extends Field<number | undefined> {
  /** How it was written: a string with a unit, or a bare number in the key's own unit. */
  written: 'string' | 'number';
  unit: DurationUnit;
}

export type Autostop = 'off' | 'stop' | 'suspend';

export interface ServiceCheck {
  kind: 'tcp' | 'http';
  table: TomlTable;
  interval?: DurationField;
  timeout?: DurationField;
  gracePeriod?: DurationField;
}

export interface ServicePort {
  table: TomlTable;
  port?: Field<number>;
  handlers: string[];
  forceHttps?: Field<boolean>;
}

export interface Service {
  /** `http_service` or `services` (then `index` is its position). */
  kind: 'http_service' | 'services';
  index: number;
  table: TomlTable;
  internalPort?: Field<number>;
  ports: ServicePort[];
  forceHttps?: Field<boolean>;
  autostop?: Field<Autostop>;
  autostart?: Field<boolean>;
  minMachinesRunning?: Field<number>;
  processes?: Field<string[]>;
  checks: ServiceCheck[];
}

export interface Vm {
  table: TomlTable;
  size?: Field<string>;
  cpuKind?: Field<string>;
  cpus?: Field<number>;
  /** MB, from memory_mb or memory. */
  memoryMb?: Field<number>;
  memoryText?: Field<string | number>;
  gpuKind?: Field<string>;
  processes?: Field<string[]>;
}

export interface Mount {
  table: TomlTable;
  source?: Field<string>;
  destination?: Field<string>;
  initialSize?: Field<string | number>;
  initialSizeGb?: number;
  snapshotRetention?: Field<number>;
  processes?: Field<string[]>;
}

export interface TopCheck {
  name: string;
  key: KeySegmentNode;
  table: TomlTable;
  type?: Field<string>;
  port?: Field<number>;
  interval?: DurationField;
  timeout?: DurationField;
  gracePeriod?: DurationField;
  processes?: Field<string[]>;
}

export interface ProcessGroup {
  name: string;
  key: KeySegmentNode;
  command?: Field<string>;
}

export interface FlyConfig {
  root: TomlTable;
  appName: string | undefined;
  app?: Field<string>;
  primaryRegion?: Field<string>;
  swapSizeMb?: Field<number>;
  killTimeout?: DurationField;
  consoleCommand?: Field<string>;
  build?: TomlTable;
  deploy?: TomlTable;
  strategy?: Field<string>;
  releaseCommand?: Field<string>;
  waitTimeout?: DurationField;
  env: Array<{ name: string; key: KeySegmentNode; value: TomlValue }>;
  /** Build args and `[[files]] raw_value`s: other places secrets get pasted into. */
  buildArgs: Array<{ name: string; key: KeySegmentNode; value: TomlValue }>;
  processes: ProcessGroup[];
  /** Names of the process groups in effect: the `[processes]` keys, or `app`. */
  processNames: string[];
  services: Service[];
  vms: Vm[];
  mounts: Mount[];
  checks: TopCheck[];
  metrics: TomlTable[];
  restarts: TomlTable[];
  files: TomlTable[];
}

const cache = new WeakMap<TomlTable, FlyConfig>();

function entry(table: TomlTable | undefined, key: string): TomlEntry | undefined {
  return table?.entries.get(key);
}

function scalarNode(value: TomlValue): ValueNode | undefined {
  return value.type === 'table' || value.type === 'array' ? (value.node.kind === 'array' ? value.node : undefined) : value.node;
}

export function stringField(table: TomlTable | undefined, key: string): Field<string> | undefined {
  const e = entry(table, key);
  if (!e || (e.value.type !== 'string' && e.value.type !== 'datetime')) return undefined;
  return { value: String(e.value.value), key: e.key, node: e.value.node };
}

export function numberField(table: TomlTable | undefined, key: string, allowString = false): Field<number> | undefined {
  const e = entry(table, key);
  if (!e) return undefined;
  const v = e.value;
  if (v.type === 'integer' || v.type === 'float') return { value: Math.trunc(Number(v.value)), key: e.key, node: v.node };
  if (allowString && v.type === 'string' && /^\s*[-+]?\d+\s*$/.test(String(v.value))) return { value: Number(v.value), key: e.key, node: v.node };
  return undefined;
}

export function boolField(table: TomlTable | undefined, key: string): Field<boolean> | undefined {
  const e = entry(table, key);
  if (!e || e.value.type !== 'boolean') return undefined;
  return { value: e.value.value as boolean, key: e.key, node: e.value.node };
}

export function stringListField(table: TomlTable | undefined, key: string): Field<string[]> | undefined {
  const e = entry(table, key);
  if (!e || e.value.type !== 'array' || e.value.arrayOfTables) return undefined;
  const node = scalarNode(e.value);
  if (!node) return undefined;
  return { value: e.value.items.filter((i) => i.type === 'string').map((i) => String((i as { value: unknown }).value)), key: e.key, node };
}

export function durationField(table: TomlTable | undefined, key: string, unit: DurationUnit): DurationField | undefined {
  const e = entry(table, key);
  if (!e) return undefined;
  const v = e.value;
  if (v.type === 'string') return { value: durationMs(String(v.value), unit), key: e.key, node: v.node, written: 'string', unit };
  if (v.type === 'integer' || v.type === 'float') return { value: durationMs(v.value as number | bigint, unit), key: e.key, node: v.node, written: 'number', unit };
  return undefined;
}

/** A table, or each table of an array of tables. */
export function tablesOf(value: TomlValue | undefined): TomlTable[] {
  if (!value) return [];
  if (value.type === 'table') return [value];
  if (value.type === 'array') return value.items.filter((i): i is TomlTable => i.type === 'table');
  return [];
}

function table(root: TomlTable, key: string): TomlTable | undefined {
  const v = root.entries.get(key)?.value;
  return v?.type === 'table' ? v : undefined;
}

function autostopField(t: TomlTable): Field<Autostop> | undefined {
  const e = t.entries.get('auto_stop_machines');
  if (!e) return undefined;
  const v = e.value;
  if (v.type === 'boolean') return { value: v.value ? 'stop' : 'off', key: e.key, node: v.node };
  if (v.type === 'string' && ['off', 'stop', 'suspend'].includes(String(v.value))) return { value: v.value as Autostop, key: e.key, node: v.node };
  return undefined;
}

function checks(t: TomlTable, key: string, kind: 'tcp' | 'http', unit: DurationUnit): ServiceCheck[] {
  return tablesOf(t.entries.get(key)?.value).map((c) => ({
    kind,
    table: c,
    ...opt('interval', durationField(c, 'interval', unit)),
    ...opt('timeout', durationField(c, 'timeout', unit)),
    ...opt('gracePeriod', durationField(c, 'grace_period', unit)),
  }));
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function service(t: TomlTable, kind: Service['kind'], index: number): Service {
  const isHttp = kind === 'http_service';
  return {
    kind,
    index,
    table: t,
    ...opt('internalPort', numberField(t, 'internal_port', !isHttp)),
    ports: isHttp
      ? []
      : tablesOf(t.entries.get('ports')?.value).map((p) => ({
          table: p,
          ...opt('port', numberField(p, 'port', true)),
          handlers: stringListField(p, 'handlers')?.value ?? [],
          ...opt('forceHttps', boolField(p, 'force_https')),
        })),
    ...opt('forceHttps', isHttp ? boolField(t, 'force_https') : undefined),
    ...opt('autostop', autostopField(t)),
    ...opt('autostart', boolField(t, 'auto_start_machines')),
    ...opt('minMachinesRunning', numberField(t, 'min_machines_running')),
    ...opt('processes', stringListField(t, 'processes')),
    checks: isHttp ? checks(t, 'checks', 'http', 'ns') : [...checks(t, 'tcp_checks', 'tcp', 'ms'), ...checks(t, 'http_checks', 'http', 'ms')],
  };
}

function vm(t: TomlTable): Vm {
  const memoryEntry = t.entries.get('memory');
  const memoryText = memoryEntry && (memoryEntry.value.type === 'string' || memoryEntry.value.type === 'integer' || memoryEntry.value.type === 'float')
    ? { value: memoryEntry.value.type === 'string' ? String(memoryEntry.value.value) : Number(memoryEntry.value.value), key: memoryEntry.key, node: memoryEntry.value.node }
    : undefined;
  const mb = numberField(t, 'memory_mb') ?? (memoryText ? (() => {
    const parsed = memoryMb(memoryText.value);
    return parsed === undefined ? undefined : { ...memoryText, value: parsed };
  })() : undefined);
  return {
    table: t,
    ...opt('size', stringField(t, 'size')),
    ...opt('cpuKind', stringField(t, 'cpu_kind')),
    ...opt('cpus', numberField(t, 'cpus')),
    ...opt('memoryMb', mb),
    ...opt('memoryText', memoryText),
    ...opt('gpuKind', stringField(t, 'gpu_kind')),
    ...opt('processes', stringListField(t, 'processes')),
  };
}

function mount(t: TomlTable): Mount {
  const e = t.entries.get('initial_size');
  const initial = e && (e.value.type === 'string' || e.value.type === 'integer' || e.value.type === 'float') ? { value: e.value.type === 'string' ? String(e.value.value) : Number(e.value.value), key: e.key, node: e.value.node } : undefined;
  const gb = initial ? volumeGb(initial.value) : undefined;
  return {
    table: t,
    ...opt('source', stringField(t, 'source')),
    ...opt('destination', stringField(t, 'destination')),
    ...opt('initialSize', initial),
    ...opt('initialSizeGb', gb),
    ...opt('snapshotRetention', numberField(t, 'snapshot_retention')),
    ...opt('processes', stringListField(t, 'processes')),
  };
}

function processGroups(root: TomlTable): ProcessGroup[] {
  const e = root.entries.get('processes');
  if (!e) return [];
  if (e.value.type === 'table') {
    return [...e.value.entries].map(([name, p]) => ({ name, key: p.key, ...(p.value.type === 'string' ? { command: { value: String(p.value.value), key: p.key, node: p.value.node } } : {}) }));
  }
  // Legacy `[[processes]] name = … command = …`.
  return tablesOf(e.value).flatMap((t) => {
    const name = stringField(t, 'name');
    if (!name) return [];
    const command = stringField(t, 'command');
    return [{ name: name.value, key: name.key, ...(command ? { command } : {}) }];
  });
}

function mapEntries(value: TomlValue | undefined): Array<{ name: string; key: KeySegmentNode; value: TomlValue }> {
  return tablesOf(value).flatMap((t) => [...t.entries].map(([name, e]) => ({ name, key: e.key, value: e.value })));
}

export function buildModel(root: TomlTable): FlyConfig {
  const cached = cache.get(root);
  if (cached) return cached;
  const deploy = table(root, 'deploy');
  const processes = processGroups(root);
  const http = table(root, 'http_service');
  const config: FlyConfig = {
    root,
    appName: stringField(root, 'app')?.value,
    ...opt('app', stringField(root, 'app')),
    ...opt('primaryRegion', stringField(root, 'primary_region')),
    ...opt('swapSizeMb', numberField(root, 'swap_size_mb')),
    ...opt('killTimeout', durationField(root, 'kill_timeout', 's')),
    ...opt('consoleCommand', stringField(root, 'console_command')),
    ...opt('build', table(root, 'build')),
    ...opt('deploy', deploy),
    ...opt('strategy', stringField(deploy, 'strategy')),
    ...opt('releaseCommand', stringField(deploy, 'release_command')),
    ...opt('waitTimeout', durationField(deploy, 'wait_timeout', 'ns')),
    env: mapEntries(root.entries.get('env')?.value),
    buildArgs: mapEntries(table(root, 'build')?.entries.get('args')?.value),
    processes,
    processNames: processes.length ? processes.map((p) => p.name).sort() : ['app'],
    services: [
      ...(http ? [service(http, 'http_service', 0)] : []),
      ...tablesOf(root.entries.get('services')?.value)
        .filter((t) => t.entries.size > 0)
        .map((t, i) => service(t, 'services', i)),
    ],
    vms: ['compute', 'computes', 'vm'].flatMap((k) => tablesOf(root.entries.get(k)?.value)).map(vm),
    mounts: ['mount', 'mounts'].flatMap((k) => tablesOf(root.entries.get(k)?.value)).map(mount),
    checks: topChecks(root),
    metrics: ['metric', 'metrics'].flatMap((k) => tablesOf(root.entries.get(k)?.value)),
    restarts: tablesOf(root.entries.get('restart')?.value),
    files: tablesOf(root.entries.get('files')?.value),
  };
  cache.set(root, config);
  return config;
}

function topChecks(root: TomlTable): TopCheck[] {
  const e = root.entries.get('checks');
  if (!e) return [];
  const named: Array<{ name: string; key: KeySegmentNode; table: TomlTable }> =
    e.value.type === 'table'
      ? [...e.value.entries].flatMap(([name, c]) => (c.value.type === 'table' ? [{ name, key: c.key, table: c.value }] : []))
      : tablesOf(e.value).map((t) => ({ name: stringField(t, 'name')?.value ?? '', key: e.key, table: t }));
  return named.map(({ name, key, table: t }) => ({
    name,
    key,
    table: t,
    ...opt('type', stringField(t, 'type')),
    ...opt('port', numberField(t, 'port')),
    ...opt('interval', durationField(t, 'interval', 'ms')),
    ...opt('timeout', durationField(t, 'timeout', 'ms')),
    ...opt('gracePeriod', durationField(t, 'grace_period', 'ms')),
    ...opt('processes', stringListField(t, 'processes')),
  }));
}

/** A service's name for messages: `[http_service]` or `[[services]] #2`. */
export function serviceLabel(s: Service): string {
  return s.kind === 'http_service' ? '[http_service]' : `[[services]] #${s.index + 1}`;
}
