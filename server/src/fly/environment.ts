/**
 * Which environment a config deploys to. Production-readiness rules run only on production
 * configs, so a staging file must never be mistaken for one; when nothing says otherwise a config
 * is production (the safe default for a checklist).
 *
 * The signals, strongest first: --env (or a setting, or the config file's globs), a
 * `# flylint-env:` comment, the file name, a folder between the project root and the file, an
 * `[env]` label naming a non-production environment, a word of the app name, an `[env]` label
 * saying production, and otherwise production by default. A framework's mode
 * (`NODE_ENV = "production"`) is no evidence of production: staging builds set it too.
 */
import type { EnvironmentInfo } from '../lint/types.js';
import { isPlaceholder } from './placeholder.js';

export interface EnvironmentSources {
  /** From --env, the editor setting or the config file's globs. */
  explicit?: { name: string; reason: string };
  /** Comment texts of the file (without `#`), searched for `flylint-env: NAME`. */
  comments?: readonly string[];
  filePath?: string;
  /**
   * The project's root folder (the repository or workspace folder): every folder between it and
   * the file may name the environment. Without it only the file's own folder does.
   */
  projectRoot?: string;
  appName?: string;
  /** The `[env]` variables with their values as the Machine sees them. */
  envVars?: ReadonlyArray<{ name: string; text: string }>;
}

// A Map: names come from file names, comments and --env, and `fly.constructor.toml` must not find an inherited property.
const CANONICAL = new Map<string, string>([
  ['production', 'production'],
  ['prod', 'production'],
  ['staging', 'staging'],
  ['stage', 'staging'],
  ['stg', 'staging'],
  ['dev', 'development'],
  ['develop', 'development'],
  ['development', 'development'],
  ['test', 'test'],
  ['testing', 'test'],
  ['qa', 'qa'],
  ['uat', 'uat'],
  ['preview', 'preview'],
  ['review', 'review'],
  ['sandbox', 'sandbox'],
  ['demo', 'demo'],
]);

/**
 * `[env]` names that label the deployment's environment and nothing else: their `production`
 * counts (weakly) as evidence. Other names ending in `_ENV`/`_ENVIRONMENT` (`NODE_ENV`,
 * `RAILS_ENV`, `APP_ENV`, `MIX_ENV` …) set a framework's mode: only a non-production value says
 * something about the deployment.
 */
const LABELS = new Set([
  'ENVIRONMENT', 'ENV', 'ENV_NAME', 'ENVIRONMENT_NAME', 'ENVIRONMENT_LABEL', 'DEPLOY_ENV', 'DEPLOY_ENVIRONMENT',
  'DEPLOYMENT_ENV', 'DEPLOYMENT_ENVIRONMENT', 'APP_DEPLOYMENT_ENV', 'STAGE', 'DEPLOY_STAGE', 'SENTRY_ENVIRONMENT',
  'FLY_ENV', 'FLY_ENVIRONMENT',
]);
const MODE = /_(?:ENV|ENVIRONMENT)$/;

const ENV_COMMENT = /^\s*flylint-env\s*:\s*([A-Za-z0-9_-]+)/;
const PR = /^pr-?(\d+)$/;

export function canonicalEnvironment(name: string): string {
  const lower = name.trim().toLowerCase();
  return CANONICAL.get(lower) ?? lower;
}

function info(name: string, source: EnvironmentInfo['source'], reason: string): EnvironmentInfo {
  const canonical = canonicalEnvironment(name);
  return { name: canonical, isProduction: canonical === 'production', source, reason };
}

function pathParts(path: string): string[] {
  return path.split(/[\\/]/).filter((p) => p !== '');
}

/** The environment word of a file name: `fly.staging.toml`, `fly-prod.toml`, `staging.toml`. */
export function environmentFromFileName(filePath: string): string | undefined {
  const parts = pathParts(filePath);
  const base = parts[parts.length - 1] ?? '';
  const stem = base.replace(/\.toml$/i, '').replace(/\.(sample|example|tpl|template)$/i, '');
  for (const word of stem.split(/[._-]+/)) {
    const canonical = CANONICAL.get(word.toLowerCase());
    if (canonical) return canonical;
  }
  return undefined;
}

/**
 * A folder named for the environment (`staging/api/fly.toml`, `apps/web/production/fly.toml`),
 * nearest first: any folder below `projectRoot`, or without a root the file's own folder only
 * (a clone kept in `~/dev/` must not make every config a development one).
 */
export function environmentFromFolders(filePath: string, projectRoot?: string): { name: string; folder: string } | undefined {
  const parts = pathParts(filePath).slice(0, -1);
  let folders: string[];
  if (projectRoot !== undefined) {
    const root = pathParts(projectRoot);
    const inside = root.length <= parts.length && root.every((p, i) => p === parts[i]);
    folders = inside ? parts.slice(root.length) : parts.slice(-1);
  } else {
    folders = parts.slice(-1);
  }
  for (let i = folders.length - 1; i >= 0; i--) {
    const name = CANONICAL.get(folders[i]!.toLowerCase());
    if (name) return { name, folder: folders[i]! };
  }
  return undefined;
}

