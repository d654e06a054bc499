/**
 * `flylint fmt`: the process-level adapter over the core formatter (server/src/format). Files are
 * found as the linter finds them, formatted with the style `.flylint.toml` and the flags give,
 * and written the way `--fix` writes (write-file.ts): a file that changed on disk meanwhile, one
 * that is not UTF-8 and one with TOML syntax errors are left untouched.
 */
import { relative, resolve } from 'node:path';
import { UsageError } from './args.js';
import { FMT_USAGE, FMT_USAGE_LINE, parseFmtArgs, type FmtOptions } from './fmt-args.js';
import { discoverFiles } from './discover.js';
import { ConfigFileError, ConfigReadError, ConfigSearch } from './config-search.js';
import { cannotRead, cannotReadMessage } from './read-errors.js';
import { describeFsError, readRegularFile } from './read-file.js';
import { decodeSource, type DecodedSource } from './read-source.js';
import { ChangedOnDiskError, writeFileAtomic } from './write-file.js';
import { safeText } from './formatters/escape.js';
import type { Io } from './main.js';
import { allRules } from '../lint/engine.js';
import { LineIndex } from '../lint/line-index.js';
import { formatOptionsOf } from '../config/config-file.js';
import { applyTextEdits, formatEdits } from '../format/index.js';
import { DEFAULT_FORMAT_OPTIONS, type FormatOptions } from '../format/options.js';

interface Outcome {
  /** Not formatted as it stands. */
  changes: boolean;
  /** Could not be read, parsed or written. */
  failed: boolean;
  formatted?: string;
}

export function runFmt(argv: readonly string[], io: Io): number {
  let options: FmtOptions;
  try {
    options = parseFmtArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return io.stderr(`flylint: ${safeText(error.message)}\n${FMT_USAGE_LINE}\n`), 2;
    throw error;
  }
  if (options.help) return io.stdout(FMT_USAGE + '\n'), 0;
  const display = (path: string) => relative(io.cwd, path) || path;
  try {
    return formatAll(options, io, display);
  } catch (error) {
    if (error instanceof UsageError) return io.stderr(`flylint: ${safeText(error.message)}\n`), 2;
    if (error instanceof ConfigReadError) return io.stderr(`flylint: ${safeText(cannotReadMessage(display(error.filePath), error.reason, 'config file'))}\n`), 2;
    if (error instanceof ConfigFileError) {
      return io.stderr(`flylint: invalid config file\n${error.errors.map((e) => safeText(`${display(error.filePath)}:${e.line}:${e.column}: ${e.message}`)).join('\n')}\n`), 2;
    }
    throw error;
  }
}

function formatAll(options: FmtOptions, io: Io, display: (path: string) => string): number {
  const configs = new ConfigSearch(allRules().map((r) => r.meta.id), options.config ? resolve(io.cwd, options.config) : undefined);
  const styleFor = (filePath: string): FormatOptions => ({ ...DEFAULT_FORMAT_OPTIONS, ...formatOptionsOf(configs.configsFor(filePath)), ...options.style });

  if (options.stdin) {
    const filePath = resolve(io.cwd, options.stdinFilename ?? 'fly.toml');
    let bytes: Uint8Array;
    try {
      bytes = io.readStdin();
    } catch (error) {
      throw cannotRead('standard input', error);
    }
    const name = options.stdinFilename ?? '<stdin>';
    const outcome = formatOne(decodeSource(bytes), name, styleFor(filePath), io);
    if (options.check) {
      if (outcome.changes) io.stdout(`would reformat ${safeText(name)}\n`);
    } else {
      // What cannot be formatted passes through unchanged, so a pipe never loses the text.
      io.stdout(outcome.formatted ?? bytes);
    }
    return exitCode([outcome], options.check);
  }

  const found = discoverFiles(options.paths, io.cwd, (path) => configs.includes(path));
  if (found.empty.length && !options.allowEmpty) {
    for (const dir of found.empty) io.stderr(`flylint: no fly*.toml files in ${safeText(dir)}, nor files a .flylint.toml includes (--no-error-on-unmatched-pattern allows this)\n`);
    return 2;
  }
  const outcomes = found.files.map((filePath): Outcome => {
    const name = display(filePath);
    let bytes: Uint8Array;
    try {
      bytes = readRegularFile(filePath);
    } catch (error) {
      io.stderr(`flylint: ${safeText(cannotReadMessage(name, error))}\n`);
      return { changes: false, failed: true };
    }
    const source = decodeSource(bytes);
    const outcome = formatOne(source, name, styleFor(filePath), io);
    if (!outcome.changes || outcome.formatted === undefined) return outcome;
    if (options.check) return io.stdout(`would reformat ${safeText(name)}\n`), outcome;
    try {
      writeFileAtomic(filePath, outcome.formatted, io.fileSystem, source.text);
    } catch (error) {
      const reason = error instanceof ChangedOnDiskError ? 'it changed on disk while flylint was formatting it; run flylint fmt again' : describeFsError(error);
      io.stderr(`flylint: ${safeText(`cannot write ${name} (${reason})`)}; it is unchanged\n`);
      return { ...outcome, failed: true };
    }
    io.stdout(`formatted ${safeText(name)}\n`);
    return outcome;
  });
  const unformatted = outcomes.filter((o) => o.changes).length;
  if (options.check && unformatted) io.stderr(`flylint: ${unformatted} of ${outcomes.length} file${outcomes.length === 1 ? '' : 's'} not formatted; flylint fmt formats ${unformatted === 1 ? 'it' : 'them'}\n`);
  return exitCode(outcomes, options.check);
}

/** The text formatted, or the reason it cannot be (reported here, with its position). */
function formatOne(source: DecodedSource, name: string, style: FormatOptions, io: Io): Outcome {
  const fail = (offset: number, message: string): Outcome => {
    const at = new LineIndex(source.text).positionAt(offset);
    io.stderr(`flylint: ${safeText(`${name}:${at.line + 1}:${at.character + 1}: ${message}`)}\n`);
    return { changes: false, failed: true };
  };
  // The text has the bad bytes replaced: written back, it would destroy them.
  if (source.invalidUtf8At !== undefined) return fail(source.invalidUtf8At, 'not formatted: the file is not valid UTF-8; TOML files must be UTF-8');
  const result = formatEdits(source.text, style);
  if (!result.ok) return fail(result.range[0], result.message);
  return { changes: result.edits.length > 0, failed: false, formatted: applyTextEdits(source.text, result.edits) };
}

function exitCode(outcomes: readonly Outcome[], check: boolean): number {
  if (outcomes.some((o) => o.failed)) return 2;
  return check && outcomes.some((o) => o.changes) ? 1 : 0;
}
