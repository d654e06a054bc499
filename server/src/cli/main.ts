/**
 * The `flylint` command: the process-level adapter over the core (arguments, files, output,
 * exit code). Everything it reports comes from lintAnalyzed; nothing here knows a rule.
 */
import { describeFsError, readRegularFile } from './read-file.js';
import { safeJson, safeText } from './formatters/escape.js';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs, UsageError, USAGE, USAGE_LINE, type CliOptions } from './args.js';
import { discoverFiles } from './discover.js';
import { projectContext, projectFolder } from './project-context.js';
import { diskProjectView } from './project-view.js';
import { cannotRead, cannotReadMessage } from './read-errors.js';
import { ConfigFileError, ConfigReadError, ConfigSearch } from './config-search.js';
import { writeFileAtomic, type FileSystemOps } from './write-file.js';
import { keepFileConventions } from './file-conventions.js';
import { decodeSource } from './read-source.js';
import { repositoryRoot } from './project-root.js';
import { colorsEnabled, makeColors } from './colors.js';
import { fileReport, totals, type FileReport } from './report.js';
import { formatStylish } from './formatters/stylish.js';
import { formatJson } from './formatters/json.js';
import { formatSarif } from './formatters/sarif.js';
import { formatGithub } from './formatters/github.js';
import { analyze, allRules, findRule, lintAnalyzed, secretsOf, type AnalyzedFile, type LintOptions, type RuleLevel } from '../lint/engine.js';
import { fixUntilStable, type FixLoopResult } from '../lint/fix-loop.js';
import { defaultLevel } from '../lint/rule.js';
import { didYouMean } from '../lint/did-you-mean.js';
import { optionsForFile } from '../config/config-file.js';
import { renderRuleDocs, renderRuleList } from '../lint/rule-docs-page.js';
import { VERSION } from '../version.js';
import { runFmt } from './fmt.js';
import type { Finding } from '../lint/types.js';

const HOMEPAGE = 'https://github.com/flylint/flylint';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Bytes only for text that must pass through unchanged (stdin that is not UTF-8, with --fix). */
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
  readStdin(): Uint8Array;
  isTTY: boolean;
  /** Replaced in tests to simulate a write that fails midway. */
  fileSystem?: Partial<FileSystemOps>;
}

interface Input {
  filePath: string;
  text: string;
  fromStdin: boolean;
  /** Offset of the first byte that is not UTF-8: such a file is reported and never rewritten. */
  invalidUtf8At?: number;
  invalidByte?: number;
  bytes?: Uint8Array;
}

export function run(argv: readonly string[], io: Io): number {
  // `flylint fmt …` formats; a folder named fmt is linted as ./fmt.
  if (argv[0] === 'fmt') return runFmt(argv.slice(1), io);
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`flylint: ${safeText(error.message)}\n${USAGE_LINE}\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) return io.stdout(USAGE + '\n'), 0;
  if (options.version) return io.stdout(VERSION + '\n'), 0;
  const known = allRules().map((r) => r.meta.id);
  for (const id of Object.keys(options.rules)) {
    if (!known.includes(id)) return io.stderr(`flylint: ${safeText(`--rule ${id}=${options.rules[id]}: ${unknownRule(id, known)}`)}\n`), 2;
  }
  if (options.listRules) return io.stdout(renderRuleList(allRules().map((r) => r.meta))), 0;
  if (options.explain !== undefined) {
    const rule = findRule(options.explain);
    if (!rule) return io.stderr(`flylint: ${safeText(unknownRule(options.explain, known))}\n`), 2;
    return io.stdout(renderRuleDocs(rule.meta)), 0;
  }

  try {
    return lint(options, io, known);
  } catch (error) {
    if (error instanceof UsageError) return io.stderr(`flylint: ${safeText(error.message)}\n`), 2;
    if (error instanceof ConfigReadError) return io.stderr(`flylint: ${safeText(cannotReadMessage(relative(io.cwd, error.filePath) || error.filePath, error.reason, 'config file'))}\n`), 2;
    if (error instanceof ConfigFileError) {
      const where = relative(io.cwd, error.filePath) || error.filePath;
      return io.stderr(`flylint: invalid config file\n${error.errors.map((e) => safeText(`${where}:${e.line}:${e.column}: ${e.message}`)).join('\n')}\n`), 2;
    }
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`flylint: internal error: ${safeText(reason)}\nPlease report this with the file that caused it.\n`);
    return 2;
  }
}

function unknownRule(id: string, known: readonly string[]): string {
  const suggestion = didYouMean(id, known);
  return `unknown rule "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; flylint --list-rules lists them`;
}

