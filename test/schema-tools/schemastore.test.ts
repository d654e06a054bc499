/**
 * schemastore/: the pull request that replaces SchemaStore's fly.toml schema, in SchemaStore's
 * layout (src/schemas/json/fly.json, src/test/fly, src/negative_test/fly, the catalog entry).
 * The schema is generated (generated.test.ts holds it current); here its test files pass and fail
 * as SchemaStore's own check (smol-toml, then ajv in strict mode) and as Taplo and Tombi see
 * them, each through its `#:schema` directive, and the catalog entry matches the extension's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'smol-toml';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMASTORE_ID, SCHEMASTORE_SCHEMA_PATH } from '../../scripts/tools-schema-files.mjs';
import { lintInPlace, type Tool, type ToolRun } from './run-tools.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const src = join(root, 'schemastore', 'src');
const schemaFile = join(root, SCHEMASTORE_SCHEMA_PATH);
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $id: string };
const positive = readdirSync(join(src, 'test', 'fly')).map((f) => `test/fly/${f}`);
const negative = readdirSync(join(src, 'negative_test', 'fly')).map((f) => `negative_test/fly/${f}`);

const runs = new Map<Tool, ToolRun>();
beforeAll(async () => {
  const tools = ['taplo', 'tombi'] as const;
  const done = await Promise.all(tools.map((tool) => lintInPlace(tool, src, [...positive, ...negative])));
  tools.forEach((tool, i) => runs.set(tool, done[i]!));
}, 240_000);

describe('the SchemaStore submission', () => {
  it('has positive and negative TOML tests, each opening with the pragma SchemaStore requires', () => {
    expect(positive.length).toBeGreaterThanOrEqual(2);
    expect(negative.length).toBeGreaterThanOrEqual(10);
    for (const file of [...positive, ...negative]) {
      const path = join(src, file);
      const expected = `#:schema ${relative(dirname(path), schemaFile).split('\\').join('/')}`;
      expect(readFileSync(path, 'utf8').split('\n')[0], file).toBe(expected);
    }
    expect(schema.$id).toBe(SCHEMASTORE_ID);
  });

  it('passes SchemaStore\'s check: positives valid, negatives invalid', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    for (const keyword of ['x-taplo', 'x-taplo-info', 'x-tombi-toml-version']) ajv.addKeyword(keyword);
    const validate = ajv.compile(schema);
    for (const file of positive) expect(validate(parse(readFileSync(join(src, file), 'utf8'))), `${file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    for (const file of negative) expect(validate(parse(readFileSync(join(src, file), 'utf8'))), file).toBe(false);
  });

  it.each(['taplo', 'tombi'] as const)('passes and fails the same way in %s', (tool) => {
    const run = runs.get(tool)!;
    for (const file of positive) expect(run.errors.get(file), file).toBeUndefined();
    for (const file of negative) expect(run.errors.get(file), `${file}: ${tool} reports no error`).toBeDefined();
  });

  it('has a catalog entry for the same files as the VS Code extension', () => {
    const entry = JSON.parse(readFileSync(join(src, 'api', 'json', 'catalog-entry.json'), 'utf8')) as { name: string; description: string; fileMatch: string[]; url: string };
    const client = JSON.parse(readFileSync(join(root, 'client', 'package.json'), 'utf8')) as { contributes: { tomlValidation: { fileMatch: string[] }[] } };
    expect(entry.url).toBe('https://www.schemastore.org/fly.json');
    expect(entry.name.length).toBeGreaterThan(0);
    expect(entry.fileMatch).toEqual(client.contributes.tomlValidation[0]!.fileMatch);
  });
});
