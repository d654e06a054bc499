import type { Rule, RuleContext } from '../server/src/lint/rule.js';
import type { Vm } from '../server/src/fly/model.js';
import type { Suggestion } from '../server/src/lint/types.js';
import { PRESETS, CPU_RULES, memoryChoices, presetOf } from '../server/src/fly/vm-presets.js';
import { memoryText } from '../server/src/fly/units.js';
import { didYouMean } from '../server/src/lint/did-you-mean.js';
import { insertKeyFix, stringLiteral } from '../server/src/edit/insert-key.js';
import { valueRange } from './rule-helpers.js';
import { vmSizeIsPlaceholder } from '../server/src/fly/placeholder.js';
import { replaceWith } from '../server/src/lint/fix-title.js';

const KINDS = ['shared', 'performance'] as const;

function cpusWord(n: number, kind: string): string {
  return `${n} ${kind} CPU${n === 1 ? '' : 's'}`;
}

/** Suggestions that set the memory to each of `choices`, editing the key that decides it or adding `memory`. */
function memorySuggestions(context: RuleContext, vm: Vm, choices: number[]): Suggestion[] {
  return choices.flatMap((mb) => {
    if (vm.memoryMbKey && vm.memoryMbKey.value !== 0) return [replaceWith(context.text, valueRange(vm.memoryMbKey), String(mb))];
    if (vm.memoryText) {
      const text = typeof vm.memoryText.value === 'string' ? stringLiteral(context.doc, memoryText(mb)) : String(mb);
      return [replaceWith(context.text, valueRange(vm.memoryText), text)];
    }
    const fix = insertKeyFix(context.doc, context.text, vm.table, 'memory', stringLiteral(context.doc, memoryText(mb)));
    return fix ? [{ desc: `Add memory = "${memoryText(mb)}"`, fix }] : [];
  });
}

