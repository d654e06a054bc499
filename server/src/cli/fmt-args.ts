/** Arguments of `flylint fmt`, by hand like the linter's (args.ts). */
import { scanArgs, unknownOption as unknownIn, UsageError } from './scan-args.js';
import { MAX_INDENT, QUOTE_STYLES, type FormatOptions, type QuoteStyle } from '../format/options.js';

export interface FmtOptions {
  paths: string[];
  check: boolean;
  stdin: boolean;
  stdinFilename?: string;
  allowEmpty: boolean;
  config?: string;
  /** Set on the command line: they override `.flylint.toml`'s `[format]`. */
  style: Partial<FormatOptions>;
  help: boolean;
}

export const FMT_USAGE_LINE = 'Usage: flylint fmt [--check] [options] [path ...]   (flylint fmt --help lists the options)';

export const FMT_USAGE = `Usage: flylint fmt [--check] [options] [path ...]

Formats fly.toml files in the style \`fly launch\` writes: keys indented under their table, one
space around =, no trailing whitespace, at most one blank line in a row. Comments, key order,
values, blank-line groups, line endings and a byte-order mark are kept. Paths are found as the
linter finds them (flylint --help); no path = the current directory. A file with TOML syntax
errors is not formatted.

Options:
  --check                              change nothing; list the files that are not formatted
  --indent N|tab                       spaces per level, 0 to ${MAX_INDENT}, or tab (default: 2, or .flylint.toml's [format])
  --quotes preserve|single|double      quotes of one-line strings (default: preserve)
  --stdin, -                           format standard input to standard output
  --stdin-filename NAME                the file name to use for standard input (finds its .flylint.toml)
  --no-error-on-unmatched-pattern      exit 0, not 2, when a folder holds no config
  --config FILE                        use this .flylint.toml instead of searching upward
  --help, -h                           print this help

Exit codes: 0 formatted (or, with --check, nothing to change), 1 with --check: a file is not
formatted, 2 usage, config, read, write or TOML syntax error.`;

const OPTIONS = ['--check', '--indent', '--quotes', '--stdin', '--stdin-filename', '--no-error-on-unmatched-pattern', '--config', '--help'];
const SHORT: Record<string, string> = { '-h': '--help' };
const unknownOption = (name: string) => unknownIn(name, OPTIONS, 'flylint fmt');

export function parseFmtArgs(argv: readonly string[]): FmtOptions {
  const options: FmtOptions = { paths: [], check: false, stdin: false, allowEmpty: false, style: {}, help: false };
  scanArgs(argv, options, SHORT, unknownOption, ({ name, value, flag }) => {
    switch (name) {
      case '--check':
        options.check = flag();
        break;
      case '--indent':
        options.style.indent = indentOf(value());
        break;
      case '--quotes': {
        const quotes = value();
        if (!(QUOTE_STYLES as readonly string[]).includes(quotes)) throw new UsageError(`--quotes takes preserve, single or double, got "${quotes}"`);
        options.style.quotes = quotes as QuoteStyle;
        break;
      }
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
      case '--help':
        options.help = flag();
        break;
      default:
        throw unknownOption(name);
    }
  });
  if (options.stdin && options.paths.length) throw new UsageError('--stdin formats standard input: give no paths with it (name the input with --stdin-filename)');
  return options;
}

function indentOf(raw: string): number | 'tab' {
  if (raw === 'tab') return 'tab';
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > MAX_INDENT) throw new UsageError(`--indent takes a number of spaces from 0 to ${MAX_INDENT}, or tab; got "${raw}"`);
  return n;
}
