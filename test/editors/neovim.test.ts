/** Neovim (Debian's, 0.7) drives the real server: diagnostics appear and a quick-fix is applied and saved. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTool } from './require-tool.js';

describe.skipIf(!hasTool('nvim'))('Neovim', () => {
  it('shows flylint diagnostics and applies the preferred quick-fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flylint-nvim-'));
    const file = join(dir, 'fly.toml');
    writeFileSync(file, 'app = "shop"\n[experimental]\ncmd = "start"\n\n[http_service]\n  internal_port = 8080\n\n[[vm]]\n  size = "shared-cpu-1x"\n');
    const out = join(dir, 'nvim.out');
    const result = spawnSync('nvim', ['--headless', '-u', join(process.cwd(), 'test', 'editors', 'neovim-init.lua'), file], {
      cwd: dir,
      env: { ...process.env, OUT: out, SERVER: join(process.cwd(), 'bin', 'flylint-language-server.js'), XDG_STATE_HOME: dir, XDG_CACHE_HOME: dir },
      timeout: 60_000,
      encoding: 'utf8',
    });
    const log = readFileSync(out, 'utf8');
    expect(result.status, log).toBe(0);
    expect(log).toMatch(/DIAG 3:7 sev=3 \[flylint\] deprecated cmd = "start" in \[experimental\] is the legacy spelling of a one-element list/);
    expect(log).toMatch(/DIAG \d+:\d+ sev=2 \[flylint\] missing-swap/);
    expect(log).toContain('LINE after fix: cmd = ["start"]');
    expect(readFileSync(file, 'utf8')).toContain('cmd = ["start"]\n');
  });
});