function lint(options: CliOptions, io: Io, known: readonly string[]): number {
  const configs = new ConfigSearch(known, options.config ? resolve(io.cwd, options.config) : undefined);
  const display = (path: string) => relative(io.cwd, path) || path;

  if (options.printConfig !== undefined) return printConfig(options.printConfig, options, io, configs);

  const inputs: Input[] = [];
  const included = (path: string) => configs.includes(path);
  /** Files named on their own: the other configs of their project are read around them. */
  let named: string[] = [];
  if (options.stdin) {
    const name = options.stdinFilename ?? 'fly.toml';
    let bytes: Uint8Array;
    try {
      bytes = io.readStdin();
    } catch (error) {
      throw cannotRead('standard input', error);
    }
    inputs.push({ filePath: resolve(io.cwd, name), fromStdin: true, bytes, ...decodeSource(bytes) });
    // Only a real name places standard input in a project (editors pass the file's path).
    if (options.stdinFilename !== undefined) named = [resolve(io.cwd, name)];
  } else {
    const found = discoverFiles(options.paths, io.cwd, included);
    // Linting nothing must not pass a CI gate: a folder without configs is a mistyped path or a moved file.
    if (found.empty.length && !options.allowEmpty) {
      for (const dir of found.empty) io.stderr(`flylint: no fly*.toml files in ${safeText(dir)}, nor files a .flylint.toml includes (--no-error-on-unmatched-pattern allows this)\n`);
      return 2;
    }
    for (const filePath of found.files) inputs.push({ filePath, fromStdin: false, ...readSource(filePath, display) });
    named = found.named;
  }

  // One project: every file is analysed once and is a sibling of the others. The configs around
  // files named on their own are siblings too, never reported, fixed or counted.
  const prepared = inputs.map((input) => ({ input, ...prepare(input, options, configs) }));
  const around = projectContext(named, inputs.map((input) => input.filePath), configs, included).map((source) => prepare({ ...source, fromStdin: false }, options, configs).file);
  const reports: FileReport[] = [];
  let warnings = 0;
  const writeFailures: string[] = [];
  const files = prepared.map((p) => p.file);
  for (const [i, { input, file, lintOptions }] of prepared.entries()) {
    const siblings = files.slice(0, i).concat(files.slice(i + 1), around);
    const lintText = (text: string) => lintAnalyzed(analyze(text, input.filePath, lintOptions), siblings, lintOptions);
    let text = input.text;
    let findings: Finding[] | undefined;
    let fixed = 0;
    if (options.fix && input.invalidUtf8At === undefined) {
      const result = applyAllFixes(text, lintText, options.unsafeFixes);
      const kept = keepFileConventions(text, result.text);
      if (kept === text) {
        if (result.text === text) findings = result.findings;
      } else {
        try {
          if (!input.fromStdin) writeFileAtomic(input.filePath, kept, io.fileSystem, input.text);
          text = kept;
          fixed = result.applied;
          findings = kept === result.text ? result.findings : lintText(kept);
        } catch (error) {
          writeFailures.push(`flylint: ${safeText(`cannot write ${display(input.filePath)} (${describeFsError(error)})`)}; it is unchanged\n`);
        }
      }
    }
    findings ??= lintAnalyzed(file, siblings, lintOptions);
    if (options.fix && input.fromStdin) io.stdout(input.invalidUtf8At !== undefined && input.bytes ? input.bytes : text);
    if (input.invalidUtf8At !== undefined && lintOptions.rules?.['toml-syntax'] !== 'off') findings.unshift(notUtf8(input, options.fix, lintOptions.rules?.['toml-syntax']));
    // --max-warnings counts the warnings --quiet does not show, as ESLint does.
    warnings += findings.filter((f) => f.severity === 'warning').length;
    if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
    const secrets = secretsOf(text === file.text ? file : analyze(text, input.filePath, lintOptions), lintOptions);
    reports.push(fileReport(input.filePath, display(input.filePath), text, findings, fixed, secrets));
  }

  // With --stdin --fix the fixed text is the output; the report goes to stderr.
  const toStderr = options.stdin && options.fix;
  const out = toStderr ? io.stderr : io.stdout;
  const colors = makeColors(colorsEnabled(io.env, io.isTTY && !toStderr));
  switch (options.format) {
    case 'json':
      out(formatJson(reports));
      break;
    case 'sarif':
      out(formatSarif(reports, { rules: allRules().map((r) => r.meta), version: VERSION, informationUri: HOMEPAGE }, io.cwd));
      break;
    case 'github':
      out(formatGithub(reports));
      break;
    default:
      out(formatStylish(reports, colors, display, options.fix ? (options.unsafeFixes ? 'unsafe' : 'safe') : undefined, options.quiet));
  }
  for (const failure of writeFailures) io.stderr(failure);

  if (writeFailures.length) return 2;
  const t = totals(reports);
  if (t.errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr(`flylint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings} allows\n`);
    return 1;
  }
  return 0;
}

