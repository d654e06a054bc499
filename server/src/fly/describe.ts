/**
 * How flyctl reads a value, for hover and inlay hints: `kill_timeout = 5` is 5 seconds, a bare
 * number in `[[http_service.checks]]` is nanoseconds, `memory = "1gb"` is 1024 MB.
 */
import type { ValueNode } from '../toml/ast.js';
import type { TomlValue } from '../toml/values.js';
import { valueKindAt } from './value-kinds.js';
import { goValueString } from './fields.js';
import { durationWords, formatDuration, goNumberString, parseGoDurationNs, parseGoUnitsBytes, parseMemoryMb, parseVolumeGb, type DurationUnit } from './units.js';
import { presetOf } from './vm-presets.js';
import { regionCity, regionSuccessor } from './regions.js';

export interface ValueReading {
  /** What flyctl makes of it: `5 seconds`, `1024 MB`, or why it cannot read it. */
  text: string;
  /** False when flyctl rejects the value (or the deploy fails on it). */
  ok: boolean;
  /**
   * The value written the way flyctl reads it, where the text reads otherwise: `5s` for a bare
   * `kill_timeout = 5`, `10µs` for a bare check interval of 10000 nanoseconds, `1 GB` for
   * `memory = 1024`, `"stop"` for `auto_stop_machines = true`. Absent where the value already
   * says what flyctl makes of it (`"5s"`, `"1gb"`) and where flyctl cannot use it.
   */
  short?: string;
}

type Plain = string | number | bigint | boolean | Plain[] | undefined;

/** The scalar (or list of scalars) of a value-tree value or a syntax node; tables read as undefined. */
function plain(value: TomlValue | ValueNode): Plain {
  if ('type' in value) {
    if (value.type === 'table') return undefined;
    if (value.type === 'array') return value.items.map(plain);
    return value.value;
  }
  switch (value.kind) {
    case 'string':
    case 'integer':
    case 'float':
    case 'boolean':
      return value.value;
    case 'datetime':
      return value.raw;
    case 'array':
      return value.items.map(plain);
    default:
      return undefined;
  }
}

const UNIT_WORD: Record<DurationUnit, string> = { s: 'seconds', ms: 'milliseconds', ns: 'nanoseconds' };

function duration(value: Plain, unit: DurationUnit, exactCase: boolean): ValueReading | undefined {
  if (typeof value === 'string') {
    if (value === '' && unit !== 'ns') return { text: 'unset (an empty duration is ignored here)', ok: true };
    const parsed = parseGoDurationNs(value);
    return parsed.ok ? { text: durationWords(Number(parsed.value) / 1e6), ok: true } : { text: `not a duration flyctl can read (${parsed.error}); write e.g. "30s" or "1m30s"`, ok: false };
  }
  if (typeof value === 'bigint' || typeof value === 'number') {
    if (typeof value === 'number' && !Number.isFinite(value)) return { text: 'not a duration (flyctl rejects nan and inf)', ok: false };
    const whole = typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
    const ms = unit === 's' ? Number(whole) * 1000 : unit === 'ms' ? Number(whole) : Number(whole) / 1e6;
    const why = exactCase ? `a bare number here is ${UNIT_WORD[unit]}` : `the key is not written in lower case, so flyctl's conversion skips it and a bare number counts ${UNIT_WORD[unit]}`;
    const truncated = typeof value === 'number' && !Number.isInteger(value) ? `, the fraction dropped` : '';
    // Zero is zero in every unit: nothing to point out.
    return { text: `${durationWords(ms)} (${why}${truncated})`, ok: true, ...(ms !== 0 ? { short: formatDuration(ms) } : {}) };
  }
  return undefined;
}

function size(value: Plain, kind: 'memory' | 'volume', numbers: boolean): ValueReading | undefined {
  const isNumber = typeof value === 'bigint' || typeof value === 'number';
  if (typeof value !== 'string' && !isNumber) return undefined;
  if (isNumber && !numbers) return { text: 'must be a string here, such as "1gb"', ok: false };
  const parsed = kind === 'memory' ? parseMemoryMb(value) : parseVolumeGb(value);
  if (!parsed.ok) return { text: `not a size flyctl can read (${parsed.error})`, ok: false };
  const unit = kind === 'memory' ? 'MB' : 'GB';
  const via = isNumber && typeof value === 'number' ? ` (flyctl turns the number into "${goNumberString(value)}" first)` : '';
  const decimal = kind === 'volume' && typeof value === 'string' && /[a-z]/i.test(value) ? ', decimal units rounded down' : '';
  const ok = kind === 'memory' ? parsed.value !== 0 : parsed.value >= 1;
  // A bare number has no unit to show; a unit that does not divide evenly is rounded down.
  const unitless = isNumber || /^[+-]?\d+$/.test(value);
  const shown = ok && (unitless || !divides(value as string, kind)) ? sizeShort(parsed.value, kind) : undefined;
  return { text: `${parsed.value} ${unit}${via}${decimal}`, ok, ...(shown ? { short: shown } : {}) };
}

