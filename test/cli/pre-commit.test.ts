/**
 * The real pre-commit runs this repository's hook (`pre-commit try-repo`) against a throwaway git
 * repository: a bad fly.toml fails the hook with flylint's message, a good one passes.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTool } from '../editors/require-tool.js';

/**
 * A shell command, awaited: installing the hook (npm install, which builds flylint, then npm pack)
 * takes minutes on a busy machine, and a test that blocks its worker that long makes vitest's own
 * messages to the worker time out.
 */
function sh(cwd: string, command: string, env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd, env: { ...process.env, ...env }, timeout: 600_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data) => (stdout += String(data)));
    child.stderr.on('data', (data) => (stderr += String(data)));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe.skipIf(!hasTool('pre-commit') || !hasTool('git'))('pre-commit hook', () => {
  it('fails a bad fly.toml with our message and passes a good one', async () => {
    // try-repo needs the hook definition committed; use a snapshot of the working tree.
    const hookRepo = mkdtempSync(join(tmpdir(), 'flylint-hookrepo-'));
    const copy = await sh(process.cwd(), `git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} cp --parents {} ${hookRepo}`);
    expect(copy.status, copy.stderr).toBe(0);
    const init = await sh(hookRepo, 'git init -q && git add -A && git -c user.email=t@t -c user.name=t commit -qm snapshot');
    expect(init.status, init.stderr).toBe(0);

    const target = mkdtempSync(join(tmpdir(), 'flylint-target-'));
    mkdirSync(join(target, 'deploy'));
    writeFileSync(join(target, 'deploy', 'fly.staging.toml'), 'app = "shop-staging"\nprimary_region = "ord\n');
    // Not a fly config: the hook's `files` pattern keeps it away from flylint.
    writeFileSync(join(target, 'pyproject.toml'), '[tool\n');
    expect((await sh(target, 'git init -q && git add -A')).status).toBe(0);
    const home = mkdtempSync(join(tmpdir(), 'flylint-pre-commit-home-'));
    const bad = await sh(target, `pre-commit try-repo ${hookRepo} flylint --all-files`, { PRE_COMMIT_HOME: home });
    expect(bad.status, bad.stdout + bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/flylint\.+Failed/);
    expect(bad.stdout).toMatch(/deploy\/fly\.staging\.toml\n  2:18 +error +Unterminated string[^\n]*toml-syntax/);
    expect(bad.stdout).not.toContain('pyproject.toml');

    writeFileSync(join(target, 'deploy', 'fly.staging.toml'), 'app = "shop-staging"\nprimary_region = "ord"\n');
    await sh(target, 'git add -A');
    const good = await sh(target, `pre-commit try-repo ${hookRepo} flylint --all-files`, { PRE_COMMIT_HOME: home });
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/flylint\.+Passed/);
  }, 600_000);
});
