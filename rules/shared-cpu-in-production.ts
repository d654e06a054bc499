import type { Rule } from '../server/src/lint/rule.js';
import type { Fix } from '../server/src/lint/types.js';
import { appendArrayTableFix, appendArrayTableItemFix, stringLiteral } from '../server/src/edit/insert-key.js';
import { mergeEdits } from '../server/src/edit/merge-edits.js';
import { CPU_RULES, effectiveGuest, nearestValidMemory, presetOf } from '../server/src/fly/vm-presets.js';
import { insertKeyFix } from '../server/src/edit/insert-key.js';
import { groupsOf, vmForGroup } from '../server/src/fly/queries.js';
import type { FlyConfig, Service } from '../server/src/fly/config-types.js';
import { lookup } from '../server/src/fly/model.js';
import { appRange } from './production-helpers.js';
import { valueRange } from './rule-helpers.js';
import { vmSizeIsPlaceholder } from '../server/src/fly/placeholder.js';

/** A service that speaks HTTP: `[http_service]`, or `[[services]]` with an `http` handler on a port. */
function servesWeb(service: Service): boolean {
  return service.kind === 'http_service' || service.ports.some((p) => p.handlers.includes('http'));
}

/** The process groups that serve web traffic. */
function webGroups(config: FlyConfig): Set<string> {
  const groups = new Set<string>();
  for (const service of config.services) if (servesWeb(service)) for (const group of groupsOf(config, service.processes)) groups.add(group);
  return groups;
}

