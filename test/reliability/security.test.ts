/**
 * No network, no code from the workspace, no detected secret in any output, and no read outside
 * the project: for the CLI and for the language server, each run as a user runs them.
 */
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { flylint } from '../cli/run-cli.js';
import { CRASH_SIGNS, initializedServer, type RawServer } from './raw-lsp.js';

const SECRET = 'sk_live_51HxQ2rTz8kL9mN3pQ7vW2yX';
const CONFIG = [
  'app = "shop"',
  '',
  '[env]',
  `  STRIPE_SECRET_KEY = "${SECRET}"`,
  '  DATABASE_URL = "postgres://shop:Xy7pQ2vLm9Rt@db.internal:5432/shop"',
  '',
  '[build.args]',
  '  NPM_TOKEN = "npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"',
  '',
  '[[files]]',
  '  guest_path = "/app/.env"',
  '  raw_value = "API_KEY=ghp_R4nd0mT0k3nV4lu3Xq9Zz8Yy7Ww6Vv5Uu4Tt"',
  '',
].join('\n');
/** The secrets minus the two characters a message may show. */
const LEAKS = [SECRET.slice(2), 'Xy7pQ2vLm9Rt', 'AbCdEfGhIjKlMnOpQrSt', 'R4nd0mT0k3nV4lu3'];
const FORMATS = ['stylish', 'json', 'sarif', 'github'];

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flylint-sec-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const preload = (file: string) => ({ NODE_OPTIONS: `--import=${join(process.cwd(), 'test', 'reliability', file)}` });
const noNetwork = preload('no-network.mjs');
const traceReads = preload('trace-reads.mjs');
const install = process.cwd();
/** flylint's own compile-cache folder (SECURITY.md), read by bin/flylint.js at start. */
const ownCache = (createRequire(import.meta.url)('../../bin/cache-dir.js') as { cacheDir(): string | undefined }).cacheDir();
/** The paths a traced run read, less flylint's own modules that Node loads and its own cache. */
const readsIn = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('READ '))
    .map((l) => l.slice(5))
    .filter((p) => !p.startsWith(`file://${install}/`) && !p.startsWith(`${install}/`))
    .filter((p) => !ownCache || !p.startsWith(`${ownCache}/`));

async function openAndLint(s: RawServer, path: string, text: string): Promise<any[]> {
  const uri = `file://${path}`;
  s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'toml', version: 1, text } });
  const published = await s.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  return published.params.diagnostics;
}

describe('no network', () => {
  it('the preload refuses the network (the check can fail)', () => {
    const dir = project({});
    const probe = join(dir, 'probe.mjs');
    writeFileSync(probe, "import { connect } from 'node:net';\nconnect(80, 'example.com');\n");
    const r = flylint([], { cwd: dir, env: { NODE_OPTIONS: `${noNetwork.NODE_OPTIONS} --import=${probe}` } });
    expect(r.stderr).toContain('NETWORK ACCESS ATTEMPTED: net.connect');
    expect(r.code).toBe(99);
  });

  it('the CLI works with the network refused: every format, --fix, --print-config, --explain', () => {
    const dir = project({ 'fly.toml': CONFIG, 'fly.staging.toml': 'app = "shop-staging"\n', '.flylint.toml': 'root = true\n' });
    const runs = [...FORMATS.map((f) => ['--format', f]), ['--print-config', 'fly.toml'], ['--explain', 'secret-in-env'], ['--list-rules'], ['--fix', '--unsafe-fixes']];
    for (const args of runs) {
      const r = flylint(args, { cwd: dir, env: noNetwork });
      expect(r.stderr, args.join(' ')).not.toContain('NETWORK');
      expect([0, 1], `${args.join(' ')}: ${r.stderr}`).toContain(r.code);
    }
  });

  it('the language server works with the network refused', async () => {
    const dir = project({ 'fly.toml': CONFIG, '.flylint.toml': 'root = true\n' });
    const s = await initializedServer({ root: dir, env: noNetwork });
    const diagnostics = await openAndLint(s, join(dir, 'fly.toml'), CONFIG);
    expect(diagnostics.some((d) => d.code === 'secret-in-env')).toBe(true);
    const hover = await s.request(2, 'textDocument/hover', { textDocument: { uri: `file://${dir}/fly.toml` }, position: { line: 0, character: 1 } });
    expect(hover.result).not.toBeNull();
    await s.request(3, 'shutdown');
    s.notify('exit');
    expect(await s.exited).toBe(0);
    expect(s.stderr()).not.toContain('NETWORK');
  });
});

