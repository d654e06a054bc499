/**
 * What an edit does, as the title of a suggestion or a quick-fix: `Replace 5 with "5s"`,
 * `Insert swap_size_mb = 512`, `Remove …`. It reads on its own in an editor's code-action menu,
 * where the finding it fixes is not shown beside it.
 */
import type { Fix } from './types.js';

function shorten(text: string): string {
  const flat = text.trim().replace(/\s*\r?\n\s*/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

export function describeFix(text: string, fix: Fix): string {
  const old = text.slice(fix.range[0], fix.range[1]);
  if (!old.trim()) return `Insert ${shorten(fix.text)}`;
  if (!fix.text.trim()) return `Remove ${shorten(old)}`;
  return `Replace ${shorten(old)} with ${shorten(fix.text)}`;
}

/** A suggestion that replaces a range, titled by what it does. */
export function replaceWith(text: string, range: [number, number], replacement: string): { desc: string; fix: Fix } {
  const fix = { range, text: replacement };
  return { desc: describeFix(text, fix), fix };
}
