/** The closest known name to a typo, when it is close enough to be what was meant. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(previous[j]! + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: most candidates are ruled out unmeasured.
    const gap = Math.abs(candidate.length - name.length);
    if (gap > limit || gap >= bestDistance) continue;
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

const OPPOSITES = [['min', 'max'], ['start', 'stop'], ['enable', 'disable'], ['allow', 'deny']];

function tokens(name: string): string[] {
  return name.toLowerCase().split(/[_-]+/).map((t) => t.replace(/s$/, ''));
}

/** Known keys come from the schema, a few hundred names: each one's words are worked out once. */
const wordSets = new Map<string, string>();

function wordSet(key: string): string {
  let words = wordSets.get(key);
  if (words === undefined) {
    words = tokens(key).sort().join();
    if (wordSets.size >= 10_000) wordSets.clear();
    wordSets.set(key, words);
  }
  return words;
}

/**
 * The known key a typo stands for: close in spelling, or the same words in another order
 * (`auto_machine_start`). Never one that means the opposite (`max_machines_running` is not a
 * misspelt `min_machines_running`).
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const words = tokens(key);
  const sortedWords = [...words].sort().join();
  const reordered = known.find((k) => wordSet(k) === sortedWords);
  const candidate = reordered ?? didYouMean(key, known);
  if (!candidate) return undefined;
  const theirs = tokens(candidate);
  const opposite = OPPOSITES.some(([a, b]) => (words.includes(a!) && theirs.includes(b!)) || (words.includes(b!) && theirs.includes(a!)));
  return opposite ? undefined : candidate;
}
