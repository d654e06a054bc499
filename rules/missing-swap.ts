import type { Rule } from '../server/src/lint/rule.js';
import type { Vm } from '../server/src/fly/config-types.js';
import { insertKeyFix } from '../server/src/edit/insert-key.js';
import { lookup } from '../server/src/fly/model.js';
import { vmForGroup } from '../server/src/fly/queries.js';
import { tableRange, valueRange } from './rule-helpers.js';

/**
 * Below this much memory a Machine without swap is the checklist's "small memory without swap".
 * Fly.io's sizing advice: 256 MB runs small apps with few users, 512 MB suits moderate load, and
 * 1 GB is the starting point for heavier apps (and what `fly launch` writes today).
 */
const ENOUGH_MB = 1024;

const rule: Rule = {
  meta: {
    id: 'missing-swap',
    category: 'production',
    severity: 'warning',
    env: 'production',
    fix: 'suggestion',
    summary: 'Machines with less than 1 GB of memory and no swap_size_mb',
    why: 'Without swap, a Machine that runs out of memory is killed by the OOM killer and restarts, dropping requests. Fly.io\'s going-to-production checklist asks for enough RAM and/or `swap_size_mb`: on a small Machine (256 or 512 MB) swap absorbs short spikes at the cost of some speed. Machines with 1 GB or more are left alone, and so is a config without `[[vm]]`, which states no memory (shared-cpu-in-production reports that).',
    flyDocs: 'https://fly.io/docs/apps/going-to-production/#machine-sizing',
    examples: {
      bad: 'app = "shop"\nprimary_region = "ams"\n\n[[vm]]\nsize = "shared-cpu-1x"\n',
      good: 'app = "shop"\nprimary_region = "ams"\nswap_size_mb = 512\n\n[[vm]]\nsize = "shared-cpu-1x"\n',
    },
  },
  check(context) {
    const { config } = context;
    // In any case and of any type: flyctl reads `Swap_Size_MB` too, and a wrong type is invalid-type's finding.
    if (lookup(config.root, 'swap_size_mb')) return;
    const smallest = smallestMachine(config.processNames.map((group) => vmForGroup(config, group)));
    if (!smallest) return;
    const { vm, memoryMb } = smallest;
    const fix = insertKeyFix(context.doc, context.text, context.value, 'swap_size_mb', '512');
    const at = vm.memoryMbKey ?? vm.memoryText ?? vm.size;
    context.report({
      message: `These Machines have ${memoryMb} MB of memory and no swap: when memory runs out the Machine is killed and restarts. Add swap_size_mb = 512 at the top level, or give them at least ${ENOUGH_MB / 1024} GB`,
      range: at ? valueRange(at) : tableRange(vm.table),
      ...(fix ? { suggestions: [{ desc: 'Add swap_size_mb = 512', fix }] } : {}),
    });
  },
};

/** The [[vm]] with the least memory below ENOUGH_MB among those applied to a group, if any. */
function smallestMachine(vms: ReadonlyArray<Vm | undefined>): { vm: Vm; memoryMb: number } | undefined {
  let found: { vm: Vm; memoryMb: number } | undefined;
  for (const vm of vms) {
    const memoryMb = vm?.guest?.memoryMb;
    // 0 or less is no size at all: vm-sizing reports it.
    if (!vm || memoryMb === undefined || memoryMb <= 0 || memoryMb >= ENOUGH_MB) continue;
    if (!found || memoryMb < found.memoryMb) found = { vm, memoryMb };
  }
  return found;
}

export default rule;
