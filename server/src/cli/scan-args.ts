/**
 * How `flylint` and `flylint fmt` read their command lines: `--name value`, `--name=value`,
 * flags, `-` for standard input, `--` before paths that start with a dash. Each command says what
 * its options mean; the reading and its error messages are the same for both.
 */
import { didYouMean } from '../lint/did-you-mean.js';

/** A command line flylint cannot run: printed as is, exit 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
  paths: string[];
  stdin: boolean;
}

/** An option as read: its value (the next argument, or after `=`), or its use as a flag. */
export interface OptionUse {
  name: string;
  value(): string;
  flag(): true;
}

export function unknownOption(name: string, known: readonly string[], command = ''): UsageError {
  const suggestion = didYouMean(name, known);
  return new UsageError(`Unknown option "${name}"${command ? ` for ${command}` : ''}${suggestion ? `. Did you mean "${suggestion}"?` : ''}`);
}

/** Reads `argv` into `options.paths`/`options.stdin`, handing each `--option` to `option`. */
export function scanArgs(
  argv: readonly string[],
  options: ParsedArgs,
  short: Readonly<Record<string, string>>,
  unknown: (name: string) => UsageError,
  option: (use: OptionUse) => void,
): void {
  for (let i = 0; i < argv.length; i++) {
    const raw = short[argv[i]!] ?? argv[i]!;
    if (!raw.startsWith('--') || raw === '--') {
      if (raw === '--') {
        options.paths.push(...argv.slice(i + 1));
        break;
      }
      if (raw === '-') options.stdin = true;
      else if (raw.startsWith('-')) throw unknown(raw);
      else options.paths.push(raw);
      continue;
    }
    const eq = raw.indexOf('=');
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    option({
      name,
      value: () => {
        if (inline !== undefined) return inline;
        const next = argv[++i];
        if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`Option ${name} needs a value`);
        return next;
      },
      flag: () => {
        if (inline !== undefined) throw new UsageError(`Option ${name} takes no value`);
        return true;
      },
    });
  }
}
