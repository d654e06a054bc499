import type { Rule } from '../server/src/lint/rule.js';
import { insertKeyFix } from '../server/src/edit/insert-key.js';
import { lookup } from '../server/src/fly/model.js';
import { appRange } from './production-helpers.js';

const rule: Rule = {
  meta: {
    id: 'missing-swap',
    category: 'production',
    severity: 'warning',
    env: 'production',
    fix: 'suggestion',
    summary: 'No swap_size_mb: a memory spike crashes the Machine',
    why: 'Without swap, a Machine that runs out of memory is killed by the OOM killer and restarts, dropping requests. Fly.io\'s going-to-production checklist recommends enough RAM and/or `swap_size_mb`, which absorbs short spikes at the cost of some speed.',
    flyDocs: 'https://fly.io/docs/apps/going-to-production/#machine-sizing',
    examples: { bad: 'app = "shop"\nprimary_region = "ams"\n', good: 'app = "shop"\nprimary_region = "ams"\nswap_size_mb = 512\n' },
  },
  check(context) {
    // In any case and of any type: flyctl reads `Swap_Size_MB` too, and a wrong type is invalid-type's finding.
    if (lookup(context.config.root, 'swap_size_mb')) return;
    const fix = insertKeyFix(context.doc, context.text, context.value, 'swap_size_mb', '512');
    context.report({
      message: 'No swap_size_mb: when memory runs out the Machine is killed and restarts. Add swap_size_mb = 512 at the top level (or more memory)',
      range: appRange(context),
      ...(fix ? { suggestions: [{ desc: 'Add swap_size_mb = 512', fix }] } : {}),
    });
  },
};
export default rule;
