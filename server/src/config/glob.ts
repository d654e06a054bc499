/** A small glob matcher for config patterns: `*` (within a segment), `**` (any segments), `?`. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (ch === '?') {
      source += '[^/]';
    } else {
      source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** Patterns without a slash match the file name anywhere below, as .gitignore does. */
export function globMatches(glob: string, relativePath: string): boolean {
  const path = relativePath.replace(/\\/g, '/');
  if (!glob.includes('/')) return globToRegExp(glob).test(path.slice(path.lastIndexOf('/') + 1));
  return globToRegExp(glob.replace(/^\.\//, '')).test(path);
}