/**
 * An environment named by a whole word of the app name: `shop-staging`, `test-preview-agents`,
 * `restarters-dev-mail`, `shop-pr-12` — not a word that merely contains one (`developer-portal`,
 * `contest`). The first such word decides.
 */
const MAX_APP_NAME = 100;

export function environmentFromAppName(appName: string): string | undefined {
  // A Fly app name is a DNS label (<app>.fly.dev): anything much longer names no real app, and
  // splitting megabytes of a broken value into words would cost every keystroke.
  if (appName.length > MAX_APP_NAME || isPlaceholder(appName)) return undefined;
  const words = appName.toLowerCase().split(/[^a-z0-9]+/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === 'pr' && /^\d+$/.test(words[i + 1] ?? '')) return `pr-${words[i + 1]}`;
    const pr = PR.exec(word);
    if (pr) return `pr-${pr[1]}`;
    const canonical = CANONICAL.get(word);
    if (canonical) return canonical;
  }
  return undefined;
}

/** The environment an `[env]` value names: `"staging"`, `"Sandbox"`, `"staging-eu"`. */
function environmentOfValue(text: string): string | undefined {
  const lower = text.trim().toLowerCase();
  const whole = CANONICAL.get(lower);
  if (whole) return whole;
  const words = lower.split(/[-_. ]+/);
  if (words.length > 3) return undefined;
  for (const word of words) {
    const canonical = CANONICAL.get(word);
    if (canonical) return canonical;
  }
  return undefined;
}

interface Label {
  name: string;
  key: string;
  text: string;
}

/**
 * `[env]` labels: the non-production one (a label before a framework mode) and the production
 * label, if any.
 */
export function environmentLabels(envVars: ReadonlyArray<{ name: string; text: string }>): { other?: Label; production?: Label } {
  let other: Label | undefined;
  let otherIsLabel = false;
  let production: Label | undefined;
  for (const { name, text } of envVars) {
    const key = name.toUpperCase();
    const isLabel = LABELS.has(key);
    if (!isLabel && !MODE.test(key)) continue;
    const env = environmentOfValue(text);
    if (!env) continue;
    if (env === 'production') {
      if (isLabel) production ??= { name: env, key: name, text };
      continue;
    }
    if (!other || (isLabel && !otherIsLabel)) {
      other = { name: env, key: name, text };
      otherIsLabel = isLabel;
    }
  }
  return { ...(other ? { other } : {}), ...(production ? { production } : {}) };
}

function shortPath(filePath: string): string {
  return pathParts(filePath).slice(-2).join('/');
}

export function resolveEnvironment(sources: EnvironmentSources): EnvironmentInfo {
  if (sources.explicit) return info(sources.explicit.name, 'explicit', sources.explicit.reason);
  for (const comment of sources.comments ?? []) {
    const match = ENV_COMMENT.exec(comment);
    if (match) return info(match[1]!, 'comment', `comment "# flylint-env: ${match[1]}" in the file`);
  }
  if (sources.filePath) {
    const fromFile = environmentFromFileName(sources.filePath);
    if (fromFile) return info(fromFile, 'file-name', `file name "${shortPath(sources.filePath)}"`);
    const fromFolder = environmentFromFolders(sources.filePath, sources.projectRoot);
    if (fromFolder) return info(fromFolder.name, 'folder', `folder "${fromFolder.folder}" above the file`);
  }
  const labels = sources.envVars ? environmentLabels(sources.envVars) : {};
  if (labels.other) return info(labels.other.name, 'env-label', `[env] ${labels.other.key} = "${labels.other.text}"`);
  if (sources.appName) {
    const fromApp = environmentFromAppName(sources.appName);
    if (fromApp) return info(fromApp, 'app-name', `app name "${sources.appName}"`);
  }
  if (labels.production) return info('production', 'env-label', `[env] ${labels.production.key} = "${labels.production.text}"`);
  return info('production', 'default', 'nothing names another environment (no --env, "# flylint-env:" comment, file or folder name, [env] label such as ENVIRONMENT = "staging", or app-name word)');
}

/** The word an app name takes for an environment: `shop-staging`, `shop-dev`, `shop-pr-12`. */
function appWord(env: string): string {
  return env === 'development' ? 'dev' : env;
}

/**
 * A name for this environment's own app, built from `app`: the environment word replaces one the
 * name already carries (`shop-dev` → `shop-staging`), else is appended (`shop` → `shop-staging`).
 * Undefined for production (renaming a production app creates a new, empty app) and for
 * placeholders.
 */
export function suggestedAppName(app: string, env: string): string | undefined {
  if (canonicalEnvironment(env) === 'production' || isPlaceholder(app)) return undefined;
  const word = appWord(canonicalEnvironment(env));
  const parts = app.split('-');
  const at = parts.findIndex((p, i) => CANONICAL.has(p.toLowerCase()) || PR.test(p.toLowerCase()) || (p.toLowerCase() === 'pr' && /^\d+$/.test(parts[i + 1] ?? '')));
  if (at < 0) return `${app}-${word}`;
  const span = parts[at]!.toLowerCase() === 'pr' ? 2 : 1;
  const renamed = [...parts.slice(0, at), word, ...parts.slice(at + span)].join('-');
  return renamed === app ? undefined : renamed;
}
