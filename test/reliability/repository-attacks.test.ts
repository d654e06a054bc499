/**
 * A hostile repository against the CLI and the language server: config files that link out of
 * the project or at devices, `--fix` racing an editor or another run, file content and folder
 * names that would inject workflow commands into CI output, and tokens of many megabytes.
 */
import { spawn } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flylint, flylintInProcess } from '../cli/run-cli.js';
import { ChangedOnDiskError, writeFileAtomic } from '../../server/src/cli/write-file.js';
import { lintText, parseToml } from '../../server/src/index.js';
import { CRASH_SIGNS, initializedServer } from './raw-lsp.js';
import fc from 'fast-check';
import { longTokenDocument } from './generators.mjs';
import { MAX_CONFIG_BYTES, readRegularFile } from '../../server/src/files/read-file.js';
import { nodeFiles } from '../../server/src/lsp/server.js';

function folder(prefix = 'flylint-attack-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

const FAKE_TOKEN = 'fm2_lJPECAAAAAAAAMz7Rp9QvE3xKq8TnWb5';

describe('config files that resolve outside the project', () => {
  function projectWithLink(target: string): string {
    const dir = folder();
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'fly.toml'), 'app = "shop"\n');
    symlinkSync(target, join(dir, '.flylint.toml'));
    return dir;
  }

  it('a .flylint.toml linked to /proc/self/environ is refused, naming the link, and prints nothing of it', () => {
    const dir = projectWithLink('/proc/self/environ');
    const r = flylint([], { cwd: dir, env: { FLY_API_TOKEN: FAKE_TOKEN } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.flylint.toml');
    expect(r.stderr).toMatch(/symbolic link to .*outside the project/);
    expect(r.stdout + r.stderr).not.toContain('FLY_API_TOKEN');
    expect(r.stdout + r.stderr).not.toContain(FAKE_TOKEN.slice(2));
  });

  it('a .flylint.toml linked to a credentials file outside is refused; one inside the project is used', () => {
    const outside = folder();
    writeFileSync(join(outside, 'credentials'), '[default]\naws_secret_access_key = wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY\n');
    const dir = projectWithLink(join(outside, 'credentials'));
    const r = flylint([], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toMatch(/wJalrXUtnFEMI|aws_secret_access_key/);
    const inside = folder();
    mkdirSync(join(inside, '.git'));
    mkdirSync(join(inside, 'shared'));
    writeFileSync(join(inside, 'shared', 'flylint.toml'), '[rules]\nmissing-metrics = "off"\n');
    mkdirSync(join(inside, 'app'));
    writeFileSync(join(inside, 'app', 'fly.toml'), 'app = "shop"\n');
    symlinkSync(join(inside, 'shared', 'flylint.toml'), join(inside, 'app', '.flylint.toml'));
    const ok = flylint(['--format', 'json'], { cwd: inside });
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout)[0].messages.map((m: any) => m.ruleId)).not.toContain('missing-metrics');
  });

  it('a config error quotes at most a short token, never a whole line of a config file', () => {
    const dir = folder();
    const line = `aws_secret_access_key = ${'Q'.repeat(60)}`;
    writeFileSync(join(dir, '.flylint.toml'), `${line}\n`);
    writeFileSync(join(dir, 'fly.toml'), 'app = "shop"\n');
    const r = flylint(['--config', join(dir, '.flylint.toml'), 'fly.toml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('Q'.repeat(13));
    expect(r.stderr).not.toContain(line);
  });

  it('the language server does not read a .flylint.toml that links outside the workspace', async () => {
    const outside = folder();
    writeFileSync(join(outside, 'credentials'), `token = ${FAKE_TOKEN}\n`);
    const dir = projectWithLink(join(outside, 'credentials'));
    const s = await initializedServer({ root: dir });
    const uri = `file://${dir}/fly.toml`;
    s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'toml', version: 1, text: 'app = "shop"\n' } });
    await s.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    await s.request(2, 'flylint/ping');
    s.kill();
    const everything = JSON.stringify(s.messages) + s.stderr();
    expect(everything).not.toContain(FAKE_TOKEN.slice(2));
    expect(everything).toMatch(/\.flylint\.toml is not read: it is a symbolic link/);
  });
});

