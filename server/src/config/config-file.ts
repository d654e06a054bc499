/**
 * The `.flylint.toml` config file: data only (rule levels, environment globs, private apps, extra
 * secret patterns), never code. Validated against `schemas/flylint-config.schema.json`'s rules
 * with messages that name the bad key and its position.
 */
import { parseToml } from '../toml/parse.js';
import type { TomlTable, TomlValue } from '../toml/values.js';
import { LineIndex } from '../lint/line-index.js';
import type { LintOptions, RuleLevel } from '../lint/engine.js';
import { globMatches } from './glob.js';
import { didYouMean } from '../lint/did-you-mean.js';

export interface FlylintConfig {
  filePath: string;
  /** Folder of the config file: globs are relative to it. */
  directory: string;
  root: boolean;
  rules: Record<string, RuleLevel>;
  environments: Array<{ glob: string; env: string }>;
  private: string[];
  secretPatterns: string[];
}

export interface ConfigError {
  message: string;
  line: number;
  column: number;
}

const LEVELS = ['off', 'info', 'warning', 'error'];
const TOP_KEYS = ['root', 'rules', 'environments', 'private', 'secrets'];

export function parseConfigFile(text: string, filePath: string, knownRules: readonly string[]): { config?: FlylintConfig; errors: ConfigError[] } {
  const parsed = parseToml(text);
  const index = new LineIndex(text);
  const errors: ConfigError[] = [];
  const at = (offset: number, message: string) => {
    const p = index.positionAt(offset);
    errors.push({ message, line: p.line + 1, column: p.character + 1 });
  };
  for (const e of parsed.errors) if (e.code !== 'toml-version') at(e.range[0], e.message);
  if (errors.length) return { errors };
  const directory = filePath.replace(/[\\/][^\\/]*$/, '') || '.';
  const config: FlylintConfig = { filePath, directory, root: false, rules: {}, environments: [], private: [], secretPatterns: [] };
  const where = (v: TomlValue) => ('start' in v.node ? v.node.start : 0);
  const stringList = (v: TomlValue, key: string): string[] => {
    if (v.type !== 'array' || v.items.some((i) => i.type !== 'string')) {
      at(where(v), `"${key}" must be a list of strings`);
      return [];
    }
    return v.items.map((i) => String((i as { value: unknown }).value));
  };
  const root = parsed.value;
  for (const [key, entry] of root.entries) {
    const v = entry.value;
    switch (key) {
      case 'root':
        if (v.type !== 'boolean') at(where(v), '"root" must be true or false');
        else config.root = v.value as boolean;
        break;
      case 'rules':
        if (v.type !== 'table') at(entry.key.start, '[rules] must be a table of rule = "off" | "info" | "warning" | "error"');
        else readRules(v, knownRules, config, at);
        break;
      case 'environments':
        if (v.type !== 'table') at(entry.key.start, '[environments] must be a table of "glob" = "environment"');
        else
          for (const [glob, e] of v.entries) {
            if (e.value.type !== 'string' || !/^[A-Za-z0-9_-]+$/.test(String((e.value as { value: unknown }).value))) at(where(e.value), `[environments] "${glob}" must name an environment, such as "staging"`);
            else config.environments.push({ glob, env: String((e.value as { value: unknown }).value) });
          }
        break;
      case 'private':
        config.private = stringList(v, 'private');
        break;
      case 'secrets':
        if (v.type !== 'table') at(entry.key.start, '[secrets] must be a table with "patterns"');
        else
          for (const [k, e] of v.entries) {
            if (k !== 'patterns') at(e.key.start, `Unknown key "${k}" in [secrets]; the only key is "patterns"`);
            else
              for (const pattern of stringList(e.value, 'secrets.patterns')) {
                try {
                  new RegExp(pattern, 'i');
                  config.secretPatterns.push(pattern);
                } catch {
                  at(where(e.value), `secrets.patterns: "${pattern}" is not a valid regular expression`);
                }
              }
          }
        break;
      default: {
        const suggestion = didYouMean(key, TOP_KEYS);
        at(entry.key.start, `Unknown key "${key}"${suggestion ? `. Did you mean "${suggestion}"?` : `; known keys: ${TOP_KEYS.join(', ')}`}`);
      }
    }
  }
  return errors.length ? { errors } : { config, errors };
}

function readRules(table: TomlTable, knownRules: readonly string[], config: FlylintConfig, at: (offset: number, message: string) => void): void {
  for (const [id, entry] of table.entries) {
    if (!knownRules.includes(id)) {
      const suggestion = didYouMean(id, knownRules);
      at(entry.key.start, `Unknown rule "${id}" in [rules]${suggestion ? `. Did you mean "${suggestion}"?` : ''}`);
      continue;
    }
    const v = entry.value;
    if (v.type !== 'string' || !LEVELS.includes(v.value as string)) {
      at('start' in v.node ? v.node.start : entry.key.start, `[rules] ${id} must be "off", "info", "warning" or "error"`);
      continue;
    }
    config.rules[id] = v.value as RuleLevel;
  }
}

/** What the config files (nearest first) say about one file. */
export function optionsForFile(configs: readonly FlylintConfig[], filePath: string, appName?: string): Partial<LintOptions> {
  const options: Partial<LintOptions> & { rules: Record<string, RuleLevel> } = { rules: {} };
  // Farthest first, so nearer files override.
  for (const config of [...configs].reverse()) {
    Object.assign(options.rules, config.rules);
    const relative = filePath.startsWith(config.directory + '/') ? filePath.slice(config.directory.length + 1) : filePath;
    for (const { glob, env } of config.environments) {
      if (globMatches(glob, relative)) {
        options.env = env;
        options.envReason = `${config.filePath}: [environments] "${glob}" = "${env}"`;
      }
    }
    if (config.private.some((p) => p === appName || globMatches(p, relative))) options.privateApp = true;
    if (config.secretPatterns.length) options.secretPatterns = [...(options.secretPatterns ?? []), ...config.secretPatterns];
  }
  return options;
}
