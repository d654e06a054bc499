/** Golden output of every format on one project, and --fix on real files. */
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { bin, flylint, flylintInProcess, project } from './run-cli.js';
import { validateSarif } from './sarif-schema.js';
import { fixUntilStable, MAX_FIX_PASSES } from '../../server/src/lint/fix-loop.js';
import type { Finding } from '../../server/src/lint/types.js';
import { corpusDir } from '../support/data-paths.js';

const fixtureDir = join(process.cwd(), 'test', 'cli', 'fixtures', 'formats');
const goldenDir = join(process.cwd(), 'test', 'cli', 'golden');

describe('golden output of every format on one project', () => {
  // Rule messages quote the last folders of a path, so the copy sits under fixed folder names.
  const root = mkdtempSync(join(tmpdir(), 'flylint-golden-'));
  const dir = join(root, 'work', 'shop');
  mkdirSync(dir, { recursive: true });
  cpSync(fixtureDir, dir, { recursive: true });

  for (const format of ['stylish', 'json', 'sarif', 'github'] as const) {
    it(format, () => {
      const r = flylint(['--format', format], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      // Paths and versions vary by machine; the golden files hold placeholders.
      const out = r.stdout.split(root).join('<root>').replace(/"version": "\d+\.\d+\.\d+[^"]*"/, '"version": "<version>"');
      const golden = join(goldenDir, `${format}.txt`);
      if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, out);
      expect(out).toBe(readFileSync(golden, 'utf8'));
      if (format === 'sarif') expect(validateSarif(JSON.parse(r.stdout)), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    });
  }
});

describe('--fix', () => {
  // Staging: no production checks. Two safe fixes (a legacy key spelling, a legacy string command).
  const BAD = 'app = "shop-staging"\n\n[build]\n  build_target = "web"\n\n[experimental]\n  cmd = "start" # legacy\n';
  const FIXED = 'app = "shop-staging"\n\n[build]\n  build-target = "web"\n\n[experimental]\n  cmd = ["start"] # legacy\n';
  /** Production: only suggestions (swap, a kept-running Machine …), applied by --unsafe-fixes. */
  const UNSAFE = 'app = "shop"\n\n[http_service]\n  internal_port = 8080\n  auto_stop_machines = "stop"\n\n[[vm]]\n  memory = "512mb"\n';
  const json = (stdout: string) => JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string; fix?: unknown; suggestions?: unknown }> }>;

  it('applies safe fixes, says so, reports what remains, and is idempotent', () => {
    const dir = project({ 'fly.toml': BAD });
    const before = json(flylint(['--format', 'json'], { cwd: dir }).stdout)[0]!.messages;
    expect(before.filter((m) => m.fix).length).toBe(2);
    const first = flylint(['--fix'], { cwd: dir });
    expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe(FIXED);
    expect(first.stdout).toContain('✔ Fixed 2 problems in 1 file');
    const after = json(flylint(['--format', 'json'], { cwd: dir }).stdout)[0]!.messages;
    expect(after.filter((m) => m.fix)).toEqual([]);
    expect(after.length).toBe(before.length - 2);
    const second = flylint(['--fix'], { cwd: dir });
    expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe(FIXED);
    expect(second.stdout).not.toContain('Fixed');
    expect(readdirSync(dir)).toEqual(['fly.toml']);
  });

  it('leaves suggestions alone without --unsafe-fixes, and applies them with it; the result still parses', () => {
    const dir = project({ 'fly.toml': UNSAFE });
    flylint(['--fix'], { cwd: dir });
    expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe(UNSAFE);
    flylint(['--unsafe-fixes'], { cwd: dir });
    const fixed = readFileSync(join(dir, 'fly.toml'), 'utf8');
    expect(fixed).toContain('swap_size_mb = 512');
    expect(fixed).toContain('  min_machines_running = 1');
    const again = json(flylint(['--format', 'json'], { cwd: dir }).stdout)[0]!.messages;
    expect(again.filter((m) => m.ruleId.startsWith('toml-'))).toEqual([]);
    expect(again.filter((m) => m.fix || m.suggestions)).toEqual([]);
  });

  it('keeps CRLF line endings, a BOM and a missing final newline', () => {
    const text = '\uFEFF' + UNSAFE.replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    const dir = project({ 'fly.toml': text });
    flylint(['--unsafe-fixes'], { cwd: dir });
    const fixed = readFileSync(join(dir, 'fly.toml'), 'utf8');
    expect(fixed).not.toBe(text);
    expect(fixed.startsWith('\uFEFFapp = "shop"\r\n')).toBe(true);
    expect(fixed).toContain('swap_size_mb = 512\r\n');
    expect(fixed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(fixed.endsWith('\n')).toBe(false);
  });

  it('prints the fixed text for --stdin --fix, and the report on stderr', () => {
    const r = flylint(['--stdin', '--fix', '--stdin-filename', 'fly.toml'], { input: BAD });
    expect(r.stdout).toBe(FIXED);
    expect(r.stderr).toContain('✔ Fixed 2 problems in 1 file');
    const unchanged = flylint(['--stdin', '--fix', '--format', 'json'], { input: UNSAFE });
    expect(unchanged.stdout).toBe(UNSAFE);
    expect(json(unchanged.stderr)[0]!.messages.length).toBeGreaterThan(0);
  });

  it('never makes a file that does not parse worse', () => {
    const broken = 'app = "shop-staging"\nkill_timeout = 5\nprimary_region = "ord\n[http_service]\n  auto_stop_machines = true\n';
    const dir = project({ 'fly.toml': broken });
    const syntaxErrors = () => json(flylint(['--format', 'json'], { cwd: dir }).stdout)[0]!.messages.filter((m) => m.ruleId.startsWith('toml-')).length;
    const before = syntaxErrors();
    expect(before).toBeGreaterThan(0);
    const r = flylint(['--unsafe-fixes'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(syntaxErrors()).toBeLessThanOrEqual(before);
    expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toContain('primary_region = "ord\n');
  });

  it('never rewrites a file that is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\n' + BAD)]);
    const dir = project({ 'fly.toml': bytes });
    const r = flylint(['--fix', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'fly.toml')).equals(bytes)).toBe(true);
    const [first] = json(r.stdout)[0]!.messages as Array<{ ruleId: string; message: string; line: number; column: number }>;
    expect(first).toMatchObject({ ruleId: 'toml-syntax', line: 1, column: 6, message: 'The file is not valid UTF-8 (byte 0xE9); TOML files must be UTF-8. Save it as UTF-8 (--fix left it untouched)' });
  });

  it('passes standard input that is not UTF-8 through --stdin --fix byte for byte', () => {
    const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\n' + BAD)]);
    const r = spawnSync(process.execPath, [bin, '--stdin', '--fix'], { input: bytes, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    expect(r.stdout.equals(bytes)).toBe(true);
    expect(r.stderr.toString()).toContain('The file is not valid UTF-8 (byte 0xE9)');
  });

  it('reports a write that fails midway with exit 2, and the original stays intact', () => {
    const dir = project({ 'fly.toml': BAD, 'fly.staging.toml': BAD.replace('shop-staging', 'shop-staging-eu') });
    const failing = {
      writeTemp(path: string, content: string) {
        if (!path.includes('.fly.toml.')) return void writeFileSync(path, content);
        writeFileSync(path, content.slice(0, 20)); // half written, then the disk is full
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
      rename: renameSync,
    };
    const r = flylintInProcess(['--fix'], { cwd: dir, fileSystem: failing });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('flylint: cannot write fly.toml (no space left on the device); it is unchanged\n');
    expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe(BAD);
    // The other file was fixed (nothing is left in it); the report shows what is left in the first.
    expect(readFileSync(join(dir, 'fly.staging.toml'), 'utf8')).toContain('build-target = "web"');
    expect(r.stdout).toMatch(/^fly\.toml\n  4:3 +info +"build_target" in \[build\] is a legacy spelling[\s\S]*\n✔ Fixed 2 problems in 1 file\n/);
    expect(readdirSync(dir).sort()).toEqual(['fly.staging.toml', 'fly.toml']);
  });
});

describe('--unsafe-fixes on the real-world corpus', () => {
  it('applies every safe fix, never adds a TOML error, and a second run changes nothing', () => {
    const corpus = corpusDir;
    const dir = mkdtempSync(join(tmpdir(), 'flylint-corpus-'));
    const names = readdirSync(corpus).filter((n) => n.endsWith('.toml'));
    expect(names.length).toBeGreaterThan(250);
    for (const name of names) {
      cpSync(join(corpus, name), join(dir, name));
      chmodSync(join(dir, name), 0o644); // the corpus is kept read-only, and --fix leaves read-only files alone
    }
    type Report = Array<{ filePath: string; messages: Array<{ ruleId: string; severity: number; fix?: unknown }> }>;
    const lint = () => JSON.parse(flylint(['--format', 'json', ...names], { cwd: dir }).stdout) as Report;
    const tomlErrors = (report: Report) => Object.fromEntries(report.map((f) => [f.filePath, f.messages.filter((m) => m.ruleId.startsWith('toml-') && m.severity === 2).length]));
    const before = tomlErrors(lint());
    expect(flylint(['--unsafe-fixes', ...names], { cwd: dir }).stdout).toMatch(/✔ Fixed \d+ problems in \d+ files/);
    const after = lint();
    for (const [file, count] of Object.entries(tomlErrors(after))) expect(count, file).toBeLessThanOrEqual(before[file]!);
    expect(after.flatMap((f) => f.messages.filter((m) => m.fix))).toEqual([]);
    const snapshot = names.map((n) => readFileSync(join(dir, n), 'utf8'));
    expect(flylint(['--unsafe-fixes', ...names], { cwd: dir }).stdout).not.toContain('Fixed');
    expect(names.map((n) => readFileSync(join(dir, n), 'utf8'))).toEqual(snapshot);
  }, 60_000);
});

describe('fix passes', () => {
  const finding = (range: [number, number], text: string): Finding => ({ ruleId: 'r', severity: 'warning', message: 'm', range, fix: { range, text } });

  it('applies overlapping fixes over several passes, never interleaved', () => {
    // Two fixes on "abc": one replaces "ab", one "bc"; each pass re-lints the new text.
    const lint = (text: string): Finding[] => [...(text.includes('ab') ? [finding([text.indexOf('ab'), text.indexOf('ab') + 2], 'AB')] : []), ...(text.includes('bc') ? [finding([text.indexOf('bc'), text.indexOf('bc') + 2], 'BC')] : [])];
    const result = fixUntilStable('abc', lint);
    expect(result).toMatchObject({ text: 'ABc', applied: 1, passes: 1, findings: [] });
    const both = (text: string): Finding[] => [...(text.startsWith('a') ? [finding([0, 2], 'xy')] : []), ...(text.endsWith('c') ? [finding([1, 3], 'YZ')] : [])];
    expect(fixUntilStable('abc', both)).toMatchObject({ text: 'xYZ', applied: 2, passes: 2 });
  });

  it(`stops after ${MAX_FIX_PASSES} passes when fixes keep coming`, () => {
    const result = fixUntilStable('', (text) => [finding([text.length, text.length], 'x')]);
    expect(result.passes).toBe(MAX_FIX_PASSES);
    expect(result.text).toBe('x'.repeat(MAX_FIX_PASSES));
  });
});
