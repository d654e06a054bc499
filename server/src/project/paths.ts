/**
 * Root-relative paths, resolved the way flyctl resolves them (Go's `filepath.Join` and `Clean` on
 * a Unix runner): `.` and `..` are folded, and an absolute second part is appended to the folder,
 * not substituted (`filepath.Join("fly", "/Dockerfile")` is `fly/Dockerfile`).
 */

/** The folder of a root-relative path (`''` for the root itself). */
export function folderOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

/**
 * `folder` joined with `path`, cleaned; undefined when the result climbs above the project root
 * (never read) or the path is empty. A backslash is a plain character for flyctl on Linux, and a
 * separator on Windows: a path holding one is not judged.
 */
export function joinInRoot(folder: string, path: string): string | undefined {
  if (path === '' || path.includes('\\') || path.includes('\0')) return undefined;
  const parts: string[] = [];
  for (const part of `${folder}/${path}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** How a message names a root-relative path: `./Dockerfile`-free, `(project root)` for the root. */
export function shownPath(path: string): string {
  return path === '' ? '.' : path;
}
