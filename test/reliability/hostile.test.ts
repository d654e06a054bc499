/**
 * Fixed hostile inputs through the whole lint (parser, model, schema, every rule), each within a
 * stated time bound, with the findings they deserve, and never a stack overflow (a rule that
 * overflows shows up as an `internal-error` finding, which fails these tests too).
 * Bounds are about 5× the time measured on the 2-core CI machine, and they time the built bundle
 * (`dist/index.js`, what the CLI and the server run; `npm test` builds it first): under vitest's
 * module transform every call to an imported helper goes through a getter, which makes the
 * character-by-character parser many times slower than it is.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../server/src/index.js';
import { bin, flylint } from '../cli/run-cli.js';
import { createChecks } from './checks.mjs';

const bundle = join(process.cwd(), 'dist', 'index.js');
const api = (await import(bundle)) as typeof import('../../server/src/index.js');
const checks = createChecks(api);

function pseudoRandomBytes(length: number): Buffer {
  let seed = 7;
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff;
  return bytes;
}

const dottedKey = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`).join('.');
const has = (rule: string, pattern?: RegExp) => (findings: Finding[]) => findings.some((f) => f.ruleId === rule && (!pattern || pattern.test(f.message)));
const count = (rule: string, atLeast: number) => (findings: Finding[]) => findings.filter((f) => f.ruleId === rule).length >= atLeast;
const none = (prefix: string) => (findings: Finding[]) => !findings.some((f) => f.ruleId.startsWith(prefix));

// Vitest runs other test files in parallel on the same two cores: a first, cold lint there has
// taken twice its time alone. What the bounds catch is work that grows faster than the input,
// which misses them by orders of magnitude, not by this leeway.
const LEEWAY = 3;

// [name, input, time bound in ms, what the findings must show]
const cases: Array<[string, () => string, number, (findings: Finding[]) => boolean]> = [
  ['100,000 nested arrays', () => `a = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 500, has('toml-syntax', /nested more than \d+ levels/)],
  ['100,000 unclosed nested arrays', () => `a = ${'['.repeat(100_000)}\n`, 250, has('toml-syntax')],
  ['100,000 nested inline tables', () => `a = ${'{ b = '.repeat(100_000)}1${' }'.repeat(100_000)}\n`, 250, has('toml-syntax', /nested more than \d+ levels/)],
  ['100,000 unclosed nested inline tables', () => `a = ${'{b = '.repeat(100_000)}1\n`, 250, has('toml-syntax')],
  ['a 20,000-segment dotted key', () => `${dottedKey(20_000)} = 1\n`, 1_000, has('unknown-key', /"k0"/)],
  ['a 20,000-segment table header', () => `[${dottedKey(20_000)}]\nx = 1\n`, 750, has('unknown-key', /"k0"/)],
  ['20,000 tables', () => Array.from({ length: 20_000 }, (_, i) => `[t${i}]\nx = ${i}\n`).join(''), 12_000, count('unknown-key', 20_000)],
  ['20,000 [[services]] entries', () => 'app = "a"\n' + Array.from({ length: 20_000 }, (_, i) => `[[services]]\ninternal_port = ${i}\n`).join(''), 5_000, count('service-without-ports', 20_000)],
  ['50,000 duplicate keys', () => 'a = 1\n'.repeat(50_000), 2_500, count('toml-duplicate-key', 49_999)],
  // More findings than a call has room for arguments: no list of them may be spread into one.
  ['130,000 unknown keys', () => 'app = "a"\n' + Array.from({ length: 130_000 }, (_, i) => `k${i} = 1\n`).join(''), 15_000, count('unknown-key', 130_000)],
  ['a 5 MB string', () => `app = "shop"\n[env]\nBIG = "${'x'.repeat(5_000_000)}"\n`, 500, none('toml-')],
  ['a 5 MB unclosed string', () => `app = "${'x'.repeat(5_000_000)}`, 500, has('toml-syntax')],
  ['a 5 MB unclosed multi-line string', () => `app = """${'x\n'.repeat(2_500_000)}`, 750, has('toml-syntax')],
  ['a 5 MB comment', () => `# ${'x'.repeat(5_000_000)}\napp = "shop"\n`, 500, none('toml-')],
  ['5 MB of line breaks', () => '\n'.repeat(5_000_000), 9_000, none('toml-')],
  ['10 MB of binary read as latin1', () => pseudoRandomBytes(10_000_000).toString('latin1'), 2_500, has('toml-syntax')],
  ['10 MB of binary read as UTF-8', () => pseudoRandomBytes(10_000_000).toString('utf8'), 2_500, has('toml-syntax')],
  ['an empty file', () => '', 250, none('toml-')],
  ['a BOM alone', () => '\uFEFF', 250, none('toml-')],
  ['a BOM and line breaks', () => '\uFEFF' + '\r\n'.repeat(1000), 250, none('toml-')],
];

describe('hostile inputs through lintText', () => {
  it.each(cases)('%s', (_name, make, boundMs, expectation) => {
    const text = make();
    const start = performance.now();
    const linted = api.lintText(text, { filePath: '/project/fly.toml' });
    const ms = performance.now() - start;
    const findings = checks.invariants(text, linted);
    expect(findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message)).toEqual([]);
    expect(expectation(findings), `findings: ${[...new Set(findings.map((f) => f.ruleId))].join(', ')}`).toBe(true);
    expect(ms, `took ${ms.toFixed(0)} ms (bound ${boundMs} ms × ${LEEWAY})`).toBeLessThan(boundMs * LEEWAY);
  });
});

describe('long names in messages', () => {
  // A message names keys and tables; a 5,000-character name must not fill the report.
  it.each([
    ['an unknown key', `[http_service]\ninternal_port = 8080\n${'a'.repeat(5000)} = 1\n`],
    ['an unknown quoted table', `app = "shop"\n["${'b'.repeat(5000)}"]\nx = 1\n`],
    ['a key under a long table name', `[http_service]\ninternal_port = 8080\n[http_service."${'c'.repeat(5000)}"]\nx = 1\n`],
  ])('%s', (_name, text) => {
    const findings = api.lintText(text, { filePath: '/project/fly.toml' });
    const unknown = findings.filter((f) => f.ruleId === 'unknown-key');
    expect(unknown.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.message.length, f.message.slice(0, 120)).toBeLessThan(400);
  });
});

describe('hostile .flylint.toml through the CLI', () => {
  it.each([
    ['a 20,000-segment dotted key', `root = true\n${dottedKey(20_000)} = 1\n`, /Unknown key "k0"/],
    ['100,000 nested arrays', `root = true\n[rules]\nx = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, /nested more than \d+ levels/],
  ])('%s: a config error (exit 2), not a crash, within 5 s', (_name, config, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'flylint-hostile-'));
    writeFileSync(join(dir, 'fly.toml'), 'app = "shop"\n');
    writeFileSync(join(dir, '.flylint.toml'), config);
    const start = performance.now();
    const r = flylint([], { cwd: dir });
    expect(r.stderr).not.toMatch(/internal error|Maximum call stack/);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});

describe('a fly.toml with 130,000 findings through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flylint-hostile-'));
  writeFileSync(join(dir, 'fly.toml'), 'a = 1\n'.repeat(130_000));

  it.each(['stylish', 'json', 'github'])('--format %s: every finding printed, exit 1, within 15 s', (format) => {
    const outPath = join(dir, `out.${format}`);
    const out = openSync(outPath, 'w');
    const start = performance.now();
    const r = spawnSync(process.execPath, [bin, '--format', format, 'fly.toml'], { cwd: dir, stdio: ['ignore', out, 'pipe'], env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
    closeSync(out);
    expect(r.stderr).not.toMatch(/internal error|Maximum call stack/);
    expect(r.status).toBe(1);
    expect(performance.now() - start).toBeLessThan(15_000);
    if (format === 'json') expect(JSON.parse(readFileSync(outPath, 'utf8'))[0].messages.length).toBeGreaterThanOrEqual(129_999);
    else expect(statSync(outPath).size).toBeGreaterThan(129_999 * 40);
  });

  it('writes all of a large report into a pipe', () => {
    const r = spawnSync(process.execPath, [bin, '--format', 'json', 'fly.toml'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)[0].messages.length).toBeGreaterThanOrEqual(129_999);
  });
});
