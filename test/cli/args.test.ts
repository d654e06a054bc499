/** Command-line parsing: every option, and every way to get it wrong. */
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../server/src/cli/args.js';

describe('parseArgs', () => {
  it.each([
    [[], { paths: [], format: 'stylish', fix: false, unsafeFixes: false, stdin: false, quiet: false }],
    [['a/fly.toml', 'b'], { paths: ['a/fly.toml', 'b'] }],
    [['--format', 'json'], { format: 'json' }],
    [['--format=sarif'], { format: 'sarif' }],
    [['--env', 'staging'], { env: 'staging' }],
    [['--fix'], { fix: true, unsafeFixes: false }],
    [['--unsafe-fixes'], { fix: true, unsafeFixes: true }],
    [['--stdin', '--stdin-filename', 'fly.staging.toml'], { stdin: true, stdinFilename: 'fly.staging.toml' }],
    [['-'], { stdin: true, paths: [] }],
    [['--config', 'ci/.flylint.toml'], { config: 'ci/.flylint.toml' }],
    [['--rule', 'missing-swap=off', '--rule=deprecated=error'], { rules: { 'missing-swap': 'off', deprecated: 'error' } }],
    [['--max-warnings', '0'], { maxWarnings: 0 }],
    [['--quiet'], { quiet: true }],
    [['--list-rules'], { listRules: true }],
    [['--explain', 'missing-swap'], { explain: 'missing-swap' }],
    [['--print-config', 'fly.toml'], { printConfig: 'fly.toml' }],
    [['--version'], { version: true }],
    [['-v'], { version: true }],
    [['-h'], { help: true }],
    [['--', '--weird-name.toml'], { paths: ['--weird-name.toml'] }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toMatchObject(expected);
  });

  it.each([
    [['--bogus'], 'Unknown option "--bogus"'],
    [['--fromat', 'json'], 'Unknown option "--fromat". Did you mean "--format"?'],
    [['-x'], 'Unknown option "-x"'],
    [['--format', 'xml'], 'Unknown format "xml": use stylish, json, sarif or github'],
    [['--format'], 'Option --format needs a value'],
    [['--config', '--fix'], 'Option --config needs a value'],
    [['--fix=yes'], 'Option --fix takes no value'],
    [['--env', ' '], '--env takes an environment name'],
    [['--rule', 'missing-swap'], '--rule takes ID=off|info|warning|error, got "missing-swap"'],
    [['--rule', 'missing-swap=warn'], '--rule takes ID=off|info|warning|error'],
    [['--rule', 'a=off=on'], '--rule takes ID=off|info|warning|error'],
    [['--max-warnings', '-1'], '--max-warnings takes a whole number >= 0'],
    [['--max-warnings', '1.5'], '--max-warnings takes a whole number >= 0'],
    [['--max-warnings='], '--max-warnings takes a whole number >= 0'],
    [['--stdin', 'fly.toml'], '--stdin lints standard input: give no paths with it'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
