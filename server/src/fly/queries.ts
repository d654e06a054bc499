/** Questions rules ask of the model: labels, which groups a section applies to, every duration. */
import type { DurationField, Field } from './fields.js';
import type { FlyConfig, Service, ServiceCheck, Vm } from './config-types.js';

/** A service's name for messages: `[http_service]` or `[[services]] #2`. */
export function serviceLabel(s: Service): string {
  return s.kind === 'http_service' ? '[http_service]' : `[[services]] #${s.index + 1}`;
}

/** The process groups a section applies to: the ones it names that exist, or the default group. */
export function groupsOf(config: FlyConfig, processes: Field<string[]> | undefined): string[] {
  if (!processes || processes.value.length === 0) return [config.defaultProcess];
  return processes.value.filter((p) => config.processNames.includes(p));
}

/** The `[[vm]]` section flyctl applies to a group (§3.14): the last one naming it, else the first global one. */
export function vmForGroup(config: FlyConfig, group: string): Vm | undefined {
  const naming = config.vms.filter((v) => v.processes?.value.includes(group));
  if (naming.length) return naming[naming.length - 1];
  return config.vms.find((v) => !v.processes || v.processes.value.length === 0);
}

export interface PlacedDuration {
  field: DurationField;
  /** Where it is, for messages: `[deploy] wait_timeout`, `[[http_service.checks]] interval`. */
  where: string;
  /** For a service check: flyctl clamps it to 1 s … 1 min. */
  serviceCheck?: ServiceCheck;
}

/** Every duration of the config with its place, in document order of the sections. */
export function durationsOf(config: FlyConfig): PlacedDuration[] {
  const out: PlacedDuration[] = [];
  const add = (field: DurationField | undefined, where: string, serviceCheck?: ServiceCheck) => {
    if (field) out.push({ field, where: `${where} ${field.key.name}`, ...(serviceCheck ? { serviceCheck } : {}) });
  };
  add(config.killTimeout !== config.experimental?.killTimeout ? config.killTimeout : undefined, '');
  add(config.experimental?.killTimeout, '[experimental]');
  add(config.deploy?.waitTimeout, '[deploy]');
  add(config.deploy?.releaseCommandTimeout, '[deploy]');
  for (const c of config.checks) for (const f of [c.interval, c.timeout, c.gracePeriod]) add(f, `[checks.${c.name}]`);
  for (const s of config.services) {
    for (const c of s.checks) {
      const where = s.kind === 'http_service' ? '[[http_service.checks]]' : `[[services.${c.section}]]`;
      for (const f of [c.interval, c.timeout, c.gracePeriod]) add(f, where, c);
    }
    for (const m of s.machineChecks) add(m.killTimeout, `[[${s.kind}.machine_checks]]`);
  }
  for (const m of config.machineChecks) add(m.killTimeout, '[[machine_checks]]');
  for (const p of out) p.where = p.where.trimStart();
  return out;
}