describe('no code from the workspace', () => {
  const marker = () => join(tmpdir(), `flylint-pwned-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const evil = (m: string) => `require('fs').writeFileSync(${JSON.stringify(m)}, 'pwned')\n`;
  const evilFiles = (m: string) => ({
    'evil.js': evil(m),
    'flylint.config.js': evil(m),
    'flylint.config.mjs': `import fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(m)}, 'pwned');\n`,
    '.flylintrc.js': evil(m),
    '.flylintrc.cjs': evil(m),
    '.flylint.js': evil(m),
    'node_modules/flylint-plugin-evil/index.js': evil(m),
  });

  it('a malicious .flylint.toml is a config error (exit 2), and nothing runs', () => {
    const m = marker();
    const dir = project({
      ...evilFiles(m),
      'fly.toml': `app = "shop"\n[deploy]\n  release_command = "touch ${m}"\n[build]\n  dockerfile = "$(touch ${m})"\n`,
      '.flylint.toml': `root = true\nextends = "./evil.js"\nplugins = ["./evil.js", "flylint-plugin-evil"]\n[rules]\nmissing-swap = "require('child_process').execSync('touch ${m}')"\n`,
    });
    for (const args of [[], ['--format', 'json'], ['--fix'], ['--print-config', 'fly.toml']]) {
      const r = flylint(args, { cwd: dir, env: noNetwork });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/Unknown key "extends"/);
    }
    expect(existsSync(m)).toBe(false);
  });

  it('with a valid .flylint.toml, code files beside it are never loaded (CLI and language server)', async () => {
    const m = marker();
    const dir = project({ ...evilFiles(m), 'fly.toml': `app = "shop"\n[deploy]\n  release_command = "touch ${m}"\n`, '.flylint.toml': 'root = true\n[rules]\nmissing-swap = "off"\n' });
    const r = flylint(['--format', 'json'], { cwd: dir, env: noNetwork });
    expect(r.code, r.stderr).toBeLessThan(2);
    const s = await initializedServer({ root: dir, env: noNetwork });
    await openAndLint(s, join(dir, 'fly.toml'), `app = "shop"\n[deploy]\n  release_command = "touch ${m}"\n`);
    s.kill();
    expect(existsSync(m)).toBe(false);
  });

  it('the language server reports a malicious .flylint.toml instead of running it', async () => {
    const m = marker();
    const dir = project({ ...evilFiles(m), 'fly.toml': 'app = "shop"\n', '.flylint.toml': `root = true\nextends = "./evil.js"\nplugins = ["./evil.js"]\n` });
    const s = await initializedServer({ root: dir, env: noNetwork });
    await openAndLint(s, join(dir, 'fly.toml'), 'app = "shop"\n');
    await s.request(2, 'textDocument/hover', { textDocument: { uri: `file://${dir}/fly.toml` }, position: { line: 0, character: 1 } });
    s.kill();
    expect(existsSync(m)).toBe(false);
    expect(s.stderr()).not.toMatch(CRASH_SIGNS);
  });
});

