/** Character classes of the TOML grammar, on UTF-16 char codes. */

export const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;
export const QUOTE = 0x22;
export const HASH = 0x23;
export const APOSTROPHE = 0x27;
export const COMMA = 0x2c;
export const DOT = 0x2e;
export const EQUALS = 0x3d;
export const LBRACKET = 0x5b;
export const BACKSLASH = 0x5c;
export const RBRACKET = 0x5d;
export const LBRACE = 0x7b;
export const RBRACE = 0x7d;
export const BOM = 0xfeff;

export function isWhitespace(c: number): boolean {
  return c === SPACE || c === TAB;
}

export function isBareKeyChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Characters a number, boolean or date-time literal may contain (besides one inner space). */
export function isValueWordChar(c: number): boolean {
  return isBareKeyChar(c) || c === 0x2b || c === DOT || c === 0x3a;
}

/** Control characters TOML forbids in comments and strings (tab is allowed). */
export function isForbiddenControl(c: number): boolean {
  return (c < 0x20 && c !== TAB) || c === 0x7f;
}

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
