/**
 * The generated tools schema (scripts/tools-schema.mjs): committed copies are current, it is a
 * schema SchemaStore's strict checks accept, it keeps every piece of flylint's documentation, and
 * each of its relaxations follows flyctl's behaviour (test/data/spec/fly-toml-reference.md).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../scripts/tools-schema-files.mjs';
import { toolsSchema } from '../../scripts/tools-schema.mjs';

type Schema = { [keyword: string]: unknown };
const root = fileURLToPath(new URL('../../', import.meta.url));
const source = JSON.parse(readFileSync(join(root, 'schemas', 'fly.schema.json'), 'utf8')) as Schema;
const generated = JSON.parse(readFileSync(join(root, 'schemas', 'fly.tools.schema.json'), 'utf8')) as Schema;

/** Every subschema, with its JSON pointer. */
function* walk(node: unknown, where = '#'): Generator<[string, Schema]> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) yield* walk(child, `${where}/${i}`);
    return;
  }
  const schema = node as Schema;
  yield [where, schema];
  for (const [keyword, value] of Object.entries(schema)) {
    if (['enum', 'examples', 'default', 'x-taplo'].includes(keyword)) continue;
    if (keyword === 'properties' || keyword === 'definitions') {
      for (const [name, child] of Object.entries(value as Schema)) yield* walk(child, `${where}/${keyword}/${name}`);
    } else yield* walk(value, `${where}/${keyword}`);
  }
}

/** SchemaStore's ajv set-up for a draft-07 schema (cli.js ajvFactory): strict, with the editors' keywords. */
function schemastoreAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true });
  for (const keyword of ['x-taplo', 'x-taplo-info', 'x-tombi-toml-version', 'x-tombi-additional-key-label']) ajv.addKeyword(keyword);
  return ajv;
}

