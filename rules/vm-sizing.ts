import type { Rule } from '../server/src/lint/rule.js';
import { PRESETS, CPU_RULES, effectiveGuest, nearestValidMemory } from '../server/src/fly/vm-presets.js';
import { didYouMean } from '../server/src/lint/did-you-mean.js';
import { valueRange, keyRange } from './rule-helpers.js';

function memoryText(mb: number): string {
  return mb % 1024 === 0 ? `"${mb / 1024}gb"` : `"${mb}mb"`;
}

const rule: Rule = {
  meta: {
    id: 'vm-sizing',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'suggestion',
    summary: 'A Machine size the platform rejects',
    why: 'An unknown `size` preset or unreadable `memory` fails the deploy. The Machines platform also refuses CPU counts a CPU kind does not offer and memory outside its range: shared CPUs take 256 MB to 2 GB per CPU in 256 MB steps, performance CPUs 2 GB to 8 GB per CPU in 1 GB steps.',
    flyDocs: 'https://fly.io/docs/machines/guides-examples/machine-sizing/',
    examples: { bad: 'app = "shop"\n\n[[vm]]\ncpu_kind = "performance"\ncpus = 1\nmemory = "1gb"\n', good: 'app = "shop"\n\n[[vm]]\ncpu_kind = "performance"\ncpus = 1\nmemory = "2gb"\n' },
  },
  check({ config, report }) {
    for (const vm of config.vms) {
      if (vm.size && !PRESETS[vm.size.value]) {
        const closest = didYouMean(vm.size.value, Object.keys(PRESETS));
        report({
          message: `"${vm.size.value}" is not a Machine size${closest ? `. Did you mean "${closest}"?` : ': use a preset such as shared-cpu-1x, shared-cpu-2x, performance-1x, performance-2x'}`,
          range: valueRange(vm.size),
          ...(closest ? { suggestions: [{ desc: `Use "${closest}"`, fix: { range: valueRange(vm.size), text: `"${closest}"` } }] } : {}),
        });
        continue;
      }
      if (vm.memoryText && !vm.table.entries.has('memory_mb') && !vm.memoryMb) {
        report({ message: `memory = ${JSON.stringify(vm.memoryText.value)} is not a size: write e.g. "512mb" or "1gb"`, range: valueRange(vm.memoryText) });
        continue;
      }
      if (vm.memoryMb && vm.memoryMb.value === 0) {
        report({ message: 'memory cannot be zero', range: valueRange(vm.memoryMb) });
        continue;
      }
      if (vm.gpuKind) report({ severity: 'warning', message: `GPU Machines (gpu_kind = "${vm.gpuKind.value}") are deprecated and no longer available on Fly.io`, range: valueRange(vm.gpuKind), tags: ['deprecated'] });
      if (vm.cpuKind && vm.cpuKind.value !== 'shared' && vm.cpuKind.value !== 'performance') {
        report({ message: `cpu_kind "${vm.cpuKind.value}" is not a CPU kind: use "shared" or "performance"`, range: valueRange(vm.cpuKind) });
        continue;
      }
      const guest = effectiveGuest({
        ...(vm.size ? { size: vm.size.value } : {}),
        ...(vm.cpuKind ? { cpuKind: vm.cpuKind.value } : {}),
        ...(vm.cpus ? { cpus: vm.cpus.value } : {}),
        ...(vm.memoryMb ? { memoryMb: vm.memoryMb.value } : {}),
        ...(vm.gpuKind ? { gpuKind: vm.gpuKind.value } : {}),
      });
      const kind = guest.cpuKind as 'shared' | 'performance';
      const rules = CPU_RULES[kind];
      if (!(rules.cpus as readonly number[]).includes(guest.cpus)) {
        report({ severity: 'warning', message: `${guest.cpus} ${kind} CPUs are not offered: use ${rules.cpus.join(', ')}`, range: vm.cpus ? valueRange(vm.cpus) : keyRange(vm.size ?? vm.cpuKind ?? { key: vm.table.entries.values().next().value!.key }) });
        continue;
      }
      const min = rules.minPerCpu * guest.cpus;
      const max = rules.maxPerCpu * guest.cpus;
      const where = vm.memoryMb ? valueRange(vm.memoryMb) : vm.cpuKind ? valueRange(vm.cpuKind) : vm.cpus ? valueRange(vm.cpus) : undefined;
      if (!where) continue;
      const problem =
        guest.memoryMb < min ? `is too little for ${guest.cpus} ${kind} CPU${guest.cpus > 1 ? 's' : ''} (at least ${min} MB)`
        : guest.memoryMb > max ? `is too much for ${guest.cpus} ${kind} CPU${guest.cpus > 1 ? 's' : ''} (at most ${max} MB)`
        : guest.memoryMb % (kind === 'shared' ? 256 : 1024) !== 0 ? `is not a multiple of ${kind === 'shared' ? 256 : 1024} MB`
        : undefined;
      if (!problem) continue;
      const nearest = nearestValidMemory(kind, guest.cpus, guest.memoryMb);
      const fixRange = vm.memoryMb ? valueRange(vm.memoryMb) : undefined;
      const replacement = vm.memoryMb && vm.table.entries.get('memory_mb') ? String(nearest) : memoryText(nearest);
      report({
        severity: 'warning',
        message: `${guest.memoryMb} MB of memory ${problem}; the platform rejects it. Use ${nearest} MB`,
        range: where,
        ...(fixRange ? { suggestions: [{ desc: `Use ${nearest} MB`, fix: { range: fixRange, text: replacement } }] } : {}),
      });
    }
  },
};
export default rule;
