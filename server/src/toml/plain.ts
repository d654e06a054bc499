/** The document's value as plain JavaScript data (what a TOML decoder returns), and toml-test's tagged JSON. */
import type { TomlValue } from './values.js';
import { normalizeDateTime } from './literals.js';

export type PlainValue = string | number | bigint | boolean | PlainValue[] | { [key: string]: PlainValue };

/** `out[key] = value`, except that a key named `__proto__` becomes a property, not the object's prototype. */
function setOwn<T>(out: { [key: string]: T }, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** Tables → objects, arrays → arrays, integers → numbers (bigint beyond 2^53), date-times → their spelling. */
export function toPlainValue(value: TomlValue): PlainValue {
  switch (value.type) {
    case 'table': {
      const out: { [key: string]: PlainValue } = {};
      for (const [key, entry] of value.entries) setOwn(out, key, toPlainValue(entry.value));
      return out;
    }
    case 'array':
      return value.items.map(toPlainValue);
    case 'integer': {
      const big = value.value as bigint;
      return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
    }
    default:
      return value.value as string | number | boolean;
  }
}

/** Far deeper than any key a schema describes; below it a hostile document's tables (`a.b.c…` with 20,000 segments) are cut off instead of overflowing the stack. */
const MAX_SCHEMA_DEPTH = 64;

/** Plain data for JSON-schema validation: like toPlainValue, but every integer a number (JSON knows no bigint). */
export function toSchemaData(value: TomlValue, depth = 0): unknown {
  if (depth > MAX_SCHEMA_DEPTH) return {};
  if (value.type === 'table') return Object.fromEntries([...value.entries].map(([k, e]) => [k, toSchemaData(e.value, depth + 1)]));
  if (value.type === 'array') return value.items.map((item) => toSchemaData(item, depth + 1));
  if (value.type === 'integer') return Number(value.value);
  return value.value;
}

export type TaggedValue = { type: string; value: string } | TaggedValue[] | { [key: string]: TaggedValue };

function floatText(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (Object.is(n, -0)) return '-0';
  return String(n);
}

/** toml-test's tagged JSON: every scalar as `{ type, value }`. */
export function toTaggedJson(value: TomlValue): TaggedValue {
  switch (value.type) {
    case 'table': {
      const out: { [key: string]: TaggedValue } = {};
      for (const [key, entry] of value.entries) setOwn(out, key, toTaggedJson(entry.value));
      return out;
    }
    case 'array':
      return value.items.map(toTaggedJson);
    case 'string':
      return { type: 'string', value: value.value as string };
    case 'integer':
      return { type: 'integer', value: String(value.value) };
    case 'float':
      return { type: 'float', value: floatText(value.value as number) };
    case 'boolean':
      return { type: 'bool', value: String(value.value) };
    case 'datetime': {
      const node = value.node;
      const subtype = node.kind === 'datetime' ? node.subtype : 'offsetDateTime';
      const type = { offsetDateTime: 'datetime', localDateTime: 'datetime-local', localDate: 'date-local', localTime: 'time-local' }[subtype];
      return { type, value: normalizeDateTime(value.value as string) };
    }
  }
}
