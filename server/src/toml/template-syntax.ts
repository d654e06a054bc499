/**
 * Template syntax where TOML expects a key or a value: the file is a template (Go, Jinja, ERB or
 * shell variables) that some tool renders into the real fly.toml. flyctl reads the file as it is,
 * so it is not TOML yet; saying that once beats an error for every line that holds a placeholder.
 * No TOML key or value starts with `{{`, `{%`, `<%` or `$`, so valid TOML never reaches this.
 */
export interface TemplateSyntax {
  /** Which template language: named in the message. */
  language: 'Go' | 'Jinja' | 'ERB' | 'shell';
  start: number;
  /** The end of the construct: its closing delimiter on the same line, else the end of the line. */
  end: number;
}

const OPENERS: ReadonlyArray<readonly [string, string, TemplateSyntax['language']]> = [
  ['{{', '}}', 'Go'],
  ['{%', '%}', 'Jinja'],
  ['<%', '%>', 'ERB'],
  ['${', '}', 'shell'],
];

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
  return i;
}

/** The template construct that starts at `pos`, if one does. */
export function templateAt(text: string, pos: number): TemplateSyntax | undefined {
  for (const [open, close, language] of OPENERS) {
    if (!text.startsWith(open, pos)) continue;
    const stop = lineEnd(text, pos);
    const closing = text.indexOf(close, pos + open.length);
    return { language, start: pos, end: closing >= 0 && closing < stop ? closing + close.length : stop };
  }
  // `$PORT`: a shell variable as envsubst replaces it.
  if (text.charCodeAt(pos) === 0x24 && /^\$[A-Za-z_][A-Za-z0-9_]*/.test(text.slice(pos, pos + 2 + 64))) {
    let end = pos + 1;
    while (end < text.length && /[A-Za-z0-9_]/.test(text[end]!)) end++;
    return { language: 'shell', start: pos, end };
  }
  return undefined;
}

/** The one error of a template file: what the first construct is, and how many more lines hold one. */
export function templateMessage(first: TemplateSyntax, shown: string, moreLines: number): string {
  const more = moreLines > 0 ? ` (as is what ${moreLines} more line${moreLines > 1 ? 's hold' : ' holds'})` : '';
  const what = first.language === 'shell' ? `${shown} is a shell variable, not TOML${more}` : `${shown} is ${first.language} template syntax, not TOML${more}`;
  const render = first.language === 'shell' ? 'substitute the variables (envsubst) and lint the result' : 'lint the rendered config instead';
  const article = first.language === 'ERB' ? 'an' : 'a';
  return `This file is ${article} ${first.language} template: ${what}. flyctl reads the file as it is, so ${render}`;
}
