/**
 * The CLI and the files it is given: what --fix may rewrite (permission bits, owners, hard links,
 * folders it cannot write), and what it refuses to read (pipes, devices, symlink loops).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, linkSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, flylint, project, type CliResult } from './run-cli.js';

const CONFIG = 'app = "shop"\nprimary_region = "ams"\n[experimental]\ncmd = "start"\n';
const FIXED = 'app = "shop"\nprimary_region = "ams"\n[experimental]\ncmd = ["start"]\n';
const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

/**
 * The built CLI, copied where uid 65534 can read it: the checkout may lie under a folder only its
 * owner can enter (a 0700 home folder), and the copy lets these cases run there too.
 */
function copyOfCliForOthers(): { bin: string; folder: string } {
  const folder = mkdtempSync(join(tmpdir(), 'flylint-cli-copy-'));
  for (const part of ['bin', 'dist']) {
    // Type declarations and source maps are not run.
    cpSync(join(process.cwd(), part), join(folder, part), { recursive: true, filter: (source) => !source.endsWith('.map') && source !== join(process.cwd(), 'dist', 'types') });
  }
  spawnSync('chmod', ['-R', 'a+rX', folder]);
  return { bin: join(folder, 'bin', 'flylint.js'), folder };
}

/** Why uid 65534 cannot run the copy (a temporary folder it cannot enter, a Node.js it cannot run), if it cannot. */
function whyOthersCannotRun(copy: string): string | undefined {
  const probe = spawnSync(process.execPath, [copy, '--version'], { uid: NOBODY, gid: NOBODY, encoding: 'utf8', timeout: 20_000 });
  if (probe.status === 0) return undefined;
  return `uid ${NOBODY} cannot run ${copy}: ${(probe.error?.message ?? probe.stderr).trim().split('\n')[0]}`;
}

const copy = isRoot ? copyOfCliForOthers() : undefined;
const cannotRun = copy ? whyOthersCannotRun(copy.bin) : 'needs root to switch users';
if (cannotRun && isRoot) console.warn(`file-access: skipping the cases run as another user: ${cannotRun}`);
afterAll(() => {
  if (copy) rmSync(copy.folder, { recursive: true, force: true });
});

/** The built CLI run as uid/gid 65534: root bypasses the permission bits these cases are about. */
function flylintAsNobody(args: string[], cwd: string): CliResult {
  const result = spawnSync(process.execPath, [copy!.bin, ...args], { cwd, uid: NOBODY, gid: NOBODY, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('--fix and file permissions', () => {
  it('leaves a read-only (0444) file unchanged, names it and exits 2', () => {
    const dir = project({ 'fly.toml': CONFIG });
    chmodSync(join(dir, 'fly.toml'), 0o444);
    const r = flylint(['--fix', 'fly.toml'], { cwd: dir });
    expect(r.stderr).toBe('flylint: cannot write fly.toml (permission denied); it is unchanged\n');
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe(CONFIG);
  });

  it('fixes every hard link of a file, which stays one file', () => {
    const dir = project({ 'fly.toml': CONFIG });
    linkSync(join(dir, 'fly.toml'), join(dir, 'other.toml'));
    expect(flylint(['--fix', 'fly.toml'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'other.toml'), 'utf8')).toBe(FIXED);
    expect(statSync(join(dir, 'fly.toml')).ino).toBe(statSync(join(dir, 'other.toml')).ino);
  });

  // These run the CLI as another user, which only root can start.
  describe.skipIf(cannotRun !== undefined)(`as a user who is not root${cannotRun ? ` (skipped: ${cannotRun})` : ''}`, () => {
    it('refuses its own read-only file', () => {
      const dir = project({ 'fly.toml': CONFIG });
      chmodSync(dir, 0o777);
      chownSync(join(dir, 'fly.toml'), NOBODY, NOBODY);
      chmodSync(join(dir, 'fly.toml'), 0o444);
      const r = flylintAsNobody(['--fix', 'fly.toml'], dir);
      expect(r.stderr).toBe('flylint: cannot write fly.toml (permission denied); it is unchanged\n');
      expect(r.code).toBe(2);
      expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe(CONFIG);
    });

    it('fixes a writable file in a folder it cannot write, in place', () => {
      const dir = project({ 'fly.toml': CONFIG });
      chownSync(join(dir, 'fly.toml'), NOBODY, NOBODY);
      chmodSync(dir, 0o555);
      const r = flylintAsNobody(['--fix', 'fly.toml'], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe(FIXED);
    });

    it('names a folder it cannot read, instead of finding no config in it', () => {
      const dir = project({ 'private/fly.toml': CONFIG });
      chmodSync(dir, 0o755);
      chmodSync(join(dir, 'private'), 0o700);
      const r = flylintAsNobody(['private'], dir);
      expect(r).toEqual({ code: 2, stdout: '', stderr: 'flylint: cannot read private (permission denied)\n' });
    });

    it('keeps the owner of a group-writable file owned by someone else', () => {
      const dir = project({ 'fly.toml': CONFIG });
      chmodSync(dir, 0o777);
      chownSync(join(dir, 'fly.toml'), 0, NOBODY);
      chmodSync(join(dir, 'fly.toml'), 0o664);
      const r = flylintAsNobody(['--fix', 'fly.toml'], dir);
      expect(r.code).toBe(0);
      expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe(FIXED);
      expect(statSync(join(dir, 'fly.toml'))).toMatchObject({ uid: 0, gid: NOBODY });
      expect(statSync(join(dir, 'fly.toml')).mode & 0o777).toBe(0o664);
    });
  });
});

describe('paths that are not regular files', () => {
  it.each([
    ['a named pipe', ['pipe.toml'], 'flylint: cannot read pipe.toml (it is a named pipe, not a regular file)\n'],
    ['a named pipe given to --print-config', ['--print-config', 'pipe.toml'], 'flylint: cannot read pipe.toml (it is a named pipe, not a regular file)\n'],
    ['a character device', ['/dev/null'], /^flylint: cannot read \S*dev\/null \(it is a character device, not a regular file\)\n$/],
    ['a symlink loop', ['loop1'], 'flylint: cannot read loop1 (too many levels of symbolic links)\n'],
    ['a named pipe given to --config', ['--config', 'pipe.toml', '--stdin'], 'flylint: cannot read config file pipe.toml (it is a named pipe, not a regular file)\n'],
  ])('refuses %s with exit 2, without hanging', (_name, args, message) => {
    const dir = project({});
    spawnSync('mkfifo', [join(dir, 'pipe.toml')]);
    symlinkSync('loop2', join(dir, 'loop1'));
    symlinkSync('loop1', join(dir, 'loop2'));
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 10_000 });
    expect(r.status).toBe(2);
    if (typeof message === 'string') expect(r.stderr).toBe(message);
    else expect(r.stderr).toMatch(message);
  });

  it('still skips a named pipe found in a folder', () => {
    const dir = project({ 'fly.toml': CONFIG });
    spawnSync('mkfifo', [join(dir, 'fly.staging.toml')]);
    const r = flylint(['--format', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Array<{ filePath: string }>).map((f) => f.filePath)).toEqual([join(dir, 'fly.toml')]);
  });
});
