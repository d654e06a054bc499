/**
 * A repository is untrusted input: a pull request can add a `.flylint.toml` or a `fly.staging.toml`
 * that is a symbolic link to `/proc/self/environ` or `~/.aws/credentials`, and an error message
 * would then print what it read. A config file is read only when its real path lies inside the
 * project it was found in.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';

export class OutsideProjectError extends Error {
  readonly code = 'EOUTSIDE';
  constructor(readonly linkPath: string, readonly target: string, readonly project: string) {
    super(`it is a symbolic link to ${target}, outside the project (${project})`);
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Throws OutsideProjectError when `path` resolves outside `project` (both compared by real path).
 * A path that does not exist is left for the read to report.
 */
export function assertInsideProject(path: string, project: string): void {
  let real: string;
  let realProject: string;
  try {
    real = realpathSync(path);
  } catch {
    return;
  }
  try {
    realProject = realpathSync(project);
  } catch {
    realProject = project;
  }
  if (!isInside(real, realProject)) throw new OutsideProjectError(path, real, project);
}

/**
 * The project a config file found in `folder` belongs to: the repository around it (the nearest
 * folder with `.git`), or the folder itself outside any repository.
 */
export function projectOf(folder: string): string {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return folder;
  }
}
