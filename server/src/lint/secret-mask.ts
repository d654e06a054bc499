/**
 * Where a config's text holds secrets, so that no output repeats them: messages, code frames, the
 * JSON report's source, fixes, hovers. Worked out from the text itself (its tree, and each raw
 * line for what the parser could not read), never from findings: a rule turned off or lowered, a
 * finding that --quiet drops, a key defined twice or a broken line must not let a secret through.
 *
 * A secret here is every value under a name that speaks of secrets (`*PASSWORD*`, `*TOKEN*`, a
 * user pattern …) and every value or word shaped like one (a known token format, the password of
 * a URL, a long random string), wherever it is. Masking more than the rule reports is the point:
 * a placeholder masked in a code frame costs nothing.
 */
import type { DocumentNode, KeyValueNode, ValueNode } from '../toml/ast.js';
import { parseToml } from '../toml/parse.js';
import { KNOWN_TOKEN, URL_WITH_PASSWORD, looksRandom, namesSecret, standsInForSecret } from './secrets.js';
import type { OffsetRange } from './types.js';

/** What a masked value shows: its first two characters when it is long enough to keep them secret. */
export function maskedValue(value: string): string {
  return value.length > 8 ? `${value.slice(0, 2)}…` : '…';
}

const LINE = /[^\r\n]*(?:\r\n|\n|\r|$)/g;
/** A key (dotted, quoted) at the start of a line or after `{` or `,`, then `=`. */
const KEY_BEFORE_EQUALS = /(?:^|[{,])[ \t]*((?:[A-Za-z0-9_-]+|"(?:[^"\\\r\n]|\\.)*"|'[^'\r\n]*')(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"(?:[^"\\\r\n]|\\.)*"|'[^'\r\n]*'))*)[ \t]*=[ \t]*/g;
const LAST_SEGMENT = /(?:([A-Za-z0-9_-]+)|"((?:[^"\\]|\\.)*)"|'([^']*)')[ \t]*$/;
const WORD = /[^\s"'`,{}[\]=()<>;|]+/g;
/**
 * `scheme://user:password@` anywhere in a line: group 1 is the password. The scheme starts a word
 * and is short, so a long run of scheme characters (`k0.k1.k2…`) is not read again from each of
 * its positions.
 */
const URL_PASSWORD = /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,31}:\/\/[^\s/:@"'`]*:([^\s/@"'`]+)@/gi;
const MAX_MATCHED = 32;
const PLAIN_SCALAR = /^(?:true|false|[+-]?\d[\d_]*(?:\.\d+)?)$/;

export class SecretMask {
  /** Sorted, disjoint, none crossing a line break. */
  readonly spans: readonly OffsetRange[];
  /** The text of each span. */
  readonly values: readonly string[];

  /** The distinct values that messages are searched for, at most MAX_MATCHED of them. */
  private readonly matched: readonly string[];
  private readonly exact: ReadonlySet<string>;

  constructor(
    readonly text: string,
    spans: readonly OffsetRange[],
  ) {
    this.spans = normalize(text, spans);
    this.values = this.spans.map(([s, e]) => text.slice(s, e));
    this.exact = new Set(this.values);
    // A file of binary noise has thousands of random-looking words: messages are searched for the
    // first few dozen only (what a message could quote near a finding is found by place).
    this.matched = [...this.exact].slice(0, MAX_MATCHED);
  }

  get isEmpty(): boolean {
    return this.spans.length === 0;
  }

  /**
   * The text of [from, to) with every secret in it masked (line breaks stay where they are), and
   * where an offset of the original lands in it, for carets under a masked line.
   */
  slice(from: number, to: number): { text: string; offsetOf: (offset: number) => number } {
    let out = '';
    let at = from;
    const moves: Array<{ start: number; end: number; masked: number; length: number }> = [];
    for (const [s, e] of this.spans) {
      if (e <= from || s >= to) continue;
      const start = Math.max(s, from);
      const end = Math.min(e, to);
      out += this.text.slice(at, start);
      const shown = maskedValue(this.text.slice(start, end));
      moves.push({ start, end, masked: out.length, length: shown.length });
      out += shown;
      at = end;
    }
    out += this.text.slice(at, to);
    const offsetOf = (offset: number): number => {
      let delta = -from;
      for (const move of moves) {
        if (offset < move.start) break;
        if (offset < move.end) return move.masked;
        delta = move.masked + move.length - move.end;
      }
      return offset + delta;
    };
    return { text: out, offsetOf };
  }

  /** The whole text, masked. */
  maskedText(): string {
    return this.slice(0, this.text.length).text;
  }

  /**
   * A message with what it quotes of a secret masked: a quoted part that is or holds a secret,
   * or is part of one (`found "Zq9x…"` quotes the tail of a broken line), and any long secret
   * written out. `range`: where the finding is; a quoted part of a secret there is masked however
   * short, elsewhere only a long one, so that a message quoting a name like a secret's stays whole.
   */
  message(message: string, range?: OffsetRange): string {
    if (this.isEmpty) return message;
    const near = range ? this.near(range) : [];
    let out = message.replace(/"([^"\r\n]*)"|`([^`\r\n]*)`|'([^'\r\n]*)'/g, (quoted, a?: string, b?: string, c?: string) => {
      const inner = a ?? b ?? c ?? '';
      const secret = (inner.length >= 3 && near.some((v) => v.includes(inner))) || this.touches(inner);
      return secret ? `${quoted[0]}${maskedValue(inner)}${quoted[0]}` : quoted;
    });
    for (const value of this.matched) if (value.length >= 8 && out.includes(value)) out = out.split(value).join(maskedValue(value));
    return out;
  }

  /** The values of the spans that touch a range (a finding's), found by binary search. */
  private near(range: OffsetRange): string[] {
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.spans[mid]![1] < range[0] - 1) low = mid + 1;
      else high = mid;
    }
    const out: string[] = [];
    for (let i = low; i < this.spans.length && this.spans[i]![0] <= range[1] + 1 && out.length < MAX_MATCHED; i++) out.push(this.values[i]!);
    return out;
  }

  /** Whether a text (a fix's replacement, say) repeats a secret or a long part of one. */
  reveals(text: string): boolean {
    return this.matched.some((v) => v.length >= 4 && (text.includes(v) || sharesRun(text, v, 8)));
  }

  /** Whether a quoted part is a secret, holds one, or is a long part of one. */
  private touches(part: string): boolean {
    if (this.exact.has(part)) return part.length >= 3;
    return this.matched.some((v) => v.length >= 3 && ((part.length >= 6 && v.includes(part)) || (v.length >= 6 && part.includes(v))));
  }
}

