/**
 * Durations and sizes exactly as flyctl reads them: Go's time.ParseDuration for durations,
 * strconv.Atoi then docker/go-units for sizes, and Go's `%v` for numbers a patch turns into
 * strings first. Each parser returns either the value or Go's own error text.
 */

export type DurationUnit = 's' | 'ms' | 'ns';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

// A Map: unit names come from the user's text, and `5constructor` must not find an inherited property.
const NS_PER_UNIT = new Map<string, bigint>([
  ['ns', 1n],
  ['us', 1_000n],
  ['µs', 1_000n], // U+00B5
  ['μs', 1_000n], // U+03BC
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);
const MAX_NS = 1n << 63n;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** time.ParseDuration: nanoseconds, or Go's error message. */
export function parseGoDurationNs(orig: string): Parsed<bigint> {
  const invalid = { ok: false as const, error: `time: invalid duration ${goQuote(orig)}` };
  let s = orig;
  let negative = false;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, value: 0n };
  if (s === '') return invalid;
  let total = 0n;
  while (s !== '') {
    if (s[0] !== '.' && !isDigit(s[0])) return invalid;
    let i = 0;
    while (isDigit(s[i])) i++;
    const whole = s.slice(0, i);
    s = s.slice(i);
    let v = whole === '' ? 0n : BigInt(whole);
    if (v > MAX_NS) return invalid;
    let fraction = 0n;
    let scale = 1;
    let fractionDigits = false;
    if (s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      for (; isDigit(s[j]); j++) {
        if (overflow) continue;
        const next = fraction * 10n + BigInt(s.charCodeAt(j) - 48);
        // Go stops accumulating digits that would overflow 63 bits; they cannot change the result.
        if (fraction > (MAX_NS - 1n) / 10n || next > MAX_NS) {
          overflow = true;
          continue;
        }
        fraction = next;
        scale *= 10;
      }
      fractionDigits = j > 0;
      s = s.slice(j);
    }
    if (whole === '' && !fractionDigits) return invalid;
    let k = 0;
    while (k < s.length && s[k] !== '.' && !isDigit(s[k])) k++;
    if (k === 0) return { ok: false, error: `time: missing unit in duration ${goQuote(orig)}` };
    const unitName = s.slice(0, k);
    s = s.slice(k);
    const unit = NS_PER_UNIT.get(unitName);
    if (unit === undefined) return { ok: false, error: `time: unknown unit ${goQuote(unitName)} in duration ${goQuote(orig)}` };
    if (v > MAX_NS / unit) return invalid;
    v *= unit;
    if (fraction > 0n) {
      v += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
      if (v > MAX_NS) return invalid;
    }
    total += v;
    if (total > MAX_NS) return invalid;
  }
  if (negative) return { ok: true, value: -total };
  if (total > MAX_NS - 1n) return invalid;
  return { ok: true, value: total };
}

/** Milliseconds, or undefined when Go would reject the string. */
export function parseGoDuration(text: string): number | undefined {
  const parsed = parseGoDurationNs(text);
  return parsed.ok ? Number(parsed.value) / 1e6 : undefined;
}

const BARE_NS: Record<DurationUnit, bigint> = { s: 1_000_000_000n, ms: 1_000_000n, ns: 1n };

/**
 * A duration value in milliseconds: a string parses as a Go duration; a bare number counts in the
 * key's own unit, a float truncated first. `""` reads as absent (as the patched keys treat it).
 */
export function durationMs(value: string | number | bigint, unit: DurationUnit): number | undefined {
  if (typeof value === 'string') return value === '' ? undefined : parseGoDuration(value);
  const whole = typeof value === 'bigint' ? value : Number.isFinite(value) ? BigInt(Math.trunc(value)) : undefined;
  return whole === undefined ? undefined : Number(whole * BARE_NS[unit]) / 1e6;
}

/** Short form for messages: `10s`, `1m30s`, `300ms`, `10µs`, `5ns`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms < 1e-3) return `${Math.round(ms * 1e6)}ns`;
  if (ms < 1) return `${+(ms * 1e3).toFixed(3)}µs`;
  if (ms < 1000) return `${+ms.toFixed(6)}ms`;
  const totalSeconds = ms / 1000;
  if (totalSeconds < 60) return `${+totalSeconds.toFixed(9)}s`;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = +(totalSeconds % 60).toFixed(9);
  return `${hours ? `${hours}h` : ''}${minutes || (hours && seconds) ? `${minutes}m` : ''}${seconds ? `${seconds}s` : ''}`;
}

const WORDS: Array<[number, string]> = [
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
  [1, 'millisecond'],
  [1e-3, 'microsecond'],
  [1e-6, 'nanosecond'],
];

/** For hover text: `5 seconds`, `1 minute 30 seconds`, `300 nanoseconds`. */
export function durationWords(ms: number): string {
  if (ms === 0) return '0 seconds';
  if (ms < 0) return `minus ${durationWords(-ms)}`;
  let rest = Math.round(ms * 1e6); // whole nanoseconds
  const parts: string[] = [];
  for (const [size, word] of WORDS) {
    const ns = Math.round(size * 1e6);
    const count = Math.floor(rest / ns);
    if (count > 0) parts.push(`${count} ${word}${count === 1 ? '' : 's'}`);
    rest -= count * ns;
  }
  return parts.join(' ');
}

