#!/usr/bin/env node
// The package as a user gets it: `npm pack` of this checkout (prepack builds it), installed with
// `npm i -D ./flylint-<version>.tgz` into an empty project (offline: the package has no
// dependencies), then used the ways the README shows: `npx flylint` (each output and exit status),
// `npx flylint-language-server --stdio` and `import { lintText } from 'flylint'`. Every check
// prints PASS or FAIL; the exit status is 1 on any FAIL.
//
// What the test suite checks (on Node 20 and 24 in CI) is not checked again here, one place for
// each thing: test/cli/package.test.ts installs a packed copy and checks the published manifest (no
// prepare, no dependencies), an install without warnings, `npx flylint` on a bad config and a strict
// TypeScript consumer of the shipped types; test/cli/code-cache.test.ts checks that nothing is
// written inside the package and where the compile caches go.
//
//   node scripts/smoke-package.mjs [--node24] [--git] [--tarball FILE]
//     --node24   also install and run it under Node 24 (scripts/node24.mjs finds or installs it)
//     --git      also install it from a git+file:// URL of a clone of this checkout's HEAD
//     --tarball  use this tarball instead of packing
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { node24 } from './node24.mjs';
import { fileSnapshot } from './file-snapshot.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), 'flylint-smoke-'));
let failures = 0;

function check(name, ok, detail = '') {
  if (!ok) failures++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${!ok && detail ? `\n     ${String(detail).trim().split('\n').slice(-12).join('\n     ')}` : ''}`);
  return ok;
}

/** An environment whose `node` (and so npm's, npx's and the bins') is the given binary. */
function environmentFor(node, cacheHome) {
  // Under `npm run`, npm_* variables point scripts at the npm and Node that run npm.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'NODE'));
  return {
    ...env,
    PATH: `${dirname(node)}:${process.env.PATH}`,
    XDG_CACHE_HOME: cacheHome,
    NO_COLOR: '1',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

function sh(cwd, command, env, input) {
  return spawnSync('sh', ['-c', command], { cwd, env, encoding: 'utf8', input, timeout: 600_000, maxBuffer: 1 << 26 });
}

/** `npm pack` as a publish runs it; the repository's package.json must come out of it unchanged. */
function pack() {
  const given = args.indexOf('--tarball');
  if (given >= 0) return args[given + 1];
  const before = readFileSync(join(root, 'package.json'));
  const result = spawnSync('npm', ['pack', '--pack-destination', work], { cwd: root, encoding: 'utf8', timeout: 600_000 });
  const name = result.stdout.trim().split('\n').pop();
  check('npm pack', result.status === 0 && /^flylint-\d+\.\d+\.\d+\.tgz$/.test(name ?? ''), result.stderr + result.stdout);
  check("npm pack leaves the repository's package.json as it was", readFileSync(join(root, 'package.json')).equals(before) && !existsSync(join(root, 'package.json.prepack')));
  return join(work, name);
}

/** What is in the tarball itself. */
function inspectTarball(tarball) {
  const dir = mkdtempSync(join(work, 'tarball-'));
  const untar = spawnSync('tar', ['xzf', tarball, '-C', dir], { encoding: 'utf8' });
  if (!check('the tarball unpacks', untar.status === 0, untar.stderr)) return;
  const pkgDir = join(dir, 'package');
  const shipped = fileSnapshot(pkgDir).map((line) => line.split(' ')[0]);
  check('no code cache is shipped', !shipped.some((f) => f.endsWith('.cache')), shipped.filter((f) => f.endsWith('.cache')).join(' '));
  const dangling = shipped
    .filter((f) => /\.(c|m)?js$/.test(f))
    .flatMap((f) => [...readFileSync(join(pkgDir, f), 'utf8').matchAll(/^\/\/# sourceMappingURL=(.+)$/gm)].map((m) => [f, m[1].trim()]))
    .filter(([f, map]) => !map.startsWith('data:') && !existsSync(join(pkgDir, dirname(f), map)));
  check('every sourceMappingURL names a shipped file', dangling.length === 0, dangling.map(([f, m]) => `${f} -> ${m}`).join('\n'));
  for (const required of ['bin/flylint.js', 'bin/flylint-language-server.js', 'dist/cli.cjs', 'dist/cli-re2js.cjs', 'dist/cli-fly-schema.json', 'dist/index.js', 'dist/language-server.js', 'dist/types/server/src/index.d.ts', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
    check(`the tarball holds ${required}`, shipped.includes(required));
  }
}

/** A finding of invalid-type at 5:19: what each way of running flylint must report. */
const BAD = 'app = "shop"\nprimary_region = "ord"\n\n[http_service]\n  internal_port = "8080"\n';
const GOOD = 'app = "shop-staging"\nprimary_region = "ord"\n';

async function languageServer(cwd, env) {
  const child = spawn('npx', ['flylint-language-server', '--stdio'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let buffer = Buffer.alloc(0);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const send = (message) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  const waiters = [];
  child.stdout.on('data', (data) => {
    buffer = Buffer.concat([buffer, data]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())?.[1]);
      if (buffer.length < end + 4 + length) return;
      const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString());
      buffer = buffer.subarray(end + 4 + length);
      for (const waiter of [...waiters]) {
        if (waiter.test(message)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    }
  });
  const next = (test, ms = 60_000) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), ms);
      waiters.push({ test, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    const initialized = next((m) => m.id === 1);
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
    const init = await initialized;
    check('language server: initialize', Boolean(init?.result?.capabilities), stderr);
    send({ method: 'initialized', params: {} });
    const uri = `file://${join(cwd, 'lsp', 'fly.toml')}`;
    const published = next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.diagnostics.length > 0);
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'toml', version: 1, text: BAD } } });
    const diagnostics = (await published)?.params.diagnostics ?? [];
    const finding = diagnostics.find((d) => d.code === 'invalid-type');
    check('language server: publishDiagnostics has the invalid-type finding at 5:19', finding?.range.start.line === 4 && finding.range.start.character === 18, JSON.stringify(diagnostics).slice(0, 400) + stderr);
    const shutdown = next((m) => m.id === 2);
    send({ id: 2, method: 'shutdown' });
    await shutdown;
    send({ method: 'exit' });
    child.stdin.end();
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 30_000))]);
    check('language server: exits 0 after shutdown and exit', code === 0, `exit ${code} ${stderr}`);
  } finally {
    child.kill();
  }
}

