import type { Rule } from '../server/src/lint/rule.js';
import { valueRange } from './rule-helpers.js';
import { pathFromFile } from '../server/src/lint/relative-path.js';

const rule: Rule = {
  meta: {
    id: 'shared-app-name',
    category: 'isolation',
    severity: 'error',
    env: 'project',
    fix: 'none',
    summary: 'Two environments deploy to the same app',
    why: 'App names are global: when `fly.toml` and `fly.staging.toml` name the same `app`, a staging deploy replaces production. Fly.io\'s isolation blueprint gives each environment its own app (and organization).',
    flyDocs: 'https://fly.io/docs/blueprints/staging-prod-isolation/',
    examples: { bad: 'app = "shop"\n', good: 'app = "shop-staging"\n', fileName: 'fly.staging.toml' },
  },
  check({ config, env, project, report, filePath }) {
    const app = config.app;
    if (!app) return;
    // An index loop: this runs for every pair of configs in the project.
    for (let i = 0; i < project.length; i++) {
      const other = project[i]!;
      if (other.config.appName !== app.value || other.env.name === env.name) continue;
      report({
        message: `app = "${app.value}" is also the app of ${filePath ? pathFromFile(filePath, other.filePath) : other.filePath} (${other.env.name}): deploying this ${env.name} config replaces the ${other.env.name} app. Give each environment its own app, e.g. "${app.value}-${env.isProduction ? 'production' : env.name}"`,
        range: valueRange(app),
        related: [{ message: `${other.env.name} config with the same app`, range: valueRange(other.config.app!), filePath: other.filePath }],
      });
    }
  },
};
export default rule;
