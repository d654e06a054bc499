/** Whether a command splits into words as flyctl's shell splitter reads it (quotes closed, no dangling escape). */
export function shellSplitError(command: string): string | undefined {
  let quote: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (c === '\\') {
      if (i === command.length - 1) return 'it ends with an unfinished escape "\\"';
      i++;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    }
  }
  return quote ? `its ${quote === '"' ? 'double' : 'single'} quote is never closed` : undefined;
}