describe('devices and the server’s own stdin as config', () => {
  it('the shared reader refuses devices and the process’s own stdin without reading them', () => {
    const files = nodeFiles(() => '/');
    for (const device of ['/dev/zero', '/dev/stdin', '/dev/null']) {
      const start = performance.now();
      // A pipe, a terminal or /dev/null is refused by type; a socket cannot even be opened.
      expect(() => readRegularFile(device, MAX_CONFIG_BYTES)).toThrow(/not a regular file|ENXIO/);
      expect(files.readFile(device)).toBeUndefined();
      expect(performance.now() - start).toBeLessThan(1000);
    }
  });

  it('the language server with a .flylint.toml linked to /dev/zero or /dev/stdin keeps serving', async () => {
    for (const device of ['/dev/zero', '/dev/stdin']) {
      const dir = folder();
      writeFileSync(join(dir, 'fly.toml'), 'app = "shop"\n');
      symlinkSync(device, join(dir, '.flylint.toml'));
      const s = await initializedServer({ root: dir });
      const uri = `file://${dir}/fly.toml`;
      s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'toml', version: 1, text: 'app = "shop"\n' } });
      const published = await s.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri, 10_000);
      expect(published.params.diagnostics.length).toBeGreaterThan(0);
      expect((await s.request(3, 'flylint/ping')).error?.code).toBe(-32601);
      s.kill();
      expect(s.stderr()).not.toMatch(CRASH_SIGNS);
    }
  }, 40_000);

  it('the CLI refuses a .flylint.toml that is a device, a pipe or too large', () => {
    const dir = folder();
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'fly.toml'), 'app = "shop"\n');
    symlinkSync('/dev/zero', join(dir, '.flylint.toml'));
    const r = flylint(['--config', '/dev/zero', 'fly.toml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a regular file/);
    const big = folder();
    writeFileSync(join(big, '.flylint.toml'), `# ${'x'.repeat(2_000_000)}\n`);
    writeFileSync(join(big, 'fly.toml'), 'app = "shop"\n');
    const large = flylint([], { cwd: big });
    expect(large.code).toBe(2);
    expect(large.stderr).toMatch(/larger than/);
  });
});

describe('--fix races', () => {
  // [experimental] cmd as a string has a safe fix (cmd = ["start"]), so --fix writes the file.
  const ORIGINAL = 'app = "shop"\nkill_timeout = 5\n[experimental]\n  cmd = "start"\n';

  it('an editor that saves while --fix runs keeps its version; --fix exits 2 and says why', () => {
    const dir = folder();
    const path = join(dir, 'fly.toml');
    writeFileSync(path, ORIGINAL);
    const editorVersion = 'app = "shop"\nkill_timeout = 7\n# saved by the editor\n';
    const r = flylintInProcess(['--fix'], {
      cwd: dir,
      fileSystem: {
        writeTemp(temp, content) {
          writeFileSync(temp, content);
          // The editor saves (a new file renamed over the old) while flylint writes its fix.
          writeFileSync(join(dir, '.editor-save'), editorVersion);
          renameSync(join(dir, '.editor-save'), path);
        },
      },
    });
    expect(readFileSync(path, 'utf8')).toBe(editorVersion);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/changed on disk/);
  });

  it('the in-place path (hard links) waits for a run that holds the lock, then refuses the changed text', async () => {
    const dir = folder();
    const path = join(dir, 'fly.toml');
    writeFileSync(path, ORIGINAL);
    linkSync(path, join(dir, 'fly.link.toml'));
    const { ino, dev } = await import('node:fs').then((fs) => fs.statSync(path));
    const lock = join(tmpdir(), `flylint-${dev}-${ino}.lock`);
    // Another run: holds the lock, writes its fix, releases.
    const other = spawn(process.execPath, ['-e', `
      const fs = require('node:fs');
      fs.writeFileSync(${JSON.stringify(lock)}, String(process.pid), { flag: 'wx' });
      process.stdout.write('locked\\n');
      setTimeout(() => { fs.writeFileSync(${JSON.stringify(path)}, 'app = "shop"\\nkill_timeout = "5s"\\n'); fs.unlinkSync(${JSON.stringify(lock)}); }, 400);
    `]);
    await new Promise<void>((resolve) => other.stdout.once('data', () => resolve()));
    expect(() => writeFileAtomic(path, 'app = "shop"\nkill_timeout = "5s" # mine, and longer\n', {}, ORIGINAL)).toThrow(ChangedOnDiskError);
    expect(readFileSync(path, 'utf8')).toBe('app = "shop"\nkill_timeout = "5s"\n');
    await new Promise((resolve) => other.once('exit', resolve));
  });

  it('concurrent --fix runs on a file with two hard links always leave valid TOML', async () => {
    const runs: Array<Promise<void>> = [];
    const paths: string[] = [];
    for (let i = 0; i < 6; i++) {
      const dir = folder();
      const path = join(dir, 'fly.toml');
      writeFileSync(path, ORIGINAL + `# ${'padding '.repeat(2000)}\n`);
      linkSync(path, join(dir, 'fly.production.toml'));
      paths.push(path);
      for (const name of ['fly.toml', 'fly.production.toml']) {
        runs.push(new Promise((resolve) => spawn(process.execPath, [join(process.cwd(), 'bin', 'flylint.js'), '--fix', name], { cwd: dir, stdio: 'ignore' }).once('exit', () => resolve())));
      }
    }
    await Promise.all(runs);
    for (const path of paths) {
      const text = readFileSync(path, 'utf8');
      expect(parseToml(text).errors).toEqual([]);
      expect(text).toContain('kill_timeout');
    }
  }, 60_000);
});

