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

const SPECIAL_FLOAT = /^[+-]?(?:inf|nan)$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-](\d{2}):(\d{2}))?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

/**
 * The number grammar is checked by hand, not by regular expressions: a group repeated once per
 * digit (`(?:_?[0-9])*`) makes the regular-expression engine recurse once per character, and a
 * 10 MB number literal then overflows the stack. These loops run in linear time and constant space.
 */
type DigitTest = (c: number) => boolean;
const isDecimal: DigitTest = (c) => c >= 0x30 && c <= 0x39;
const isHex: DigitTest = (c) => isDecimal(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const isOctal: DigitTest = (c) => c >= 0x30 && c <= 0x37;
const isBinary: DigitTest = (c) => c === 0x30 || c === 0x31;
const UNDERSCORE = 0x5f;

/** The end of `digit (_? digit)*` starting at `i`, or -1 when there is none. */
function digitRun(word: string, i: number, isDigitChar: DigitTest): number {
  if (i >= word.length || !isDigitChar(word.charCodeAt(i))) return -1;
  i++;
  while (i < word.length) {
    const c = word.charCodeAt(i);
    if (isDigitChar(c)) i++;
    else if (c === UNDERSCORE && i + 1 < word.length && isDigitChar(word.charCodeAt(i + 1))) i += 2;
    else break;
  }
  return i;
}

function skipSign(word: string): number {
  const c = word.charCodeAt(0);
  return c === 0x2b || c === 0x2d ? 1 : 0;
}

/** The end of a decimal integer part (`0`, or no leading zero) at `i`, or -1. */
function decimalIntegerEnd(word: string, i: number): number {
  if (word.charCodeAt(i) === 0x30) return i + 1;
  return digitRun(word, i, isDecimal);
}

function isDecimalInteger(word: string): boolean {
  return decimalIntegerEnd(word, skipSign(word)) === word.length;
}

function isPrefixedInteger(word: string): boolean {
  if (word.length < 3 || word.charCodeAt(0) !== 0x30) return false;
  const test = word[1] === 'x' ? isHex : word[1] === 'o' ? isOctal : word[1] === 'b' ? isBinary : undefined;
  return test !== undefined && digitRun(word, 2, test) === word.length;
}

function isFloat(word: string): boolean {
  let i = decimalIntegerEnd(word, skipSign(word));
  if (i < 0) return false;
  if (word.charCodeAt(i) === 0x2e) {
    i = digitRun(word, i + 1, isDecimal);
    if (i < 0) return false;
  }
  const c = word.charCodeAt(i);
  if (c === 0x65 || c === 0x45) {
    i++;
    const sign = word.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    i = digitRun(word, i, isDecimal);
    if (i < 0) return false;
  }
  return i === word.length;
}

/** A token as it may appear in a message: long ones are cut, so no message repeats a whole line or file. */
export function shownToken(token: string, max = 40): string {
  return token.length <= max ? token : `${token.slice(0, max)}…`;
}

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

/** More significant digits than any 64-bit integer has (binary has the most: 64). */
function tooManyDigits(word: string): boolean {
  const prefixed = word.length > 2 && word.charCodeAt(0) === 0x30 && /[xob]/.test(word[1]!);
  const digits = word.slice(prefixed ? 2 : skipSign(word)).replace(/_/g, '').replace(/^0+/, '');
  return digits.length > (prefixed ? 64 : 19);
}

function readInteger(word: string): Literal {
  // BigInt of a megabyte of digits takes quadratic time; such a number cannot fit anyway.
  if (tooManyDigits(word)) return { kind: 'error', message: `Integer ${shownToken(word)} does not fit in 64 bits` };
  let value: bigint;
  if (word.length > 2 && word.charCodeAt(0) === 0x30 && /[xob]/.test(word[1]!)) {
    const base = word[1]!;
    if (!isPrefixedInteger(word)) return { kind: 'error', message: `Invalid ${base === 'x' ? 'hexadecimal' : base === 'o' ? 'octal' : 'binary'} integer "${shownToken(word)}"` };
    value = BigInt(word.replace(/_/g, ''));
  } else {
    value = BigInt(word.replace(/_/g, ''));
  }
  if (value > MAX_INT || value < MIN_INT) return { kind: 'error', message: `Integer ${shownToken(word)} does not fit in 64 bits` };
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
  if (isDecimalInteger(word) || isPrefixedInteger(word)) return readInteger(word);
  if (SPECIAL_FLOAT.test(word)) {
    const negative = word.charCodeAt(0) === 0x2d;
    return { kind: 'float', value: word.endsWith('nan') ? NaN : negative ? -Infinity : Infinity };
  }
  if (isFloat(word)) return { kind: 'float', value: Number(word.replace(/_/g, '')) };
  const dateTime = DATE_TIME.exec(word);
  if (dateTime) {
    const [, y, mo, d, h, mi, s, , offset, oh, om] = dateTime;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12) return { kind: 'error', message: `Invalid date "${shownToken(word)}": month ${mo} is out of range (01–12)` };
    if (day < 1 || day > daysInMonth(year, month)) return { kind: 'error', message: `Invalid date "${shownToken(word)}": day ${d} does not exist in that month` };
    if (h === undefined) return { kind: 'datetime', subtype: 'localDate', raw: word, noSeconds: false };
    const timeError = checkTime(Number(h), Number(mi), Number(s ?? 0));
    if (timeError) return { kind: 'error', message: `Invalid date-time "${shownToken(word)}": ${timeError}` };
    if (oh !== undefined && (Number(oh) > 23 || Number(om) > 59)) return { kind: 'error', message: `Invalid date-time "${shownToken(word)}": offset is out of range` };
    return { kind: 'datetime', subtype: offset ? 'offsetDateTime' : 'localDateTime', raw: word, noSeconds: s === undefined };
  }
  const time = TIME.exec(word);
  if (time) {
    const [, h, mi, s] = time;
    const timeError = checkTime(Number(h), Number(mi), Number(s ?? 0));
    if (timeError) return { kind: 'error', message: `Invalid time "${shownToken(word)}": ${timeError}` };
    return { kind: 'datetime', subtype: 'localTime', raw: word, noSeconds: s === undefined };
  }
  return { kind: 'error', message: describeBadWord(word) };
}

function describeBadWord(word: string): string {
  if (/^[+-]?\d/.test(word) || /^[+-]?\.\d/.test(word)) {
    if (/^[+-]?0\d/.test(word) && !/[-:]/.test(word)) return `Invalid number "${shownToken(word)}": leading zeros are not allowed`;
    if (/_(_|$|\.|[eE])|(^|[.eE+-])_/.test(word)) return `Invalid number "${shownToken(word)}": an underscore must stand between two digits`;
    if (/^\d{4}-\d{2}-\d{2}|^\d{2}:\d{2}/.test(word)) return `Invalid date-time "${shownToken(word)}"`;
    return `Invalid number "${shownToken(word)}"`;
  }
  return `Invalid value "${shownToken(word)}": strings must be quoted`;
}

/** The canonical spelling toml-test and JSON consumers expect: `T` separator, seconds present, `Z` upper case. */
export function normalizeDateTime(raw: string): string {
  let text = raw.replace(/^(\d{4}-\d{2}-\d{2})[Tt ]/, '$1T').replace(/z$/, 'Z');
  text = text.replace(/(^|T)(\d{2}):(\d{2})(?=$|[Z+-])/, '$1$2:$3:00');
  return text;
}