/** Whether a and b share a run of `length` characters. */
function sharesRun(a: string, b: string, length: number): boolean {
  if (a.length < length || b.length < length) return false;
  for (let i = 0; i + length <= a.length; i++) if (b.includes(a.slice(i, i + length))) return true;
  return false;
}

/** Split at line breaks, trimmed of nothing, sorted and merged. */
function normalize(text: string, spans: readonly OffsetRange[]): OffsetRange[] {
  const pieces: OffsetRange[] = [];
  for (const [s, e] of spans) {
    let start = s;
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        if (i > start) pieces.push([start, i]);
        start = i + 1;
      }
    }
    if (e > start) pieces.push([start, e]);
  }
  pieces.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: OffsetRange[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && piece[0] <= last[1]) last[1] = Math.max(last[1], piece[1]);
    else merged.push([piece[0], piece[1]]);
  }
  return merged;
}

function isSecretName(name: string, patterns: readonly string[]): boolean {
  try {
    return namesSecret(name, patterns);
  } catch {
    // A pattern that cannot be used is reported by the rule; the built-in names still count.
    return namesSecret(name);
  }
}

/**
 * What a secret's name may hold that is no secret: a placeholder (`changeme`, `${TOKEN}`) or the
 * name of another variable (`{ from_secret = "DATABASE_URL" }`). Masking them would only blur
 * messages that quote them.
 */
function standsIn(value: string): boolean {
  return standsInForSecret(value.trim()) || /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value);
}

function shapedLikeSecret(value: string): boolean {
  return KNOWN_TOKEN.test(value) || URL_WITH_PASSWORD.test(value) || looksRandom(value);
}

/** From the tree: values under secret names (in tables, inline tables and arrays) and secret-shaped strings. */
function fromTree(doc: DocumentNode, text: string, patterns: readonly string[], out: OffsetRange[]): void {
  const visitEntry = (kv: KeyValueNode, underSecret: boolean): void => {
    const segments = kv.key.segments;
    const name = segments[segments.length - 1]?.name ?? '';
    if (kv.value) visitValue(kv.value, underSecret || isSecretName(name, patterns));
  };
  const visitValue = (node: ValueNode, underSecret: boolean): void => {
    switch (node.kind) {
      case 'string': {
        const quote = node.style === 'mlBasic' || node.style === 'mlLiteral' ? 3 : 1;
        const closing = node.style === 'basic' || node.style === 'mlBasic' ? '"' : "'";
        const start = node.start + quote;
        const end = node.end - quote >= start && text.slice(node.end - quote, node.end) === closing.repeat(quote) ? node.end - quote : node.end;
        if ((underSecret && !standsIn(node.value)) || shapedLikeSecret(node.value)) out.push([start, end]);
        return;
      }
      case 'invalid':
        if (underSecret || shapedLikeSecret(text.slice(node.start, node.end))) out.push([node.start, node.end]);
        return;
      case 'array':
        for (const item of node.items) visitValue(item, underSecret);
        return;
      case 'inlineTable':
        for (const entry of node.entries) visitEntry(entry, underSecret);
        return;
      default:
        return;
    }
  };
  for (const kv of doc.body) visitEntry(kv, false);
  for (const table of doc.tables) {
    const segments = table.key?.segments ?? [];
    const underSecret = isSecretName(segments[segments.length - 1]?.name ?? '', patterns);
    for (const kv of table.body) visitEntry(kv, underSecret);
  }
}

