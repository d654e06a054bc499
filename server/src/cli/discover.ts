/**
 * Finds the configs to lint: named files as given, directories walked for fly*.toml and for the
 * files a `.flylint.toml` names in `include`. Directories
 * are filtered the way git does: the .gitignore files from the repository root down apply, a
 * deeper file can re-include (`!pattern`) what a shallower one excluded, and node_modules and
 * .git are never entered. Symlinked folders are not followed (no cycles), and a symlinked file is
 * read only when its target lies inside the folder being walked: a link must not carry the walk
 * (and the file's contents, into a CI log) outside the project.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { cannotRead } from './read-errors.js';

const CONFIG_NAME = /^fly.*\.toml$/i;
const SKIP = new Set(['node_modules', '.git']);

interface IgnoreScope {
  dir: string;
  rules: Ignore;
}

/** Whether a file not named fly*.toml is a fly config all the same (a `.flylint.toml` includes it). */
export type Included = (path: string) => boolean;

export interface Discovery {
  files: string[];
  /** The files named on the command line (as opposed to found in a folder). */
  named: string[];
  /** Directories given on the command line that hold no config. */
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

function kind(entry: Dirent, path: string, root: string, isConfig: (name: string, path: string) => boolean): 'dir' | 'file' | undefined {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  // Only a link that could be a config is resolved: a linked folder is never looked into.
  if (entry.isSymbolicLink() && isConfig(entry.name, path)) {
    try {
      const target = realpathSync(path);
      return target.startsWith(root + sep) && statSync(target).isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

interface Walk {
  root: string;
  isConfig: (name: string, path: string) => boolean;
  out: string[];
  /** Only the folder itself, not the folders below it. */
  shallow?: boolean;
}

/** A folder below the one given that cannot be read is passed over, as git passes it over. */
function walk(dir: string, scopes: IgnoreScope[], w: Walk, given?: string): void {
  const own = readIgnore(dir);
  const here = own ? [...scopes, own] : scopes;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    if (given !== undefined) throw cannotRead(given, error);
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const type = kind(entry, path, w.root, w.isConfig);
    if (type === 'dir') {
      if (!w.shallow && !SKIP.has(entry.name) && !ignored(path, true, here)) walk(path, here, w);
    } else if (type === 'file' && w.isConfig(entry.name, path) && !ignored(path, false, here)) {
      w.out.push(path);
    }
  }
}

function configTest(included: Included): (name: string, path: string) => boolean {
  return (name, path) => CONFIG_NAME.test(name) || included(path);
}

function realpathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

export function discoverFiles(paths: readonly string[], cwd: string, included: Included = () => false): Discovery {
  const files: string[] = [];
  const named: string[] = [];
  const empty: string[] = [];
  for (const given of paths.length ? paths : ['.']) {
    const path = resolve(cwd, given);
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      throw cannotRead(given, error);
    }
    if (stats.isDirectory()) {
      const before = files.length;
      walk(path, enclosingScopes(path), { root: realpathOf(path), isConfig: configTest(included), out: files }, given);
      if (files.length === before) empty.push(given);
    } else {
      files.push(path);
      named.push(path);
    }
  }
  return { files: [...new Set(files)], named: [...new Set(named)], empty };
}

/**
 * The configs of a project folder, found as a directory given on the command line is walked
 * (`.gitignore` applies); `shallow`: in the folder itself only. An unreadable folder yields none.
 */
export function configsIn(dir: string, included: Included, shallow = false): string[] {
  const out: string[] = [];
  walk(dir, enclosingScopes(dir), { root: realpathOf(dir), isConfig: configTest(included), out, shallow });
  return out;
}

/** The nearest folder at or above `dir` that holds `.git` (a folder, or the file of a worktree or submodule). */
export function repositoryRoot(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}
