/**
 * Which environment a config deploys to. Production-readiness rules run only on production
 * configs, so a staging file must never be mistaken for one; when nothing says otherwise a config
 * is production (the safe default for a checklist).
 */
import type { EnvironmentInfo } from '../lint/types.js';

export interface EnvironmentSources {
  /** From --env, the editor setting or the config file's globs. */
  explicit?: { name: string; reason: string };
  /** Comment texts of the file (without `#`), searched for `flylint-env: NAME`. */
  comments?: readonly string[];
  filePath?: string;
  appName?: string;
}

// A Map: names come from file names, comments and --env, and `fly.constructor.toml` must not find an inherited property.
const CANONICAL = new Map<string, string>([
  ['production', 'production'],
  ['prod', 'production'],
  ['staging', 'staging'],
  ['stage', 'staging'],
  ['stg', 'staging'],
  ['dev', 'development'],
  ['development', 'development'],
  ['test', 'test'],
  ['testing', 'test'],
  ['qa', 'qa'],
  ['preview', 'preview'],
  ['review', 'review'],
  ['sandbox', 'sandbox'],
]);

/** App-name suffixes that name a non-production environment (`shop-staging`, `shop-pr-12`). */
const APP_SUFFIX = /-(staging|stage|stg|dev|development|preview|review|sandbox|qa|test)$/i;
const APP_PR_SUFFIX = /-pr-?(\d+)$/i;
const APP_PROD_SUFFIX = /-(prod|production)$/i;
const ENV_COMMENT = /^\s*flylint-env\s*:\s*([A-Za-z0-9_-]+)/;

export function canonicalEnvironment(name: string): string {
  const lower = name.trim().toLowerCase();
  return CANONICAL.get(lower) ?? lower;
}

function info(name: string, source: EnvironmentInfo['source'], reason: string): EnvironmentInfo {
  const canonical = canonicalEnvironment(name);
  return { name: canonical, isProduction: canonical === 'production', source, reason };
}

/** The environment word of a file name: `fly.staging.toml`, `fly-prod.toml`, `staging.toml`. */
export function environmentFromFileName(filePath: string): string | undefined {
  const parts = filePath.split(/[\\/]/);
  const base = parts[parts.length - 1] ?? '';
  const stem = base.replace(/\.toml$/i, '').replace(/\.(sample|example|tpl|template)$/i, '');
  for (const word of stem.split(/[._-]+/)) {
    const canonical = CANONICAL.get(word.toLowerCase());
    if (canonical) return canonical;
  }
  // `apps/web/production/fly.toml`: a folder named for the environment, right above the file.
  const folder = parts[parts.length - 2]?.toLowerCase();
  const fromFolder = folder ? CANONICAL.get(folder) : undefined;
  if (fromFolder && /^fly\.toml$/i.test(base)) return fromFolder;
  return undefined;
}

export function environmentFromAppName(appName: string): string | undefined {
  const pr = APP_PR_SUFFIX.exec(appName);
  if (pr) return `pr-${pr[1]}`;
  const suffix = APP_SUFFIX.exec(appName);
  if (suffix) return canonicalEnvironment(suffix[1]!);
  if (APP_PROD_SUFFIX.test(appName)) return 'production';
  return undefined;
}

export function resolveEnvironment(sources: EnvironmentSources): EnvironmentInfo {
  if (sources.explicit) return info(sources.explicit.name, 'explicit', sources.explicit.reason);
  for (const comment of sources.comments ?? []) {
    const match = ENV_COMMENT.exec(comment);
    if (match) return info(match[1]!, 'comment', `comment "# flylint-env: ${match[1]}" in the file`);
  }
  if (sources.filePath) {
    const fromFile = environmentFromFileName(sources.filePath);
    if (fromFile) return info(fromFile, 'file-name', `file name "${sources.filePath.split(/[\\/]/).slice(-2).join('/')}"`);
  }
  if (sources.appName) {
    const fromApp = environmentFromAppName(sources.appName);
    if (fromApp) return info(fromApp, 'app-name', `app name "${sources.appName}"`);
  }
  return info('production', 'default', 'nothing names another environment (no --env, no "# flylint-env:" comment, file name or app-name suffix)');
}
