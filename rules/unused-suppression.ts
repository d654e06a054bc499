import type { Rule } from '../server/src/lint/rule.js';

/** Reported by the engine's suppression step; this module carries the rule's metadata and docs. */
const rule: Rule = {
  meta: {
    id: 'unused-suppression',
    category: 'suppression',
    severity: 'warning',
    env: 'any',
    fix: 'safe',
    summary: 'A flylint-disable comment that suppresses nothing',
    why: 'A suppression left behind after the problem was fixed (or naming a rule that does not exist) hides the next real problem on that line. Remove it.',
    flyDocs: 'https://fly.io/docs/reference/configuration/',
    examples: {
      bad: 'app = "shop" # flylint-disable-line missing-swap\nswap_size_mb = 512\n',
      good: 'app = "shop"\nswap_size_mb = 512\n',
    },
  },
  check() {},
};
export default rule;
