/**
 * The editor snippets of the README that can run here, run as written: the block is
 * copied into the editor's init file, the server is found on PATH as `flylint-language-server`
 * (as after `npm install -g flylint`), and flylint's diagnostics must reach the editor.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTool } from './require-tool.js';

const DOC = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
const FLY_TOML = 'app = "shop"\n[experimental]\ncmd = "start"\n\n[http_service]\n  internal_port = 8080\n';

/** The first fenced block of a language after a heading line (or line prefix) in the doc. */
function block(after: string, language: string): string {
  const start = DOC.indexOf(after);
  if (start < 0) throw new Error(`README.md has no "${after}"`);
  const match = new RegExp('```' + language + '\\n([^]*?)```').exec(DOC.slice(start));
  if (!match) throw new Error(`no ${language} block after "${after}"`);
  return match[1]!;
}

/** A project folder with a fly.toml, and a PATH where `flylint-language-server` is this repository's. */
function setup(): { dir: string; file: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'flylint-editor-'));
  mkdirSync(join(dir, 'bin'));
  symlinkSync(join(process.cwd(), 'bin', 'flylint-language-server.js'), join(dir, 'bin', 'flylint-language-server'));
  const file = join(dir, 'fly.toml');
  writeFileSync(file, FLY_TOML);
  return { dir, file, env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}`, HOME: dir, XDG_STATE_HOME: dir, XDG_CACHE_HOME: dir, XDG_CONFIG_HOME: dir } };
}

describe.skipIf(!hasTool('nvim'))('the Neovim 0.7 snippet', () => {
  it('starts flylint for a fly.toml and shows its diagnostics', () => {
    const { dir, file, env } = setup();
    const out = join(dir, 'out.txt');
    const harness = `
local out = assert(io.open(os.getenv('OUT'), 'w'))
vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  local bufnr = vim.api.nvim_get_current_buf()
  local ok = vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do out:write(string.format('DIAG %d [%s] %s\\n', d.lnum + 1, tostring(d.source), d.message)) end
  out:write(ok and 'OK\\n' or 'TIMEOUT\\n')
  out:close()
  vim.cmd('qa!')
end })
`;
    writeFileSync(join(dir, 'init.lua'), block('Neovim 0.7 (`init.lua`)', 'lua') + harness);
    const result = spawnSync('nvim', ['--headless', '-u', join(dir, 'init.lua'), file], { cwd: dir, env: { ...env, OUT: out }, timeout: 60_000, encoding: 'utf8' });
    const log = readFileSync(out, 'utf8');
    expect(result.status, log).toBe(0);
    expect(log).toContain('OK');
    expect(log).toMatch(/DIAG 3 \[flylint\] cmd = "start" in \[experimental\] is the legacy spelling of a one-element list/);
  });
});

describe.skipIf(!hasTool('emacs'))('the Emacs eglot snippet', () => {
  it('starts flylint for a fly.toml and shows its diagnostics in flymake', () => {
    const { dir, file, env } = setup();
    const harness = `
(package-initialize)
(require 'eglot)
(require 'flymake)
${block('### Emacs (eglot)', 'elisp')}
(let ((buf (find-file-noselect (car command-line-args-left))))
  (setq command-line-args-left nil)
  (with-current-buffer buf
    ;; eglot-ensure connects after the next command; in batch mode no command runs, so run its hook.
    (run-hooks 'post-command-hook)
    (let ((deadline (+ (float-time) 15)))
      (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
        (accept-process-output nil 0.05)
        (when (bound-and-true-p flymake-mode) (flymake-start))))
    (dolist (d (flymake-diagnostics))
      (princ (format "DIAG %d %s\\n" (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d))))
    (when (eglot-current-server) (eglot-shutdown (eglot-current-server)))))
`;
    writeFileSync(join(dir, 'probe.el'), harness);
    const result = spawnSync('emacs', ['--batch', '-l', join(dir, 'probe.el'), file], { cwd: dir, env, timeout: 60_000, encoding: 'utf8' });
    expect(result.stdout, result.stderr).toMatch(/DIAG 3 .*cmd = "start" in \[experimental\] is the legacy spelling of a one-element list/);
  });
});
