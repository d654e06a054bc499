/**
 * Where process-group names are written: defined as the keys of `[processes]` (or the `name` of a
 * legacy `[[processes]]` item) and referred to by the `processes` lists of the sections flyctl
 * applies per group (§3.6). The lint rule, go-to-definition, references and rename read this one
 * list, so they agree on what is a process name.
 */
import type { KeySegmentNode, StringNode } from '../toml/ast.js';
import type { TomlTable } from '../toml/values.js';
import type { Field } from './fields.js';
import type { FlyConfig } from './config-types.js';
import { serviceLabel } from './queries.js';

export interface ProcessList {
  list: Field<string[]>;
  /** The section, for messages: `[http_service]`, `[[mounts]]`, `[checks.web]`. */
  where: string;
  /** True where flyctl rejects the config over a name no group has (services, restart policies). */
  fatal: boolean;
}

/**
 * Every `processes` list that names groups. A check's own `processes`, `[[machine_checks]]` and
 * `release_command_vm` ones are not among them: flyctl ignores those.
 */
export function processLists(config: FlyConfig): ProcessList[] {
  const out: ProcessList[] = [];
  const add = (list: Field<string[]> | undefined, where: string, fatal: boolean) => {
    if (list) out.push({ list, where, fatal });
  };
  for (const s of config.services) add(s.processes, serviceLabel(s), true);
  for (const r of config.restartPolicies) add(r.processes, '[[restart]]', true);
  for (const m of config.mounts) add(m.processes, '[[mounts]]', false);
  for (const v of config.vms) add(v.processes, `[[${v.section}]]`, false);
  for (const m of config.metricsEndpoints) add(m.processes, '[[metrics]]', false);
  for (const f of config.guestFiles) add(f.processes, '[[files]]', false);
  for (const c of config.checks) add(c.processes, `[checks.${c.name}]`, false);
  return out;
}

export type ProcessNameSite =
  | { role: 'definition'; name: string; node: KeySegmentNode | StringNode }
  | { role: 'reference'; name: string; node: StringNode; list: ProcessList };

/**
 * The places that define a group: each spelling of `processes` that is a table gives its keys;
 * a legacy array of tables gives each item's `name` string.
 */
function definitions(root: TomlTable): ProcessNameSite[] {
  const out: ProcessNameSite[] = [];
  root.entries.forEach((entry, key) => {
    if (key.toLowerCase() !== 'processes') return;
    const value = entry.value;
    if (value.type === 'table') {
      value.entries.forEach((group, name) => out.push({ role: 'definition', name, node: group.key }));
    } else if (value.type === 'array') {
      for (const item of value.items) {
        const name = item.type === 'table' ? item.entries.get('name')?.value : undefined;
        if (name?.type === 'string' && name.node.kind === 'string') out.push({ role: 'definition', name: name.node.value, node: name.node });
      }
    }
  });
  return out;
}

const cache = new WeakMap<FlyConfig, ProcessNameSite[]>();

/** Every definition and reference of a process-group name, in text order. */
export function processNameSites(config: FlyConfig): ProcessNameSite[] {
  let sites = cache.get(config);
  if (!sites) {
    sites = definitions(config.root);
    for (const list of processLists(config)) {
      if (list.list.node.kind !== 'array') continue;
      for (const item of list.list.node.items) if (item.kind === 'string') sites.push({ role: 'reference', name: item.value, node: item, list });
    }
    sites.sort((a, b) => a.node.start - b.node.start);
    cache.set(config, sites);
  }
  return sites;
}

/** The process name written at the offset (a `[processes]` key or an item of a `processes` list). */
export function processNameAt(config: FlyConfig, offset: number): ProcessNameSite | undefined {
  return processNameSites(config).find((s) => s.node.start <= offset && offset <= s.node.end);
}

/** Every place that writes this name, definitions and references, in text order. */
export function occurrencesOf(config: FlyConfig, name: string): ProcessNameSite[] {
  return processNameSites(config).filter((s) => s.name === name);
}

/** Whether a group of this name is defined (the implicit `app` of a config without [processes] is not). */
export function isDefinedProcess(config: FlyConfig, name: string): boolean {
  return processNameSites(config).some((s) => s.role === 'definition' && s.name === name);
}
