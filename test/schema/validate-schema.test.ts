/**
 * The schema check's validator against ajv (the reference JSON Schema implementation, compiled
 * here from schemas/fly.schema.json with the options the build checks the schema under): the same
 * errors, keyword for keyword and path for path, on every real-world config and flyctl fixture,
 * and on thousands of configs broken at random (wrong types, unknown and missing keys, values out
 * of range, nan and inf, tables and arrays where scalars belong).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseToml } from '../../server/src/toml/parse.js';
import { walkWithSchema } from '../../server/src/schema/schema-walk.js';
import { flySchema } from '../../server/src/schema/schema-lookup.js';
import { validateSchema, type SchemaError } from '../../server/src/schema/validate-schema.js';
import { tomlFiles } from '../support/toml-files.js';
import { ANNOTATIONS, assertValidatorCovers } from '../../scripts/schema-keywords.mjs';
import { corpusDir, flyctlFixturesDir } from '../support/data-paths.js';

const sourceSchema = JSON.parse(readFileSync(join(process.cwd(), 'schemas', 'fly.schema.json'), 'utf8')) as Record<string, unknown>;

/** ajv as the build runs it, annotations allowed as keywords. */
function referenceValidator() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true, unicodeRegExp: true, inlineRefs: false });
  ajv.addVocabulary(ANNOTATIONS);
  return ajv.compile(sourceSchema);
}

const reference = referenceValidator();

function pointer(path: ReadonlyArray<string | number>): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function ours(data: unknown): string[] {
  return validateSchema(data, flySchema)
    .map((e: SchemaError) => `${e.keyword} ${pointer(e.path)} ${e.missingProperty ?? e.additionalProperty ?? ''}`)
    .sort();
}

function theirs(data: unknown): string[] {
  if (reference(data)) return [];
  return (reference.errors ?? [])
    .map((e: ErrorObject) => {
      const params = e.params as { missingProperty?: string; additionalProperty?: string };
      return `${e.keyword} ${e.instancePath} ${params.missingProperty ?? params.additionalProperty ?? ''}`;
    })
    .sort();
}

/** The data the schema check validates for a TOML text. */
function dataOf(text: string): unknown {
  return walkWithSchema(parseToml(text).value, flySchema, () => {});
}

/** A small deterministic generator (mulberry32): the broken configs are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCALARS: unknown[] = ['', 'x', 'stop', 'off', 'suspend', 'http', 'tls', 'rolling', 'bluegreen', 'shared', 'performance', '5s', '1m30s', '10 s', '500ms', '1gb', '512mb', '2 GB', 'ams', '8080', '20,25', 'config.json', '{"a":1}', -1, 0, 1, 7, 60, 61, 99, 100, 1024, 4294967296, 1.5, -0.5, Number.NaN, Number.POSITIVE_INFINITY, true, false];
const KEYS = ['app', 'primary_region', 'internal_port', 'ports', 'port', 'handlers', 'type', 'soft_limit', 'hard_limit', 'source', 'destination', 'name', 'policy', 'guest_path', 'url_prefix', 'command', 'memory', 'cpu_kind', 'cpus', 'snapshot_retention', 'auto_stop_machines', 'interval', 'timeout', 'grace_period', 'processes', 'unknown_key', 'Internal_Port', 'compression_level', 'concurrency', 'checks', 'headers', 'value'];

/** A copy of `data` with a few random changes. */
function mutate(data: unknown, next: () => number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const freshValue = (depth: number): unknown => {
    const r = next();
    if (r < 0.7 || depth > 2) return pick(SCALARS);
    if (r < 0.85) return Object.fromEntries(Array.from({ length: 1 + Math.floor(next() * 3) }, () => [pick(KEYS), freshValue(depth + 1)]));
    return Array.from({ length: Math.floor(next() * 3) }, () => freshValue(depth + 1));
  };
  const copy = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      const items = node.map(copy);
      if (next() < 0.1) items.push(freshValue(1));
      return items;
    }
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = Object.create(null);
      for (const [key, value] of Object.entries(node)) {
        const r = next();
        if (r < 0.08) continue; // dropped
        out[key] = r < 0.25 ? freshValue(0) : copy(value);
      }
      if (next() < 0.15) out[pick(KEYS)] = freshValue(0);
      return out;
    }
    return next() < 0.2 ? freshValue(0) : node;
  };
  return copy(data);
}

const configs = [...tomlFiles(corpusDir), ...tomlFiles(flyctlFixturesDir)].map((file) => dataOf(readFileSync(file, 'utf8')));

describe('the schema validator reports what ajv reports', () => {
  it('on every real-world config and flyctl fixture', () => {
    expect(configs.length).toBeGreaterThan(300);
    let errors = 0;
    for (const data of configs) {
      const expected = theirs(data);
      expect(ours(data)).toEqual(expected);
      errors += expected.length;
    }
    // Some of them are broken: the comparison covers errors, not just silence.
    expect(errors).toBeGreaterThan(50);
  });

  it('on 6,000 configs broken at random', () => {
    const next = random(20261202);
    const keywords = new Set<string>();
    for (let i = 0; i < 6000; i++) {
      const data = mutate(configs[i % configs.length], next);
      const expected = theirs(data);
      expect(ours(data), JSON.stringify(data)).toEqual(expected);
      for (const line of expected) keywords.add(line.split(' ')[0]!);
    }
    // Every kind of error the schema can produce came up.
    expect([...keywords].sort()).toEqual(['additionalProperties', 'anyOf', 'enum', 'if', 'maximum', 'minimum', 'pattern', 'required', 'type']);
  });

  it('on tables and arrays nested where the schema expects scalars, and on keys named like object internals', () => {
    for (const data of [
      { app: { a: { b: [1, { c: 2 }] } }, services: 5, __proto__: null },
      JSON.parse('{"__proto__": 1, "constructor": {"x": 1}, "env": {"__proto__": "x", "toString": [1]}}'),
      { http_service: { internal_port: 8080, concurrency: { type: 'bogus', soft_limit: 1.5 }, checks: [{ interval: 5, headers: { a: [] } }] } },
      { mounts: [{ source: 'd', destination: '/d', snapshot_retention: 0, auto_extend_size_threshold: 100 }], build: { compression_level: 10 } },
    ]) {
      expect(ours(data)).toEqual(theirs(data));
    }
  });
});

describe('the build refuses a schema the validator cannot check', () => {
  const check = (schema: unknown) => () => assertValidatorCovers(schema);

  it('accepts schemas/fly.schema.json', () => {
    expect(check(sourceSchema)).not.toThrow();
  });

  it.each([
    ['a keyword it does not implement', { properties: { name: { type: 'string', minLength: 1 } } }, '#/properties/name: the schema validator does not implement "minLength"'],
    ['oneOf', { oneOf: [{ type: 'string' }, { type: 'integer' }] }, 'does not implement "oneOf"'],
    ['a check beside $ref', { properties: { a: { $ref: '#/definitions/x', type: 'string' } } }, '#/properties/a: only annotations may stand beside $ref, not type'],
    ['an enum of objects', { enum: [{ a: 1 }] }, '#/enum: only strings, numbers and booleans'],
    ['tuple items', { items: [{ type: 'string' }] }, '#/items: one schema, not a list'],
    ['an if without then', { if: { required: ['a'] } }, 'an if needs a then'],
    ['a false schema deep down', { definitions: { x: { items: { anyOf: [{ type: 'string' }, false] } } } }, '#/definitions/x/items/anyOf/1: a schema must be an object (or true)'],
  ])('refuses %s', (_name, schema, message) => {
    expect(check(schema)).toThrow(message);
  });
});
