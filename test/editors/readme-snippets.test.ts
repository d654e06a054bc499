/**
 * The editor snippets of the README, as written. Each is found by its `<!-- editor-snippet: … -->`
 * marker. Those of editors Debian packages (Neovim 0.7, Emacs 28 with eglot 1.9) run in the
 * editor as a user's init file, the server found on PATH as `flylint-language-server` (as after
 * `npm install -g flylint`): the user's keys and commands named in the README must do what it
 * says, down to the fix written to disk. The others are parsed and their keys checked.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTool } from './require-tool.js';
import { parseToml, toPlainValue } from '../../server/src/toml/index.js';

const DOC = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
const HERE = join(process.cwd(), 'test', 'editors');
const FLY_TOML = 'app = "shop"\nkill_timeout = 5\n[experimental]\ncmd = "start"\n\n[processes]\n  web = "bin/server"\n\n[http_service]\n  internal_port = 8080\n  processes = ["web"]\n';
const DEPRECATED = 'cmd = "start" in [experimental] is the legacy spelling of a one-element list';
const FIX_TITLE = 'Replace "start" with ["start"]';

/** The fenced block right after `<!-- editor-snippet: NAME -->`. */
export function snippet(name: string): { language: string; text: string } {
  const marker = `<!-- editor-snippet: ${name} -->\n`;
  const start = DOC.indexOf(marker);
  if (start < 0) throw new Error(`README.md has no ${marker.trim()}`);
  const match = /^```(\w+)\n([^]*?)^```$/m.exec(DOC.slice(start + marker.length));
  if (!match || match.index !== 0) throw new Error(`no fenced block right after ${marker.trim()}`);
  return { language: match[1]!, text: match[2]! };
}