describe('workflow-command injection through the default output', () => {
  const INJECTIONS = ['\\n::error file=x.yml,line=1::pwned', '\\n::stop-commands::token', '\\r\\n##[error]pwned', '\\u001b[2J'];

  function assertNoCommandLines(output: string): void {
    for (const line of output.split(/\r?\n|\r/)) expect(line, JSON.stringify(line)).not.toMatch(/^\s*(::|##\[)/);
    expect(output).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/);
  }

  it('keys, values and folder names never start a line with :: or ##[ in any format', () => {
    const base = folder();
    const dir = join(base, 'x\n::error file=evil::folder');
    mkdirSync(dir);
    const keys = INJECTIONS.map((s, i) => `"key${i}${s}" = 1`).join('\n');
    writeFileSync(join(dir, 'fly.toml'), `app = "shop"\n[http_service]\n  internal_port = "8080${INJECTIONS[0]}"\n${keys}\nbad = "${INJECTIONS[1]}\n`);
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const r = flylint(['--format', format], { cwd: base });
      expect(r.code, r.stderr).toBe(1);
      if (format === 'github') {
        // Its own annotations are the only commands: one per line, content escaped into them.
        for (const line of r.stdout.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning|notice) file=[^\r\n]*$/);
      } else assertNoCommandLines(r.stdout);
      assertNoCommandLines(r.stderr);
    }
    const printed = flylint(['--print-config', join(dir, 'fly.toml')], { cwd: base });
    assertNoCommandLines(printed.stdout);
    const missing = flylint([join(base, 'nothing\n::error::here')], { cwd: base });
    expect(missing.code).toBe(2);
    assertNoCommandLines(missing.stderr);
  });
});

describe('tokens of many megabytes', () => {
  const N = 4_000_000;
  const LONG: Array<[string, string]> = [
    ['a float', `k = 1.${'1'.repeat(N)}`],
    ['an integer', `k = ${'1'.repeat(N)}`],
    ['an integer with underscores', `k = 1${'_1'.repeat(N / 2)}`],
    ['an exponent', `k = 1e${'1'.repeat(N)}`],
    ['a hexadecimal integer', `k = 0x${'f'.repeat(N)}`],
    ['a binary integer', `k = 0b${'1'.repeat(N)}`],
    ['a bare key', `${'k'.repeat(N)} = 1`],
    ['a string', `k = "${'a'.repeat(N)}"`],
    ['a date-time fraction', `k = 1979-05-27T07:32:00.${'9'.repeat(N)}Z`],
    ['a comment', `#${'a'.repeat(N)}`],
    ['whitespace', `${' '.repeat(N)}k = 1`],
    ['an unquoted value', `k = ${'$'.repeat(N)}`],
  ];

  it.each(LONG)('%s: parseToml and lintText do not throw and report in bounded time', (_name, text) => {
    const start = performance.now();
    expect(() => parseToml(text)).not.toThrow();
    expect(() => lintText(`${text}\n[env]\n  API_KEY = "sk_live_51HxQ2rTz8kL9mN3pQ7vW2yX"\n`)).not.toThrow();
    expect(performance.now() - start).toBeLessThan(20_000);
  });

  it('property: a long token of any kind in any place never throws and never hides a secret beside it', () => {
    fc.assert(
      fc.property(longTokenDocument, (text) => {
        const findings = lintText(text);
        expect(findings.map((f) => f.ruleId)).toContain('secret-in-env');
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('a 10 MB number literal: the CLI reports the file (and a secret in it) instead of an internal error', () => {
    const dir = folder();
    writeFileSync(join(dir, 'fly.toml'), `app = "shop"\nk = 1.${'1'.repeat(10_000_000)}\n[env]\n  STRIPE_SECRET_KEY = "sk_live_51HxQ2rTz8kL9mN3pQ7vW2yX"\n`);
    const r = flylint(['--format', 'json'], { cwd: dir });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0].messages.map((m: any) => m.ruleId)).toContain('secret-in-env');
    // No message repeats the 10 MB token.
    expect(r.stdout.length).toBeLessThan(100_000);
  }, 60_000);
});