const rule: Rule = {
  meta: {
    id: 'shared-cpu-in-production',
    category: 'production',
    // An info: performance CPUs are the checklist's advice for web apps, but many real production
    // configs (log shippers, proxies, small personal sites) run well on the shared size they chose.
    severity: 'info',
    env: 'production',
    fix: 'suggestion',
    summary: 'A production web app on shared CPUs, or Machines with no recorded size',
    why: 'Shared CPUs get a 6.25 % baseline share and are throttled when they use up their burst balance; Fly.io says most conventional production web apps need performance CPUs. Without any `[[vm]]` section, new Machines default to `shared-cpu-1x` with 256 MB (existing ones keep their size); so do those of a process group when every `[[vm]]` names other groups. A `[[vm]]` that chooses shared CPUs is reported only for process groups that serve HTTP (`[http_service]`, or a `[[services]]` port with the `http` handler): a worker, a database or a private service may well run on shared CPUs. It is an info: a small proxy, a log shipper or a quiet site runs well on shared CPUs, so this is advice to weigh, not a defect.',
    flyDocs: 'https://fly.io/docs/apps/going-to-production/#machine-sizing',
    examples: {
      bad: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n\n[[vm]]\nsize = "shared-cpu-1x"\nmemory = "512mb"\n',
      good: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n\n[[vm]]\ncpu_kind = "performance"\ncpus = 1\nmemory = "2gb"\n',
    },
  },
  check(context) {
    const { config, doc, text } = context;
    // An explicit shared [[vm]] is reported for web apps only: a worker, a database or a private
    // service may well have chosen shared CPUs. No recorded size at all is reported for any app:
    // its new Machines get the platform's 256 MB.
    const web = webGroups(config);
    if (config.vms.length === 0) {
      const fix = web.size ? appendArrayTableFix(doc, text, context.value, 'vm', [`cpu_kind = ${stringLiteral(doc, 'performance')}`, 'cpus = 1', `memory = ${stringLiteral(doc, '2gb')}`]) : undefined;
      context.report({
        message: web.size
          ? 'No [[vm]] section: this web app\'s new Machines start as shared-cpu-1x with 256 MB, throttled under sustained load (existing ones keep their size). Fly.io recommends performance CPUs for production web apps: add a [[vm]]'
          : 'No [[vm]] section: new Machines start as shared-cpu-1x with 256 MB, which production apps outgrow (existing ones keep their size). Add a [[vm]] with the size this app needs',
        range: appRange(context),
        ...(fix ? { suggestions: [{ desc: 'Add a [[vm]] with 1 performance CPU and 2 GB', fix }] } : {}),
      });
      return;
    }
    for (const vm of config.vms) {
      // A section no group takes (a second global [[vm]], one naming no defined group) sizes no Machine.
      if (!config.processNames.some((group) => web.has(group) && vmForGroup(config, group) === vm)) continue;
      // A template's placeholder size (`size = "${VM_SIZE}"`) is not known yet.
      if (vmSizeIsPlaceholder(vm)) continue;
      const guest = effectiveGuest({
        ...(vm.size && presetOf(vm.size.value) ? { size: vm.size.value } : {}),
        ...(vm.cpuKind ? { cpuKind: vm.cpuKind.value } : {}),
        ...(vm.cpus ? { cpus: vm.cpus.value } : {}),
        ...(vm.memoryMb ? { memoryMb: vm.memoryMb.value } : {}),
        ...(vm.gpuKind ? { gpuKind: vm.gpuKind.value } : {}),
      });
      if (guest.cpuKind !== 'shared') continue;
      const at = vm.cpuKind ?? vm.size;
      const range = at ? valueRange(at) : [vm.table.node.start, vm.table.node.start] as [number, number];
      const cpus = (CPU_RULES.performance.cpus as readonly number[]).includes(guest.cpus) ? guest.cpus : 1;
      const memory = nearestValidMemory('performance', cpus, guest.memoryMb);
      const edits: Fix[] = [];
      if (vm.size) edits.push({ range: valueRange(vm.size), text: stringLiteral(doc, `performance-${cpus}x`) });
      if (vm.cpuKind) edits.push({ range: valueRange(vm.cpuKind), text: stringLiteral(doc, 'performance') });
      const memoryText = memory % 1024 === 0 ? `${memory / 1024}gb` : `${memory}mb`;
      const memoryMbEntry = lookup(vm.table, 'memory_mb');
      if (memoryMbEntry && memoryMbEntry.value.type !== 'table' && memoryMbEntry.value.type !== 'array') edits.push({ range: [memoryMbEntry.value.node.start, memoryMbEntry.value.node.end], text: String(memory) });
      if (vm.memoryText) edits.push({ range: valueRange(vm.memoryText), text: stringLiteral(doc, memoryText) });
      let fix = edits.length ? mergeEdits(text, edits) : undefined;
      if (!vm.size && !vm.cpuKind) fix = undefined;
      if (fix && !vm.memoryText && !memoryMbEntry) {
        const insert = insertKeyFix(doc, text, vm.table, 'memory', stringLiteral(doc, memoryText));
        fix = insert ? mergeEdits(text, [...edits, insert]) : undefined;
      }
      context.report({
        message: `This [[vm]] runs a web app on shared CPUs (${guest.cpus} × shared, ${guest.memoryMb} MB), throttled to a 6.25 % share per CPU once their burst balance is spent. Fly.io recommends performance CPUs for production web apps (${cpus} × performance needs at least ${cpus * 2048} MB)`,
        range,
        ...(fix ? { suggestions: [{ desc: `Use ${cpus} performance CPU${cpus > 1 ? 's' : ''} with ${memoryText}`, fix }] } : {}),
      });
    }
    // Every [[vm]] names other groups: flyctl sends no size for this one (§3.14), so its new
    // Machines start as shared-cpu-1x with 256 MB, as with no [[vm]] at all.
    for (const group of config.processNames) {
      if (vmForGroup(config, group)) continue;
      const defined = config.processes.find((p) => p.name === group);
      const serves = web.has(group);
      const fix = serves ? appendArrayTableItemFix(doc, text, context.value, 'vm', [`processes = [${stringLiteral(doc, group)}]`, `cpu_kind = ${stringLiteral(doc, 'performance')}`, 'cpus = 1', `memory = ${stringLiteral(doc, '2gb')}`]) : undefined;
      context.report({
        message: serves
          ? `Process group "${group}" has no [[vm]]: every [[vm]] names other groups, so its new Machines get shared-cpu-1x with 256 MB. It serves the web: add a [[vm]] with processes = ["${group}"] and performance CPUs`
          : `Process group "${group}" has no [[vm]]: every [[vm]] names other groups, so its new Machines get shared-cpu-1x with 256 MB. Add a [[vm]] with processes = ["${group}"] and the size it needs`,
        range: defined ? [defined.key.start, defined.key.end] : appRange(context),
        ...(fix ? { suggestions: [{ desc: `Add a [[vm]] for "${group}" with 1 performance CPU and 2 GB`, fix }] } : {}),
      });
    }
  },
};
export default rule;
