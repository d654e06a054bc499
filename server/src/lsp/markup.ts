/**
 * Hover and completion documentation are written in markdown. A client that does not list
 * markdown among the formats it renders (eglot without markdown-mode, minimal clients) shows the
 * text as it comes, so it gets plain text instead: no `**`, links written out as "text: url",
 * code without backticks.
 */
import { MarkupKind, type CompletionItem, type MarkupContent } from 'vscode-languageserver';

export type DocumentationFormat = typeof MarkupKind.Markdown | typeof MarkupKind.PlainText;

/** The format to send, from a client's list in order of preference (`contentFormat`, `documentationFormat`). */
export function formatFor(accepted: readonly unknown[] | undefined): DocumentationFormat {
  return Array.isArray(accepted) && accepted.includes(MarkupKind.Markdown) ? MarkupKind.Markdown : MarkupKind.PlainText;
}

const LINK = /!?\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"\n]*")?\s*\)/g;
const AUTOLINK = /<((?:https?|mailto):[^>\s]+)>/g;
const STRONG = /(\*\*|__)(?=\S)([^\n]*?\S)\1/g;
const EMPHASIS = /(^|[^\w*\\])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])/g;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|>~<])/g;

/** Inline markdown of a span that holds no code. */
function plainInline(text: string): string {
  return text
    .replace(LINK, (_m, label: string, url: string) => {
      const shown = label.trim();
      return !shown || shown === url ? url : `${shown}: ${url}`;
    })
    .replace(AUTOLINK, '$1')
    .replace(STRONG, '$2')
    .replace(EMPHASIS, '$1$2')
    .replace(ESCAPE, '$1');
}

/** A line without its code spans touched: `` `[[vm]]` `` stays `[[vm]]`, its brackets are not a link. */
function plainLine(line: string): string {
  let out = '';
  let rest = line;
  for (;;) {
    const open = /`+/.exec(rest);
    if (!open) return out + plainInline(rest);
    const ticks = open[0];
    const close = rest.indexOf(ticks, open.index + ticks.length);
    if (close < 0) return out + plainInline(rest);
    out += plainInline(rest.slice(0, open.index));
    // One space inside the ticks is padding (`` ` `x` ` ``), not content.
    out += rest.slice(open.index + ticks.length, close).replace(/^ (.*[^ ].*) $/, '$1');
    rest = rest.slice(close + ticks.length);
  }
}

/** Markdown as readable plain text. */
export function plainText(markdown: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (fenceMark && fenceMark[1]![0] === fence[0] && fenceMark[1]!.length >= fence.length) fence = undefined;
      else out.push(`    ${line}`);
      continue;
    }
    if (fenceMark) {
      fence = fenceMark[1]!;
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push('');
      continue;
    }
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      out.push(plainLine(heading[1]!));
      continue;
    }
    const item = /^(\s*)[*+-]\s+(.*)$/.exec(line);
    if (item) {
      out.push(`${item[1]}- ${plainLine(item[2]!)}`);
      continue;
    }
    const quote = /^\s{0,3}>\s?(.*)$/.exec(line);
    out.push(plainLine(quote ? quote[1]! : line).replace(/ {2,}$/, ''));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Markdown content in the format the client renders. */
export function markupFor(markdown: string, format: DocumentationFormat): MarkupContent {
  return format === MarkupKind.Markdown ? { kind: MarkupKind.Markdown, value: markdown } : { kind: MarkupKind.PlainText, value: plainText(markdown) };
}

/** Completion items whose markdown documentation is turned to plain text when the client asks for it. */
export function withDocumentationFormat(items: CompletionItem[], format: DocumentationFormat): CompletionItem[] {
  if (format === MarkupKind.Markdown) return items;
  return items.map((item) => {
    const doc = item.documentation;
    if (typeof doc !== 'object' || doc === null || doc.kind !== MarkupKind.Markdown) return item;
    return { ...item, documentation: markupFor(doc.value, format) };
  });
}
