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

describe('one broken construct gives one error', () => {
  const cases: Array<[string, string, number]> = [
    ['an inline table with a brace for a key, then junk', 'memory = {{a}}\nb = 1\n', 1],
    ['two values on one line', 'a = 1 b = 2 c = 3\n', 1],
    ['an unquoted string with spaces', 'app = my app name\n', 1],
    ['an array with a stray brace', 'x = [1, }, 2]\n', 1],
  ];

  it.each(cases)('%s: %i error(s)', (_, text, count) => {
    expect(syntaxErrors(text)).toHaveLength(count);
  });

  it('still reports a second broken line', () => {
    const text = 'a = 1 b = 2\nc = 3 d = 4\n';
    expect(syntaxErrors(text).map((e) => lineOf(text, e.range[0]))).toEqual([1, 2]);
  });
});

describe('a template is said to be one, once', () => {
  const go = [
    'app = "{{ .AppName }}"',
    'primary_region = "ams"',
    '{{ if .Production }}',
    '[http_service]',
    '  internal_port = {{ .Port }}',
    '{{ end }}',
    '[env]',
    '  {{ range .Env }}',
    '  {{ .Name }} = "{{ .Value }}"',
    '  {{ end }}',
    '[[vm]]',
    '  memory = {{ .Memory }}',
    '',
  ].join('\n');
  const cases: Array<[string, string, RegExp, number]> = [
    ['a Go template', go, /^This file is a Go template: "\{\{ if \.Production \}\}" is Go template syntax, not TOML \(as is what 6 more lines hold\)\. flyctl reads the file as it is, so lint the rendered config instead$/, 3],
    ['a shell template', 'app = "${APP}"\nprimary_region = ${REGION}\n[http_service]\n  internal_port = $PORT\n', /^This file is a shell template: "\$\{REGION\}" is a shell variable, not TOML \(as is what 1 more line holds\)\. .*substitute the variables \(envsubst\)/, 2],
    ['a Jinja template', '{% if prod %}\napp = "shop"\n{% endif %}\n', /^This file is a Jinja template: "\{% if prod %\}"/, 1],
    ['an ERB template', 'app = "shop"\nkill_timeout = <%= timeout %>\n', /^This file is an ERB template: "<%= timeout %>" is ERB template syntax, not TOML\. /, 2],
    ['a template value inside an array', 'ports = [{{ .Port }}, 443]\n', /^This file is a Go template: "\{\{ \.Port \}\}"/, 1],
  ];

  it.each(cases)('%s: one error, on its first template line', (_, text, message, line) => {
    const { errors, template } = parseToml(text);
    const syntax = errors.filter((e) => e.code === 'toml-syntax');
    expect(syntax).toHaveLength(1);
    expect(syntax[0]!.message).toMatch(message);
    expect(lineOf(text, syntax[0]!.range[0])).toBe(line);
    expect(template).toBeDefined();
  });

  it('keeps what is plain TOML around the template lines', () => {
    expect(toPlainValue(parseToml(go).value)).toEqual({ app: '{{ .AppName }}', primary_region: 'ams', http_service: {}, env: {}, vm: [{}] });
  });

  it('is no template when the placeholders sit in strings', () => {
    const { errors, template } = parseToml('app = "{{ .AppName }}"\n[env]\n  URL = "${BASE_URL}/api"\n');
    expect(errors).toEqual([]);
    expect(template).toBeUndefined();
  });
});
