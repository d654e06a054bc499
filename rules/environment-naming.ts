import type { Rule } from '../server/src/lint/rule.js';
import { canonicalEnvironment, environmentFromAppName } from '../server/src/fly/environment.js';
import { valueRange } from './rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'environment-naming',
    category: 'isolation',
    severity: 'info',
    env: 'project',
    fix: 'none',
    summary: 'A non-production app whose name does not say its environment',
    why: 'When the app name carries the environment (`shop-staging`, `shop-db-stage`), nobody mistakes the staging app for production in `fly apps list`, in the dashboard or in a deploy command.',
    flyDocs: 'https://fly.io/docs/blueprints/staging-prod-isolation/',
    examples: { bad: 'app = "shop-eu"\n', good: 'app = "shop-staging"\n', fileName: 'fly.staging.toml' },
  },
  check({ config, env, report }) {
    if (env.isProduction || !config.app || env.source === 'app-name') return;
    if (environmentFromAppName(config.app.value)) return;
    const words = config.app.value.toLowerCase().split(/[-_.]/);
    if (words.some((w) => canonicalEnvironment(w) === env.name || w === env.name.toLowerCase())) return;
    report({ message: `This is a ${env.name} config (${env.reason}), but app = "${config.app.value}" does not say so. Name it e.g. "${config.app.value}-${env.name === 'staging' ? 'staging' : env.name}"`, range: valueRange(config.app) });
  },
};
export default rule;
