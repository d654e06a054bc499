/**
 * schemas/fly.schema.json against the shared facts about flyctl (test/data/spec/fly-toml-facts.json)
 * and against the exact parsers: every key documented, every value kind, shape, alias and enum as
 * flyctl has it, and patterns that never reject what flyctl reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flySchema, subschemaAt, typesOf, branchFor, type JsonSchema } from '../../server/src/schema/schema-lookup.js';
import { parseGoDurationNs, parseMemoryMb } from '../../server/src/fly/units.js';
import { specDir } from '../support/data-paths.js';

const facts = JSON.parse(readFileSync(join(specDir, 'fly-toml-facts.json'), 'utf8'));

/** `services[].tcp_checks[].interval`, `checks.*.type` → a key path (a check named "x" for `*`). */
function factPath(path: string): string[] {
  return path.split('.').map((p) => p.replace(/\[\]$/, '').replace(/^\*$/, 'x'));
}

function everyProperty(visit: (path: string, schema: JsonSchema) => void): void {
  const seen = new Set<JsonSchema>();
  const walk = (schema: JsonSchema, path: string) => {
    if (seen.has(schema)) return;
    seen.add(schema);
    for (const [name, child] of Object.entries(schema.properties ?? {})) {
      visit(`${path}${name}`, child);
      walk(child, `${path}${name}.`);
    }
    if (schema.items) walk(schema.items, path);
    for (const branch of schema.anyOf ?? []) walk(branch, path);
    if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, `${path}*.`);
  };
  walk(flySchema, '');
}

