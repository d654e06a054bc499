import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import AjvDraft04 from 'ajv-draft-04';
import { flylint } from './run-cli.js';
import { writeFileAtomic } from '../../server/src/cli/write-file.js';
import { parseArgs, UsageError } from '../../server/src/cli/args.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flylint-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const BROKEN = 'app = "shop"\nprimary_region = "ord\n\n[http_service]\ninternal_port = 8080\n';
const CLEAN = '# flylint-env: staging\napp = "shop-staging"\n';

describe('flylint CLI', () => {
  it('exits 1 on errors, printing them with their position and a code frame', () => {
    const dir = project({ 'fly.toml': BROKEN });
    const r = flylint([], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('fly.toml');
    expect(r.stdout).toMatch(/2:18\s+error\s+Unterminated string/);
    expect(r.stdout).toContain('2 | primary_region = "ord');
    expect(r.stdout).toMatch(/✖ \d+ problems? \(1 error/);
  });

  it('exits 0 on a clean config and prints nothing', () => {
    const dir = project({ 'fly.toml': CLEAN });
    const r = flylint(['fly.toml', '--rule', 'missing-swap=off'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('exits 2 on usage errors, unknown rules and missing paths, without a stack trace', () => {
    for (const args of [['--bogus'], ['--format', 'xml'], ['--rule', 'no-such-rule=off'], ['does-not-exist.toml'], ['--explain', 'nope']]) {
      const r = flylint(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^flylint: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('discovers fly*.toml below a folder, honouring .gitignore', () => {
    const dir = project({ 'apps/api/fly.toml': BROKEN, 'apps/web/fly.staging.toml': BROKEN, 'ignored/fly.toml': BROKEN, '.gitignore': 'ignored/\n', 'other.toml': BROKEN, 'node_modules/x/fly.toml': BROKEN });
    const r = flylint(['--format', 'json'], { cwd: dir });
    const files = (JSON.parse(r.stdout) as Array<{ filePath: string }>).map((f) => f.filePath.slice(dir.length + 1)).sort();
    expect(files).toEqual(['apps/api/fly.toml', 'apps/web/fly.staging.toml']);
  });

  it('prints ESLint-shaped JSON', () => {
    const dir = project({ 'fly.toml': BROKEN });
    const [file] = JSON.parse(flylint(['--format', 'json', 'fly.toml'], { cwd: dir }).stdout);
    expect(file.filePath).toBe(join(dir, 'fly.toml'));
    expect(file.errorCount).toBeGreaterThanOrEqual(1);
    expect(file.source).toBe(BROKEN);
    const message = file.messages.find((m: { ruleId: string }) => m.ruleId === 'toml-syntax');
    expect(message).toMatchObject({ severity: 2, line: 2, column: 18, endLine: 2, endColumn: 22 });
  });

  it('prints SARIF 2.1.0 that validates against the schema', () => {
    const dir = project({ 'fly.toml': BROKEN });
    const r = flylint(['--format', 'sarif', 'fly.toml'], { cwd: dir });
    const log = JSON.parse(r.stdout);
    const schema = JSON.parse(readFileSync(join(process.cwd(), '..', 'shared', 'schemas-external', 'sarif-schema-2.1.0.json'), 'utf8'));
    const Ajv = ((AjvDraft04 as unknown as { default?: unknown }).default ?? AjvDraft04) as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] } };
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const result = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'toml-syntax');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 2, startColumn: 18 });
    expect(log.runs[0].tool.driver.rules.length).toBeGreaterThan(0);
    expect(log.runs[0].tool.driver.rules[result.ruleIndex].id).toBe('toml-syntax');
  });

  it('prints GitHub workflow commands', () => {
    const dir = project({ 'fly.toml': BROKEN });
    const r = flylint(['--format', 'github', 'fly.toml'], { cwd: dir });
    expect(r.stdout).toContain('::error file=fly.toml,line=2,col=18,endLine=2,endColumn=22,title=toml-syntax::Unterminated string');
  });

  it('lints standard input under the given name', () => {
    const r = flylint(['--stdin', '--stdin-filename', 'fly.toml', '--format', 'json'], { input: BROKEN });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0].filePath).toBe(join(process.cwd(), 'fly.toml'));
  });

  it('--explain and --list-rules print the docs from the rules', () => {
    expect(flylint(['--explain', 'toml-syntax']).stdout).toMatch(/^# toml-syntax\n/);
    expect(flylint(['--list-rules']).stdout).toMatch(/toml-duplicate-key\s+error/);
  });

  it('rejects a bad config file with exit 2 and names the key', () => {
    const dir = project({ 'fly.toml': CLEAN, '.flylint.toml': 'root = true\n[rules]\ntoml-syntaxx = "off"\n' });
    const r = flylint([], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.flylint.toml:3:1: Unknown rule "toml-syntaxx" in [rules]. Did you mean "toml-syntax"?');
  });

  it('--print-config shows the environment and why', () => {
    const dir = project({ 'fly.staging.toml': 'app = "x"\n' });
    const out = JSON.parse(flylint(['--print-config', 'fly.staging.toml'], { cwd: dir }).stdout);
    expect(out.environment).toMatchObject({ name: 'staging', isProduction: false, source: 'file-name' });
  });

  it('parses arguments strictly', () => {
    expect(parseArgs(['--format=json', '--rule', 'a=off', 'x']).format).toBe('json');
    expect(() => parseArgs(['--max-warnings', '-1'])).toThrow(UsageError);
  });
});

describe('atomic writes', () => {
  it('keeps the original when the write fails midway, and keeps the file mode', () => {
    const dir = project({ 'fly.toml': 'app = "a"\n' });
    const path = join(dir, 'fly.toml');
    chmodSync(path, 0o640);
    expect(() =>
      writeFileAtomic(path, 'app = "b"\n', {
        writeFileSync: (...args: Parameters<typeof writeFileSync>) => {
          writeFileSync(args[0], 'app = "'); // a partial temporary file
          throw new Error('disk full');
        },
        renameSync: () => {
          throw new Error('not reached');
        },
      }),
    ).toThrow('disk full');
    expect(readFileSync(path, 'utf8')).toBe('app = "a"\n');
    writeFileAtomic(path, 'app = "b"\n');
    expect(readFileSync(path, 'utf8')).toBe('app = "b"\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });
});
