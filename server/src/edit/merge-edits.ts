/** Several edits of one fix become one replacement spanning them (ESLint's fix shape). */
import type { Fix } from '../lint/types.js';

export function mergeEdits(text: string, edits: readonly Fix[]): Fix | undefined {
  if (edits.length === 0) return undefined;
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0]);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.range[0] < sorted[i - 1]!.range[1]) return undefined;
  const start = sorted[0]!.range[0];
  const end = sorted[sorted.length - 1]!.range[1];
  let out = '';
  let cursor = start;
  for (const e of sorted) {
    out += text.slice(cursor, e.range[0]) + e.text;
    cursor = e.range[1];
  }
  return { range: [start, end], text: out };
}