describe('a detected secret never appears in any output', () => {
  it('CLI: every format, --quiet, --print-config, stdin, and the report after --unsafe-fixes', () => {
    const dir = project({ 'fly.toml': CONFIG });
    const outputs = FORMATS.map((format) => flylint(['--format', format, 'fly.toml'], { cwd: dir }));
    outputs.push(flylint(['--quiet', 'fly.toml'], { cwd: dir }));
    outputs.push(flylint(['--print-config', 'fly.toml'], { cwd: dir }));
    for (const format of FORMATS) outputs.push(flylint(['--stdin', '--format', format], { cwd: dir, input: CONFIG }));
    for (const r of outputs) for (const leak of LEAKS) expect(r.stdout + r.stderr).not.toContain(leak);
    // The checks found the secrets (else there is nothing to hide).
    expect(JSON.parse(outputs[1]!.stdout)[0].messages.filter((m: any) => m.ruleId === 'secret-in-env').length).toBeGreaterThanOrEqual(4);
    const fixed = flylint(['--unsafe-fixes', '--format', 'json', 'fly.toml'], { cwd: dir });
    for (const leak of LEAKS) expect(fixed.stdout + fixed.stderr).not.toContain(leak);
  });

  it('CLI: a secret on a line with a syntax error is not echoed by the syntax message or its code frame', () => {
    const dir = project({ 'fly.toml': `app = "shop"\n[env]\n  STRIPE_SECRET_KEY = "${SECRET}" trailing\n` });
    for (const format of FORMATS) {
      const r = flylint(['--format', format], { cwd: dir });
      expect(r.stdout + r.stderr, format).not.toContain(SECRET.slice(2));
    }
  });

  it('language server: diagnostics, hover on keys and values, code actions, symbols, completion, pull diagnostics, logs', async () => {
    const dir = project({ 'fly.toml': CONFIG });
    const uri = `file://${dir}/fly.toml`;
    const s = await initializedServer({ root: dir });
    const diagnostics = await openAndLint(s, join(dir, 'fly.toml'), CONFIG);
    const secrets = diagnostics.filter((d) => d.code === 'secret-in-env');
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    const answers: unknown[] = [diagnostics];
    let id = 10;
    for (const d of secrets) {
      answers.push(await s.request(id++, 'textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }));
      for (const character of [d.range.start.character, d.range.end.character + 4, d.range.end.character + 12]) {
        answers.push(await s.request(id++, 'textDocument/hover', { textDocument: { uri }, position: { line: d.range.start.line, character } }));
        answers.push(await s.request(id++, 'textDocument/completion', { textDocument: { uri }, position: { line: d.range.start.line, character } }));
      }
    }
    answers.push(await s.request(id++, 'textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } }, context: { diagnostics, only: ['source.fixAll.flylint'] } }));
    answers.push(await s.request(id++, 'textDocument/diagnostic', { textDocument: { uri } }));
    answers.push(s.messages.filter((m) => m.method === 'window/logMessage' || m.method === 'window/showMessage'));
    const everything = JSON.stringify(answers) + s.stderr();
    for (const leak of LEAKS) expect(everything).not.toContain(leak);
    s.kill();
  });
});

describe('reads stay inside the project', () => {
  /** A project, and beside it a folder the project must never read: a config and a secret file. */
  function projectWithOutside(files: Record<string, string>): { dir: string; outside: string } {
    const base = mkdtempSync(join(tmpdir(), 'flylint-reads-'));
    const outside = join(base, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'fly.toml'), 'app = "outside-app"\n[env]\n  OUTSIDE_MARKER = "do-not-read"\n');
    writeFileSync(join(outside, 'credentials'), '[default]\naws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n');
    const dir = project(files);
    return { dir, outside };
  }

  it('the CLI reads configs, .flylint.toml and .gitignore files, never what a config points at', () => {
    const { dir, outside } = projectWithOutside({});
    writeFileSync(join(dir, 'fly.toml'), `app = "shop"\n[build]\n  dockerfile = "../../../../etc/passwd"\n[[files]]\n  guest_path = "/x"\n  local_path = "${outside}/credentials"\n[[files]]\n  guest_path = "/y"\n  local_path = "../../outside/credentials"\n`);
    writeFileSync(join(dir, '.gitignore'), 'build/\n');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node\n');
    const r = flylint([], { cwd: dir, env: traceReads });
    const reads = readsIn(r.stderr);
    expect(reads).toContain(join(dir, 'fly.toml'));
    // Inside the project: configs, .gitignore, and the folders walked.
    expect(reads.filter((p) => p.startsWith(dir) && p !== dir && !/(\/fly[^/]*\.toml|\/\.flylint\.toml|\/\.gitignore|\/\.git)$/.test(p))).toEqual([]);
    // Outside it: only .flylint.toml, .gitignore and .git looked up in the folders above.
    expect(reads.filter((p) => !p.startsWith(dir) && !dir.startsWith(dirname(p)) && !/\/(\.flylint\.toml|\.gitignore|\.git)$/.test(p))).toEqual([]);
    expect(reads.filter((p) => /passwd|credentials|outside/.test(p))).toEqual([]);
  });

  it('the CLI does not follow symbolic links out of the folder it walks', () => {
    const { dir, outside } = projectWithOutside({ 'fly.toml': 'app = "shop"\n' });
    symlinkSync(join(outside, 'fly.toml'), join(dir, 'fly.linked.toml'));
    symlinkSync(join(outside, 'credentials'), join(dir, 'fly.credentials.toml'));
    symlinkSync(outside, join(dir, 'linked-folder'));
    const r = flylint(['--format', 'json'], { cwd: dir, env: traceReads });
    const reads = readsIn(r.stderr);
    expect(r.stdout).not.toMatch(/outside-app|OUTSIDE_MARKER|aws_secret_access_key|wJalrXUtnFEMI/);
    expect(reads.filter((p) => p.startsWith(outside) || p.startsWith(join(dir, 'linked-folder')))).toEqual([]);
    const files = JSON.parse(r.stdout).map((f: any) => f.filePath);
    expect(files).toEqual([join(dir, 'fly.toml')]);
  });

  it('the language server does not read what a config points at outside the workspace, nor follow symbolic links out of it', async () => {
    const { dir, outside } = projectWithOutside({});
    const text = `app = "shop"\n[build]\n  dockerfile = "${outside}/credentials"\n[[files]]\n  guest_path = "/x"\n  local_path = "../outside/credentials"\n`;
    writeFileSync(join(dir, 'fly.toml'), text);
    symlinkSync(join(outside, 'fly.toml'), join(dir, 'fly.linked.toml'));
    symlinkSync(outside, join(dir, 'linked-folder'));
    const s = await initializedServer({ root: dir, env: traceReads });
    const diagnostics = await openAndLint(s, join(dir, 'fly.toml'), text);
    await s.request(2, 'textDocument/hover', { textDocument: { uri: `file://${dir}/fly.toml` }, position: { line: 2, character: 4 } });
    await s.request(3, 'textDocument/definition', { textDocument: { uri: `file://${dir}/fly.toml` }, position: { line: 5, character: 20 } });
    s.kill();
    // It did walk the workspace (so the trace sees its reads).
    expect(readsIn(s.stderr())).toEqual(expect.arrayContaining([dir, join(dir, 'fly.toml')]));
    expect(JSON.stringify(diagnostics)).not.toMatch(/outside-app|OUTSIDE_MARKER/);
    // An absolute `dockerfile` is joined to the config's folder, as flyctl joins it: only a path inside the workspace is looked at.
    expect(readsIn(s.stderr()).filter((p) => p.startsWith(outside) || p.includes('linked-folder') || p.endsWith('fly.linked.toml') || (p.endsWith('credentials') && !p.startsWith(`${dir}/`)))).toEqual([]);
  });
});
