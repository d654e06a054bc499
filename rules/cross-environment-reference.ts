import type { Rule } from '../server/src/lint/rule.js';
import { pathFromFile } from '../server/src/lint/relative-path.js';
import type { TomlValue } from '../server/src/toml/values.js';

function hostsOf(app: string): RegExp {
  const escaped = app.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // <app>.internal, <app>.flycast, <app>.fly.dev, top1.nearest.of.<app>.internal, <region>.<app>.internal …
  return new RegExp(`(^|[^a-z0-9-])${escaped}\\.(internal|flycast|fly\\.dev)(?![a-z0-9-])`, 'i');
}

const rule: Rule = {
  meta: {
    id: 'cross-environment-reference',
    category: 'isolation',
    severity: 'error',
    env: 'project',
    fix: 'none',
    summary: 'A config reaches another environment\'s app',
    why: 'Staging must not talk to production: a staging config whose `[env]`, build args, processes or release command name the production app\'s host (`<app>.internal`, `<app>.flycast`, `<app>.fly.dev`) reads or writes production data. Across organizations these names do not even resolve — until someone moves an app.',
    flyDocs: 'https://fly.io/docs/blueprints/staging-prod-isolation/',
    examples: { bad: 'app = "shop-staging"\n\n[env]\nAPI_URL = "http://shop.internal:8080"\n', good: 'app = "shop-staging"\n\n[env]\nAPI_URL = "http://shop-api-staging.internal:8080"\n', fileName: 'fly.staging.toml' },
  },
  check({ config, env, project, report, filePath }) {
    // An app is another environment's when its environment is declared (file name, comment,
    // app name) or when this environment has its own counterpart of it (`shop` vs `shop-staging`).
    // Shared infrastructure ("production" only by default, with no counterpart) may be reached.
    const stem = (app: string) => app.replace(/-(production|prod|staging|stage|stg|dev|development|preview|review|sandbox|qa|test|pr-?\d+)$/i, '');
    const ownStems = new Set([config.appName, ...project.filter((p) => p.env.name === env.name).map((p) => p.config.appName)].filter((a): a is string => !!a).map(stem));
    const others = project.filter((p) => p.env.name !== env.name && p.config.appName && p.config.appName !== config.appName && (p.env.source !== 'default' || ownStems.has(stem(p.config.appName))));
    if (others.length === 0) return;
    const strings: Array<{ where: string; value: TomlValue }> = [
      ...config.env.map((e) => ({ where: `[env] ${e.name}`, value: e.value })),
      ...config.buildArgs.map((e) => ({ where: `[build.args] ${e.name}`, value: e.value })),
      ...config.processes.flatMap((p) => (p.command ? [{ where: `[processes] ${p.name}`, value: { type: 'string' as const, value: p.command.value, node: p.command.node } }] : [])),
      ...(config.releaseCommand ? [{ where: 'release_command', value: { type: 'string' as const, value: config.releaseCommand.value, node: config.releaseCommand.node } }] : []),
    ];
    for (const other of others) {
      const pattern = hostsOf(other.config.appName!);
      for (const { where, value } of strings) {
        if (value.type !== 'string' || !pattern.test(String(value.value))) continue;
        report({
          message: `${where} points at "${other.config.appName}", the ${other.env.name} app (${filePath ? pathFromFile(filePath, other.filePath) : other.filePath}): this ${env.name} config must not reach another environment. Use this environment's own app`,
          range: [value.node.start, value.node.end],
          related: [{ message: `the ${other.env.name} app`, range: [other.config.app!.node.start, other.config.app!.node.end], filePath: other.filePath }],
        });
      }
    }
  },
};
export default rule;
