/** Durations and sizes as flyctl reads them (Go's time.ParseDuration, docker/go-units). */

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const GO_DURATION = /^([-+]?)(0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/;
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;

/** Milliseconds, or undefined when Go would reject the string. */
export function parseGoDuration(text: string): number | undefined {
  const match = GO_DURATION.exec(text);
  if (!match) return undefined;
  if (match[2] === '0') return 0;
  let total = 0;
  for (const part of match[2]!.matchAll(PART)) total += Number(part[1]) * UNIT_MS[part[2]!]!;
  return match[1] === '-' ? -total : total;
}

export type DurationUnit = 's' | 'ms' | 'ns';
const BARE_MS: Record<DurationUnit, number> = { s: 1000, ms: 1, ns: 1e-6 };

/** A duration value: strings parse as Go durations, bare numbers count in the key's own unit (truncated). */
export function durationMs(value: string | number | bigint, unit: DurationUnit): number | undefined {
  if (typeof value === 'string') return value === '' ? undefined : parseGoDuration(value);
  return Math.trunc(Number(value)) * BARE_MS[unit];
}

export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (Math.abs(ms) < 1e-3) return `${Math.round(ms * 1e6)}ns`;
  if (Math.abs(ms) < 1) return `${Math.round(ms * 1e3)}µs`;
  if (Math.abs(ms) < 1000) return `${ms}ms`;
  const s = ms / 1000;
  if (s < 60 || s % 60 !== 0) return `${s}s`;
  const m = s / 60;
  return m < 60 || m % 60 !== 0 ? `${m}m` : `${m / 60}h`;
}

const SIZE = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?b)?\s*$/i;
const POWER: Record<string, number> = { '': 0, k: 1, m: 2, g: 3, t: 4, p: 5 };

/** Memory in MB as `[[vm]] memory` reads it: binary units, a bare number is MB. */
export function memoryMb(value: string | number | bigint): number | undefined {
  if (typeof value !== 'string') return Number(value);
  const match = SIZE.exec(value);
  if (!match) return undefined;
  const unit = match[2]!.toLowerCase();
  if (!unit && !match[3]) return Number(match[1]);
  return Math.floor((Number(match[1]) * 1024 ** POWER[unit]!) / 1024 ** 2);
}

/** Volume size in GB as `initial_size` reads it: a bare number is GB, units are decimal. */
export function volumeGb(value: string | number | bigint): number | undefined {
  if (typeof value !== 'string') return Number(value);
  const match = SIZE.exec(value);
  if (!match) return undefined;
  const unit = match[2]!.toLowerCase();
  if (!unit && !match[3]) return Number(match[1]);
  return (Number(match[1]) * 1000 ** POWER[unit]!) / 1000 ** 3;
}
