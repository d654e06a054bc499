/**
 * Extra secret-name patterns come from a repository's config file, which can come with a pull
 * request: a pattern that backtracks (`^(A+)+$`, `^(a|a)(a|a)…$`) could hang CI and every editor
 * that opens the repository. So patterns run on RE2 (re2js), whose matching time is linear in the
 * name and in the size of the compiled pattern whatever the pattern says; it has no
 * back-references or lookarounds, and refuses them. What is left to bound is the size: counted
 * repetitions multiply it (`(a|b){1000}` compiles to thousands of instructions, and both the
 * compilation and every match pay for each), so a pattern may be at most MAX_PATTERN_LENGTH
 * characters and expand to at most MAX_PATTERN_SIZE items, checked before anything is compiled.
 *
 * The engine (about 260 KB) is loaded on the first pattern only: a lint without user patterns
 * never evaluates it.
 */
import type { RE2JS as RE2JSClass } from 're2js';

export const MAX_PATTERN_LENGTH = 200;
export const MAX_PATTERN_SIZE = 1000;
/** Names longer than this are left to the built-in checks; no real variable name comes close. */
export const MAX_NAME_LENGTH = 256;

let engine: typeof RE2JSClass | undefined;

function re2(): typeof RE2JSClass {
  // A require, not an import: the bundler wraps the module so that it runs on this first call.
  engine ??= (require('re2js') as typeof import('re2js')).RE2JS;
  return engine;
}

/**
 * How many items the pattern expands to once its counted repetitions are written out
 * (`(ab){3}` is 6), an upper bound of the compiled program's size up to a small factor.
 */
export function expandedSize(source: string): number {
  const totals: number[] = [0];
  /** The size of the item just read, which a following quantifier multiplies. */
  let last = 0;
  const add = (n: number) => {
    totals[totals.length - 1]! += n;
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const counted = c === '{' ? /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(i, i + 24)) : null;
    if (counted) {
      const min = Number(counted[1]);
      const max = counted[2] ? (counted[3] ? Number(counted[3]) : min + 1) : min;
      const times = Math.max(min, max, 1);
      add(last * (times - 1) + 1);
      last *= times;
      i += counted[0].length;
      continue;
    }
    if (c === '(') {
      totals.push(0);
      last = 0;
      i++;
      continue;
    }
    if (c === ')') {
      const inner = totals.length > 1 ? totals.pop()! : 0;
      add(inner);
      last = inner;
      i++;
      continue;
    }
    if (c === '*' || c === '+' || c === '?' || c === '|') {
      add(1);
      i++;
      continue;
    }
    if (c === '\\') {
      // `\pL`, `\p{Greek}`, `\x{263a}`: one item each; `\Q…\E` quotes its characters.
      if (source[i + 1] === 'Q') {
        const end = source.indexOf('\\E', i + 2);
        const quoted = (end < 0 ? source.length : end) - (i + 2);
        add(quoted);
        last = 1;
        i = end < 0 ? source.length : end + 2;
        continue;
      }
      i += source[i + 2] === '{' && /[pPx]/.test(source[i + 1] ?? '') ? Math.max(3, source.indexOf('}', i) + 1 - i) : 2;
    } else if (c === '[') {
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : source.startsWith('[:', i) ? Math.max(2, source.indexOf(':]', i) + 2 - i) : 1;
      i++;
    } else {
      i++;
    }
    add(1);
    last = 1;
  }
  while (totals.length > 1) add(totals.pop()!);
  return totals[0]!;
}

/** Why a pattern cannot be used ("is not a valid …", "cannot be used: …"), or undefined when it can. Compiles it, so call it once per pattern. */
export function secretPatternProblem(source: string): string | undefined {
  return compile(source).problem;
}

const compiled = new Map<string, { pattern?: RE2JSClass; problem?: string }>();

function compile(source: string): { pattern?: RE2JSClass; problem?: string } {
  let entry = compiled.get(source);
  if (entry) return entry;
  if (source.length > MAX_PATTERN_LENGTH) entry = { problem: `cannot be used: it is ${source.length} characters long (at most ${MAX_PATTERN_LENGTH})` };
  else if (expandedSize(source) > MAX_PATTERN_SIZE) entry = { problem: `cannot be used: its counted repetitions make it too large (more than ${MAX_PATTERN_SIZE} items once written out)` };
  else {
    try {
      const RE2JS = re2();
      const pattern = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
      entry = { pattern };
    } catch (error) {
      // The engine quotes the pattern with the case-insensitive flag it was given in front.
      const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '').replace('`(?i)', '`') : String(error);
      entry = { problem: `is not a valid regular expression: ${reason} (patterns use RE2 syntax, which has no back-references or lookarounds)` };
    }
  }
  compiled.set(source, entry);
  return entry;
}

/** Whether a name matches one of the extra patterns. Throws for a pattern that secretPatternProblem rejects. */
export function matchesSecretPattern(name: string, sources: readonly string[]): boolean {
  if (sources.length === 0 || name.length > MAX_NAME_LENGTH) return false;
  for (const source of sources) {
    const { pattern, problem } = compile(source);
    if (!pattern) throw new Error(`secret pattern "${source}" ${problem}`);
    if (pattern.matcher(name).find()) return true;
  }
  return false;
}
