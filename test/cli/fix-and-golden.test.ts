import { mkdtempSync, readFileSync, writeFileSync, existsSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flylint } from './run-cli.js';

const fixtureDir = join(process.cwd(), 'test', 'cli', 'fixtures', 'formats');
const goldenDir = join(process.cwd(), 'test', 'cli', 'golden');

function temp(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flylint-fix-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('golden output of every format on one fixture', () => {
  for (const format of ['stylish', 'json', 'sarif', 'github'] as const) {
    it(format, () => {
      const dir = mkdtempSync(join(tmpdir(), 'flylint-golden-'));
      cpSync(fixtureDir, dir, { recursive: true });
      const r = flylint(['--format', format, 'fly.toml'], { cwd: dir });
      expect(r.code).toBe(1);
      // Paths and versions vary by machine; the golden files hold them as placeholders.
      const out = r.stdout.split(dir).join('<dir>').replace(/"version": "\d+\.\d+\.\d+"/, '"version": "<version>"').replace(/"uri": "file:\/\/[^"]*"/, '"uri": "<root>"');
      const golden = join(goldenDir, `${format}.txt`);
      if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, out);
      expect(out).toBe(readFileSync(golden, 'utf8'));
    });
  }
});

describe('--fix', () => {
  const BAD = 'app = "shop-staging"\nkill_timeout = 5\n\n[http_service]\n  internal_port = 8080\n  auto_stop_machines = true # legacy\n';

  it('applies safe fixes, is idempotent, and leaves suggestions alone', () => {
    const dir = temp({ 'fly.toml': BAD });
    const first = flylint(['--fix', 'fly.toml'], { cwd: dir });
    const fixed = readFileSync(join(dir, 'fly.toml'), 'utf8');
    expect(fixed).toBe('app = "shop-staging"\nkill_timeout = "5s"\n\n[http_service]\n  internal_port = 8080\n  auto_stop_machines = "stop" # legacy\n');
    expect(first.stdout).not.toContain('deprecated');
    flylint(['--fix', 'fly.toml'], { cwd: dir });
    expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe(fixed);
  });

  it('keeps CRLF line endings, a BOM and a missing final newline', () => {
    const text = '\uFEFF' + BAD.replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    const dir = temp({ 'fly.toml': text });
    flylint(['--fix', '--unsafe-fixes', 'fly.toml'], { cwd: dir });
    const fixed = readFileSync(join(dir, 'fly.toml'), 'utf8');
    expect(fixed.startsWith('\uFEFF')).toBe(true);
    expect(fixed).toContain('kill_timeout = "5s"\r\n');
    expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
    expect(fixed.endsWith('\n')).toBe(false);
  });

  it('--unsafe-fixes also applies suggestions, and the result still parses', () => {
    const dir = temp({ 'fly.toml': 'app = "shop"\n\n[http_service]\n  internal_port = 8080\n  auto_stop_machines = "stop"\n' });
    flylint(['--fix', '--unsafe-fixes', 'fly.toml'], { cwd: dir });
    const fixed = readFileSync(join(dir, 'fly.toml'), 'utf8');
    expect(fixed).toContain('swap_size_mb = 512');
    expect(fixed).toContain('  min_machines_running = 1');
    const again = flylint(['--format', 'json', 'fly.toml'], { cwd: dir });
    expect(JSON.parse(again.stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId.startsWith('toml-'))).toEqual([]);
  });

  it('prints the fixed text for --stdin --fix and the report on stderr', () => {
    const r = flylint(['--stdin', '--fix', '--stdin-filename', 'fly.staging.toml'], { input: BAD });
    expect(r.stdout).toContain('kill_timeout = "5s"');
    expect(r.stdout).not.toContain('problems');
  });
});

describe('exit codes and filters', () => {
  const WARNINGS = 'app = "shop"\n';
  it('--max-warnings and --quiet', () => {
    const dir = temp({ 'fly.toml': WARNINGS });
    expect(flylint(['fly.toml'], { cwd: dir }).code).toBe(0);
    expect(flylint(['--max-warnings', '0', 'fly.toml'], { cwd: dir }).code).toBe(1);
    expect(flylint(['--quiet', 'fly.toml'], { cwd: dir }).stdout).toBe('');
  });
  it('--env and --rule', () => {
    const dir = temp({ 'fly.toml': WARNINGS });
    expect(flylint(['--env', 'staging', 'fly.toml'], { cwd: dir }).stdout).not.toContain('missing-swap');
    expect(flylint(['--rule', 'missing-swap=error', 'fly.toml'], { cwd: dir }).code).toBe(1);
  });
});
