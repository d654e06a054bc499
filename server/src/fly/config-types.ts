/** The normalised fly.toml (what `buildModel` returns): one shape per section, every value with its nodes. */
import type { KeySegmentNode, ValueNode } from '../toml/ast.js';
import type { TomlTable, TomlValue } from '../toml/values.js';
import type { DurationField, Field, SizeField } from './fields.js';
import type { Guest } from './vm-presets.js';

export type Autostop = 'off' | 'stop' | 'suspend';

export interface ServiceCheck {
  kind: 'tcp' | 'http';
  /** Where it is written: `[[services.tcp_checks]]`, `[[services.http_checks]]`, `[[http_service.checks]]`. */
  section: 'tcp_checks' | 'http_checks' | 'checks';
  table: TomlTable;
  interval?: DurationField;
  timeout?: DurationField;
  gracePeriod?: DurationField;
  path?: Field<string>;
  method?: Field<string>;
  protocol?: Field<string>;
}

export interface ServicePort {
  table: TomlTable;
  port?: Field<number>;
  startPort?: Field<number>;
  endPort?: Field<number>;
  handlers: string[];
  forceHttps?: Field<boolean>;
}

export interface Concurrency {
  /** The table, or the legacy `"soft,hard"` string. */
  value: TomlValue;
  key: KeySegmentNode;
  type?: Field<string>;
  softLimit?: number;
  hardLimit?: number;
}

export interface MachineCheck {
  table: TomlTable;
  command?: Field<string[]>;
  image?: Field<string>;
  entrypoint?: Field<string[]>;
  killSignal?: Field<string>;
  /** Nanoseconds when a bare number. */
  killTimeout?: DurationField;
}

export interface Service {
  /** `http_service` or `services` (then `index` is its position among the non-empty ones). */
  kind: 'http_service' | 'services';
  index: number;
  table: TomlTable;
  /** `[[services.ports]]` written with no `[[services]]`: the service exists only as their parent. */
  implicit: boolean;
  internalPort?: Field<number>;
  protocol?: Field<string>;
  /** `[[services.ports]]`; empty for `[http_service]`, whose ports 80 and 443 are implied. */
  ports: ServicePort[];
  /** `[http_service] force_https` (in `[[services]]` it belongs to each port). */
  forceHttps?: Field<boolean>;
  /** `true`/`false` normalised to `"stop"`/`"off"`. */
  autostop?: Field<Autostop>;
  autostart?: Field<boolean>;
  minMachinesRunning?: Field<number>;
  processes?: Field<string[]>;
  concurrency?: Concurrency;
  checks: ServiceCheck[];
  machineChecks: MachineCheck[];
}

export interface Vm {
  table: TomlTable;
  /** The section it came from: `vm`, `compute` or `computes`. */
  section: 'vm' | 'compute' | 'computes';
  size?: Field<string>;
  cpuKind?: Field<string>;
  cpus?: Field<number>;
  /** The memory flyctl gives the Machine, in MB: `memory_mb` when set (non-zero), else `memory`. */
  memoryMb?: Field<number>;
  /** The `memory` key as written, with its reading in MB. */
  memoryText?: SizeField;
  /** The `memory_mb` key. */
  memoryMbKey?: Field<number>;
  gpuKind?: Field<string>;
  gpus?: Field<number>;
  hostDedicationId?: Field<string>;
  kernelArgs?: Field<string[]>;
  persistRootfs?: Field<string | number>;
  processes?: Field<string[]>;
  /** The guest flyctl builds (§3.14): the preset, then explicit fields; absent for an unknown preset. */
  guest?: Guest;
}

export interface Mount {
  table: TomlTable;
  section: 'mounts' | 'mount';
  source?: Field<string>;
  destination?: Field<string>;
  /** The value as written, with its reading in GB (`""` reads as unset). */
  initialSize?: SizeField;
  initialSizeGb?: number;
  snapshotRetention?: Field<number>;
  scheduledSnapshots?: Field<boolean>;
  autoExtendSizeThreshold?: Field<number>;
  autoExtendSizeIncrement?: SizeField;
  autoExtendSizeLimit?: SizeField;
  processes?: Field<string[]>;
}

export interface TopCheck {
  name: string;
  /** The check's name key (`[checks.<name>]`), or the `name` key in the legacy `[[checks]]` form. */
  key: KeySegmentNode;
  /** In the legacy form, the `name` value. */
  nameNode?: ValueNode;
  table: TomlTable;
  type?: Field<string>;
  port?: Field<number>;
  interval?: DurationField;
  timeout?: DurationField;
  gracePeriod?: DurationField;
  path?: Field<string>;
  method?: Field<string>;
  protocol?: Field<string>;
  processes?: Field<string[]>;
}

