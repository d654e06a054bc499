/**
 * Extra secret-name patterns come from a repository's config file, and a regular expression can
 * take exponential time on a crafted name (`^(A+)+$` against `AAAA…B`): a config in a pull request
 * could hang CI and every editor that opens the repository. So a pattern may repeat single items
 * (a character, a class, `.`, an escape) or groups with neither repetition nor alternatives
 * inside, at most twice in all, and may not refer back to a group; names longer than
 * MAX_NAME_LENGTH are left to the built-in checks. One test then takes on the order of
 * MAX_NAME_LENGTH³ steps at worst, a few milliseconds.
 */

const MAX_REPETITIONS = 2;
export const MAX_NAME_LENGTH = 128;

interface Group {
  repeats: boolean;
  alternatives: boolean;
}

/** A quantifier at `i` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each maybe lazy): its length and whether it repeats. */
function quantifierAt(source: string, i: number): { length: number; repeats: boolean } | undefined {
  const c = source[i];
  let length: number;
  let repeats: boolean;
  if (c === '*' || c === '+' || c === '?') {
    length = 1;
    repeats = c !== '?';
  } else if (c === '{') {
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!braces) return undefined; // a literal brace
    length = braces[0].length;
    const max = braces[2] === undefined ? Number(braces[1]) : braces[3] === '' ? Infinity : Number(braces[3]);
    repeats = max > 1;
  } else {
    return undefined;
  }
  if (source[i + length] === '?') length++;
  return { length, repeats };
}

/** Why a pattern could take too long, or undefined when it cannot. Assumes a valid regular expression. */
export function secretPatternProblem(source: string): string | undefined {
  const groups: Group[] = [{ repeats: false, alternatives: false }];
  let repetitions = 0;
  /** The group just closed, when the last item read is a group. */
  let closed: Group | undefined;
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const quantifier = quantifierAt(source, i);
    if (quantifier) {
      if (quantifier.repeats) {
        if (closed && (closed.repeats || closed.alternatives)) return 'it repeats a group that itself repeats or has alternatives, which can take exponential time';
        repetitions++;
        groups[groups.length - 1]!.repeats = true;
      }
      i += quantifier.length;
      closed = undefined;
      continue;
    }
    closed = undefined;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9k]/.test(next)) return 'it refers back to a group, which can take exponential time';
      i += 2;
    } else if (c === '[') {
      i++;
      // In JavaScript `[]` is a class of its own (it matches nothing): a `]` right away closes it.
      if (source[i] === '^') i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '(') {
      groups.push({ repeats: false, alternatives: false });
      i++;
      // The group's kind (`?:`, `?=`, `?<=`, `?<name>` …) is not an item of its own.
      if (source.startsWith('?<=', i) || source.startsWith('?<!', i)) i += 3;
      else if (source.startsWith('?<', i)) i = source.indexOf('>', i) + 1;
      else if (source[i] === '?') i += 2;
    } else if (c === ')') {
      const group = groups.pop()!;
      const outer = groups[groups.length - 1]!;
      outer.repeats ||= group.repeats;
      outer.alternatives ||= group.alternatives;
      closed = group;
      i++;
    } else {
      if (c === '|') groups[groups.length - 1]!.alternatives = true;
      i++;
    }
  }
  if (repetitions > MAX_REPETITIONS) return `it repeats ${repetitions} items (at most ${MAX_REPETITIONS} are allowed, as each one multiplies the time a name can take)`;
  return undefined;
}

const compiled = new Map<string, RegExp>();

/** Whether a name matches one of the extra patterns. Throws for a pattern that secretPatternProblem rejects. */
export function matchesSecretPattern(name: string, sources: readonly string[]): boolean {
  if (sources.length === 0 || name.length > MAX_NAME_LENGTH) return false;
  for (const source of sources) {
    let pattern = compiled.get(source);
    if (!pattern) {
      const problem = secretPatternProblem(source);
      if (problem) throw new Error(`secret pattern "${source}" cannot be used: ${problem}`);
      pattern = new RegExp(source, 'i');
      compiled.set(source, pattern);
    }
    if (pattern.test(name)) return true;
  }
  return false;
}
