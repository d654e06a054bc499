/** Command-line parsing, by hand: no dependency to load at start-up. */
import type { RuleLevel } from '../lint/engine.js';
import { scanArgs, unknownOption as unknownIn, UsageError } from './scan-args.js';

export { UsageError };

export type Format = 'stylish' | 'json' | 'sarif' | 'github';

export interface CliOptions {
  paths: string[];
  format: Format;
  env?: string;
  fix: boolean;
  unsafeFixes: boolean;
  stdin: boolean;
  stdinFilename?: string;
  /** A folder given (or the current one) that holds no config is no error. */
  allowEmpty: boolean;
  config?: string;
  rules: Record<string, RuleLevel>;
  maxWarnings?: number;
  quiet: boolean;
  listRules: boolean;
  explain?: string;
  printConfig?: string;
  version: boolean;
  help: boolean;
}

export const USAGE_LINE = 'Usage: flylint [options] [path ...]   (flylint --help lists the options)';

export const USAGE = `Usage: flylint [options] [path ...]
       flylint fmt [--check] [options] [path ...]   (formats; flylint fmt --help)

Lints fly.toml files: paths are files or directories (every fly*.toml below, and what \`include\` in
.flylint.toml names, honouring .gitignore); no path = the current directory. All files of one call
form one project (isolation rules compare them); for a file named on its own, the other configs of
its project are read too, not reported.

Options:
  --format stylish|json|sarif|github   output format (default: stylish)
  --env NAME                           force the environment of every file (production, staging, …)
  --fix                                apply safe fixes to the files
  --unsafe-fixes                       apply safe fixes and suggestions (these change what gets deployed)
  --stdin, -                           lint standard input (with --fix: the fixed text goes to
                                       standard output, the report to standard error)
  --stdin-filename NAME                the file name to use for standard input (default: fly.toml)
  --no-error-on-unmatched-pattern      exit 0, not 2, when a folder holds no config
  --config FILE                        use this .flylint.toml instead of searching upward
  --rule ID=off|info|warning|error     set a rule's level (repeatable)
  --max-warnings N                     exit 1 when there are more than N warnings
  --quiet                              report errors only
  --list-rules                         list every rule
  --explain ID                         print a rule's documentation
  --print-config FILE                  print the environment and settings that apply to FILE
  --version, -v                        print the version
  --help, -h                           print this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings that fail,
2 usage, config, read or internal error, or a folder with no config.`;

const LEVELS = new Set(['off', 'info', 'warning', 'error']);
const FORMATS = new Set(['stylish', 'json', 'sarif', 'github']);
const OPTIONS = ['--format', '--env', '--fix', '--unsafe-fixes', '--stdin', '--stdin-filename', '--no-error-on-unmatched-pattern', '--config', '--rule', '--max-warnings', '--quiet', '--list-rules', '--explain', '--print-config', '--version', '--help'];
const SHORT: Record<string, string> = { '-h': '--help', '-v': '--version' };

const unknownOption = (name: string) => unknownIn(name, OPTIONS);

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { paths: [], format: 'stylish', fix: false, unsafeFixes: false, stdin: false, allowEmpty: false, rules: {}, quiet: false, listRules: false, version: false, help: false };
  scanArgs(argv, options, SHORT, unknownOption, ({ name, value, flag }) => {
    switch (name) {
      case '--format': {
        const format = value();
        if (!FORMATS.has(format)) throw new UsageError(`Unknown format "${format}": use stylish, json, sarif or github`);
        options.format = format as Format;
        break;
      }
      case '--env': {
        const env = value().trim();
        if (!env) throw new UsageError('--env takes an environment name, such as production or staging');
        options.env = env;
        break;
      }
      case '--fix':
        options.fix = flag();
        break;
      case '--unsafe-fixes':
        options.unsafeFixes = flag();
        break;
      case '--stdin':
        options.stdin = flag();
        break;
      case '--stdin-filename':
        options.stdinFilename = value();
        break;
      case '--no-error-on-unmatched-pattern':
        options.allowEmpty = flag();
        break;
      case '--config':
        options.config = value();
        break;
      case '--rule': {
        const spec = value();
        const [id, level, extra] = spec.split('=');
        if (!id || !level || extra !== undefined || !LEVELS.has(level)) throw new UsageError(`--rule takes ID=off|info|warning|error, got "${spec}"`);
        options.rules[id] = level as RuleLevel;
        break;
      }
      case '--max-warnings': {
        const raw = value();
        const n = Number(raw);
        if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n)) throw new UsageError('--max-warnings takes a whole number >= 0');
        options.maxWarnings = n;
        break;
      }
      case '--quiet':
        options.quiet = flag();
        break;
      case '--list-rules':
        options.listRules = flag();
        break;
      case '--explain':
        options.explain = value();
        break;
      case '--print-config':
        options.printConfig = value();
        break;
      case '--version':
        options.version = flag();
        break;
      case '--help':
        options.help = flag();
        break;
      default:
        throw unknownOption(name);
    }
  });
  if (options.unsafeFixes) options.fix = true;
  if (options.stdin && options.paths.length) throw new UsageError('--stdin lints standard input: give no paths with it (name the input with --stdin-filename)');
  return options;
}
