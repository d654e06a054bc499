/**
 * The real pre-commit runs this repository's hook (`pre-commit try-repo`) against throwaway git
 * repositories: a bad fly.toml fails the hook with flylint's message, a good one passes, and a
 * staged config is compared with the committed configs around it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool } from '../editors/require-tool.js';

/**
 * Asynchronous: an install of the hook's environment can take minutes on a loaded machine, and a
 * worker blocked that long misses vitest's own messages (an "onTaskUpdate" timeout fails the run).
 */
function sh(cwd: string, command: string, env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('sh', ['-c', command], { cwd, env: { ...process.env, ...env }, timeout: 600_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => void (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

const made: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

const GIT_USER = '-c user.email=t@t -c user.name=t';

describe.skipIf(!hasTool('pre-commit') || !hasTool('git'))('pre-commit hook', () => {
  let hookRepo = '';
  let home = '';
  const tryHook = (target: string, args = '') => sh(target, `pre-commit try-repo ${hookRepo} flylint ${args}`, { PRE_COMMIT_HOME: home });

  beforeAll(async () => {
    // try-repo needs the hook definition committed; use a snapshot of the working tree.
    hookRepo = tempDir('flylint-hookrepo-');
    const copy = await sh(process.cwd(), `git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t ${hookRepo}`);
    expect(copy.status, copy.stderr).toBe(0);
    const init = await sh(hookRepo, `git init -q && git add -A && git ${GIT_USER} commit -qm snapshot`);
    expect(init.status, init.stderr).toBe(0);
    // One pre-commit home for both cases: the hook's environment is installed once.
    home = tempDir('flylint-pre-commit-home-');
  }, 600_000);

  afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('fails a bad fly.toml with our message and passes a good one', async () => {
    const target = tempDir('flylint-target-');
    mkdirSync(join(target, 'deploy'));
    writeFileSync(join(target, 'deploy', 'fly.staging.toml'), 'app = "shop-staging"\nprimary_region = "ord\n');
    // Not a fly config: the hook's `files` pattern keeps it away from flylint.
    writeFileSync(join(target, 'pyproject.toml'), '[tool\n');
    expect((await sh(target, 'git init -q && git add -A')).status).toBe(0);
    const bad = await tryHook(target, '--all-files');
    expect(bad.status, bad.stdout + bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/flylint\.+Failed/);
    expect(bad.stdout).toMatch(/deploy\/fly\.staging\.toml\n  2:18 +error +Unterminated string[^\n]*toml-syntax/);
    expect(bad.stdout).not.toContain('pyproject.toml');

    writeFileSync(join(target, 'deploy', 'fly.staging.toml'), 'app = "shop-staging"\nprimary_region = "ord"\n');
    await sh(target, 'git add -A');
    const good = await tryHook(target, '--all-files');
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/flylint\.+Passed/);
  }, 600_000);

  it('compares a staged config with the committed ones: a staging config on the production app fails', async () => {
    const target = tempDir('flylint-target-');
    mkdirSync(join(target, 'api'));
    writeFileSync(join(target, 'api', 'fly.toml'), 'app = "shop"\nprimary_region = "ams"\n');
    expect((await sh(target, `git init -q && git add -A && git ${GIT_USER} commit -qm base`)).status).toBe(0);

    writeFileSync(join(target, 'api', 'fly.staging.toml'), 'app = "shop"\nprimary_region = "ams"\n');
    expect((await sh(target, 'git add api/fly.staging.toml')).status).toBe(0);
    const shared = await tryHook(target);
    expect(shared.status, shared.stdout + shared.stderr).toBe(1);
    expect(shared.stdout).toMatch(/flylint\.+Failed/);
    expect(shared.stdout).toMatch(/\napi\/fly\.staging\.toml\n(  1:7 +info [^\n]*\n)?  1:7 +error +app = "shop" is also the app of fly\.toml \(production\)[^\n]*shared-app-name\n/);
    expect(shared.stdout).toContain('note: production config with the same app in api/fly.toml:1:7');
    // The committed config is read, not reported: only the staged file is checked.
    expect(shared.stdout).not.toMatch(/\napi\/fly\.toml\n/);
    expect(shared.stdout).toMatch(/ in 1 file checked\n/);

    writeFileSync(join(target, 'api', 'fly.staging.toml'), 'app = "shop-staging"\nprimary_region = "ams"\n');
    expect((await sh(target, 'git add api/fly.staging.toml')).status).toBe(0);
    const own = await tryHook(target);
    expect(own.status, own.stdout + own.stderr).toBe(0);
    expect(own.stdout).toMatch(/flylint\.+Passed/);
  }, 600_000);
});
