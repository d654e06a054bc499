/** Finds the configs to lint: named files as given, directories walked for fly*.toml, honouring .gitignore. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { UsageError } from './args.js';

const CONFIG_NAME = /^fly.*\.toml$/i;
const SKIP = new Set(['node_modules', '.git']);

interface IgnoreScope {
  dir: string;
  rules: Ignore;
}

function readIgnore(dir: string): IgnoreScope | undefined {
  try {
    return { dir, rules: ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8')) };
  } catch {
    return undefined;
  }
}

function ignored(path: string, isDir: boolean, scopes: readonly IgnoreScope[]): boolean {
  for (const scope of scopes) {
    const rel = relative(scope.dir, path).split(sep).join('/');
    if (rel && !rel.startsWith('..') && scope.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

function walk(dir: string, scopes: IgnoreScope[], out: string[]): void {
  const own = readIgnore(dir);
  const here = own ? [...scopes, own] : scopes;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIP.has(entry.name) || ignored(path, true, here)) continue;
      walk(path, here, out);
    } else if (entry.isFile() && CONFIG_NAME.test(entry.name) && !ignored(path, false, here)) {
      out.push(path);
    }
  }
}

export function discoverFiles(paths: readonly string[], cwd: string): string[] {
  const found: string[] = [];
  for (const given of paths.length ? paths : ['.']) {
    const path = resolve(cwd, given);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new UsageError(`No such file or directory: ${given}`);
    }
    if (stats.isDirectory()) walk(path, [], found);
    else found.push(path);
  }
  return [...new Set(found)];
}
