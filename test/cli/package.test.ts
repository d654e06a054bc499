/**
 * The README's installation, as a new user runs it: the package as npm would publish it
 * (`npm pack` of this checkout, already built), installed with `npm i -D` into an empty project,
 * then `npx flylint` there. The one place that checks the published manifest, an install
 * without warnings, `npx flylint` on a bad config and a strict TypeScript consumer of the types;
 * scripts/smoke-package.mjs (in .ci/run) checks the rest from a fresh pack (the tarball's files,
 * every output of the CLI, the language server, an ESM import, a git install) on Node 20 and 24.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repositoryManifest = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));

/**
 * The files `npm pack` takes from this checkout, copied to a folder of their own with the
 * manifest script, where a real `npm pack` runs prepack and postpack. The build ran before the
 * tests: packing must not rebuild dist/ under tests that are running, so this copy's prepack
 * only strips the manifest.
 */
async function stagedPackage(): Promise<string> {
  const listing = await sh(process.cwd(), 'npm pack --dry-run --json --ignore-scripts');
  expect(listing.status, listing.stderr).toBe(0);
  const [{ files }] = JSON.parse(listing.stdout) as [{ files: Array<{ path: string }> }];
  const stage = mkdtempSync(join(tmpdir(), 'flylint-stage-'));
  for (const { path } of [...files, { path: 'scripts/publish-manifest.mjs' }]) {
    mkdirSync(dirname(join(stage, path)), { recursive: true });
    cpSync(join(process.cwd(), path), join(stage, path));
  }
  const manifest = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8'));
  expect(manifest.scripts.prepack).toBe('node scripts/build.mjs && node scripts/publish-manifest.mjs strip');
  manifest.scripts.prepack = 'node scripts/publish-manifest.mjs strip';
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return stage;
}

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A shell command, awaited: npm takes most of a minute on a busy machine, and a test that blocks
 * its worker that long makes vitest's own messages to the worker time out.
 */
function sh(cwd: string, command: string): Promise<Ran> {
  const env = { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd, env, timeout: 300_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data) => (stdout += String(data)));
    child.stderr.on('data', (data) => (stderr += String(data)));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the npm package', () => {
  it('installs with npm i -D and runs with npx flylint', async () => {
    const stage = await stagedPackage();
    const staged = readFileSync(join(stage, 'package.json'));
    const packDir = mkdtempSync(join(tmpdir(), 'flylint-pack-'));
    const pack = await sh(stage, `npm pack --silent --pack-destination ${packDir}`);
    expect(pack.status, pack.stderr).toBe(0);
    // pre-commit reads the tarball's name from the last line npm pack prints.
    expect(pack.stdout).toMatch(/^flylint-\d+\.\d+\.\d+\.tgz\n$/);
    const [tarball] = readdirSync(packDir);
    expect(tarball).toMatch(/^flylint-\d+\.\d+\.\d+\.tgz$/);
    // postpack put the manifest back as it was.
    expect(readFileSync(join(stage, 'package.json')).equals(staged)).toBe(true);
    expect(readdirSync(stage)).not.toContain('package.json.prepack');

    const app = mkdtempSync(join(tmpdir(), 'flylint-user-'));
    expect((await sh(app, 'npm init -y')).status).toBe(0);
    // Offline: the package has no dependencies to fetch.
    const install = await sh(app, `npm i -D --offline ${join(packDir, tarball!)}`);
    expect(install.status, install.stderr).toBe(0);
    // No install-scripts warning: the published manifest has no prepare script.
    expect(install.stderr).not.toMatch(/npm warn/i);
    expect(readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['flylint']);
    const installed = JSON.parse(readFileSync(join(app, 'node_modules', 'flylint', 'package.json'), 'utf8'));
    expect(installed.scripts.prepare).toBeUndefined();
    expect(installed.dependencies).toBeUndefined();
    expect(installed.version).toBe(repositoryManifest.version);

    writeFileSync(join(app, 'fly.toml'), 'app = "shop"\nprimary_region = "ord"\n\n[http_service]\n  internal_port = "8080"\n');
    const lint = await sh(app, 'npx flylint');
    expect(lint.status, lint.stderr).toBe(1);
    expect(lint.stdout).toMatch(/^fly\.toml\n/);
    expect(lint.stdout).toMatch(/5:19 +error +"internal_port" in \[http_service\] must be an integer/);
    const version = await sh(app, 'npx flylint --version');
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const server = await sh(app, 'test -x node_modules/.bin/flylint-language-server && echo ok');
    expect(server.stdout).toBe('ok\n');

    // The library API comes with its types: a strict TypeScript user compiles against them.
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, types: [] }, files: ['use.mts'] }));
    writeFileSync(
      join(app, 'use.mts'),
      `import { applyFixes, lintText, parseToml, type Finding } from 'flylint';
const text = 'app = "shop"\\n';
const findings: Finding[] = lintText(text, { filePath: 'fly.toml', env: 'staging' });
const fixed: { text: string; applied: number } = applyFixes(text, findings, { unsafe: true });
const errors: number = parseToml('a = 1').errors.length;
// @ts-expect-error: filePath is a string
lintText('', { filePath: 1 });
console.log(fixed.text, errors);
`,
    );
    const tsc = await sh(app, `"${process.execPath}" "${join(process.cwd(), 'node_modules', 'typescript', 'bin', 'tsc')}" -p .`);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 300_000);
});

