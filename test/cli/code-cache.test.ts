/**
 * The CLI's V8 code cache (dist/cli.cjs.cache) is read by every run and written only when missing
 * or rejected. A batch run tunes V8's flags, and V8 rejects a cache made under other flags: if
 * batch and one-file runs each rewrote it, every switch between them would compile the bundle.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** bin/ and the CLI bundle copied aside, so the checkout's own cache is never touched. */
function install(withCache: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'flylint-cache-'));
  cpSync(join(process.cwd(), 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(process.cwd(), 'dist', 'cli.cjs'), join(dir, 'dist', 'cli.cjs'));
  if (withCache) cpSync(join(process.cwd(), 'dist', 'cli.cjs.cache'), join(dir, 'dist', 'cli.cjs.cache'));
  return dir;
}

function configs(dir: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const path = join(dir, `fly.app${i}.toml`);
    writeFileSync(path, `app = "app-${i}"\nprimary_region = "ams"\n`);
    return path;
  });
}

function lint(dir: string, files: string[]): void {
  const result = spawnSync(process.execPath, [join(dir, 'bin', 'flylint.js'), '--format', 'json', ...files], { encoding: 'utf8' });
  expect(result.status, result.stderr).not.toBe(2);
  expect(JSON.parse(result.stdout)).toHaveLength(files.length);
}

describe('the CLI code cache', () => {
  it('is kept as built by one-file and batch runs alike', () => {
    const dir = install(true);
    try {
      const cache = join(dir, 'dist', 'cli.cjs.cache');
      const built = readFileSync(cache);
      const files = configs(dir, 25);
      lint(dir, files.slice(0, 1));
      lint(dir, files);
      lint(dir, files.slice(0, 1));
      expect(readFileSync(cache).equals(built)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is written by a one-file run when missing, and not by a batch run', () => {
    const dir = install(false);
    try {
      const cache = join(dir, 'dist', 'cli.cjs.cache');
      const files = configs(dir, 25);
      lint(dir, files);
      expect(existsSync(cache)).toBe(false);
      lint(dir, files.slice(0, 1));
      expect(statSync(cache).size).toBeGreaterThan(0);
      const written = readFileSync(cache);
      lint(dir, files);
      expect(readFileSync(cache).equals(written)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