describe('fly.schema.json', () => {
  it('documents every key for hover: a sentence and a link to the Fly docs', () => {
    const missing: string[] = [];
    let count = 0;
    everyProperty((path, schema) => {
      count++;
      if (!/^[^\n]{10,}[.)]?\n\n\[Fly\.io docs\]\(https:\/\/fly\.io\/docs\/[^)]*\)$/s.test(schema.description ?? '')) missing.push(path);
    });
    expect(count).toBeGreaterThan(150);
    expect(missing).toEqual([]);
  });

  it('has defaults its own keys accept', () => {
    const wrong: string[] = [];
    everyProperty((path, schema) => {
      if (schema.default === undefined) return;
      const value = schema.default;
      const type = typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
      if (!branchFor(schema, type)) wrong.push(`${path}: type ${type}`);
      if (schema.enum && !schema.enum.includes(value)) wrong.push(`${path}: not in its enum`);
      if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) wrong.push(`${path}: pattern`);
    });
    expect(wrong).toEqual([]);
  });

  it('knows every value kind of the facts, with the unit flyctl gives bare numbers', () => {
    const UNIT: Record<string, string> = { 'Dur-s': 's', 'Dur-ms': 'ms', 'Dur-ns': 'ns' };
    const rows = Object.entries(facts.valueKinds as Record<string, unknown>).filter(([k]) => !k.startsWith('_'));
    expect(rows.length).toBeGreaterThan(40);
    const where: Record<string, string> = { auto_stop_machines: 'http_service.auto_stop_machines', 'http_options.response.headers.*': 'http_service.http_options.response.headers.*' };
    for (const [path, kind] of rows) {
      const keyPath = factPath(where[path] ?? path);
      if (/^any/.test(String(kind))) {
        // Values of any type: a map whose names and values are the user's.
        expect(subschemaAt(keyPath.slice(0, -1))!['x-flylint-map'], path).toBe(true);
        continue;
      }
      const schema = subschemaAt(keyPath);
      expect(schema, path).toBeDefined();
      const unit = UNIT[String(kind)];
      if (unit) expect(schema!['x-flylint-duration'], path).toBe(unit);
      const types = typesOf(schema!);
      if (String(kind).startsWith('int*')) expect(types, path).toEqual(expect.arrayContaining(['number', 'string']));
      if (String(kind).startsWith('int (no string)')) expect(types, path).toEqual(['integer']);
      if (String(kind) === 'uint32') expect([schema!.minimum, schema!.maximum], path).toEqual([0, 4294967295]);
      if (String(kind).includes('string only')) expect(types, path).toEqual(['string']);
      if (/string or number/.test(String(kind))) expect(types, path).toEqual(expect.arrayContaining(['string', 'number']));
    }
  });

  it('has the shapes of the facts: table or array, array only, table only', () => {
    const shapes = facts.shapes as { tableOrArray: string[]; arrayOnly: string[]; tableOnly: string[] };
    const where: Record<string, string> = {
      'concurrency (in http_service)': 'http_service.concurrency',
      tls_options: 'http_service.tls_options',
      http_options: 'http_service.http_options',
      proxy_proto_options: 'services.ports.proxy_proto_options',
      'http_options.replay_cache': 'http_service.http_options.replay_cache',
    };
    const typesAt = (p: string) => typesOf(subschemaAt(factPath(where[p] ?? p))!).sort();
    for (const p of shapes.tableOrArray) expect(typesAt(p), p).toEqual(['array', 'object']);
    for (const p of shapes.arrayOnly) expect(typesAt(p), p).toEqual(['array']);
    for (const p of shapes.tableOnly) expect(typesAt(p), p).toEqual(['object']);
  });

  it('names the aliases flyctl rewrites', () => {
    const aliases = facts.aliases as Record<string, string>;
    for (const [from, to] of Object.entries(aliases)) {
      const schema = subschemaAt(factPath(from))!;
      if (to.includes(' ')) expect(schema.deprecationMessage, from).toBeTruthy();
      else expect(schema['x-flylint-alias-of'], from).toBe(to.split('.').pop());
    }
  });

  it('accepts every value of the facts\' enumerations', () => {
    const where: Record<string, string> = {
      'check.protocol': 'http_service.checks.protocol',
      'concurrency.type': 'http_service.concurrency.type',
      handlers: 'services.ports.handlers',
      'proxy_proto_options.version': 'services.ports.proxy_proto_options.version',
      'replay_cache.type': 'http_service.http_options.replay_cache.type',
      'tls_options.versions (docs examples)': 'http_service.tls_options.versions',
      cpu_kind: 'vm.cpu_kind',
      gpu_kind: 'vm.gpu_kind',
      'kill_signal (docs)': 'kill_signal',
    };
    const enums = facts.enums as Record<string, unknown>;
    for (const [name, values] of Object.entries(enums)) {
      if (name === 'kill_signal (Machines API enum in fly-go)' || name === 'build.compression_level') continue;
      const schema = subschemaAt(factPath(where[name] ?? name));
      expect(schema, name).toBeDefined();
      const accepted = schema!.enum ?? schema!.items?.enum;
      const list = Array.isArray(values) ? values : Object.keys(values as object);
      expect(accepted, name).toEqual(expect.arrayContaining(list));
    }
    expect(subschemaAt(['build', 'compression_level'])).toMatchObject({ minimum: 0, maximum: 9, default: 7 });
  });

  it('accepts every VM size preset', () => {
    expect(subschemaAt(['vm', 'size'])!.enum).toEqual(Object.keys(facts.vmPresets));
  });

  describe('patterns never reject what flyctl reads', () => {
    const durationPattern = new RegExp(subschemaAt(['deploy', 'wait_timeout'])!.pattern as string, 'u');
    const sizePattern = new RegExp(subschemaAt(['vm', 'memory'])!.pattern as string, 'u');
    it.each(['5s', '300ms', '1.5h', '2h45m', '1m21s', '-5s', '0', '+0', '.5s', '1.s', '10µs', '10μs', '10us', '5', '1d', '10 s', '5S', '1min', '', 's', '.s', '1.5.5s'])('duration %j', (s) => {
      expect(durationPattern.test(s)).toBe(parseGoDurationNs(s).ok);
    });
    it.each(['1gb', '1GB', '1g', '1G', '1GiB', '1 GB', '1.5gb', '2048m', '2048mb', '512MiB', '1tb', '512', '+512', '-5', '1e3', '.5gb', '1.', '1 ', 'abc', '1  gb', ' 1gb', '1gbb', '1kib', '1xb', '', 'gb', '-1gb', '1b', '1bb'])('size %j', (s) => {
      expect(sizePattern.test(s)).toBe(parseMemoryMb(s).ok);
    });
  });
});
