import type { Rule } from '../server/src/lint/rule.js';
import { didYouMean } from '../server/src/lint/did-you-mean.js';
import { stringLiteral } from '../server/src/edit/insert-key.js';
import { tableRange, valueRange } from './rule-helpers.js';
import { replaceWith } from '../server/src/lint/fix-title.js';

const STRATEGIES = ['rolling', 'immediate', 'canary', 'bluegreen'];

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
    examples: { bad: 'app = "shop"\n\n[deploy]\nstrategy = "blue-green"\n', good: 'app = "shop"\n\n[deploy]\nstrategy = "bluegreen"\n\n[http_service]\ninternal_port = 8080\n\n[[http_service.checks]]\ninterval = "15s"\ntimeout = "2s"\npath = "/healthz"\n' },
  },
  check({ config, doc, report, text }) {
    const strategy = config.deploy?.strategy;
    if (!strategy || strategy.value === '') return;
    const use = (name: string) => replaceWith(text, valueRange(strategy), stringLiteral(doc, name));
    if (!STRATEGIES.includes(strategy.value)) {
      const closest = didYouMean(strategy.value, STRATEGIES) ?? STRATEGIES.find((s) => s === strategy.value.toLowerCase().replace(/[^a-z]/g, ''));
      report({
        message: `[deploy] strategy = "${strategy.value}" is not a strategy flyctl knows: use "rolling", "immediate", "canary" or "bluegreen"${closest ? `. Did you mean "${closest}"?` : ''}`,
        range: valueRange(strategy),
        ...(closest ? { suggestions: [use(closest)] } : {}),
      });
      return;
    }
    if (strategy.value === 'canary' && config.mounts.length > 0) {
      report({
        message: '[deploy] strategy = "canary" cannot be used with volumes ([[mounts]]): flyctl rejects the config. Use "rolling"',
        range: valueRange(strategy),
        related: [{ message: 'The volume mount', range: tableRange(config.mounts[0]!.table) }],
        suggestions: [use('rolling')],
      });
    }
    const hasCheck = config.checks.length > 0 || config.services.some((s) => s.checks.length > 0);
    if (strategy.value === 'bluegreen' && !hasCheck) {
      report({
        message: '[deploy] strategy = "bluegreen" needs at least one health check to tell when new Machines are ready, and this config has none: the deploy fails. Add a [[http_service.checks]], [[services.http_checks]], [[services.tcp_checks]] or [checks.<name>] section, or use "rolling"',
        range: valueRange(strategy),
        suggestions: [use('rolling')],
      });
    }
  },
};
export default rule;
