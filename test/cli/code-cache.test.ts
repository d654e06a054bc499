/**
 * The compiled bundles are cached in the user's cache folder (bin/cache-dir.js), one folder per
 * flylint, Node and V8 version, never inside the package: the CLI's bundle as a V8 code cache made
 * by bin/flylint.js after the run (on every Node), what Node itself loads (the language server,
 * the CLI's chunks) by Node's own compile cache on Node >= 22.1. A batch run tunes V8's flags on
 * Node 20, and V8 rejects a cache made under other flags: if batch and one-file runs each rewrote
 * it, every switch between them would compile the bundle.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSnapshot } from '../../scripts/file-snapshot.mjs';

const require = createRequire(import.meta.url);
const { cacheDir } = require('../../bin/cache-dir.js') as { cacheDir(env?: NodeJS.ProcessEnv, platform?: string): string | undefined };
const nodeCompileCache = typeof (require('node:module') as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const { version } = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string };
const key = `${version}-node${process.versions.node}-v8-${process.versions.v8}-${process.arch}`;

const temporaries: string[] = [];
afterAll(() => temporaries.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function temporary(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporaries.push(dir);
  return dir;
}

/** What an installed package holds to run (bin/, the bundles, package.json), copied aside. */
function install(): string {
  const dir = temporary('flylint-cache-pkg-');
  cpSync(join(process.cwd(), 'bin'), join(dir, 'bin'), { recursive: true });
  mkdirSync(join(dir, 'dist'));
  // The CLI's bundle with the files it reads (dist/*.cjs, dist/*.json), and the language server's.
  const shipped = readdirSync(join(process.cwd(), 'dist')).filter((file) => /\.(cjs|json)$/.test(file) || file === 'language-server.js');
  for (const file of shipped) cpSync(join(process.cwd(), 'dist', file), join(dir, 'dist', file));
  cpSync(join(process.cwd(), 'package.json'), join(dir, 'package.json'));
  return dir;
}

function configs(dir: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const path = join(dir, `fly.app${i}.toml`);
    writeFileSync(path, `app = "app-${i}"\nprimary_region = "ams"\n`);
    return path;
  });
}

/** The environment of a run: its cache home, and none of Node's own compile-cache settings. */
function environment(cacheHome: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cacheHome };
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  return env;
}

function lint(pkg: string, files: string[], cacheHome: string, status = 0) {
  const result = spawnSync(process.execPath, [join(pkg, 'bin', 'flylint.js'), '--format', 'json', ...files], { encoding: 'utf8', env: environment(cacheHome) });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(status);
  expect(JSON.parse(result.stdout)).toHaveLength(files.length);
  return result;
}

/** The files of this Node's cache folder below a cache home, with their contents. */
function cacheFiles(cacheHome: string): Map<string, Buffer> {
  const dir = join(cacheHome, 'flylint', key);
  const files = new Map<string, Buffer>();
  if (!existsSync(dir)) return files;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

describe('the cache folder', () => {
  it('is the platform per-user cache folder, keyed by flylint, Node and V8 version', () => {
    const home = '/home/someone';
    const withHome = (env: Record<string, string>) => ({ HOME: home, ...env });
    // HOME is what os.homedir() reads on Linux and macOS.
    const saved = process.env.HOME;
    process.env.HOME = home;
    try {
      expect(cacheDir(withHome({ XDG_CACHE_HOME: '/var/cache/u' }), 'linux')).toBe(join('/var/cache/u', 'flylint', key));
      expect(cacheDir(withHome({}), 'linux')).toBe(join(home, '.cache', 'flylint', key));
      // A relative XDG_CACHE_HOME is invalid (XDG base directory specification).
      expect(cacheDir(withHome({ XDG_CACHE_HOME: 'cache' }), 'linux')).toBe(join(home, '.cache', 'flylint', key));
      expect(cacheDir(withHome({ XDG_CACHE_HOME: '/x' }), 'darwin')).toBe(join(home, 'Library', 'Caches', 'flylint', key));
      expect(cacheDir(withHome({ LOCALAPPDATA: '/c/Users/someone/AppData/Local' }), 'win32')).toBe(join('/c/Users/someone/AppData/Local', 'flylint', 'Cache', key));
    } finally {
      process.env.HOME = saved;
    }
  });

  it('is never inside the package: the CLI and the language server leave their folder as installed', async () => {
    const pkg = install();
    const cacheHome = temporary('flylint-cache-home-');
    const before = fileSnapshot(pkg);
    const files = configs(temporary('flylint-cache-cfg-'), 25);
    lint(pkg, files.slice(0, 1), cacheHome);
    lint(pkg, files, cacheHome);
    lint(pkg, files.slice(0, 1), cacheHome);
    expect(await initializeServer(pkg, cacheHome)).toContain('"capabilities"');
    expect(fileSnapshot(pkg)).toEqual(before);
    expect(cacheFiles(cacheHome).size).toBeGreaterThan(0);
    // Only this flylint's and this Node's folder was made.
    expect(readdirSync(join(cacheHome, 'flylint'))).toEqual([key]);
  }, 120_000);

  it('that cannot be made costs nothing but the compile', () => {
    const pkg = install();
    const notAFolder = join(temporary('flylint-cache-file-'), 'file');
    writeFileSync(notAFolder, '');
    const files = configs(temporary('flylint-cache-cfg-'), 2);
    // `lint` checks that nothing is printed on stderr and the exit status is 0.
    lint(pkg, files.slice(0, 1), notAFolder);
    lint(pkg, files, notAFolder);
    expect(readFileSync(notAFolder, 'utf8')).toBe('');
  });
});

/** Starts the language server, initializes it and shuts it down; the answer to `initialize`. */
function initializeServer(pkg: string, cacheHome: string): Promise<string> {
  const frame = (message: object) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  };
  const child = spawn(process.execPath, [join(pkg, 'bin', 'flylint-language-server.js'), '--stdio'], {
    env: environment(cacheHome),
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve(out));
    child.stdout.on('data', (data) => {
      out += String(data);
      // Input is closed only once the server answered shutdown: closing it ends the server.
      if (out.includes('"id":2')) child.stdin.end(frame({ method: 'exit' }));
    });
    child.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    child.stdin.write(frame({ method: 'initialized', params: {} }));
    child.stdin.write(frame({ id: 2, method: 'shutdown' }));
  });
}

