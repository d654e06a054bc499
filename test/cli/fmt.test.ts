/** `flylint fmt`: formats files in place, `--check` lists what it would change, bad input is never touched. */
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bin, flylint, flylintInProcess, project } from './run-cli.js';

const UNFORMATTED = 'app="shop"\n[http_service]\ninternal_port=8080\n';
const FORMATTED = 'app = "shop"\n[http_service]\n  internal_port = 8080\n';
const BROKEN = 'app = "shop"\n[env]\n  A = \n';

describe('flylint fmt', () => {
  it('formats the configs of a folder in place and says which', () => {
    const dir = project({ 'fly.toml': UNFORMATTED, 'fly.staging.toml': FORMATTED, 'notes.toml': UNFORMATTED });
    const r = flylint(['fmt'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: 'formatted fly.toml\n', stderr: '' });
    expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe(FORMATTED);
    expect(readFileSync(join(dir, 'notes.toml'), 'utf8')).toBe(UNFORMATTED);
    expect(flylint(['fmt'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--check exits 1 listing the unformatted files, and writes nothing', () => {
    const dir = project({ 'fly.toml': UNFORMATTED, 'fly.staging.toml': FORMATTED });
    const r = flylint(['fmt', '--check'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('would reformat fly.toml\n');
    expect(r.stderr).toBe('flylint: 1 of 2 files not formatted; flylint fmt formats it\n');
    expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe(UNFORMATTED);
    expect(flylint(['fmt', '--check', 'fly.staging.toml'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('leaves a file with TOML errors untouched: exit 2, a message with its position', () => {
    const dir = project({ 'fly.toml': BROKEN, 'fly.staging.toml': UNFORMATTED });
    const r = flylint(['fmt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('flylint: fly.toml:3:7: not formatted: Expected a value after "A ="\n');
    expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe(BROKEN);
    // The others are formatted all the same.
    expect(readFileSync(join(dir, 'fly.staging.toml'), 'utf8')).toBe(FORMATTED);
    expect(flylint(['fmt', '--check', 'fly.toml'], { cwd: dir }).code).toBe(2);
  });

  it('leaves a file that is not UTF-8 untouched', () => {
    const bytes = Buffer.concat([Buffer.from('app="caf'), Buffer.from([0xe9]), Buffer.from('"\n')]);
    const dir = project({ 'fly.toml': bytes });
    const r = flylint(['fmt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('flylint: fly.toml:1:9: not formatted: the file is not valid UTF-8; TOML files must be UTF-8\n');
    expect(readFileSync(join(dir, 'fly.toml')).equals(bytes)).toBe(true);
  });

  it('keeps CRLF line endings and a byte-order mark', () => {
    const dir = project({ 'fly.toml': '\uFEFFapp="shop"\r\n[env]\r\nA="1"' });
    expect(flylint(['fmt'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe('\uFEFFapp = "shop"\r\n[env]\r\n  A = "1"\r\n');
  });

  it('takes the style from .flylint.toml, flags overriding it', () => {
    const dir = project({ '.flylint.toml': '[format]\nindent = 0\nquotes = "single"\n', 'fly.toml': '[env]\n  A = "1"\n' });
    expect(flylint(['fmt', '--check'], { cwd: dir }).code).toBe(1);
    expect(flylint(['fmt'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe("[env]\nA = '1'\n");
    expect(flylint(['fmt', '--indent', 'tab', '--quotes=double'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe('[env]\n\tA = "1"\n');
  });

  it('reports an invalid [format] in .flylint.toml with its position', () => {
    const dir = project({ '.flylint.toml': '[format]\nindent = "wide"\n', 'fly.toml': FORMATTED });
    const r = flylint(['fmt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('flylint: invalid config file\n.flylint.toml:2:10: [format] indent must be a number of spaces from 0 to 8, or "tab"\n');
  });

  it('formats standard input to standard output; what it cannot format passes through', () => {
    expect(flylint(['fmt', '--stdin'], { input: UNFORMATTED })).toEqual({ code: 0, stdout: FORMATTED, stderr: '' });
    expect(flylint(['fmt', '-'], { input: FORMATTED })).toEqual({ code: 0, stdout: FORMATTED, stderr: '' });
    expect(flylint(['fmt', '--stdin', '--check'], { input: UNFORMATTED })).toEqual({ code: 1, stdout: 'would reformat <stdin>\n', stderr: '' });
    expect(flylint(['fmt', '--stdin', '--check', '--stdin-filename', 'fly.toml'], { input: FORMATTED }).code).toBe(0);
    const broken = flylint(['fmt', '--stdin', '--stdin-filename', 'fly.toml'], { input: BROKEN });
    expect(broken).toEqual({ code: 2, stdout: BROKEN, stderr: 'flylint: fly.toml:3:7: not formatted: Expected a value after "A ="\n' });
  });

  it('passes bytes that are not UTF-8 through standard input unchanged', () => {
    const bytes = Buffer.from([0x61, 0x3d, 0x22, 0xff, 0x22, 0x0a]);
    const r = spawnSync(process.execPath, [bin, 'fmt', '--stdin'], { input: bytes });
    expect(r.status).toBe(2);
    expect(r.stdout.equals(bytes)).toBe(true);
  });

  it('refuses to write over a change made on disk meanwhile', () => {
    const dir = project({ 'fly.toml': UNFORMATTED });
    const editorSaves = {
      writeTemp(path: string, content: string) {
        writeFileSync(path, content);
        writeFileSync(join(dir, 'fly.toml'), 'app = "edited"\n');
      },
      rename: renameSync,
    };
    const r = flylintInProcess(['fmt'], { cwd: dir, fileSystem: editorSaves });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('flylint: cannot write fly.toml (it changed on disk while flylint was formatting it; run flylint fmt again); it is unchanged\n');
    expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe('app = "edited"\n');
    expect(readdirSync(dir)).toEqual(['fly.toml']);
  });

  it('explains its usage, and names bad options and values', () => {
    const help = flylint(['fmt', '--help']);
    expect(help.code).toBe(0);
    for (const option of ['--check', '--indent', '--quotes', '--stdin', '--stdin-filename', '--config', '--no-error-on-unmatched-pattern']) expect(help.stdout).toContain(option);
    expect(flylint(['--help']).stdout).toContain('flylint fmt [--check]');
    expect(flylint(['fmt', '--chek'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown option "--chek" for flylint fmt. Did you mean "--check"?') });
    expect(flylint(['fmt', '--indent', '3x']).stderr).toContain('--indent takes a number of spaces from 0 to 8, or tab; got "3x"');
    expect(flylint(['fmt', '--quotes', 'smart']).stderr).toContain('--quotes takes preserve, single or double, got "smart"');
    expect(flylint(['fmt', '--stdin', 'fly.toml']).code).toBe(2);
  });

  it('exits 2 for a folder with no config', () => {
    const dir = project({ 'README.md': 'x' });
    expect(flylint(['fmt'], { cwd: dir }).code).toBe(2);
    expect(flylint(['fmt', '--no-error-on-unmatched-pattern'], { cwd: dir }).code).toBe(0);
  });
});

describe('the README on formatting', () => {
  const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Formatting\n'), readme.indexOf('\n## Exit codes\n'));
  const fenced = (lang: string) => [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

  it('shows a [format] table flylint accepts, and commands that run as written', () => {
    const [config] = fenced('toml');
    const dir = project({ '.flylint.toml': config!, 'fly.toml': UNFORMATTED });
    expect(flylint(['fmt', '--check'], { cwd: dir })).toMatchObject({ code: 1, stdout: 'would reformat fly.toml\n' });
    const commands = fenced('sh')[0]!.split('\n').map((line) => line.replace(/\s+#.*$/, '')).filter(Boolean);
    expect(commands.length).toBe(4);
    for (const command of commands) {
      const args = command.replace(/^flylint /, '').replace(/ [<>] \S+/g, '').split(' ');
      const r = flylint(args, { cwd: dir, input: UNFORMATTED });
      expect([0, 1], `${command}\n${r.stderr}`).toContain(r.code);
    }
  });
});