/** Whether a size with a unit is a whole number of the key's unit (MB for memory, GB for volumes). */
function divides(text: string, kind: 'memory' | 'volume'): boolean {
  const bytes = parseGoUnitsBytes(text, kind === 'memory');
  return bytes.ok && bytes.value % (kind === 'memory' ? 1024 * 1024 : 1e9) === 0;
}

function sizeShort(amount: number, kind: 'memory' | 'volume'): string {
  if (kind === 'volume') return `${amount} GB`;
  return amount % 1024 === 0 ? `${amount / 1024} GB` : `${amount} MB`;
}

/**
 * Whether a value can have a short form at all (see ValueReading.short): bare numbers, booleans
 * and sizes such as `"512"` or `"1500mb"` can; other strings cannot. A cheap test before
 * describeValueAt for callers that ask of every value of a file.
 */
export function mayHaveShortForm(node: ValueNode): boolean {
  switch (node.kind) {
    case 'integer':
    case 'float':
    case 'boolean':
      return true;
    case 'string': {
      const first = node.value.charCodeAt(0);
      return (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46;
    }
    default:
      return false;
  }
}

/** How flyctl reads the value at this key path, where that is not plain from the text. */
export function describeValueAt(keyPath: readonly (string | number)[], value: TomlValue | ValueNode): ValueReading | undefined {
  const kind = valueKindAt(keyPath);
  if (!kind) return undefined;
  const v = plain(value);
  switch (kind.kind) {
    case 'duration':
      // flyctl's patches only see keys spelled in lower case; elsewhere a bare number stays nanoseconds.
      return duration(v, kind.exactCase ? kind.unit : 'ns', kind.exactCase);
    case 'memory':
      return size(v, 'memory', kind.numbers);
    case 'volume':
      return size(v, 'volume', kind.numbers);
    case 'memoryMb':
      return typeof v === 'bigint' || typeof v === 'number' ? { text: `${goNumberString(v)} MB (overrides memory and the size preset)`, ok: true } : undefined;
    case 'autostop':
      if (v === true) return { text: '"stop": idle Machines are stopped', ok: true, short: '"stop"' };
      if (v === false) return { text: '"off": Machines are never stopped', ok: true, short: '"off"' };
      return undefined;
    case 'preset': {
      if (typeof v !== 'string') return undefined;
      const preset = presetOf(v);
      if (!preset) return { text: `not a Machine size preset; the deploy fails`, ok: false };
      return { text: `${preset.cpus} ${preset.cpuKind} CPU${preset.cpus > 1 ? 's' : ''}, ${preset.memoryMb} MB${preset.gpu ? `, 1 × ${preset.gpu} GPU` : ''}`, ok: true };
    }
    case 'patchedInt':
      if (typeof v === 'string') return /^[+-]?\d+$/.test(v) ? { text: `the number ${Number(v)}`, ok: true } : { text: `not a number flyctl can convert`, ok: false };
      if (typeof v === 'number' && !Number.isInteger(v)) return { text: `${Math.trunc(v)} (the fraction is dropped)`, ok: true, short: String(Math.trunc(v)) };
      return undefined;
    case 'env':
      if (typeof v === 'string') return undefined;
      return { text: `the string "${'type' in value ? goValueString(value) : goPlainString(v)}" (flyctl turns every [env] value into a string)`, ok: true };
    case 'argv':
      return typeof v === 'string' ? { text: `the one-word command ["${v}"] (a string is not split at spaces)`, ok: true } : undefined;
    case 'persistRootfs': {
      const names = ['none', 'never', 'restart', 'always'];
      if (typeof v === 'bigint' || typeof v === 'number') return Number(v) >= 0 && Number(v) <= 3 && Number.isInteger(Number(v)) ? { text: `"${names[Number(v)]}"`, ok: true, short: `"${names[Number(v)]}"` } : { text: 'not a persist_rootfs value (0–3)', ok: false };
      return undefined;
    }
    case 'region': {
      if (typeof v !== 'string') return undefined;
      const city = regionCity(v);
      if (city) return { text: city, ok: true };
      const successor = regionSuccessor(v);
      if (successor) return { text: `a retired region; use "${successor}" (${regionCity(successor) ?? ''})`, ok: true };
      return undefined;
    }
  }
}

function goPlainString(v: Plain): string {
  if (Array.isArray(v)) return `[${v.map(goPlainString).join(' ')}]`;
  if (typeof v === 'number' || typeof v === 'bigint') return goNumberString(v);
  return v === undefined ? 'map[…]' : String(v);
}
