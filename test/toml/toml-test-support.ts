/** Reading the toml-test suite and comparing tagged values the way its runner does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tomlTestDir } from '../support/data-paths.js';

export const suiteDir = tomlTestDir;

export function suiteCases(version: '1.0.0' | '1.1.0'): { valid: string[]; invalid: string[] } {
  const list = readFileSync(join(suiteDir, `files-toml-${version}`), 'utf8').split('\n').filter(Boolean);
  return {
    valid: list.filter((f) => f.startsWith('valid/') && f.endsWith('.toml')),
    invalid: list.filter((f) => f.startsWith('invalid/') && f.endsWith('.toml')),
  };
}

/** Decodes bytes as UTF-8; invalid UTF-8 is invalid TOML. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

type Tagged = unknown;

function sameFloat(a: string, b: string): boolean {
  const norm = (s: string) => (s === '+inf' ? 'inf' : s === '+nan' || s === '-nan' ? 'nan' : s);
  const x = norm(a);
  const y = norm(b);
  if (x === 'nan' || y === 'nan') return x === y;
  if (x === 'inf' || x === '-inf' || y === 'inf' || y === '-inf') return x === y;
  return Number(x) === Number(y);
}

function sameDateTime(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(' ', 'T').replace(/z$/, 'Z').toUpperCase().replace(/(\.\d*?)0+(?=$|[Z+-])/, '$1').replace(/\.(?=$|[Z+-])/, '');
  return norm(a) === norm(b);
}

/** Returns a path to the first difference, or undefined when equal. */
export function taggedDiff(actual: Tagged, expected: Tagged, path = '$'): string | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array`;
    if (actual.length !== expected.length) return `${path}: expected ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = taggedDiff(actual[i], expected[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (expected && typeof expected === 'object') {
    const e = expected as Record<string, unknown>;
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return `${path}: expected a table`;
    const a = actual as Record<string, unknown>;
    const isScalar = typeof e.type === 'string' && typeof e.value === 'string' && Object.keys(e).length === 2;
    if (isScalar) {
      if (a.type !== e.type) return `${path}: expected type ${e.type}, got ${String(a.type)}`;
      const type = String(e.type);
      const ok = type === 'float' ? sameFloat(String(a.value), e.value as string) : type.startsWith('date') || type.startsWith('time') ? sameDateTime(String(a.value), e.value as string) : a.value === e.value;
      return ok ? undefined : `${path}: expected ${JSON.stringify(e.value)}, got ${JSON.stringify(a.value)}`;
    }
    const keysA = Object.keys(a).sort();
    const keysE = Object.keys(e).sort();
    if (keysA.join('\u0000') !== keysE.join('\u0000')) return `${path}: expected keys ${JSON.stringify(keysE)}, got ${JSON.stringify(keysA)}`;
    for (const k of keysE) {
      const d = taggedDiff(a[k], e[k], `${path}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return actual === expected ? undefined : `${path}: mismatch`;
}