/**
 * Where a value that starts at `start` ends on its line: at its closing quote when only blanks
 * or a comment follow it, else (a broken line: `"abc"Zq9…"`, `abc123`) at the end of the line.
 */
function valueSpan(line: string, start: number, afterBrace: boolean): OffsetRange | undefined {
  const quote = line[start];
  if (quote === '"' || quote === "'") {
    const triple = line.startsWith(quote.repeat(3), start);
    const open = start + (triple ? 3 : 1);
    let i = open;
    while (i < line.length) {
      if (quote === '"' && line[i] === '\\') i += 2;
      else if (line.startsWith(triple ? quote.repeat(3) : quote, i)) break;
      else i++;
    }
    const close = Math.min(i, line.length);
    const rest = line.slice(close + (triple ? 3 : 1));
    if (close < line.length && (/^[ \t]*(?:#.*)?[\r\n]*$/.test(rest) || (afterBrace && /^[ \t]*[,}]/.test(rest)))) return standsIn(line.slice(open, close)) ? undefined : [open, close];
    return [open, line.replace(/[ \t\r\n]+$/, '').length];
  }
  let end = line.replace(/[\r\n]+$/, '').length;
  if (afterBrace) {
    const stop = line.slice(start).search(/[,}]/);
    if (stop >= 0) end = start + stop;
  }
  const bare = line.slice(start, end).replace(/[ \t]+(?:#.*)?$/, '');
  if (bare === '' || PLAIN_SCALAR.test(bare) || /^[[{]/.test(bare) || standsIn(bare)) return undefined;
  return [start, start + bare.length];
}

/** From each raw line: values after a secret name whatever state the line is in, and secret-shaped words. */
function fromLines(text: string, patterns: readonly string[], out: OffsetRange[]): void {
  LINE.lastIndex = 0;
  for (let match = LINE.exec(text); match && match[0] !== ''; match = LINE.exec(text)) {
    const line = match[0];
    const offset = match.index;
    KEY_BEFORE_EQUALS.lastIndex = 0;
    for (let key = KEY_BEFORE_EQUALS.exec(line); key; key = KEY_BEFORE_EQUALS.exec(line)) {
      const segment = LAST_SEGMENT.exec(key[1]!);
      const name = segment ? (segment[1] ?? segment[2] ?? segment[3] ?? '') : '';
      if (!isSecretName(name, patterns)) continue;
      const span = valueSpan(line, key.index + key[0].length, key[0].trimStart().startsWith('{') || key[0].trimStart().startsWith(','));
      if (span) out.push([offset + span[0], offset + span[1]]);
    }
    WORD.lastIndex = 0;
    for (let word = WORD.exec(line); word; word = WORD.exec(line)) {
      if (KNOWN_TOKEN.test(word[0]) || looksRandom(word[0])) out.push([offset + word.index, offset + word.index + word[0].length]);
    }
    URL_PASSWORD.lastIndex = 0;
    for (let url = URL_PASSWORD.exec(line); url; url = URL_PASSWORD.exec(line)) {
      const end = url.index + url[0].length - 1; // before the `@`
      out.push([offset + end - url[1]!.length, offset + end]);
    }
    if (LINE.lastIndex >= text.length) break;
  }
}

const cache = new WeakMap<DocumentNode, Map<string, SecretMask>>();

/** The secrets of a text; pass its tree when there is one at hand (else it is parsed). */
export function secretMask(text: string, doc?: DocumentNode, patterns: readonly string[] = []): SecretMask {
  const tree = doc ?? parseToml(text).ast;
  const key = patterns.join('\n');
  let byPatterns = cache.get(tree);
  const cached = byPatterns?.get(key);
  if (cached && cached.text === text) return cached;
  const spans: OffsetRange[] = [];
  fromTree(tree, text, patterns, spans);
  fromLines(text, patterns, spans);
  // The same value written again elsewhere (under a harmless name, in a comment) is the same secret.
  const found = new SecretMask(text, spans);
  let searched = 0;
  for (const value of new Set(found.values)) {
    if (value.length < 6) continue;
    // Each search reads the whole text: a few dozen values at most (binary noise has thousands).
    if (++searched > 32) break;
    for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + value.length)) spans.push([at, at + value.length]);
  }
  const mask = new SecretMask(text, spans);
  if (!byPatterns) cache.set(tree, (byPatterns = new Map()));
  byPatterns.set(key, mask);
  return mask;
}
