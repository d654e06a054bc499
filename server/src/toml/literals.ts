/**
 * Classifies and decodes a bare value word: integer, float, boolean or date-time. The scanner
 * hands over the whole word (`1_000`, `0x1F`, `-inf`, `1979-05-27T07:32:00Z`) so each form is
 * checked once, against its grammar, with a message that names what is wrong.
 */

export type Literal =
  | { kind: 'integer'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'datetime'; subtype: 'offsetDateTime' | 'localDateTime' | 'localDate' | 'localTime'; raw: string; /** Seconds left out: TOML 1.1 only. */ noSeconds: boolean }
  | { kind: 'error'; message: string };

const DEC_INT = /^[+-]?(?:0|[1-9](?:_?[0-9])*)$/;
const HEX_INT = /^0x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*$/;
const OCT_INT = /^0o[0-7](?:_?[0-7])*$/;
const BIN_INT = /^0b[01](?:_?[01])*$/;
const FLOAT = /^[+-]?(?:0|[1-9](?:_?[0-9])*)(?:\.[0-9](?:_?[0-9])*)?(?:[eE][+-]?[0-9](?:_?[0-9])*)?$/;
const SPECIAL_FLOAT = /^[+-]?(?:inf|nan)$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-](\d{2}):(\d{2}))?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

const MAX_INT = 9223372036854775807n;
const MIN_INT = -9223372036854775808n;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checkTime(hour: number, minute: number, second: number): string | undefined {
  if (hour > 23) return `hour ${hour} is out of range (00–23)`;
  if (minute > 59) return `minute ${minute} is out of range (00–59)`;
  if (second > 60) return `second ${second} is out of range (00–60)`;
  return undefined;
}

function readInteger(word: string): Literal {
  let value: bigint;
  if (word.length > 2 && word.charCodeAt(0) === 0x30 && /[xob]/.test(word[1]!)) {
    const base = word[1]!;
    if (!(base === 'x' ? HEX_INT : base === 'o' ? OCT_INT : BIN_INT).test(word)) return { kind: 'error', message: `Invalid ${base === 'x' ? 'hexadecimal' : base === 'o' ? 'octal' : 'binary'} integer "${word}"` };
    value = BigInt(word.replace(/_/g, ''));
  } else {
    value = BigInt(word.replace(/_/g, ''));
  }
  if (value > MAX_INT || value < MIN_INT) return { kind: 'error', message: `Integer ${word} does not fit in 64 bits` };
  return { kind: 'integer', value };
}

/** A plain decimal integer short enough to be exact as a double: no regular expression needed. */
function plainInteger(word: string): bigint | undefined {
  const length = word.length;
  if (length === 0 || length > 15 || (length > 1 && word.charCodeAt(0) === 0x30)) return undefined;
  for (let i = 0; i < length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  return BigInt(Number(word));
}

export function readLiteral(word: string): Literal {
  const plain = plainInteger(word);
  if (plain !== undefined) return { kind: 'integer', value: plain };
  if (word === 'true') return { kind: 'boolean', value: true };
  if (word === 'false') return { kind: 'boolean', value: false };
  if (DEC_INT.test(word) || HEX_INT.test(word) || OCT_INT.test(word) || BIN_INT.test(word)) return readInteger(word);
  if (SPECIAL_FLOAT.test(word)) {
    const negative = word.charCodeAt(0) === 0x2d;
    return { kind: 'float', value: word.endsWith('nan') ? NaN : negative ? -Infinity : Infinity };
  }
  if (FLOAT.test(word)) return { kind: 'float', value: Number(word.replace(/_/g, '')) };
  const dateTime = DATE_TIME.exec(word);
  if (dateTime) {
    const [, y, mo, d, h, mi, s, , offset, oh, om] = dateTime;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12) return { kind: 'error', message: `Invalid date "${word}": month ${mo} is out of range (01–12)` };
    if (day < 1 || day > daysInMonth(year, month)) return { kind: 'error', message: `Invalid date "${word}": day ${d} does not exist in that month` };
    if (h === undefined) return { kind: 'datetime', subtype: 'localDate', raw: word, noSeconds: false };
    const timeError = checkTime(Number(h), Number(mi), Number(s ?? 0));
    if (timeError) return { kind: 'error', message: `Invalid date-time "${word}": ${timeError}` };
    if (oh !== undefined && (Number(oh) > 23 || Number(om) > 59)) return { kind: 'error', message: `Invalid date-time "${word}": offset is out of range` };
    return { kind: 'datetime', subtype: offset ? 'offsetDateTime' : 'localDateTime', raw: word, noSeconds: s === undefined };
  }
  const time = TIME.exec(word);
  if (time) {
    const [, h, mi, s] = time;
    const timeError = checkTime(Number(h), Number(mi), Number(s ?? 0));
    if (timeError) return { kind: 'error', message: `Invalid time "${word}": ${timeError}` };
    return { kind: 'datetime', subtype: 'localTime', raw: word, noSeconds: s === undefined };
  }
  return { kind: 'error', message: describeBadWord(word) };
}

function describeBadWord(word: string): string {
  if (/^[+-]?\d/.test(word) || /^[+-]?\.\d/.test(word)) {
    if (/^[+-]?0\d/.test(word) && !/[-:]/.test(word)) return `Invalid number "${word}": leading zeros are not allowed`;
    if (/_(_|$|\.|[eE])|(^|[.eE+-])_/.test(word)) return `Invalid number "${word}": an underscore must stand between two digits`;
    if (/^\d{4}-\d{2}-\d{2}|^\d{2}:\d{2}/.test(word)) return `Invalid date-time "${word}"`;
    return `Invalid number "${word}"`;
  }
  return `Invalid value "${word}": strings must be quoted`;
}

/** The canonical spelling toml-test and JSON consumers expect: `T` separator, seconds present, `Z` upper case. */
export function normalizeDateTime(raw: string): string {
  let text = raw.replace(/^(\d{4}-\d{2}-\d{2})[Tt ]/, '$1T').replace(/z$/, 'Z');
  text = text.replace(/(^|T)(\d{2}):(\d{2})(?=$|[Z+-])/, '$1$2:$3:00');
  return text;
}
