/**
 * The editor settings (`flylint.*`), read from whatever the client sends: `workspace/configuration`,
 * `workspace/didChangeConfiguration` or `initializationOptions`. Anything malformed is dropped, so
 * a typo in a settings file never stops the linting.
 */
import type { RuleLevel } from '../lint/engine.js';

export interface Settings {
  enable: boolean;
  /** Forces the environment of every config; undefined: from the file, its name or its app name. */
  environment?: string;
  rules: Record<string, RuleLevel>;
  privateApp: boolean;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, privateApp: false };

const LEVELS: ReadonlySet<string> = new Set(['off', 'info', 'warning', 'error']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts the `flylint` section itself or an object holding it (`{ flylint: { … } }`). */
export function readSettings(raw: unknown): Settings {
  const section = isRecord(raw) && isRecord(raw['flylint']) ? raw['flylint'] : raw;
  if (!isRecord(section)) return { ...DEFAULT_SETTINGS, rules: {} };
  const rules: Record<string, RuleLevel> = {};
  if (isRecord(section['rules'])) {
    for (const [id, level] of Object.entries(section['rules'])) {
      if (typeof level === 'string' && LEVELS.has(level)) rules[id] = level as RuleLevel;
    }
  }
  const environment = typeof section['environment'] === 'string' ? section['environment'].trim() : '';
  return {
    enable: section['enable'] !== false,
    ...(environment ? { environment } : {}),
    rules,
    privateApp: section['privateApp'] === true,
  };
}
