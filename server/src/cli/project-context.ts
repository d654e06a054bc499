/**
 * The configs around files named on their own. pre-commit names only the staged configs, but the
 * cross-file rules must see the whole project: a staged `fly.staging.toml` that reuses the app of
 * the committed `fly.toml` is the mistake they exist for. These configs are read, never reported,
 * fixed or counted.
 */
import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { configsIn, repositoryRoot, type Included } from './discover.js';
import { readRegularFile } from './read-file.js';
import { decodeSource, type DecodedSource } from './read-source.js';
import type { ConfigSearch } from './config-search.js';

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * The folder a file's project is read from: the nearer of the folder of the nearest
 * `.flylint.toml` with `root = true` and the repository root (the nearest folder holding `.git`).
 * Outside both, the file's own folder alone: the folders below it could be a whole home folder.
 */
export function projectFolder(filePath: string, configs: ConfigSearch): { folder: string; shallow: boolean } {
  const dir = dirname(filePath);
  const candidates = [configs.rootFolderOf(filePath), repositoryRoot(dir)].filter((d): d is string => d !== undefined);
  if (!candidates.length) return { folder: dir, shallow: true };
  return { folder: candidates.reduce((a, b) => (b.length > a.length ? b : a)), shallow: false };
}

/**
 * The other configs of the projects of `named`, found as a folder walk finds them (.gitignore,
 * `include`), leaving out the files the run lints (`linted`, compared by real path too). One that
 * cannot be read is left out: it is context, not something the run was asked to check.
 */
export function projectContext(named: readonly string[], linted: readonly string[], configs: ConfigSearch, included: Included): Array<DecodedSource & { filePath: string }> {
  if (!named.length) return [];
  const seen = new Set(linted.flatMap((path) => [path, realpathOr(path)]));
  const folders = new Map<string, boolean>();
  for (const filePath of named) {
    const { folder, shallow } = projectFolder(filePath, configs);
    folders.set(folder, (folders.get(folder) ?? true) && shallow);
  }
  const context: Array<DecodedSource & { filePath: string }> = [];
  for (const [folder, shallow] of folders) {
    for (const filePath of configsIn(folder, included, shallow)) {
      const real = realpathOr(filePath);
      if (seen.has(filePath) || seen.has(real)) continue;
      seen.add(filePath).add(real);
      try {
        context.push({ filePath, ...decodeSource(readRegularFile(filePath)) });
      } catch {
        // Left out (see above).
      }
    }
  }
  return context;
}
