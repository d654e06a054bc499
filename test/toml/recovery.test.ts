import { describe, expect, it } from 'vitest';
import { parseToml, toPlainValue } from '../../server/src/index.js';

const syntaxErrors = (text: string, tomlVersion?: '1.0' | '1.1') =>
  parseToml(text, tomlVersion ? { tomlVersion } : {}).errors.filter((e) => e.code !== 'toml-version');

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

describe('an unclosed array or inline table ends where the next statement starts', () => {
  const cases: Array<[string, string, string, number]> = [
    ['an array, before a header', '[build]\n  args = [\n\n[http_service]\n  internal_port = 8080\n  force_https = true\n', 'Unterminated array: expected "]"', 2],
    ['an array with items, before a key', 'ports = [80,\n  443\napp = "shop"\nprimary_region = "ams"\n', 'Unterminated array: expected "]"', 1],
    ['an array, before an indented array-of-tables header', 'x = [1, 2\n  [[vm]]\n  memory = "1gb"\n', 'Unterminated array: expected "]"', 1],
    ['an inline table, before a header', 'x = {a = 1\n[http_service]\ninternal_port = 8080\n', 'Unterminated inline table: expected "}"', 1],
    ['an inline table after an entry, before a key (TOML 1.1)', 'x = {a = 1,\n  b = 2\napp = "shop"\n', 'Unterminated inline table: expected "}"', 1],
  ];

  it.each(cases)('%s: one error, on the line that opens it', (_, text, message, line) => {
    const errors = syntaxErrors(text);
    expect(errors.map((e) => e.message)).toEqual([message]);
    expect(lineOf(text, errors[0]!.range[0])).toBe(line);
  });

  it('reports each of two nested arrays left open, and nothing after them', () => {
    const text = 'x = [[1, 2], [3,\n[http_service]\ninternal_port = 8080\n';
    const errors = syntaxErrors(text);
    expect(errors.map((e) => [e.message, e.range[0]])).toEqual([
      ['Unterminated array: expected "]"', 4],
      ['Unterminated array: expected "]"', 13],
    ]);
    expect(toPlainValue(parseToml(text).value)).toEqual({ x: [[1, 2], [3]], http_service: { internal_port: 8080 } });
  });

  it('ends an inline table whose array was left open at the same statement', () => {
    const text = 'x = { a = [1,\n[http_service]\ninternal_port = 8080\n';
    expect(syntaxErrors(text).map((e) => e.message)).toEqual(['Unterminated inline table: expected "}"', 'Unterminated array: expected "]"']);
    expect(toPlainValue(parseToml(text).value)).toEqual({ x: { a: [1] }, http_service: { internal_port: 8080 } });
  });

  it('reads the statements after the unclosed array into the right tables', () => {
    const text = '[build]\n  args = [\n\n[http_service]\n  internal_port = 8080\n  force_https = true\n\n[[vm]]\n  memory = "1gb"\n';
    const plain = toPlainValue(parseToml(text).value) as Record<string, unknown>;
    expect(plain).toEqual({ build: { args: [] }, http_service: { internal_port: 8080, force_https: true }, vm: [{ memory: '1gb' }] });
  });

  it('still finds a duplicate key after the unclosed array', () => {
    const text = 'x = [\n[http_service]\n  internal_port = 8080\n  internal_port = 9\n';
    const { errors } = parseToml(text);
    expect(errors.map((e) => [e.code, lineOf(text, e.range[0])])).toEqual([
      ['toml-syntax', 1],
      ['toml-duplicate-key', 4],
    ]);
  });

  it('keeps the items written before the statement', () => {
    const plain = toPlainValue(parseToml('ports = [80,\n  443\napp = "shop"\n').value);
    expect(plain).toEqual({ ports: [80, 443], app: 'shop' });
  });

  it('notes no TOML 1.1 line break for an inline table that stopped at a header', () => {
    const { errors } = parseToml('x = {a = 1\n[http_service]\n');
    expect(errors.map((e) => e.code)).toEqual(['toml-syntax']);
  });

  it('reads an inline table as TOML 1.0 does: it ends at the line break', () => {
    const text = 'x = {a = 1\n[http_service]\ninternal_port = 8080\n';
    const errors = syntaxErrors(text, '1.0');
    expect(errors.map((e) => lineOf(text, e.range[0]))).toEqual(errors.map(() => 1));
    expect(toPlainValue(parseToml(text, { tomlVersion: '1.0' }).value)).toEqual({ x: { a: 1 }, http_service: { internal_port: 8080 } });
  });
});

describe('valid multi-line arrays are never cut short', () => {
  const valid = [
    'x = [\n  [true, false]\n]\n',
    'x = [\n  [true]\n]\n',
    'x = [\n  ["a"]\n]\n',
    "x = [\n  ['a', 'b']\n]\n",
    'x = [\n  [inf]\n]\n',
    'x = [\n  [1]\n]\n',
    'x = [\n  [1979-05-27]\n]\n',
    'x = [\n  { a = 1,\n    b = 2 },\n]\n',
    'x = [\n  # a comment\n  "a", # another\n  "b"\n]\n',
    'x = {\n  a = 1,\n  b = [\n    2,\n  ],\n}\n',
  ];

  it.each(valid)('%j parses without an error', (text) => {
    expect(syntaxErrors(text)).toEqual([]);
  });
});
