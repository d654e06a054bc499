/**
 * The README's installation, as a new user runs it: the package as npm would publish it
 * (`npm pack` of this checkout, already built), installed with `npm i -D` into an empty project,
 * then `npx flylint` there.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sh(cwd: string, command: string) {
  const env = { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  return spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', env, timeout: 300_000 });
}

describe('the npm package', () => {
  it('installs with npm i -D and runs with npx flylint', () => {
    const packDir = mkdtempSync(join(tmpdir(), 'flylint-pack-'));
    // The build ran before the tests; packing must not rebuild under tests that are running.
    const pack = sh(process.cwd(), `npm pack --ignore-scripts --silent --pack-destination ${packDir}`);
    expect(pack.status, pack.stderr).toBe(0);
    const [tarball] = readdirSync(packDir);
    expect(tarball).toMatch(/^flylint-\d+\.\d+\.\d+\.tgz$/);

    const app = mkdtempSync(join(tmpdir(), 'flylint-user-'));
    expect(sh(app, 'npm init -y').status).toBe(0);
    const install = sh(app, `npm i -D --prefer-offline ${join(packDir, tarball!)}`);
    expect(install.status, install.stderr).toBe(0);

    writeFileSync(join(app, 'fly.toml'), 'app = "shop"\nprimary_region = "ord"\n\n[http_service]\n  internal_port = "8080"\n');
    const lint = sh(app, 'npx flylint');
    expect(lint.status, lint.stderr).toBe(1);
    expect(lint.stdout).toMatch(/^fly\.toml\n/);
    expect(lint.stdout).toMatch(/5:19 +error +"internal_port" in \[http_service\] must be an integer/);
    const version = sh(app, 'npx flylint --version');
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const server = sh(app, 'test -x node_modules/.bin/flylint-language-server && echo ok');
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
    const tsc = sh(app, `"${process.execPath}" "${join(process.cwd(), 'node_modules', 'typescript', 'bin', 'tsc')}" -p .`);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 300_000);
});