/**
 * Safe fixes first, on their own: a pass that would break the TOML is dropped whole, and a
 * suggestion must not take the safe fixes of its pass down with it.
 */
function applyAllFixes(text: string, lint: (text: string) => Finding[], unsafe: boolean): FixLoopResult {
  const safe = fixUntilStable(text, lint);
  if (!unsafe) return safe;
  const all = fixUntilStable(safe.text, lint, { unsafe: true });
  return { ...all, applied: safe.applied + all.applied, passes: safe.passes + all.passes };
}

function readSource(filePath: string, display: (path: string) => string): Pick<Input, 'text' | 'invalidUtf8At' | 'invalidByte'> {
  try {
    return decodeSource(readRegularFile(filePath));
  } catch (error) {
    throw cannotRead(display(filePath), error);
  }
}

/** TOML files are UTF-8; the text seen here has the bad bytes replaced, so it must not be written back. */
function notUtf8(input: Input, fixing: boolean, level: RuleLevel | undefined): Finding {
  const at = input.invalidUtf8At ?? 0;
  const byte = input.invalidByte !== undefined ? ` (byte 0x${input.invalidByte.toString(16).toUpperCase().padStart(2, '0')})` : '';
  return {
    ruleId: 'toml-syntax',
    severity: level && level !== 'off' ? level : 'error',
    message: `The file is not valid UTF-8${byte}; TOML files must be UTF-8. Save it as UTF-8${fixing ? ' (--fix left it untouched)' : ''}`,
    range: [at, Math.min(at + 1, input.text.length)],
    filePath: input.filePath,
  };
}

function printConfig(path: string, options: CliOptions, io: Io, configs: ConfigSearch): number {
  const filePath = resolve(io.cwd, path);
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(filePath);
  } catch (error) {
    throw cannotRead(path, error);
  }
  const { file, lintOptions, used } = prepare({ filePath, fromStdin: false, ...decodeSource(bytes) }, options, configs);
  const levels = Object.fromEntries(allRules().map((r) => [r.meta.id, lintOptions.rules?.[r.meta.id] ?? defaultLevel(r.meta)]));
  const report = {
    filePath,
    environment: file.env,
    privateApp: lintOptions.privateApp ?? false,
    secretPatterns: lintOptions.secretPatterns ?? [],
    configFiles: used,
    rules: levels,
  };
  io.stdout(safeJson(JSON.stringify(report, null, 2)) + '\n');
  return 0;
}

function prepare(input: Input, options: CliOptions, configs: ConfigSearch): { file: AnalyzedFile; lintOptions: LintOptions; used: string[] } {
  const found = configs.configsFor(input.filePath);
  // Folders between the repository root and the file may name its environment.
  const projectRoot = repositoryRoot(dirname(input.filePath));
  // The app name decides `private = ["app-name"]`; analyse once without, then with the settings.
  const first = analyze(input.text, input.filePath, projectRoot !== undefined ? { projectRoot } : {});
  const fromConfig = optionsForFile(found, input.filePath, first.config.appName);
  const lintOptions: LintOptions = {
    ...fromConfig,
    filePath: input.filePath,
    ...(projectRoot !== undefined ? { projectRoot } : {}),
    rules: { ...(fromConfig.rules ?? {}), ...options.rules },
  };
  // The files around the config (read only when a rule needs them); standard input without a name has no place.
  if (!input.fromStdin || options.stdinFilename !== undefined) lintOptions.projectView = diskProjectView(input.filePath, projectFolder(input.filePath, configs).folder);
  if (options.env) {
    lintOptions.env = options.env;
    lintOptions.envReason = `--env ${options.env}`;
  }
  const file = lintOptions.env ? analyze(input.text, input.filePath, lintOptions) : first;
  return { file, lintOptions, used: found.map((c) => c.filePath) };
}
