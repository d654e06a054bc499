/**
 * A small glob matcher for config patterns: `*` (within a segment), `**` (any segments), `?`.
 * Globs come from a repository's config file, so matching must stay linear in the path whatever
 * the pattern: a backtracking regular expression for `*a*a*a*a*b` takes exponential time. This
 * one runs the pattern as a set of positions, advanced one character at a time.
 */

type Step =
  | { kind: 'char'; ch: string }
  /** `?`: one character other than `/`. */
  | { kind: 'one' }
  /** `*`: any run of characters other than `/`. */
  | { kind: 'star' }
  /** `**` not followed by `/`: any run of characters. */
  | { kind: 'globstar' }
  /** `**` followed by `/`: nothing, or any run of characters that ends with `/`. */
  | { kind: 'dirs' };

function compile(glob: string): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      const dirs = glob[i + 2] === '/';
      steps.push({ kind: dirs ? 'dirs' : 'globstar' });
      i += dirs ? 2 : 1;
    } else if (ch === '*') {
      steps.push({ kind: 'star' });
    } else if (ch === '?') {
      steps.push({ kind: 'one' });
    } else {
      steps.push({ kind: 'char', ch });
    }
  }
  return steps;
}

/**
 * States 0..n: "before step i" (n: the whole pattern matched). States n+1+i: inside the `**`-and-slash of
 * step i after a character that did not close it (only its closing `/` moves past it).
 */
function matches(steps: readonly Step[], text: string): boolean {
  const n = steps.length;
  let current = new Uint8Array(2 * n + 1);
  let next = new Uint8Array(2 * n + 1);
  current[0] = 1;
  skipEmpty(steps, current);
  // UTF-16 units, as the pattern's steps are.
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    next.fill(0);
    let alive = false;
    for (let i = 0; i < n; i++) {
      if (current[i]) {
        const step = steps[i]!;
        switch (step.kind) {
          case 'char':
            if (c === step.ch) next[i + 1] = 1;
            break;
          case 'one':
            if (c !== '/') next[i + 1] = 1;
            break;
          case 'star':
            if (c !== '/') next[i] = 1;
            break;
          case 'globstar':
            next[i] = 1;
            break;
          case 'dirs':
            if (c === '/') next[i + 1] = 1;
            next[n + 1 + i] = 1;
            break;
        }
      }
      if (current[n + 1 + i]) {
        if (c === '/') next[i + 1] = 1;
        next[n + 1 + i] = 1;
      }
    }
    skipEmpty(steps, next);
    for (let s = 0; s < next.length && !alive; s++) alive = next[s] === 1;
    if (!alive) return false;
    [current, next] = [next, current];
  }
  return current[n] === 1;
}

/** Steps that may match nothing are passed over (in order, as each leads only forward). */
function skipEmpty(steps: readonly Step[], states: Uint8Array): void {
  for (let i = 0; i < steps.length; i++) {
    const kind = steps[i]!.kind;
    if (states[i] && (kind === 'star' || kind === 'globstar' || kind === 'dirs')) states[i + 1] = 1;
  }
}

/** Patterns without a slash match the file name anywhere below, as .gitignore does. */
export function globMatches(glob: string, relativePath: string): boolean {
  const path = relativePath.replace(/\\/g, '/');
  if (!glob.includes('/')) return matches(compile(glob), path.slice(path.lastIndexOf('/') + 1));
  return matches(compile(glob.replace(/^\.\//, '')), path);
}
