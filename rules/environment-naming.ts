import type { Rule } from '../server/src/lint/rule.js';
import { environmentFromAppName, suggestedAppName } from '../server/src/fly/environment.js';
import { isPlaceholder } from '../server/src/fly/placeholder.js';
import { valueRange } from './rule-helpers.js';

/** Whether the app name holds the environment's own name as whole words (`shop-mainnet` for `--env mainnet`). */
function namesEnvironment(app: string, env: string): boolean {
  return `-${app.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-`.includes(`-${env.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-`);
}

const rule: Rule = {
  meta: {
    id: 'environment-naming',
    category: 'isolation',
    severity: 'info',
    env: 'project',
    fix: 'none',
    summary: 'A non-production app whose name does not say its environment',
    why: 'When the app name carries the environment (`shop-staging`, `shop-db-stage`), nobody mistakes the staging app for production in `fly apps list`, in the dashboard or in a deploy command. Only a config whose file, folder or comment names the environment is checked: an `[env]` label alone is weaker evidence than the app\'s own name.',
    flyDocs: 'https://fly.io/docs/blueprints/staging-prod-isolation/',
    examples: { bad: 'app = "shop-eu"\n', good: 'app = "shop-staging"\n', fileName: 'fly.staging.toml' },
  },
  check({ config, env, report }) {
    if (env.isProduction || !config.app) return;
    if (env.source === 'app-name' || env.source === 'env-label' || env.source === 'default') return;
    const app = config.app.value;
    // A name that says any environment already tells it from production.
    if (isPlaceholder(app) || environmentFromAppName(app) || namesEnvironment(app, env.name)) return;
    const name = suggestedAppName(app, env.name);
    if (!name) return;
    report({ message: `This is a ${env.name} config (${env.reason}), but app = "${app}" does not say so: in \`fly apps list\` it reads like a production app. Name it e.g. "${name}"`, range: valueRange(config.app) });
  },
};
export default rule;
