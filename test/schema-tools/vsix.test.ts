/**
 * The packaged VS Code extension gives Even Better TOML and Tombi flylint's tools schema for fly
 * configs (contributes.tomlValidation), and carries the schema of its version. Packs the VSIX
 * as `npm run package:vscode` does (vsce, from npm), into a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOLS_SCHEMA_PATH, TOOLS_SCHEMA_URL } from '../../scripts/tools-schema.mjs';
import { readZip } from './zip.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const client = join(root, 'client');
const work = mkdtempSync(join(tmpdir(), 'flylint-vsix-'));
let entries: Map<string, Buffer>;

/** Escapes a glob into a regex the way Taplo and Tombi match a `fileMatch` (`**` + `/` + the pattern). */
function globMatches(glob: string, path: string): boolean {
  const body = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*');
  return new RegExp(`(^|/)${body}$`).test(path);
}

beforeAll(() => {
  if (!existsSync(join(client, 'dist', 'extension.js'))) throw new Error('client/dist is missing: run npm run build first');
  const vsix = join(work, 'flylint.vsix');
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const result = spawnSync(npx, ['--yes', '@vscode/vsce@3.9.2', 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', vsix], { cwd: client, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stdout}\n${result.stderr}`);
  entries = readZip(readFileSync(vsix));
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the VSIX', () => {
  it('contributes the tools schema to TOML extensions for fly configs', () => {
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as {
      contributes: { tomlValidation?: { fileMatch: string[]; url: string }[] };
    };
    const rules = manifest.contributes.tomlValidation ?? [];
    expect(rules).toHaveLength(1);
    const [rule] = rules;
    // Both extensions pass `url` to their servers as is, which reject a relative one: it is absolute.
    expect(rule!.url).toBe(TOOLS_SCHEMA_URL);
    expect(TOOLS_SCHEMA_URL.endsWith(`/main/${TOOLS_SCHEMA_PATH}`)).toBe(true);
    // The names flylint's server treats as fly configs, but not other tools' fly*.toml (flyway.toml).
    const matches = (path: string) => rule!.fileMatch.some((glob) => globMatches(glob, path));
    for (const path of ['app/fly.toml', 'fly.staging.toml', 'deploy/fly.production.toml', 'fly-staging.toml']) expect(matches(path), path).toBe(true);
    for (const path of ['flyway.toml', 'Cargo.toml', 'fly.toml.bak', 'notfly.toml']) expect(matches(path), path).toBe(false);
  });

  it('carries the schema the contribution points at, as generated', () => {
    const carried = entries.get('extension/dist/fly.tools.schema.json');
    expect(carried, [...entries.keys()].join(', ')).toBeDefined();
    expect(carried!.toString('utf8')).toBe(readFileSync(join(root, TOOLS_SCHEMA_PATH), 'utf8'));
    expect((JSON.parse(carried!.toString('utf8')) as { $id: string }).$id).toBe(TOOLS_SCHEMA_URL);
  });
});
