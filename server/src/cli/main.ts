/**
 * The `flylint` command: the process-level adapter over the core (arguments, files, output,
 * exit code). Everything it reports comes from lintAnalyzed; nothing here knows a rule.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs, UsageError, USAGE, type CliOptions } from './args.js';
import { discoverFiles } from './discover.js';
import { ConfigFileError, ConfigSearch } from './config-search.js';
import { writeFileAtomic } from './write-file.js';
import { colorsEnabled, makeColors } from './colors.js';
import { fileReport, totals, type FileReport } from './report.js';
import { formatStylish } from './formatters/stylish.js';
import { formatJson } from './formatters/json.js';
import { formatSarif } from './formatters/sarif.js';
import { formatGithub } from './formatters/github.js';
import { analyze, allRules, findRule, lintAnalyzed, type AnalyzedFile, type LintOptions } from '../lint/engine.js';
import { fixUntilStable } from '../lint/fix-loop.js';
import { optionsForFile } from '../config/config-file.js';
import { renderRuleDocs, renderRuleList } from '../lint/rule-docs-page.js';
import { VERSION } from '../version.js';
import type { Finding } from '../lint/types.js';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): string;
  isTTY: boolean;
}

interface Input {
  filePath: string;
  text: string;
  fromStdin: boolean;
}

export function run(argv: readonly string[], io: Io): number {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`flylint: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) return io.stdout(USAGE + '\n'), 0;
  if (options.version) return io.stdout(VERSION + '\n'), 0;
  const known = allRules().map((r) => r.meta.id);
  for (const id of Object.keys(options.rules)) {
    if (!known.includes(id)) return io.stderr(`flylint: unknown rule "${id}" in --rule (see flylint --list-rules)\n`), 2;
  }
  if (options.listRules) return io.stdout(renderRuleList(allRules().map((r) => r.meta))), 0;
  if (options.explain !== undefined) {
    const rule = findRule(options.explain);
    if (!rule) return io.stderr(`flylint: unknown rule "${options.explain}" (see flylint --list-rules)\n`), 2;
    return io.stdout(renderRuleDocs(rule.meta)), 0;
  }

  try {
    return lint(options, io, known);
  } catch (error) {
    if (error instanceof UsageError) return io.stderr(`flylint: ${error.message}\n`), 2;
    if (error instanceof ConfigFileError) return io.stderr(`flylint: invalid config file\n${error.message}\n`), 2;
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`flylint: internal error: ${reason}\nPlease report this with the file that caused it.\n`);
    return 2;
  }
}

function lint(options: CliOptions, io: Io, known: readonly string[]): number {
  const configs = new ConfigSearch(known, options.config ? resolve(io.cwd, options.config) : undefined);
  const display = (path: string) => relative(io.cwd, path) || path;

  if (options.printConfig !== undefined) {
    const filePath = resolve(io.cwd, options.printConfig);
    let text = '';
    try {
      text = readFileSync(filePath, 'utf8');
    } catch {
      throw new UsageError(`No such file: ${options.printConfig}`);
    }
    const { file, lintOptions, used } = prepare({ filePath, text, fromStdin: false }, options, configs);
    const levels = Object.fromEntries(allRules().map((r) => [r.meta.id, lintOptions.rules?.[r.meta.id] ?? r.meta.severity]));
    io.stdout(JSON.stringify({ filePath, environment: file.env, privateApp: lintOptions.privateApp ?? false, configFiles: used, rules: levels }, null, 2) + '\n');
    return 0;
  }

  const inputs: Input[] = [];
  if (options.stdin) {
    const name = options.stdinFilename ?? 'fly.toml';
    inputs.push({ filePath: resolve(io.cwd, name), text: io.readStdin(), fromStdin: true });
  } else {
    for (const filePath of discoverFiles(options.paths, io.cwd)) {
      try {
        inputs.push({ filePath, text: readFileSync(filePath, 'utf8'), fromStdin: false });
      } catch (error) {
        throw new UsageError(`Cannot read ${display(filePath)}: ${(error as NodeJS.ErrnoException).code ?? error}`);
      }
    }
  }

  // One project: every file is analysed once and is a sibling of the others.
  const prepared = inputs.map((input) => ({ input, ...prepare(input, options, configs) }));
  const reports: FileReport[] = [];
  for (const { input, file, lintOptions } of prepared) {
    const siblings = prepared.filter((p) => p.file !== file).map((p) => p.file);
    let text = input.text;
    let findings: Finding[];
    if (options.fix) {
      const result = fixUntilStable(text, (t) => lintAnalyzed(analyze(t, input.filePath, lintOptions), siblings, lintOptions), { unsafe: options.unsafeFixes });
      findings = result.findings;
      if (result.text !== text) {
        text = result.text;
        if (!input.fromStdin) writeFileAtomic(input.filePath, text);
      }
      if (input.fromStdin) io.stdout(text);
    } else {
      findings = lintAnalyzed(file, siblings, lintOptions);
    }
    if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
    reports.push(fileReport(input.filePath, display(input.filePath), text, findings));
  }

  // With --stdin --fix the fixed text is the output; findings go to stderr in stylish form.
  const out = options.stdin && options.fix ? io.stderr : io.stdout;
  const colors = makeColors(colorsEnabled(io.env, io.isTTY && !(options.stdin && options.fix)));
  switch (options.format) {
    case 'json':
      out(formatJson(reports));
      break;
    case 'sarif':
      out(formatSarif(reports, allRules().map((r) => r.meta), VERSION));
      break;
    case 'github':
      out(formatGithub(reports));
      break;
    default:
      out(formatStylish(reports, colors, display));
  }

  const t = totals(reports);
  if (t.errors > 0) return 1;
  if (options.maxWarnings !== undefined && t.warnings > options.maxWarnings) {
    if (options.format === 'stylish') io.stderr(`flylint found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

function prepare(input: Input, options: CliOptions, configs: ConfigSearch): { file: AnalyzedFile; lintOptions: LintOptions; used: string[] } {
  const found = configs.configsFor(input.filePath);
  // The app name decides `private = ["app-name"]`; analyse once without, then with the settings.
  const first = analyze(input.text, input.filePath);
  const fromConfig = optionsForFile(found, input.filePath, first.config.appName);
  const lintOptions: LintOptions = {
    ...fromConfig,
    filePath: input.filePath,
    rules: { ...(fromConfig.rules ?? {}), ...options.rules },
  };
  if (options.env) {
    lintOptions.env = options.env;
    lintOptions.envReason = `--env ${options.env}`;
  }
  const file = lintOptions.env ? analyze(input.text, input.filePath, lintOptions) : first;
  return { file, lintOptions, used: found.map((c) => c.filePath) };
}
