/**
 * The last guard before a fixed config reaches the disk: whatever the fixes inserted, the file
 * keeps its byte-order mark, its line endings and whether it ends with a newline, so a fix never
 * shows up in a diff as a change to every line or to the last one.
 */

const BOM = '\uFEFF';

function usesOnlyCrlf(text: string): boolean {
  return text.includes('\r\n') && !/(^|[^\r])\n/.test(text);
}

export function keepFileConventions(original: string, fixed: string): string {
  let body = fixed.startsWith(BOM) ? fixed.slice(1) : fixed;
  if (usesOnlyCrlf(original)) body = body.replace(/\r?\n/g, '\r\n');
  const originalBody = original.startsWith(BOM) ? original.slice(1) : original;
  const endedWithNewline = /\n$/.test(originalBody);
  if (originalBody.length > 0 && body.length > 0) {
    if (endedWithNewline && !/\n$/.test(body)) body += usesOnlyCrlf(original) ? '\r\n' : '\n';
    // Every line break: a fix that removed the last line can leave the blank line above it at the end.
    else if (!endedWithNewline) body = body.replace(/(?:\r?\n)+$/, '');
  }
  return (original.startsWith(BOM) ? BOM : '') + body;
}