describe('the repository manifest', () => {
  it('builds on npm ci (prepare) and takes prepare out of what it publishes (prepack/postpack)', () => {
    expect(repositoryManifest.scripts.prepare).toBe('node scripts/build.mjs');
    expect(repositoryManifest.scripts.prepack).toMatch(/node scripts\/publish-manifest\.mjs strip$/);
    expect(repositoryManifest.scripts.postpack).toBe('node scripts/publish-manifest.mjs restore');
    // Everything the bundles need is inside them.
    expect(repositoryManifest.dependencies).toBeUndefined();
  });

  it('is put back byte for byte, also after a pack that stopped before its postpack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flylint-manifest-'));
    mkdirSync(join(dir, 'scripts'));
    cpSync(join(process.cwd(), 'scripts', 'publish-manifest.mjs'), join(dir, 'scripts', 'publish-manifest.mjs'));
    const original = '{\n  "name": "x",\n    "version": "1.0.0",\n  "scripts": { "prepare": "build", "test": "t" }\n}\n';
    writeFileSync(join(dir, 'package.json'), original);
    const run = async (command: string) => expect((await sh(dir, `node scripts/publish-manifest.mjs ${command}`)).status).toBe(0);
    await run('strip');
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toEqual({ name: 'x', version: '1.0.0', scripts: { test: 't' } });
    // A second strip with no restore between (an interrupted pack) still restores the original.
    await run('strip');
    await run('restore');
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(original);
    expect(readdirSync(dir).sort()).toEqual(['package.json', 'scripts']);
  });
});

describe("the README's installation", () => {
  const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
  const section = (heading: string) => readme.slice(readme.indexOf(`\n${heading}\n`), readme.indexOf('\n## ', readme.indexOf(`\n${heading}\n`) + 1));

  it('names the tarball npm pack writes for this version', () => {
    const tarballs = [...section('## Installation').matchAll(/flylint-[\d.]+\.tgz/g)].map((m) => m[0]);
    expect(tarballs.length).toBeGreaterThan(0);
    for (const name of tarballs) expect(name).toBe(`flylint-${repositoryManifest.version}.tgz`);
  });

  it('pins pre-commit and the action to no release tag that git does not have', async () => {
    const refs = [
      ...[...section('## pre-commit').matchAll(/^\s*rev: (\S+)/gm)].map((m) => m[1]!),
      ...[...section('## GitHub Actions').matchAll(/uses: flylint\/flylint@(\S+)/g)].map((m) => m[1]!),
    ];
    expect(refs).toHaveLength(3);
    const tags = (await sh(process.cwd(), 'git tag --list')).stdout.split('\n').filter(Boolean);
    for (const ref of refs) expect(/^v?\d/.test(ref) ? tags : [ref]).toContain(ref);
  });
});
