/**
 * The real pre-commit runs this repository's hook (`pre-commit try-repo`) against a throwaway git
 * repository: a bad fly.toml fails the hook with flylint's message, a good one passes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTool } from '../editors/require-tool.js';

function sh(cwd: string, command: string, env: Record<string, string> = {}) {
  return spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 600_000 });
}

describe.skipIf(!hasTool('pre-commit') || !hasTool('git'))('pre-commit hook', () => {
  it('fails a bad fly.toml with our message and passes a good one', () => {
    // try-repo needs the hook definition committed; use a snapshot of the working tree.
    const hookRepo = mkdtempSync(join(tmpdir(), 'flylint-hookrepo-'));
    const copy = sh(process.cwd(), `git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} cp --parents {} ${hookRepo}`);
    expect(copy.status, copy.stderr).toBe(0);
    const init = sh(hookRepo, 'git init -q && git add -A && git -c user.email=t@t -c user.name=t commit -qm snapshot');
    expect(init.status, init.stderr).toBe(0);

    const target = mkdtempSync(join(tmpdir(), 'flylint-target-'));
    mkdirSync(join(target, 'deploy'));
    writeFileSync(join(target, 'deploy', 'fly.staging.toml'), 'app = "shop-staging"\nprimary_region = "ord\n');
    // Not a fly config: the hook's `files` pattern keeps it away from flylint.
    writeFileSync(join(target, 'pyproject.toml'), '[tool\n');
    expect(sh(target, 'git init -q && git add -A').status).toBe(0);
    const home = mkdtempSync(join(tmpdir(), 'flylint-pre-commit-home-'));
    const bad = sh(target, `pre-commit try-repo ${hookRepo} flylint --all-files`, { PRE_COMMIT_HOME: home });
    expect(bad.status, bad.stdout + bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/flylint\.+Failed/);
    expect(bad.stdout).toMatch(/deploy\/fly\.staging\.toml\n  2:18 +error +Unterminated string[^\n]*toml-syntax/);
    expect(bad.stdout).not.toContain('pyproject.toml');

    writeFileSync(join(target, 'deploy', 'fly.staging.toml'), 'app = "shop-staging"\nprimary_region = "ord"\n');
    sh(target, 'git add -A');
    const good = sh(target, `pre-commit try-repo ${hookRepo} flylint --all-files`, { PRE_COMMIT_HOME: home });
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/flylint\.+Passed/);
  }, 600_000);
});
