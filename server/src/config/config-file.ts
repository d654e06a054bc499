/**
 * The `.flylint.toml` config file: data only (rule levels, environment globs, private apps, extra
 * secret patterns, globs of configs not named fly*.toml), never code. Validated against `schemas/flylint-config.schema.json`'s rules
 * with messages that name the bad key and its position.
 */
import { parseToml } from '../toml/parse.js';
import { shownToken } from '../toml/literals.js';
import { toSchemaData } from '../toml/plain.js';
import type { TomlTable } from '../toml/values.js';
import { LineIndex } from '../lint/line-index.js';
import type { LintOptions, RuleLevel } from '../lint/engine.js';
import { globMatches } from './glob.js';
import { secretPatternProblem } from '../lint/secret-patterns.js';
import { didYouMean } from '../lint/did-you-mean.js';
import type { ErrorObject } from 'ajv';
import validateConfig from '../schema/generated/config-validator.js';
import { rangeOfValue, valueAtPointer } from '../schema/locate.js';
import type { FormatOptions } from '../format/options.js';

export interface FlylintConfig {
  filePath: string;
  /** Folder of the config file: globs are relative to it. */
  directory: string;
  root: boolean;
  rules: Record<string, RuleLevel>;
  environments: Array<{ glob: string; env: string }>;
  private: string[];
  secretPatterns: string[];
  /** Globs (relative to `directory`) of fly configs with other names, such as `deploy/fly/prod.toml`. */
  include: string[];
  /** `[format]`: only what the file sets. */
  format: Partial<FormatOptions>;
}

export interface ConfigError {
  message: string;
  line: number;
  column: number;
}

const TOP_KEYS = ['root', 'include', 'rules', 'environments', 'private', 'secrets', 'format'];
const FORMAT_KEYS = ['indent', 'quotes'];

/** A schema error in words, naming the key. */
function describeError(error: ErrorObject, path: string[]): string {
  // The indent's alternatives fail one by one (integer, range, "tab"): one message says them all.
  if (path[0] === 'format' && path[1] === 'indent') return '[format] indent must be a number of spaces from 0 to 8, or "tab"';
  const key = path.length ? path.join('.') : 'the file';
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const where = path.length ? `[${path.join('.')}]` : 'the top level';
      const known = path.length === 0 ? TOP_KEYS : path[0] === 'secrets' ? ['patterns'] : path[0] === 'format' ? FORMAT_KEYS : [];
      const suggestion = didYouMean(extra, known);
      return `Unknown key "${shownToken(extra)}" in ${where}${suggestion ? `. Did you mean "${suggestion}"?` : known.length ? `; known keys: ${known.join(', ')}` : ''}`;
    }
    case 'enum':
      if (path[0] === 'format') return '[format] quotes must be "preserve", "single" or "double"';
      return `[rules] ${path[path.length - 1]} must be "off", "info", "warning" or "error"`;
    case 'type':
      return `"${key}" must be ${String((error.params as { type: string }).type).replace('array', 'a list').replace('object', 'a table').replace('boolean', 'true or false').replace('string', 'a string')}`;
    case 'pattern':
      return path[0] === 'environments' ? `[environments] "${path[1]}" must name an environment, such as "staging"` : `"${key}" has an invalid value`;
    case 'minLength':
      return `"${key}" must not be empty`;
    default:
      return `"${key}": ${error.message ?? 'invalid'}`;
  }
}

/**
 * A file given as `.flylint.toml` may be anything (a credentials file, an environment dump): its
 * syntax errors show a quoted token only when it is short, and otherwise its first two characters.
 */
function hideLongQuotes(message: string): string {
  return message.replace(/"([^"]{13,})"/g, (_, quoted: string) => `"${quoted.slice(0, 2)}…" (${quoted.length} characters)`);
}