/** Installs the package into an empty project with the given Node and uses it. */
async function smoke(label, node, spec, { offline = true } = {}) {
  console.log(`\n${label}`);
  const app = mkdtempSync(join(work, 'app-'));
  const cacheHome = mkdtempSync(join(work, 'cache-home-'));
  const env = environmentFor(node, cacheHome);
  const version = sh(app, 'node --version', env).stdout.trim();
  check(`node on PATH is ${version}`, version === spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim());
  sh(app, 'npm init -y', env);
  const install = sh(app, `npm i -D ${offline ? '--offline' : '--prefer-offline'} ${JSON.stringify(spec)}`, env);
  if (!check(`npm i -D ${basename(spec)}`, install.status === 0, install.stderr + install.stdout)) return;

  writeFileSync(join(app, 'fly.toml'), BAD);
  const json = sh(app, 'npx flylint --format json fly.toml', env);
  let report;
  try {
    report = JSON.parse(json.stdout);
  } catch {
    // Checked below.
  }
  const finding = report?.[0]?.messages.find((m) => m.ruleId === 'invalid-type');
  check('npx flylint --format json: parses, has the finding', json.status === 1 && finding?.line === 5 && finding.column === 19, json.stdout.slice(0, 400) + json.stderr);
  const good = sh(app, 'npx flylint --stdin --stdin-filename fly.staging.toml', env, GOOD);
  check('npx flylint: a clean config exits 0', good.status === 0, good.stdout + good.stderr);
  const usage = sh(app, 'npx flylint --no-such-option', env);
  check('npx flylint: a usage error exits 2', usage.status === 2 && usage.stderr.length > 0, usage.stdout + usage.stderr);
  const batch = sh(app, `npx flylint --format json ${Array.from({ length: 21 }, () => 'fly.toml').join(' ')}`, env);
  check('npx flylint: a run of 21 files prints nothing on stderr', batch.status === 1 && batch.stderr === '', batch.stderr);

  await languageServer(app, env);

  writeFileSync(
    join(app, 'use.mjs'),
    `import { lintText } from 'flylint';\nconst ids = lintText(${JSON.stringify(BAD)}, { filePath: 'fly.toml' }).map((f) => f.ruleId);\nconsole.log(JSON.stringify(ids));\n`,
  );
  const esm = sh(app, 'node use.mjs', env);
  check("import { lintText } from 'flylint' (ESM)", esm.status === 0 && esm.stdout.includes('"invalid-type"'), esm.stdout + esm.stderr);
}

/** npm installs a git dependency by cloning it, installing its devDependencies and running prepare. */
async function smokeGit(node) {
  const clone = join(work, 'flylint-clone');
  const cloned = spawnSync('git', ['clone', '-q', root, clone], { encoding: 'utf8' });
  if (!check('git clone of this checkout', cloned.status === 0, cloned.stderr)) return;
  await smoke(`git+file:// install, ${spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()}`, node, `git+file://${clone}`, { offline: false });
}

try {
  const tarball = pack();
  if (tarball && existsSync(tarball)) {
    inspectTarball(tarball);
    await smoke(`tarball install, ${process.version}`, process.execPath, tarball);
    if (args.includes('--node24')) {
      const found = node24();
      if (check(`Node 24 for the second run${found.reason ? `: ${found.reason}` : ''}`, Boolean(found.path))) await smoke(`tarball install, ${found.version}`, found.path, tarball);
    }
  }
  if (args.includes('--git')) await smokeGit(process.execPath);
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`\nsmoke-package: ${failures === 0 ? 'PASS' : `FAIL (${failures} checks failed)`}`);
process.exit(failures === 0 ? 0 : 1);
