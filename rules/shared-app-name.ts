import type { Rule } from '../server/src/lint/rule.js';
import { valueRange } from './rule-helpers.js';
import { pathFromFile } from '../server/src/lint/relative-path.js';
import { suggestedAppName } from '../server/src/fly/environment.js';
import { isPlaceholder } from '../server/src/fly/placeholder.js';

const rule: Rule = {
  meta: {
    id: 'shared-app-name',
    category: 'isolation',
    severity: 'error',
    env: 'project',
    fix: 'none',
    summary: 'A production and a non-production config deploy to the same app',
    why: 'App names are global: when `fly.toml` and `fly.staging.toml` name the same `app`, a staging deploy replaces production. Fly.io\'s isolation blueprint gives each environment its own app (and organization). The non-production config is the one to change: renaming the production app would create a new, empty app. Two non-production configs sharing an app (a preview deployed to the dev app) are left alone.',
    flyDocs: 'https://fly.io/docs/blueprints/staging-prod-isolation/',
    examples: { bad: 'app = "shop"\n', good: 'app = "shop-staging"\n', fileName: 'fly.staging.toml' },
  },
  check({ config, env, project, report, filePath }) {
    const app = config.app;
    if (!app || isPlaceholder(app.value)) return;
    // An index loop: this runs for every pair of configs in the project.
    for (let i = 0; i < project.length; i++) {
      const other = project[i]!;
      if (other.config.appName !== app.value || other.env.name === env.name) continue;
      // Only production against another environment is the breach the blueprint warns about.
      if (env.isProduction === other.env.isProduction) continue;
      const otherPath = filePath ? pathFromFile(filePath, other.filePath) : other.filePath;
      const staging = env.isProduction ? other.env.name : env.name;
      const name = suggestedAppName(app.value, staging);
      const own = name ? ` (e.g. "${name}")` : '';
      const message = env.isProduction
        ? `app = "${app.value}" is also the app of ${otherPath} (${other.env.name}): deploying that ${other.env.name} config replaces this production app. Give ${otherPath} its own app${own}; keep this one`
        : `app = "${app.value}" is also the app of ${otherPath} (production): deploying this ${env.name} config replaces the production app. Give this config its own app${own}`;
      report({
        message,
        range: valueRange(app),
        related: [{ message: `${other.env.name} config with the same app`, range: valueRange(other.config.app!), filePath: other.filePath }],
      });
    }
  },
};
export default rule;
