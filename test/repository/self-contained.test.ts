/**
 * A clone of the repository must be complete: no test, script, benchmark or source file may read
 * data from beside the checkout (a sibling folder such as the one this project was first built beside).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusDir, flyctlFixturesDir, sarifSchemaFile, schemastoreFlySchemaFile, specDir, tomlTestDir } from '../support/data-paths.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SKIP = new Set(['node_modules', '.git', 'dist', 'artifacts', 'data', '.vscode-test']);
const CODE = /\.(ts|mts|cts|js|mjs|cjs|json|sh|lua|el|ya?ml)$|^run$/;

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : codeFiles(path);
    return CODE.test(entry.name) && entry.name !== 'package-lock.json' ? [path] : [];
  });
}

// A path leaving the checkout: the parent's 'shared' folder written as a path or as join() parts,
// or join(root, '..', name).
const OUTSIDE = [new RegExp(['\\.\\.', 'shared\\b'].join('/')), /['"]\.\.['"]\s*,\s*['"]shared['"]/, /\broot\b[^\n]*['"]\.\.['"]\s*,\s*['"][\w-]+['"]\s*\)/];

describe('the repository stands alone', () => {
  it('no file outside test/data reads a path beside the checkout', () => {
    const files = codeFiles(root).filter((file) => file !== fileURLToPath(import.meta.url));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return OUTSIDE.some((pattern) => pattern.test(text)) ? [relative(root, file)] : [];
    });
    expect(offenders).toEqual([]);
  });

  it('holds the data the tests read, with provenance and licences', () => {
    for (const dir of [corpusDir, flyctlFixturesDir, tomlTestDir, specDir]) expect(statSync(dir).isDirectory()).toBe(true);
    for (const file of [sarifSchemaFile, schemastoreFlySchemaFile]) expect(statSync(file).isFile()).toBe(true);
    expect(readdirSync(corpusDir).filter((f) => f.endsWith('.toml')).length).toBe(276);
    const manifest = readFileSync(join(corpusDir, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
    expect(manifest.length).toBe(276);
    for (const row of manifest) expect(row.split('\t')[3]).toMatch(/^[0-9a-f]{40}$/);
    expect(readFileSync(join(tomlTestDir, 'LICENSE'), 'utf8')).toContain('MIT License');
    expect(readFileSync(join(tomlTestDir, 'README.md'), 'utf8')).toMatch(/commit [0-9a-f]{40}/);
    expect(readFileSync(join(flyctlFixturesDir, 'LICENSE'), 'utf8')).toContain('Apache License');
    expect(readFileSync(join(flyctlFixturesDir, 'NOTICE'), 'utf8')).toMatch(/superfly\/flyctl.*\n?.*[0-9a-f]{40}/);
  });
});