function checkVm(context: RuleContext, vm: Vm, label: string): void {
  const { report, doc } = context;
  // A template leaves the size to a placeholder (`size = "${VM_SIZE}"`): it is filled in before the deploy.
  if (vmSizeIsPlaceholder(vm)) return;
  if (vm.size && !vm.guest) {
    const closest = didYouMean(vm.size.value, Object.keys(PRESETS));
    report({
      message: `${label} size = "${vm.size.value}" is not a Machine size: the deploy fails. ${closest ? `Did you mean "${closest}"?` : 'Use a preset such as "shared-cpu-1x", "shared-cpu-2x", "performance-1x" or "performance-2x"'}`,
      range: valueRange(vm.size),
      ...(closest ? { suggestions: [replaceWith(context.text, valueRange(vm.size), stringLiteral(doc, closest))] } : {}),
    });
    return;
  }
  if (vm.memoryText?.size === 0) {
    report({ message: `${label} memory = ${JSON.stringify(vm.memoryText.value)} is 0 MB (a bare number is MB, "0.5" is half a byte): the deploy fails with "memory cannot be zero". Write e.g. "512mb" or "1gb"`, range: valueRange(vm.memoryText) });
    return;
  }
  // A GPU comes from gpu_kind, from a GPU preset (`size = "l40s"`) or from a GPU count.
  const gpuSize = vm.size && presetOf(vm.size.value)?.gpu ? vm.size : undefined;
  const gpu = vm.gpuKind ?? gpuSize ?? (vm.gpus && vm.gpus.value > 0 ? vm.gpus : undefined);
  if (gpu) {
    const key = gpu === vm.gpuKind ? 'gpu_kind' : gpu === gpuSize ? 'size' : 'gpus';
    report({ severity: 'warning', message: `${label} ${key} = ${JSON.stringify(gpu.value)}: GPU Machines are deprecated and no longer available on Fly.io. Remove the GPU keys`, range: valueRange(gpu), tags: ['deprecated'] });
  }
  const kindField = vm.cpuKind;
  if (kindField && !(KINDS as readonly string[]).includes(kindField.value)) {
    const closest = didYouMean(kindField.value, KINDS);
    report({
      message: `${label} cpu_kind = "${kindField.value}" is not a CPU kind: use "shared" or "performance"${closest ? `. Did you mean "${closest}"?` : ''}`,
      range: valueRange(kindField),
      ...(closest ? { suggestions: [replaceWith(context.text, valueRange(kindField), stringLiteral(doc, closest))] } : {}),
    });
    return;
  }
  const guest = vm.guest;
  if (!guest) return;
  const kind = guest.cpuKind as (typeof KINDS)[number];
  const rules = CPU_RULES[kind];
  if (!(rules.cpus as readonly number[]).includes(guest.cpus)) {
    const at = vm.cpus ?? vm.size ?? kindField;
    if (at) report({ severity: 'warning', message: `${label} asks for ${cpusWord(guest.cpus, kind)}, a count the platform does not offer: use ${rules.cpus.join(', ')}`, range: valueRange(at) });
    return;
  }
  const min = rules.minPerCpu * guest.cpus;
  const max = rules.maxPerCpu * guest.cpus;
  const mb = guest.memoryMb;
  const problem =
    mb < min ? `too little for ${cpusWord(guest.cpus, kind)} (at least ${min} MB)`
    : mb > max ? `too much for ${cpusWord(guest.cpus, kind)} (at most ${max} MB)`
    : mb % rules.increment !== 0 ? `not a multiple of ${rules.increment} MB, as ${kind} CPUs need`
    : undefined;
  if (!problem) return;
  const choices = memoryChoices(kind, guest.cpus, mb);
  const use = choices.map((c) => `${c} MB`).join(' or ');
  const decidedBy = vm.memoryMbKey && vm.memoryMbKey.value !== 0 ? vm.memoryMbKey : vm.memoryText;
  const said = decidedBy ? `${decidedBy.key.name} = ${typeof decidedBy.value === 'string' ? `"${decidedBy.value}"` : decidedBy.value}` : undefined;
  const message = said
    ? `${label} ${said} is ${mb} MB, ${problem}: the platform rejects it. Use ${use}`
    : `${label} gets ${mb} MB from the ${vm.size ? `"${vm.size.value}"` : 'default shared-cpu-1x'} preset, ${problem} once ${vm.cpuKind ? `cpu_kind = "${kind}"` : `cpus = ${guest.cpus}`} is applied: the platform rejects it. Set memory to ${use}`;
  const at = decidedBy ?? vm.cpus ?? kindField ?? vm.size;
  if (!at) return;
  report({ severity: 'warning', message, range: valueRange(at), suggestions: memorySuggestions(context, vm, choices) });
}

const rule: Rule = {
  meta: {
    id: 'vm-sizing',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'suggestion',
    summary: 'A Machine size the platform rejects',
    why: 'An unknown `size` preset or a memory that reads as zero fails the deploy. The Machines platform also refuses CPU counts a CPU kind does not offer and memory outside its range: shared CPUs take 256 MB to 2 GB per CPU in 256 MB steps, performance CPUs 2 GB to 8 GB per CPU in 1 GB steps. `cpu_kind` and `cpus` without `memory` keep the preset\'s 256 MB, too little for performance CPUs. GPU Machines are no longer offered.',
    flyDocs: 'https://fly.io/docs/machines/guides-examples/machine-sizing/',
    examples: { bad: 'app = "shop"\n\n[[vm]]\ncpu_kind = "performance"\ncpus = 1\nmemory = "1gb"\n', good: 'app = "shop"\n\n[[vm]]\ncpu_kind = "performance"\ncpus = 1\nmemory = "2gb"\n' },
  },
  check(context) {
    const { config } = context;
    for (const vm of config.vms) checkVm(context, vm, vm.table.origin === 'arrayTableElement' ? `[[${vm.section}]]` : `[${vm.section}]`);
    if (config.deploy?.releaseCommandVm) checkVm(context, config.deploy.releaseCommandVm, '[deploy.release_command_vm]');
  },
};
export default rule;
