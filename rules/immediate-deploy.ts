import type { Rule } from '../server/src/lint/rule.js';
import { valueRange } from './rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'immediate-deploy',
    category: 'production',
    severity: 'warning',
    env: 'production',
    fix: 'none',
    summary: 'strategy = "immediate" skips health checks',
    why: 'The immediate strategy replaces every Machine at once without waiting for health checks, so a broken release takes the whole app down. `rolling` (the default), `canary` or `bluegreen` catch it first.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-deploy-section',
    examples: { bad: 'app = "shop"\n\n[deploy]\nstrategy = "immediate"\n', good: 'app = "shop"\n\n[deploy]\nstrategy = "rolling"\n' },
  },
  check({ config, report }) {
    if (config.strategy?.value === 'immediate') report({ message: 'strategy = "immediate" updates every Machine at once without waiting for health checks: a bad release takes the app down. Use "rolling" (the default) or "bluegreen"', range: valueRange(config.strategy) });
  },
};
export default rule;