/** Go's `%v` of a float64 (strconv 'g', shortest): `512`, `1.5`, `1e+06`. */
export function goFloatString(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa, expText] = f.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(f);
}

/** How a patch turns a TOML number into a string (`fmt.Sprintf("%v")`). */
export function goNumberString(value: number | bigint): string {
  return typeof value === 'bigint' ? value.toString() : goFloatString(value);
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/** strconv.Atoi: an optional sign and decimal digits, nothing else. */
function goAtoi(s: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const v = BigInt(s);
  return v > INT64_MAX || v < INT64_MIN ? undefined : v;
}

/** strconv.ParseFloat for decimal text (hexadecimal floats are left out: no size is written so). */
function goParseFloat(s: string): number | undefined {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : undefined;
}

const POWERS: Record<string, number> = { k: 1, m: 2, g: 3, t: 4, p: 5 };

/** docker/go-units v0.5.0 parseSize: bytes, binary (RAMInBytes) or decimal (FromHumanSize). */
export function parseGoUnitsBytes(sizeStr: string, binary: boolean): Parsed<number> {
  let sep = -1;
  for (let i = sizeStr.length - 1; i >= 0; i--) {
    if ('0123456789. '.includes(sizeStr[i]!)) {
      sep = i;
      break;
    }
  }
  if (sep === -1) return { ok: false, error: `invalid size: '${sizeStr}'` };
  const num = sizeStr[sep] === ' ' ? sizeStr.slice(0, sep) : sizeStr.slice(0, sep + 1);
  let suffix = sizeStr.slice(sep + 1);
  let size = goParseFloat(num);
  if (size === undefined) return { ok: false, error: `strconv.ParseFloat: parsing ${goQuote(num)}: invalid syntax` };
  if (size < 0) return { ok: false, error: `invalid size: '${sizeStr}'` };
  const badSuffix = { ok: false as const, error: `invalid suffix: '${suffix.toLowerCase()}'` };
  if (suffix === '') return { ok: true, value: Math.trunc(size) };
  if (suffix.length > 3) return { ok: false, error: `invalid suffix: '${suffix}'` };
  suffix = suffix.toLowerCase();
  if (suffix[0] === 'b') return suffix.length > 1 ? badSuffix : { ok: true, value: Math.trunc(size) };
  const power = POWERS[suffix[0]!];
  if (power === undefined) return badSuffix;
  size *= (binary ? 1024 : 1000) ** power;
  if ((suffix.length === 2 && suffix[1] !== 'b') || (suffix.length === 3 && suffix.slice(1) !== 'ib')) return badSuffix;
  return { ok: true, value: Math.trunc(size) };
}

/** flyctl's helpers.ParseSize: a base-10 integer is already in the unit; otherwise go-units bytes ÷ unit. */
function parseFlySize(s: string, binary: boolean, unitBytes: number): Parsed<number> {
  const whole = goAtoi(s);
  if (whole !== undefined) return { ok: true, value: Number(whole) };
  const bytes = parseGoUnitsBytes(s, binary);
  if (!bytes.ok) return { ok: false, error: `invalid size: ${bytes.error}` };
  return { ok: true, value: Math.trunc(bytes.value / unitBytes) };
}

/** A TOML number reaches the size parser as the string `%v` makes of it. */
function sizeText(value: string | number | bigint): string {
  return typeof value === 'string' ? value : goNumberString(value);
}

/** `[[vm]] memory` in MB: a bare integer is MB, units are binary (`1gb` = 1024). */
export function parseMemoryMb(value: string | number | bigint): Parsed<number> {
  return parseFlySize(sizeText(value), true, 1024 * 1024);
}

/** Volume sizes in GB: a bare integer is GB, units are decimal (`1500mb` = 1, `10GiB` = 10). */
export function parseVolumeGb(value: string | number | bigint): Parsed<number> {
  return parseFlySize(sizeText(value), false, 1e9);
}

export function memoryMb(value: string | number | bigint): number | undefined {
  const parsed = parseMemoryMb(value);
  return parsed.ok ? parsed.value : undefined;
}

export function volumeGb(value: string | number | bigint): number | undefined {
  const parsed = parseVolumeGb(value);
  return parsed.ok ? parsed.value : undefined;
}

/** A memory size written the way `fly launch` writes it: `"1gb"`, `"512mb"`. */
export function memoryText(mb: number): string {
  return mb % 1024 === 0 ? `${mb / 1024}gb` : `${mb}mb`;
}