describe('the V8 code cache of the CLI, on every Node', () => {
  it('is written by the first run that lints, kept by the runs after it', () => {
    const pkg = install();
    const cacheHome = temporary('flylint-cache-home-');
    const files = configs(temporary('flylint-cache-cfg-'), 2);
    // A run that lints nothing runs little of the bundle: its cache would hold too little.
    for (const args of [['--version'], ['--list-rules'], ['--explain', 'missing-swap']]) {
      const result = spawnSync(process.execPath, [join(pkg, 'bin', 'flylint.js'), ...args], { encoding: 'utf8', env: environment(cacheHome) });
      expect(result.status).toBe(0);
      expect([...cacheFiles(cacheHome).keys()].filter((f) => f.startsWith('cli-'))).toEqual([]);
    }
    lint(pkg, files.slice(0, 1), cacheHome);
    const written = new Map([...cacheFiles(cacheHome)].filter(([f]) => f.startsWith('cli-')));
    expect([...written.keys()]).toEqual([expect.stringMatching(/^cli-\d+-\d+\.cache$/)]);
    lint(pkg, files, cacheHome);
    lint(pkg, files.slice(0, 1), cacheHome);
    expect(new Map([...cacheFiles(cacheHome)].filter(([f]) => f.startsWith('cli-')))).toEqual(written);
  });

  it('of another build of the bundle is never read', () => {
    const pkg = install();
    const cacheHome = temporary('flylint-cache-home-');
    const files = [join(temporary('flylint-cache-cfg-'), 'fly.toml')];
    writeFileSync(files[0]!, 'app = "shop\n');
    expect(lint(pkg, files, cacheHome, 1).stdout).toContain('Unterminated');
    const [first] = [...cacheFiles(cacheHome).keys()].filter((f) => f.startsWith('cli-'));
    // A rebuild of the same length (one name changed): V8 itself checks only the length.
    const bundle = join(pkg, 'dist', 'cli.cjs');
    const text = readFileSync(bundle, 'utf8');
    const changed = text.replaceAll('Unterminated', 'Unfinished!!');
    expect(changed.length).toBe(text.length);
    expect(changed).not.toBe(text);
    writeFileSync(bundle, changed);
    expect(lint(pkg, files, cacheHome, 1).stdout).toContain('Unfinished!!');
    const caches = [...cacheFiles(cacheHome).keys()].filter((f) => f.startsWith('cli-'));
    expect(caches).toContain(first);
    expect(caches).toHaveLength(2);
  });
});

describe.skipIf(nodeCompileCache)('the V8 code cache on Node < 22.1', () => {
  it('is not written by a batch run, which runs under other V8 flags', () => {
    const pkg = install();
    const cacheHome = temporary('flylint-cache-home-');
    const files = configs(temporary('flylint-cache-cfg-'), 25);
    lint(pkg, files, cacheHome);
    expect(cacheFiles(cacheHome).size).toBe(0);
    lint(pkg, files.slice(0, 1), cacheHome);
    const written = cacheFiles(cacheHome);
    expect([...written.keys()]).toEqual([expect.stringMatching(/^cli-\d+-\d+\.cache$/)]);
    // Kept as it is by batch and one-file runs alike.
    lint(pkg, files, cacheHome);
    lint(pkg, files.slice(0, 1), cacheHome);
    expect(cacheFiles(cacheHome)).toEqual(written);
  });
});

describe.runIf(nodeCompileCache)("Node's compile cache on Node >= 22.1", () => {
  it('holds what Node loads (the language server, the chunks of the CLI), filled once and reused', async () => {
    const pkg = install();
    const cacheHome = temporary('flylint-cache-home-');
    const project = temporary('flylint-cache-cfg-');
    // secrets.patterns makes the CLI require its re2js chunk.
    writeFileSync(join(project, '.flylint.toml'), 'root = true\n\n[secrets]\npatterns = ["^SHOP_PIN$"]\n');
    const files = configs(project, 2);
    expect(await initializeServer(pkg, cacheHome)).toContain('"capabilities"');
    const server = cacheFiles(cacheHome);
    expect([...server.keys()].filter((f) => !f.startsWith('cli-')).length).toBeGreaterThan(0);
    lint(pkg, files, cacheHome);
    const written = cacheFiles(cacheHome);
    // One entry more: the chunk.
    expect([...written.keys()].filter((f) => !f.startsWith('cli-')).length).toBe([...server.keys()].length + 1);
    lint(pkg, files, cacheHome);
    expect(await initializeServer(pkg, cacheHome)).toContain('"capabilities"');
    expect(cacheFiles(cacheHome)).toEqual(written);
  }, 60_000);
});