export function parseConfigFile(text: string, filePath: string, knownRules: readonly string[]): { config?: FlylintConfig; errors: ConfigError[] } {
  const parsed = parseToml(text);
  const index = new LineIndex(text);
  const errors: ConfigError[] = [];
  const at = (offset: number, message: string) => {
    const p = index.positionAt(offset);
    const error = { message, line: p.line + 1, column: p.character + 1 };
    if (!errors.some((e) => e.message === error.message && e.line === error.line && e.column === error.column)) errors.push(error);
  };
  for (const e of parsed.errors) if (e.code !== 'toml-version') at(e.range[0], hideLongQuotes(e.message));
  if (errors.length) return { errors };
  const root = parsed.value;
  if (!validateConfig(toSchemaData(root))) {
    for (const error of validateConfig.errors ?? []) {
      const path = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      const extra = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : undefined;
      const located = valueAtPointer(root, extra ? [...path, extra] : path);
      const onValue = path[0] === 'format' && path[1] === 'indent';
      const offset = located?.key && (extra || error.keyword === 'type') && !onValue ? located.key.start : located ? rangeOfValue(located)[0] : 0;
      at(offset, describeError(error, path));
    }
    return { errors };
  }
  const directory = filePath.replace(/[\\/][^\\/]*$/, '') || '.';
  const config: FlylintConfig = { filePath, directory, root: false, rules: {}, environments: [], private: [], secretPatterns: [], include: [], format: {} };
  const data = toSchemaData(root) as { root?: boolean; include?: string[]; private?: string[]; rules?: Record<string, RuleLevel>; environments?: Record<string, string>; secrets?: { patterns?: string[] }; format?: Partial<FormatOptions> };
  // The schema has checked both.
  if (data.format?.indent !== undefined) config.format.indent = data.format.indent;
  if (data.format?.quotes !== undefined) config.format.quotes = data.format.quotes;
  config.root = data.root === true;
  config.private = data.private ?? [];
  config.environments = Object.entries(data.environments ?? {}).map(([glob, env]) => ({ glob, env }));
  const rules = root.entries.get('rules')?.value;
  if (rules?.type === 'table') readRules(rules, knownRules, config, at);
  const includes = root.entries.get('include')?.value;
  (data.include ?? []).forEach((glob, i) => {
    const item = includes?.type === 'array' ? includes.items[i] : undefined;
    const problem = includeProblem(glob);
    if (problem) at(item ? rangeOfValue({ value: item })[0] : 0, `include: "${glob}" ${problem}`);
    else config.include.push(glob);
  });
  const patterns = valueAtPointer(root, ['secrets', 'patterns'])?.value;
  (data.secrets?.patterns ?? []).forEach((pattern, i) => {
    const item = patterns?.type === 'array' ? patterns.items[i] : undefined;
    const offset = item ? rangeOfValue({ value: item })[0] : 0;
    const problem = secretPatternProblem(pattern);
    if (problem) at(offset, `secrets.patterns: "${shownToken(pattern, 60)}" ${problem}`);
    else config.secretPatterns.push(pattern);
  });
  return errors.length ? { errors } : { config, errors };
}

/** Include globs name files below the config file's folder, as `[environments]` globs do. */
function includeProblem(glob: string): string | undefined {
  if (/^([\\/]|[A-Za-z]:)/.test(glob)) return 'must be relative to the folder of .flylint.toml, such as "deploy/fly/*.toml"';
  if (glob.includes('\\')) return 'must separate folders with "/"';
  if (glob.split('/').includes('..')) return 'cannot reach above the folder of .flylint.toml: name such files in a .flylint.toml above them';
  return undefined;
}

/**
 * Whether the config files that apply to a path (nearest first) name it in their `include` globs:
 * then it is linted as a fly config whatever its name. A glob applies to the files below its own
 * config file's folder.
 */
export function includedBy(configs: readonly FlylintConfig[], filePath: string): boolean {
  const path = filePath.replace(/\\/g, '/');
  // `include = ["*.toml"]` means the fly configs, never the config file itself.
  if (path.endsWith('/.flylint.toml')) return false;
  return configs.some((config) => {
    const folder = config.directory.replace(/\\/g, '/') + '/';
    return config.include.length > 0 && path.startsWith(folder) && config.include.some((glob) => globMatches(glob, path.slice(folder.length)));
  });
}

function readRules(table: TomlTable, knownRules: readonly string[], config: FlylintConfig, at: (offset: number, message: string) => void): void {
  for (const [id, entry] of table.entries) {
    if (!knownRules.includes(id)) {
      const suggestion = didYouMean(id, knownRules);
      at(entry.key.start, `Unknown rule "${shownToken(id)}" in [rules]${suggestion ? `. Did you mean "${suggestion}"?` : ''}`);
      continue;
    }
    // The schema has checked the level already.
    config.rules[id] = (entry.value as { value: RuleLevel }).value;
  }
}

/** The `[format]` settings of the config files that apply (nearest first): a nearer file's win, key by key. */
export function formatOptionsOf(configs: readonly FlylintConfig[]): Partial<FormatOptions> {
  const options: Partial<FormatOptions> = {};
  for (const config of [...configs].reverse()) Object.assign(options, config.format);
  return options;
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
