import type { Rule } from '../server/src/lint/rule.js';
import { didYouMean } from '../server/src/lint/did-you-mean.js';
import { valueRange } from './rule-helpers.js';

const STRATEGIES = ['canary', 'rolling', 'immediate', 'bluegreen'];

const rule: Rule = {
  meta: {
    id: 'deploy-strategy',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'suggestion',
    summary: 'A deploy strategy flyctl rejects or cannot run',
    why: 'flyctl knows four strategies (`rolling`, `immediate`, `canary`, `bluegreen`, case-sensitive) and rejects any other. `canary` cannot be used with volumes, and `bluegreen` needs at least one health check to decide when the new Machines are ready: the deploy fails otherwise.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-deploy-section',
    examples: { bad: 'app = "shop"\n\n[deploy]\nstrategy = "blue-green"\n', good: 'app = "shop"\n\n[deploy]\nstrategy = "bluegreen"\n\n[[http_service.checks]]\ninterval = "15s"\ntimeout = "2s"\npath = "/healthz"\n' },
  },
  check({ config, report }) {
    const strategy = config.strategy;
    if (!strategy || strategy.value === '') return;
    if (!STRATEGIES.includes(strategy.value)) {
      const closest = didYouMean(strategy.value, STRATEGIES) ?? (strategy.value.toLowerCase().replace(/[^a-z]/g, '') === 'bluegreen' ? 'bluegreen' : undefined);
      report({
        message: `Unknown deploy strategy "${strategy.value}": use rolling, immediate, canary or bluegreen${closest ? `. Did you mean "${closest}"?` : ''}`,
        range: valueRange(strategy),
        ...(closest ? { suggestions: [{ desc: `Use "${closest}"`, fix: { range: valueRange(strategy), text: `"${closest}"` } }] } : {}),
      });
      return;
    }
    if (strategy.value === 'canary' && config.mounts.length > 0) {
      report({ message: 'strategy = "canary" cannot be used with volumes ([[mounts]]): flyctl refuses to deploy. Use "rolling"', range: valueRange(strategy), suggestions: [{ desc: 'Use "rolling"', fix: { range: valueRange(strategy), text: '"rolling"' } }] });
    }
    const hasCheck = config.checks.length > 0 || config.services.some((s) => s.checks.length > 0);
    if (strategy.value === 'bluegreen' && !hasCheck) {
      report({ message: 'strategy = "bluegreen" needs at least one health check ([[http_service.checks]], [[services.tcp_checks]] or [checks]): the deploy fails without one', range: valueRange(strategy) });
    }
  },
};
export default rule;
