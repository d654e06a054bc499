/** Fixed hostile inputs through the whole lint, each within a stated time bound and without a stack overflow. */
import { describe, expect, it } from 'vitest';
import { checkInvariants } from './invariants.js';

function timed(text: string, boundMs: number) {
  const start = performance.now();
  const findings = checkInvariants(text);
  const ms = performance.now() - start;
  expect(ms, `took ${ms.toFixed(0)} ms`).toBeLessThan(boundMs);
  return findings;
}

describe('hostile inputs', () => {
  it('100,000 nested arrays', () => {
    const findings = timed(`a = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 3000);
    expect(findings.some((f) => f.ruleId === 'toml-syntax' && /nested/.test(f.message))).toBe(true);
  });

  it('100,000 nested inline tables, unclosed', () => {
    expect(timed(`a = ${'{b = '.repeat(100_000)}1\n`, 3000).some((f) => f.ruleId === 'toml-syntax')).toBe(true);
  });

  it('a 20,000-segment dotted key', () => {
    timed(`${Array.from({ length: 20_000 }, (_, i) => `k${i}`).join('.')} = 1\n`, 3000);
  });

  it('20,000 tables', () => {
    timed(Array.from({ length: 20_000 }, (_, i) => `[t${i}]\nx = ${i}\n`).join(''), 10000);
  });

  it('20,000 [[services]] entries', () => {
    timed('app = "a"\n' + Array.from({ length: 20_000 }, (_, i) => `[[services]]\ninternal_port = ${i}\n`).join(''), 8000);
  });

  it('a 5 MB string', () => {
    expect(timed(`[env]\nBIG = "${'x'.repeat(5_000_000)}"\n`, 5000).length).toBeGreaterThan(0);
  });

  it('10 MB of binary', () => {
    let seed = 7;
    const bytes = Buffer.alloc(10_000_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    expect(timed(bytes.toString('latin1'), 15000).some((f) => f.ruleId === 'toml-syntax')).toBe(true);
  });

  it('an empty file, a BOM alone, only newlines', () => {
    timed('', 500);
    timed('\uFEFF', 500);
    timed('\r\n'.repeat(1000), 500);
  });
});