/** A project folder with a fly.toml, and a PATH where `flylint-language-server` is this repository's. */
function setup(): { dir: string; file: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'flylint-editor-'));
  mkdirSync(join(dir, 'bin'));
  symlinkSync(join(process.cwd(), 'bin', 'flylint-language-server.js'), join(dir, 'bin', 'flylint-language-server'));
  const file = join(dir, 'fly.toml');
  writeFileSync(file, FLY_TOML);
  return { dir, file, env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}`, HOME: dir, XDG_STATE_HOME: dir, XDG_CACHE_HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir } };
}

const lines = (log: string, tag: string) => log.split('\n').filter((l) => l.startsWith(`${tag} `)).map((l) => l.slice(tag.length + 1));

describe.skipIf(!hasTool('nvim'))('the Neovim snippets', () => {
  it('0.7: diagnostics, K, gd, <C-x><C-o> and the code-action key applying the fix', () => {
    const { dir, file, env } = setup();
    const out = join(dir, 'out.txt');
    const block = snippet('neovim-0.7');
    expect(block.language).toBe('lua');
    writeFileSync(join(dir, 'init.lua'), block.text + readFileSync(join(HERE, 'neovim-user.lua'), 'utf8'));
    const result = spawnSync('nvim', ['--headless', '-u', join(dir, 'init.lua'), file], { cwd: dir, env: { ...env, OUT: out, CHOOSE: FIX_TITLE }, timeout: 90_000, encoding: 'utf8' });
    const log = readFileSync(out, 'utf8');
    expect(result.status, log).toBe(0);
    expect(lines(log, 'DIAG')).toContain(`4 [flylint] ${DEPRECATED}`);
    expect(lines(log, 'OMNIFUNC')).toEqual(['v:lua.vim.lsp.omnifunc']);
    expect(lines(log, 'PUBLISHED')).toEqual(['1']);
    // ]d from the first line: the next finding; <leader>e: it in full.
    expect(lines(log, 'NEXT')).toEqual(['4']);
    expect(lines(log, 'FLOAT').join(' ')).toContain(DEPRECATED);
    // K: the hover in a floating window, with how flyctl reads the value.
    const hover = lines(log, 'HOVER').join('\n');
    expect(hover).toContain('kill_timeout');
    expect(hover).toContain('5 seconds');
    // gd on "web" in processes = ["web"]: the [processes] entry.
    expect(lines(log, 'GD')).toEqual(['7:2   web = "bin/server"']);
    // <C-x><C-o> on an empty line of [http_service]: its keys not yet set.
    expect(lines(log, 'COMPLETE')).toEqual(expect.arrayContaining([expect.stringMatching(/^force_https/), expect.stringMatching(/^auto_stop_machines/)]));
    expect(lines(log, 'COMPLETE')).not.toContain(expect.stringMatching(/^internal_port/));
    // <leader>ca: the menu lists the fix by what it does; choosing it rewrites the line and :w saves it.
    expect(lines(log, 'MENU')[0]).toBe(FIX_TITLE);
    expect(lines(log, 'LINE4')).toEqual(['cmd = ["start"]']);
    expect(readFileSync(file, 'utf8')).toBe(FLY_TOML.replace('cmd = "start"', 'cmd = ["start"]'));
  });

  it.each(['neovim-0.7', 'neovim-0.11', 'nvim-lspconfig'])('%s is valid Lua', (name) => {
    const { dir, env } = setup();
    const block = snippet(name);
    expect(block.language).toBe('lua');
    writeFileSync(join(dir, 'block.lua'), block.text);
    const out = join(dir, 'out.txt');
    // Compiled by Neovim's own Lua, not run: 0.11's API and nvim-lspconfig are not here.
    const check = `lua local f = assert(io.open('${join(dir, 'block.lua')}')); local ok, err = loadstring(f:read('*a')); local o = assert(io.open('${out}', 'w')); o:write(ok and 'OK' or err); o:close()`;
    spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', check, '-c', 'qa!'], { cwd: dir, env, timeout: 30_000 });
    expect(readFileSync(out, 'utf8')).toBe('OK');
    expect(block.text).toContain("'flylint-language-server', '--stdio'");
  });

  it('0.11 uses vim.lsp.config and vim.lsp.enable', () => {
    const { text } = snippet('neovim-0.11');
    expect(text).toMatch(/^vim\.lsp\.config\('flylint', \{/m);
    expect(text).toMatch(/^vim\.lsp\.enable\('flylint'\)$/m);
  });
});

describe.skipIf(!hasTool('emacs'))('the Emacs eglot snippet', () => {
  it('diagnostics in flymake, the hover in plain text from eldoc, and C-c a (eglot-code-actions) applying the fix', () => {
    const { dir, file, env } = setup();
    const block = snippet('emacs-eglot');
    expect(block.language).toBe('elisp');
    // Emacs activates installed packages before init.el; in batch mode the init file does it.
    writeFileSync(join(dir, 'init.el'), `(package-initialize)\n${block.text}\n${readFileSync(join(HERE, 'emacs-user.el'), 'utf8')}`);
    // The fix is chosen in eglot's menu by its title, typed as a user would.
    const result = spawnSync('emacs', ['--batch', '-l', join(dir, 'init.el'), file], { cwd: dir, env, input: `${FIX_TITLE}\n`, timeout: 90_000, encoding: 'utf8' });
    const log = result.stdout;
    expect(result.status, `${log}\n${result.stderr}`).toBe(0);
    expect(lines(log, 'DIAG')).toContain(`4 flylint [deprecated]: ${DEPRECATED}`);
    // eglot 1.9 without markdown-mode asks for plain text: no markdown in the doc buffer.
    const hover = lines(log, 'HOVER').join('\n');
    expect(hover).toMatch(/^kill_timeout — /);
    expect(hover).toContain('Fly.io docs: https://fly.io/docs/reference/configuration/');
    expect(hover).toContain('flyctl reads this as 5 seconds');
    expect(hover).not.toMatch(/\*\*|\]\(|`/);
    expect(lines(log, 'HOVER-SHOWN')).toEqual(['yes']);
    expect(lines(log, 'PUBLISHED')).toEqual(['1']);
    expect(lines(log, 'NEXT-ERROR')).toEqual(['4']);
    // M-. on "web" in processes = ["web"], C-M-i after "force_".
    expect(lines(log, 'DEFINITION')).toEqual(['7:2   web = "bin/server"']);
    expect(lines(log, 'COMPLETED')).toEqual(['  force_https = ']);
    expect(lines(log, 'KEY')).toEqual(['eglot-code-actions']);
    expect(lines(log, 'MENU-PROMPT')).toEqual([`[eglot] Pick an action (default ${FIX_TITLE}): `]);
    expect(lines(log, 'MENU')).toEqual([FIX_TITLE, 'Disable deprecated for this line', expect.stringMatching(/^Fix all safe flylint problems/)]);
    expect(lines(log, 'LINE4')).toEqual(['cmd = ["start"]']);
    expect(readFileSync(file, 'utf8')).toBe(FLY_TOML.replace('cmd = "start"', 'cmd = ["start"]'));
  });
});

describe('the snippets of editors not packaged here, parsed', () => {
  it('Helix: a language server and the toml language that uses it', () => {
    const { language, text } = snippet('helix');
    expect(language).toBe('toml');
    const parsed = parseToml(text);
    expect(parsed.errors).toEqual([]);
    const value = toPlainValue(parsed.value) as any;
    expect(value['language-server'].flylint).toEqual({ command: 'flylint-language-server', args: ['--stdio'] });
    expect(value.language).toEqual([{ name: 'toml', 'language-servers': expect.arrayContaining(['flylint']) }]);
  });

  it('Zed: the lsp binary and the TOML language servers', () => {
    const { language, text } = snippet('zed');
    expect(language).toBe('json');
    const value = JSON.parse(text);
    expect(value.lsp.flylint.binary).toEqual({ path: 'flylint-language-server', arguments: ['--stdio'] });
    expect(value.languages.TOML.language_servers).toEqual(['flylint', '...']);
  });

  it('Sublime LSP: a client for source.toml', () => {
    const { language, text } = snippet('sublime-lsp');
    expect(language).toBe('json');
    const client = JSON.parse(text).clients.flylint;
    expect(client).toMatchObject({ enabled: true, command: ['flylint-language-server', '--stdio'], selector: 'source.toml' });
  });
});
