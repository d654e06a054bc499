import type { ProjectMember, Rule } from '../server/src/lint/rule.js';
import { pathFromFile } from '../server/src/lint/relative-path.js';
import type { TomlValue } from '../server/src/toml/values.js';
import { isPlaceholder } from '../server/src/fly/placeholder.js';

/**
 * The end of an app host: `.internal`, `.flycast` or `.fly.dev`, ending the host name
 * (`shop.internal.corp` and `shop.fly.dev.example.com` are other hosts).
 */
const SUFFIX = String.raw`\.(?:internal|flycast|fly\.dev)(?![a-z0-9-]|\.[a-z0-9])`;
/** App names written as hosts: `<app>.internal`, `<app>.flycast`, `<app>.fly.dev`, `top1.nearest.of.<app>.internal` … */
const HOST = new RegExp(String.raw`(?<![a-z0-9-])([a-z0-9-]+)(?=${SUFFIX})`, 'gi');
const HOST_SUFFIX = new RegExp(SUFFIX, 'i');
const PLAIN_APP_NAME = /^[a-z0-9-]+$/i;

function hostsIn(text: string): Set<string> {
  const hosts = new Set<string>();
  for (const match of text.matchAll(HOST)) hosts.add(match[1]!.toLowerCase());
  return hosts;
}

/** Whether `text` names `app` as a host. Fly app names are letters, digits and dashes; anything else is matched literally. */
function mentions(text: string, hosts: Set<string>, app: string): boolean {
  if (PLAIN_APP_NAME.test(app)) return hosts.has(app.toLowerCase());
  const escaped = app.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9-])${escaped}${SUFFIX}`, 'i').test(text);
}

function stem(app: string): string {
  return app.replace(/-(production|prod|staging|stage|stg|dev|development|preview|review|sandbox|qa|test|pr-?\d+)$/i, '');
}

// Each config of a project is compared with every other that names a host: its stem is worked out once.
const stems = new WeakMap<ProjectMember, string>();
function stemOf(member: ProjectMember): string {
  let found = stems.get(member);
  if (found === undefined) stems.set(member, (found = stem(member.config.appName ?? '')));
  return found;
}

// The host a member's app is reached by, lower-cased; null when its name is not a plain app name.
const hostKeys = new WeakMap<ProjectMember, string | null>();
function hostKeyOf(member: ProjectMember): string | null {
  let key = hostKeys.get(member);
  if (key === undefined) {
    const app = member.config.appName ?? '';
    hostKeys.set(member, (key = PLAIN_APP_NAME.test(app) ? app.toLowerCase() : null));
  }
  return key;
}

const rule: Rule = {
  meta: {
    id: 'cross-environment-reference',
    category: 'isolation',
    severity: 'error',
    env: 'project',
    fix: 'none',
    summary: 'A config reaches another environment\'s app',
    why: 'Staging must not talk to production: a staging config whose `[env]`, build args, processes or release command name the production app\'s host (`<app>.internal`, `<app>.flycast`, `<app>.fly.dev`) reads or writes production data, and a production config must not depend on a staging app. Across organizations these names do not even resolve — until someone moves an app. Two non-production environments sharing an app are left alone.',
    flyDocs: 'https://fly.io/docs/blueprints/staging-prod-isolation/',
    examples: { bad: 'app = "shop-staging"\n\n[env]\nAPI_URL = "http://shop.internal:8080"\n', good: 'app = "shop-staging"\n\n[env]\nAPI_URL = "http://shop-api-staging.internal:8080"\n', fileName: 'fly.staging.toml' },
  },
  check({ config, env, project, report, filePath }) {
    const strings: Array<{ where: string; value: TomlValue }> = [
      ...config.env.map((e) => ({ where: `[env] ${e.name}`, value: e.value })),
      ...config.buildArgs.map((e) => ({ where: `[build.args] ${e.name}`, value: e.value })),
      ...config.processes.flatMap((p) => (p.command ? [{ where: `[processes] ${p.name}`, value: { type: 'string' as const, value: p.command.value, node: p.command.node } }] : [])),
      ...(config.releaseCommand ? [{ where: 'release_command', value: { type: 'string' as const, value: config.releaseCommand.value, node: config.releaseCommand.node } }] : []),
    ];
    // Most configs name no app host at all and are done after one look at their own strings;
    // the others are compared only with the project's apps they name, not with every config.
    const named: Array<(typeof strings)[number] & { text: string; hosts: Set<string> }> = [];
    for (const s of strings) {
      if (s.value.type !== 'string') continue;
      const text = String(s.value.value);
      if (HOST_SUFFIX.test(text)) named.push({ ...s, text, hosts: hostsIn(text) });
    }
    if (named.length === 0) return;
    // Configs of another environment whose app one of the strings names (an app name that is not
    // a plain Fly app name is matched literally below).
    const mentioned = new Set<string>();
    for (const s of named) for (const host of s.hosts) mentioned.add(host);
    const candidates: ProjectMember[] = [];
    for (let i = 0; i < project.length; i++) {
      const p = project[i]!;
      const app = p.config.appName;
      // Production on one side only: one non-production environment using another's app (a
      // preview sharing the dev app's mail server) is not the breach the blueprint warns about.
      if (!app || app === config.appName || p.env.isProduction === env.isProduction || isPlaceholder(app)) continue;
      const host = hostKeyOf(p);
      if (host === null || mentioned.has(host)) candidates.push(p);
    }
    if (candidates.length === 0) return;
    // An app is another environment's when its environment is declared (file name, comment,
    // app name) or when this environment has its own counterpart of it (`shop` vs `shop-staging`).
    // Shared infrastructure ("production" only by default, with no counterpart) may be reached.
    let ownStems: Set<string> | undefined;
    const counterpartHere = (p: ProjectMember): boolean => {
      if (!ownStems) {
        ownStems = new Set<string>();
        if (config.appName) ownStems.add(stem(config.appName));
        for (let i = 0; i < project.length; i++) {
          const q = project[i]!;
          if (q.env.name === env.name && q.config.appName) ownStems.add(stemOf(q));
        }
      }
      return ownStems.has(stemOf(p));
    };
    const others = candidates.filter((p) => p.env.source !== 'default' || counterpartHere(p));
    for (const other of others) {
      for (const { where, value, text, hosts } of named) {
        if (!mentions(text, hosts, other.config.appName!)) continue;
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
