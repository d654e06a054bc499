import { describe, expect, it } from 'vitest';
import { parseToml, toPlainValue, toTaggedJson } from '../../server/src/index.js';

describe('plain values', () => {
  it('keeps a key named __proto__ as data, never as the object\'s prototype', () => {
    const { value } = parseToml('[__proto__]\nadmin = true\n[t]\n"__proto__" = 1\n');
    const plain = toPlainValue(value) as Record<string, Record<string, unknown>>;
    expect(Object.keys(plain)).toEqual(['__proto__', 't']);
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect((plain as { admin?: unknown }).admin).toBeUndefined();
    expect(JSON.parse(JSON.stringify(plain))).toEqual(JSON.parse('{"__proto__":{"admin":true},"t":{"__proto__":1}}'));
    expect(JSON.stringify(toTaggedJson(value))).toBe('{"__proto__":{"admin":{"type":"bool","value":"true"}},"t":{"__proto__":{"type":"integer","value":"1"}}}');
  });
});