describe('the generated tools schema', () => {
  it('is current: the committed files are what the build generates (run npm run build)', () => {
    const files = generatedFiles(source);
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(2);
    for (const [relative, text] of Object.entries(files)) expect(readFileSync(join(root, relative), 'utf8'), relative).toBe(text);
  });

  it('compiles in ajv strict mode, as SchemaStore checks it', () => {
    expect(() => schemastoreAjv().compile(generated)).not.toThrow();
  });

  it('carries no flylint-only keyword and closes no table', () => {
    for (const [where, schema] of walk(generated)) {
      for (const keyword of Object.keys(schema)) expect(keyword.startsWith('x-flylint-') || keyword === 'deprecationMessage', `${where}: ${keyword}`).toBe(false);
      expect(schema.additionalProperties, where).not.toBe(false);
      if (schema.type === 'object') expect(schema.additionalProperties, `${where}: Tombi warns about keys of a table that does not allow them`).toBeDefined();
    }
  });

  it('keeps every description and docs link of flylint\'s schema', () => {
    const text = JSON.stringify(generated);
    const descriptions = [...walk(source)].flatMap(([, s]) => (typeof s.description === 'string' ? [s.description] : []));
    expect(descriptions.length).toBeGreaterThan(150);
    for (const description of descriptions) expect(text.includes(JSON.stringify(description).slice(1, -1)), description.slice(0, 60)).toBe(true);
    const links = JSON.stringify(source).match(/https:\/\/fly\.io\/docs\/[^)\s"]*/g)!;
    for (const link of new Set(links)) expect(text.includes(link), link).toBe(true);
  });
});

describe('its relaxations, on small schemas', () => {
  const one = (property: Schema, extra: Schema = {}) =>
    (toolsSchema({ type: 'object', additionalProperties: false, properties: { k: property }, ...extra }) as { properties: { k: Schema } } & Schema);

  it('turns a closed table into an open one (flyctl ignores unknown keys)', () => {
    expect(one({ type: 'string' }).additionalProperties).toBe(true);
  });

  it('offers a soft enum for completion, without rejecting other values', () => {
    const k = one({ type: 'string', enum: ['tcp', 'udp'], 'x-flylint-soft-enum': true }).properties.k;
    expect(k.enum).toBeUndefined();
    expect(k.examples).toEqual(['tcp', 'udp']);
  });

  it('keeps an enum flyctl enforces, with the values\' docs for Taplo', () => {
    const k = one({ type: 'string', enum: ['rolling', 'canary'], 'x-flylint-checked-by': 'deploy-strategy', 'x-flylint-enum-docs': { rolling: 'a few at a time' } }).properties.k;
    expect(k.enum).toEqual(['rolling', 'canary']);
    expect(k['x-taplo']).toEqual({ docs: { enumValues: ['a few at a time', null] } });
    expect(k.description).toContain('`rolling`: a few at a time');
  });

  it('leaves contextual checks to flylint (vm-sizing enums, invalid-mount bounds)', () => {
    expect(one({ type: 'string', enum: ['shared'], 'x-flylint-checked-by': 'vm-sizing' }).properties.k.enum).toBeUndefined();
    const bounded = one({ type: 'integer', minimum: 50, maximum: 99, 'x-flylint-checked-by': 'invalid-mount' }).properties.k;
    expect(bounded.minimum).toBeUndefined();
    expect(bounded.maximum).toBeUndefined();
    expect(one({ type: 'integer', minimum: 0, maximum: 9 }).properties.k).toMatchObject({ minimum: 0, maximum: 9 });
  });

  it('requires a key only where flyctl fails without it, not where only the platform does', () => {
    const mount = one({ type: 'object', required: ['source', 'destination'], properties: { source: { type: 'string' }, destination: { type: 'string' } } }).properties.k;
    expect(mount.required).toEqual(['destination']);
    const service = one({ type: 'object', properties: { internal_port: { type: 'integer' }, ports: { type: 'array' } }, if: { required: ['ports'] }, then: { required: ['internal_port'] } }).properties.k;
    expect(service.required).toBeUndefined();
    expect(service.if).toBeUndefined();
    expect(service.then).toBeUndefined();
    expect(one({ type: 'object', required: ['internal_port'], properties: { internal_port: { type: 'integer' } } }).properties.k.required).toBeUndefined();
    expect(one({ type: 'object', required: ['policy'], properties: { policy: { type: 'string' } } }).properties.k.required).toEqual(['policy']);
    const kept = one({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, if: { required: ['a'] }, then: { required: ['b'] } }).properties.k;
    expect(kept.then).toMatchObject({ required: ['b'] });
  });

  it('takes an integral float where flyctl takes an integer', () => {
    expect(one({ type: 'integer' }).properties.k).toMatchObject({ type: 'number', multipleOf: 1 });
  });

  it('accepts any type where flyctl ignores a value of the wrong type, and still checks a string', () => {
    const k = one({ type: ['string', 'number'], pattern: '^[0-9]+s$', 'x-flylint-wrong-type': 'ignored' }).properties.k;
    expect((k.anyOf as Schema[]).map((b) => b.type)).toEqual(['string', 'number', 'boolean', 'array', 'object']);
    expect((k.anyOf as Schema[])[0]).toEqual({ type: 'string', pattern: '^[0-9]+s$' });
  });

  it('writes a deprecation into the description rather than as an error', () => {
    const k = one({ type: 'boolean', description: 'Lazy loading.', deprecationMessage: 'Removed in May 2025.' }).properties.k;
    expect(k.description).toBe('Lazy loading.\n\n**Deprecated.** Removed in May 2025.');
    expect(k.deprecated).toBeUndefined();
  });
});

describe('the generator script', () => {
  it('in CI, fails on a stale copy instead of rewriting it', () => {
    const copy = mkdtempSync(join(tmpdir(), 'flylint-tools-build-'));
    try {
      for (const file of ['build-tools-schema.mjs', 'tools-schema.mjs', 'tools-schema-files.mjs', 'resolve-refs.mjs']) cpSync(join(root, 'scripts', file), join(copy, 'scripts', file));
      cpSync(join(root, 'schemas'), join(copy, 'schemas'), { recursive: true });
      cpSync(join(root, 'schemastore'), join(copy, 'schemastore'), { recursive: true });
      const run = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [join(copy, 'scripts', 'build-tools-schema.mjs')], { encoding: 'utf8', env: { ...process.env, CI: '', ...env } });
      expect(run({ CI: 'true' }).status).toBe(0);
      const target = join(copy, 'schemas', 'fly.tools.schema.json');
      writeFileSync(target, readFileSync(target, 'utf8').replace('"additionalProperties": true', '"additionalProperties": false'));
      const failed = run({ CI: 'true' });
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain('schemas/fly.tools.schema.json: out of date');
      expect(readFileSync(target, 'utf8')).toContain('"additionalProperties": false');
      // Outside CI the build brings it up to date.
      expect(run({}).status).toBe(0);
      expect(readFileSync(target, 'utf8')).toBe(readFileSync(join(root, 'schemas', 'fly.tools.schema.json'), 'utf8'));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
