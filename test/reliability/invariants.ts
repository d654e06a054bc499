/** What must hold for any input: no throw, ranges inside the text, sorted unique findings, a lossless tree. */
import { lintText, parseToml, type Finding } from '../../server/src/index.js';
import { tokensAreContiguous, printDocument } from '../../server/src/toml/index.js';

export function checkInvariants(text: string, filePath = '/p/fly.toml'): Finding[] {
  const { ast } = parseToml(text);
  if (!tokensAreContiguous(ast, text.length) || printDocument(ast, text) !== text) throw new Error('the tree does not reprint the input');
  const findings = lintText(text, { filePath });
  let previous: Finding | undefined;
  for (const f of findings) {
    const [start, end] = f.range;
    if (!(start >= 0 && start <= end && end <= text.length)) throw new Error(`range ${start}-${end} outside a text of ${text.length}`);
    for (const fix of [f.fix, ...(f.suggestions ?? []).map((s) => s.fix)]) {
      if (fix && !(fix.range[0] >= 0 && fix.range[0] <= fix.range[1] && fix.range[1] <= text.length)) throw new Error(`fix range outside the text (${f.ruleId})`);
    }
    if (previous) {
      if (previous.range[0] > start) throw new Error('findings are not sorted');
      if (previous.range[0] === start && previous.range[1] === end && previous.ruleId === f.ruleId && previous.message === f.message) throw new Error('duplicate finding');
    }
    previous = f;
  }
  return findings;
}

const INSERTS = ['[', ']', '[[', ']]', '=', '"', "'''", '"""', '\r\n', '\n', '{', '}', ',', '.', '#', '\uD800', '\uFEFF', '\u0000', '\u001b', '\\', 'x = ', '[http_service]\n'];

/** A deterministic mutation of a text, chosen by two numbers in [0, 1). */
export function mutate(text: string, a: number, b: number): string {
  const at = Math.floor(a * (text.length + 1));
  switch (Math.floor(b * 4)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + INSERTS[Math.floor(b * 97) % INSERTS.length] + text.slice(at);
    case 2: {
      const lines = text.split('\n');
      const i = Math.floor(a * lines.length);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    default:
      return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(b * 40)));
  }
}

export function comments(text: string): string[] {
  return parseToml(text).ast.comments.map((c) => c.text).sort();
}
