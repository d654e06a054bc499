/**
 * Finds the configs to lint: named files as given, directories walked for fly*.toml. Directories
 * are filtered the way git does: the .gitignore files from the repository root down apply, a
 * deeper file can re-include (`!pattern`) what a shallower one excluded, and node_modules and
 * .git are never entered. Symlinked folders are not followed (no cycles), and a symlinked file is
 * read only when its target lies inside the folder being walked: a link must not carry the walk
 * (and the file's contents, into a CI log) outside the project.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { describeFsError } from './read-file.js';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { UsageError } from './args.js';

const CONFIG_NAME = /^fly.*\.toml$/i;
const SKIP = new Set(['node_modules', '.git']);

interface IgnoreScope {
  dir: string;
  rules: Ignore;
}

export interface Discovery {
  files: string[];
  /** Directories given on the command line that hold no fly*.toml. */
  empty: string[];
}

function readIgnore(dir: string): IgnoreScope | undefined {
  try {
    return { dir, rules: ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8')) };
  } catch {
    return undefined;
  }
}

/** Outermost first: later scopes override earlier ones. */
function ignored(path: string, isDir: boolean, scopes: readonly IgnoreScope[]): boolean {
  let result = false;
  for (const scope of scopes) {
    const rel = relative(scope.dir, path).split(sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    const verdict = scope.rules.test(isDir ? `${rel}/` : rel);
    if (verdict.ignored) result = true;
    else if (verdict.unignored) result = false;
  }
  return result;
}

/** The .gitignore files above `dir`, up to the repository root (none outside a repository). */
function enclosingScopes(dir: string): IgnoreScope[] {
  if (existsSync(join(dir, '.git'))) return [];
  const chain: string[] = [];
  for (let current = dirname(dir); ; current = dirname(current)) {
    chain.unshift(current);
    if (existsSync(join(current, '.git'))) break;
    if (dirname(current) === current) return [];
  }
  return chain.flatMap((d) => readIgnore(d) ?? []);
}

function kind(entry: Dirent, path: string, root: string): 'dir' | 'file' | undefined {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  // Only a link that could be a config is resolved: a linked folder is never looked into.
  if (entry.isSymbolicLink() && CONFIG_NAME.test(entry.name)) {
    try {
      const target = realpathSync(path);
      return target.startsWith(root + sep) && statSync(target).isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function walk(dir: string, scopes: IgnoreScope[], out: string[], root: string): void {
  const own = readIgnore(dir);
  const here = own ? [...scopes, own] : scopes;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const type = kind(entry, path, root);
    if (type === 'dir') {
      if (!SKIP.has(entry.name) && !ignored(path, true, here)) walk(path, here, out, root);
    } else if (type === 'file' && CONFIG_NAME.test(entry.name) && !ignored(path, false, here)) {
      out.push(path);
    }
  }
}

function realpathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

export function discoverFiles(paths: readonly string[], cwd: string): Discovery {
  const files: string[] = [];
  const empty: string[] = [];
  for (const given of paths.length ? paths : ['.']) {
    const path = resolve(cwd, given);
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      // A symlink loop or a file used as a folder is no missing path: it gets its own reason.
      if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') throw new UsageError(`No such file or directory: ${given}`);
      throw new UsageError(`cannot read ${given} (${describeFsError(error)})`);
    }
    if (stats.isDirectory()) {
      const before = files.length;
      walk(path, enclosingScopes(path), files, realpathOf(path));
      if (files.length === before) empty.push(given);
    } else {
      files.push(path);
    }
  }
  return { files: [...new Set(files)], empty };
}
