/**
 * What a one-file run loads: dist/cli.cjs, read and compiled (or deserialized from the code cache)
 * whole at every start. So it holds only what a lint needs, in the cheapest form V8 can read.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dist = join(process.cwd(), 'dist');
const bundle = readFileSync(join(dist, 'cli.cjs'), 'latin1');

const temporaries: string[] = [];
afterAll(() => temporaries.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the CLI bundle', () => {
  it('is ASCII only: one character above 0x7F makes V8 read the whole source as two-byte text', () => {
    const at = bundle.search(/[^\x00-\x7f]/);
    // The context names the place to write as a \u escape.
    expect(at < 0 ? '' : bundle.slice(Math.max(0, at - 60), at + 20)).toBe('');
  });

  it('leaves re2js to a file of its own, loaded by the first `secrets.patterns` only', () => {
    // One of RE2's own error messages: in the engine's file, not in the bundle.
    const engineText = 'invalid nested repetition operator';
    expect(readFileSync(join(dist, 'cli-re2js.cjs'), 'utf8')).toContain(engineText);
    expect(bundle).not.toContain(engineText);
  });

  it("reads the fly.toml schema from a file of its own: ASCII, and the library's schema", async () => {
    expect(bundle).not.toContain('Fly.io app configuration, as flyctl reads it');
    const text = readFileSync(join(dist, 'cli-fly-schema.json'), 'latin1');
    expect(text.search(/[^\x00-\x7f]/)).toBe(-1);
    const { default: schema } = (await import('../../server/src/schema/generated/fly-schema-resolved.js')) as { default: unknown };
    expect(JSON.parse(text)).toEqual(schema);
  });

  it('loads its files from its own folder, whatever the current folder', () => {
    // An installed copy (bin/, dist/*.cjs and *.json, package.json) run from a project folder elsewhere.
    const pkg = mkdtempSync(join(tmpdir(), 'flylint-bundle-pkg-'));
    const project = mkdtempSync(join(tmpdir(), 'flylint-bundle-project-'));
    const cacheHome = mkdtempSync(join(tmpdir(), 'flylint-bundle-cache-'));
    temporaries.push(pkg, project, cacheHome);
    cpSync(join(process.cwd(), 'bin'), join(pkg, 'bin'), { recursive: true });
    mkdirSync(join(pkg, 'dist'));
    for (const file of readdirSync(dist).filter((f) => /\.(cjs|json)$/.test(f))) cpSync(join(dist, file), join(pkg, 'dist', file));
    cpSync(join(process.cwd(), 'package.json'), join(pkg, 'package.json'));
    writeFileSync(join(project, '.flylint.toml'), 'root = true\n\n[secrets]\npatterns = ["^SHOP_PIN$"]\n');
    writeFileSync(join(project, 'fly.toml'), 'app = "shop"\nprimary_region = "ord"\n\n[env]\n  SHOP_PIN = "tr0ub4dor-staple"\n');
    const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
    for (let run = 0; run < 2; run++) {
      // The second run starts from the cache the first one wrote.
      const result = spawnSync(process.execPath, [join(pkg, 'bin', 'flylint.js'), '--format', 'json', 'fly.toml'], { cwd: project, encoding: 'utf8', env });
      expect(result.stderr).toBe('');
      const [report] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string; line: number }> }>;
      expect(report!.messages.filter((m) => m.ruleId === 'secret-in-env').map((m) => m.line)).toEqual([5]);
    }
  });
});