export interface ProcessGroup {
  name: string;
  key: KeySegmentNode;
  command?: Field<string>;
}

export interface EnvEntry {
  name: string;
  key: KeySegmentNode;
  value: TomlValue;
  /** What the Machine gets: flyctl stringifies non-strings with Go's `%v`. */
  text: string;
}

export interface BuildSource {
  strategy: 'image' | 'buildpack' | 'dockerfile' | 'builtin';
  field: Field<unknown>;
}

export interface Build {
  table: TomlTable;
  image?: Field<string>;
  dockerfile?: Field<string>;
  /** `build-target`, or the legacy `build_target`. */
  buildTarget?: Field<string>;
  builder?: Field<string>;
  buildpacks?: Field<string[]>;
  builtin?: Field<string>;
  ignorefile?: Field<string>;
  compression?: Field<string>;
  compressionLevel?: Field<number>;
  /** The non-empty ways to build, in flyctl's order (more than one is a warning). */
  sources: BuildSource[];
}

export interface Deploy {
  table: TomlTable;
  strategy?: Field<string>;
  releaseCommand?: Field<string>;
  seedCommand?: Field<string>;
  /** Nanoseconds when a bare number. */
  waitTimeout?: DurationField;
  releaseCommandTimeout?: DurationField;
  maxUnavailable?: Field<number>;
  releaseCommandVm?: Vm;
}

export interface Experimental {
  table: TomlTable;
  /** A single string becomes a one-element list (no shell splitting). */
  cmd?: Field<string[]>;
  entrypoint?: Field<string[]>;
  exec?: Field<string[]>;
  killTimeout?: DurationField;
  machineConfig?: Field<string>;
  lazyLoadImages?: Field<boolean>;
  metricsPort?: Field<number>;
  metricsPath?: Field<string>;
}

export interface MetricsEndpoint {
  /** The `[[metrics]]` table, or `[experimental]` for the legacy metrics_port/metrics_path. */
  table: TomlTable;
  legacy: boolean;
  port?: Field<number>;
  path?: Field<string>;
  https?: Field<boolean>;
  processes?: Field<string[]>;
}

export interface RestartPolicy {
  table: TomlTable;
  policy?: Field<string>;
  retries?: Field<number>;
  processes?: Field<string[]>;
}

export interface GuestFile {
  table: TomlTable;
  guestPath?: Field<string>;
  localPath?: Field<string>;
  secretName?: Field<string>;
  rawValue?: Field<string>;
  processes?: Field<string[]>;
}

export interface Static {
  table: TomlTable;
  guestPath?: Field<string>;
  urlPrefix?: Field<string>;
  tigrisBucket?: Field<string>;
  indexDocument?: Field<string>;
}

export interface FlyConfig {
  root: TomlTable;
  appName: string | undefined;
  app?: Field<string>;
  primaryRegion?: Field<string>;
  killSignal?: Field<string>;
  /** Top-level `kill_timeout` (seconds when a bare number), else the legacy `[experimental] kill_timeout`. */
  killTimeout?: DurationField;
  swapSizeMb?: Field<number>;
  consoleCommand?: Field<string>;
  hostDedicationId?: Field<string>;
  /** `[experimental] machine_config` wins over the top-level one. */
  machineConfig?: Field<string>;
  container?: Field<string>;
  build?: Build;
  deploy?: Deploy;
  /** Shortcuts into `deploy`. */
  strategy?: Field<string>;
  releaseCommand?: Field<string>;
  waitTimeout?: DurationField;
  experimental?: Experimental;
  /** `[env]`, or the legacy `[[env]]` tables in order (later ones win in flyctl). */
  env: EnvEntry[];
  buildArgs: EnvEntry[];
  /** `[processes]` groups, or the legacy `[[processes]]` entries that have a name. */
  processes: ProcessGroup[];
  /** The group names in effect, sorted: the `[processes]` keys, or `app`. */
  processNames: string[];
  /** The group sections without `processes` apply to: `app` if defined, else the first name. */
  defaultProcess: string;
  services: Service[];
  vms: Vm[];
  mounts: Mount[];
  checks: TopCheck[];
  machineChecks: MachineCheck[];
  metricsEndpoints: MetricsEndpoint[];
  restartPolicies: RestartPolicy[];
  guestFiles: GuestFile[];
  statics: Static[];
  /** The raw tables of `[[metrics]]`/`[metric]`, `[[restart]]` and `[[files]]`. */
  metrics: TomlTable[];
  restarts: TomlTable[];
  files: TomlTable[];
}
